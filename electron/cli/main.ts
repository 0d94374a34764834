// Entry of the `muwazi` CLI: dispatches to one module per command. Command modules use the plain
// Node host services (electron/host), never electron.

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** true when stderr is a terminal (progress bars only then) */
  isTTY: boolean;
}

/** A command: its usage line, its module, and whether the module prints its own (longer) --help. */
type Command = { summary: string; ownHelp?: true; load: () => Promise<{ run: (argv: string[], io: CliIO) => Promise<number> }> };

const commands: Record<string, Command> = {
  export: { ownHelp: true, summary: 'export <folder|file> --format FMT --out PATH [options]', load: () => import('./export.ts') },
  segment: { summary: 'segment <file> [--lang ar|en] [--json]', load: () => import('./segment.ts') },
  tokenize: { summary: 'tokenize <file> [--lang ar|en] [--clitics] [--json]', load: () => import('./tokenize.ts') },
  align: { summary: 'align <ar.txt> <en.txt> [--presegmented] [--json]', load: () => import('./align.ts') },
  import: { ownHelp: true, summary: 'import <name.txt> <translation.txt|memory.tmx> | import <name.txt> --moses <ar> <en> | import --folder <dir>', load: () => import('./import.ts') },
  validate: { summary: 'validate <folder|file>', load: () => import('./validate.ts') },
  entities: { summary: 'entities <folder> [--json] [--glossary-tsv <out.tsv>] | --propagate [--dry-run]', load: () => import('./entities.ts') },
  qa: { ownHelp: true, summary: 'qa <folder|file> [--json] [--checks a,b,...] [--fail-on error|warning]', load: () => import('./qa.ts') },
  tm: { ownHelp: true, summary: 'tm <folder> --query <text> [--lang ar|en] [--min 0.5] [--limit 5] [--json] | tm <folder> --export <out.tmx>', load: () => import('./tm.ts') },
  lexicon: { summary: 'lexicon --learn <folder> [--json]', load: () => import('./lexicon.ts') },
  concordance: { ownHelp: true, summary: 'concordance <folder> <term> [--lang ar|en] [--json]', load: () => import('./concordance.ts') },
  'merge-driver': { summary: 'merge-driver <ancestor %O> <ours %A> <theirs %B> [<path %P>]   (run by git)', load: () => import('./merge-driver.ts') },
  'git-setup': { summary: 'git-setup [folder]', load: () => import('./git-setup.ts') },
  agree: { summary: 'agree <dirA> <dirB> [--json] | agree [folder] --rev A --rev B [--json]', load: () => import('./agree.ts') },
};

export function usage(): string {
  return ['usage: muwazi <command> [options]', '', ...Object.values(commands).map((c) => `  muwazi ${c.summary}`)].join('\n');
}

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage() + '\n');
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    io.err(`muwazi: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  // every command answers --help with its usage on stdout and exit 0 (those with more to say print their own)
  if (!cmd.ownHelp && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(`usage: muwazi ${cmd.summary}\n`);
    return 0;
  }
  try {
    const mod = await cmd.load();
    return await mod.run(rest, io);
  } catch (e) {
    io.err(`muwazi ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

function defaultIO(): CliIO {
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
  };
}
