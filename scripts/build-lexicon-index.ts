// Writes assets/lexicon/ar-en.index.tsv, the prebuilt index of the word list (format in
// shared/align/lexicon-index.ts): parseLexicon of ar-en.tsv stored key by key, with the list's
// sha256, so the CLI and the app load it without tokenising 28,000 headwords. Derived from the
// GPL-2+ list, so it is data under the same licence (assets/lexicon/LICENSE, SOURCE.md).
// Run after changing ar-en.tsv (scripts/build-lexicon.mjs runs it) or the way parseLexicon derives
// its keys (then bump LEXICON_INDEX_VERSION):
//   node --import tsx scripts/build-lexicon-index.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { LEXICON_INDEX_FILE, LEXICON_FILE, sha256 } from '../electron/host/lexicon.ts';
import { parseLexicon } from '../shared/align/lexical.ts';
import { serializeLexiconIndex } from '../shared/align/lexicon-index.ts';

const assets = new URL('../assets/', import.meta.url);
const bytes = readFileSync(new URL(LEXICON_FILE, assets));
const lex = parseLexicon(bytes.toString('utf8'));
const target = new URL(LEXICON_INDEX_FILE, assets);
writeFileSync(target, serializeLexiconIndex(lex, sha256(bytes)));
console.log(`${lex.map.size} keys, ${lex.stemmed.size} light stems → ${target.pathname}`);
