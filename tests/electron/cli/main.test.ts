// The command line's manners, for every command: `--help` prints the usage on stdout and exits 0;
// an unknown option prints the command's usage on stderr and exits 2 (issue 14 §7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main, usage, type CliIO } from '../../../electron/cli/main.ts';

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  return { out: (s) => void (o += s), err: (s) => void (e += s), isTTY: false, stdout: () => o, stderr: () => e };
}

/** Every command name, from the top-level usage (so a new command is covered without editing this test). */
const commands = usage().split('\n').map((l) => /^ {2}muwazi (\S+)/.exec(l)?.[1]).filter((c): c is string => !!c);

test('the top-level usage lists every command', () => {
  assert.deepEqual([...commands].sort(), ['agree', 'align', 'concordance', 'entities', 'export', 'git-setup', 'import', 'lexicon', 'merge-driver', 'qa', 'segment', 'tm', 'tokenize', 'validate']);
});

for (const name of commands) {
  test(`muwazi ${name} --help: usage on stdout, exit 0; an unknown option: usage on stderr, exit 2`, async () => {
    let io = capture();
    assert.equal(await main([name, '--help'], io), 0, io.stderr());
    assert.match(io.stdout(), new RegExp(`^usage: muwazi ${name}\\b`));
    assert.equal(io.stderr(), '');
    io = capture();
    assert.equal(await main([name, 'مجلد', '--no-such-option'], io), 2, `${name}: ${io.stderr()}`);
    assert.match(io.stderr(), /no-such-option/);
    assert.match(io.stderr(), new RegExp(`usage: muwazi ${name}\\b`));
    assert.equal(io.stdout(), '');
  });
}
