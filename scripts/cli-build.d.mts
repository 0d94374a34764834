// Types of scripts/cli-build.mjs (a plain script so the build runs without a TypeScript loader).
import type { BuildOptions } from 'esbuild';

export declare const CLI_ENTRY: string;
export declare const CLI_OUT: string;
export declare function cliBuildOptions(outfile?: string): BuildOptions;
