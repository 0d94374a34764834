// Entry of the `muwazi` CLI: dispatches to one module per command. Command modules use the plain
// Node host services (electron/host), never electron.

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** true when stderr is a terminal (progress bars only then) */
  isTTY: boolean;
}

type Command = { summary: string; load: () => Promise<{ run: (argv: string[], io: CliIO) => Promise<number> }> };

const commands: Record<string, Command> = {
  export: { summary: 'export <folder|file> --format FMT --out PATH [options]', load: () => import('./export.ts') },
  segment: { summary: 'segment <file> [--lang ar|en] [--json]', load: () => import('./segment.ts') },
  tokenize: { summary: 'tokenize <file> [--lang ar|en] [--clitics] [--json]', load: () => import('./tokenize.ts') },
  align: { summary: 'align <ar.txt> <en.txt> [--presegmented] [--json]', load: () => import('./align.ts') },
  import: { summary: 'import <name.txt> <translation.txt|memory.tmx> | import <name.txt> --moses <ar> <en> | import --folder <dir>', load: () => import('./import.ts') },
  validate: { summary: 'validate <folder|file>', load: () => import('./validate.ts') },
  entities: { summary: 'entities <folder> [--json] [--glossary-tsv <out.tsv>] | --propagate [--dry-run]', load: () => import('./entities.ts') },
  qa: { summary: 'qa <folder|file> [--json] [--checks a,b,...] [--fail-on error|warning]', load: () => import('./qa.ts') },
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
