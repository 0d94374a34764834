// The committed Arabic→English word list for benchmarks and scripts (null when absent).
import { existsSync, readFileSync } from 'node:fs';
import { parseLexicon, type Lexicon } from '../shared/align/lexical.ts';

const FILE = new URL('../assets/lexicon/ar-en.tsv', import.meta.url);

export function benchLexicon(): Lexicon | null {
  return existsSync(FILE) ? parseLexicon(readFileSync(FILE, 'utf8')) : null;
}
