// Error listing for the NTREX sentence-boundary benchmark (a development aid, not part of
// `npm run bench`): prints every missed and every false boundary with its context and the
// English source line, so each rule change can be checked case by case.
//   node --import tsx bench/text-errors.ts [--intl]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { segmentSentences } from '../shared/text/segment.ts';
import { boundaries, intlSentenceSpans } from '../shared/text/score.ts';
import { OffsetMap } from '../shared/text/offsets.ts';
import { ntrexDocuments } from './text.bench.ts';

const DATA = process.env.MUWAZI_DATA ?? resolve(import.meta.dirname, '../../shared/data');
const english = readFileSync(join(DATA, 'ntrex128-ar-en/newstest2019-src.eng.txt'), 'utf8').split(/\r\n|\n/);
const useIntl = process.argv.includes('--intl');

let line = 0; // global index of the document's first line
let fn = 0;
let fp = 0;
const out: string[] = [];
for (const doc of ntrexDocuments()) {
  const map = new OffsetMap(doc.text);
  const gold = boundaries(doc.gold);
  const pred = new Set(boundaries(useIntl ? intlSentenceSpans(doc.text, 'ar') : segmentSentences(doc.text, { lang: 'ar' })));
  const goldSet = new Set(gold);
  const ctx = (b: number) => `${map.slice(Math.max(0, b - 45), b).replace(/\n/g, '⏎')} ‖ ${map.slice(b, Math.min(map.cpLength, b + 30)).replace(/\n/g, '⏎')}`;
  gold.forEach((b, k) => {
    if (pred.has(b)) return;
    fn++;
    out.push(`MISS  L${line + k + 1}→${line + k + 2}  ${ctx(b)}\n      en: …${english[line + k].slice(-50)} ‖ ${english[line + k + 1].slice(0, 40)}`);
  });
  for (const b of pred) {
    if (goldSet.has(b)) continue;
    fp++;
    // the gold line that contains the false boundary
    let k = 0;
    while (k < doc.gold.length && doc.gold[k].end < b) k++;
    out.push(`FALSE L${line + k + 1}  ${ctx(b)}\n      en: ${english[line + k]}`);
  }
  line += doc.gold.length;
}
console.log(out.join('\n'));
console.log(`missed ${fn}, false ${fp}`);
