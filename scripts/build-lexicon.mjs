#!/usr/bin/env node
// Builds assets/lexicon/ar-en.tsv, the Arabic→English word list the aligner's lexical term uses,
// from Debian's FreeDict Arabic–English dictionary (package dict-freedict-ara-eng: the Arabeyes
// word list, GPL-2+). The output is data kept apart from the MIT code: it is read at run time and
// never bundled (see assets/lexicon/LICENSE and SOURCE.md, docs/alignment.md).
//   apt-get install dict-freedict-ara-eng && node scripts/build-lexicon.mjs [/usr/share/dictd]
// It then rebuilds the list's prebuilt index, ar-en.index.tsv (scripts/build-lexicon-index.ts).
// Output: one line per single-word Arabic headword (harakat, shadda and tatweel removed), a tab,
// and its English translations, lower case, separated by "|", in dictionary order, deduplicated.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/usr/share/dictd';
const index = readFileSync(join(dir, 'freedict-ara-eng.index'), 'utf8');
// .dict.dz is dictzip: a gzip file with random-access chunks, which gunzip reads whole
const dict = gunzipSync(readFileSync(join(dir, 'freedict-ara-eng.dict.dz')));

// dictd numbers: base64 digits, most significant first
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const num = (s) => [...s].reduce((n, c) => n * 64 + B64.indexOf(c), 0);
const MARKS = /[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]/g;

const entries = new Map();
for (const line of index.split('\n')) {
  const [head, off, len] = line.split('\t');
  if (!head || !len || head.startsWith('00')) continue;
  const word = head.replace(MARKS, '').trim();
  if (!/^[\u0621-\u064A\u0671-\u06D3]+$/.test(word)) continue; // single Arabic words only
  const body = dict.subarray(num(off), num(off) + num(len)).toString('utf8').split('\n').slice(1);
  const out = entries.get(word) ?? new Set();
  for (const raw of body) {
    const en = raw.replace(/^\s*\d+\.\s*/, '').trim().toLowerCase();
    if (en && /^[a-z][a-z '-]*$/.test(en)) out.add(en);
  }
  if (out.size) entries.set(word, out);
}
const lines = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w, es]) => `${w}\t${[...es].join('|')}`);
const target = new URL('../assets/lexicon/ar-en.tsv', import.meta.url);
writeFileSync(target, lines.join('\n') + '\n');
console.log(`${lines.length} Arabic words → ${target.pathname}`);
// the index is derived with the aligner's own (TypeScript) tokeniser and stemmer
execFileSync(process.execPath, ['--import', 'tsx', new URL('build-lexicon-index.ts', import.meta.url).pathname], { stdio: 'inherit' });
