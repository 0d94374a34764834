// Entry of the bundled command line (dist/cli.mjs, built by scripts/build.mjs): runs `main` on the
// process arguments. bin/muwazi.mjs loads the bundle when it is there and current, else the sources.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
