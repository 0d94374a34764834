// Runs every test file under tests/ with node:test (TypeScript through tsx). node:test's summary
// is what CI reads. `--no-e2e` leaves out tests/e2e (real Chromium).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const noE2e = args.includes('--no-e2e');
const only = args.filter((a) => !a.startsWith('--'));

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let files = find('tests').sort();
if (noE2e) files = files.filter((f) => !f.startsWith(join('tests', 'e2e')));
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, MUWAZI_TEST: '1' } },
);
process.exit(r.status ?? 1);
