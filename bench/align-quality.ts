// The alignment quality cases alone, for before/after runs of a change that must not move them:
//   node --import tsx bench/align-quality.ts
// Per case (both splits): strict F1 with the word list and without it, and a fingerprint (sha256,
// 12 hex digits) of every link with its confidence, as the import aligns (moved paragraphs placed);
// `all` fingerprints the lot. Equal fingerprints mean identical alignments, confidences included.
import { createHash } from 'node:crypto';
import { buildCases, count, loadNtrex, loadPud, split, summarise } from './align-cases.ts';
import { muwaziLinks } from './align.bench.ts';
import { benchLexicon } from './align-lexicon.ts';

const lexicon = benchLexicon() ?? undefined;
const corpora = { ntrex: loadNtrex(), pud: loadPud() };
const out: Record<string, string> = {};
const all = createHash('sha256');
for (const which of ['bench', 'dev'] as const) {
  for (const [name, docs] of Object.entries(corpora)) {
    for (const [kind, set] of Object.entries(buildCases(split(docs)[which], name === 'ntrex' ? 13 : 31))) {
      const h = createHash('sha256');
      const f1 = (lex: typeof lexicon) => summarise(set.map((d) => {
        const links = muwaziLinks(d, lex);
        h.update(JSON.stringify(links));
        return count(d, links);
      })).strictF1;
      const withList = lexicon ? f1(lexicon) : 'no word list';
      const without = f1(undefined);
      const print = h.digest('hex').slice(0, 12);
      all.update(print);
      out[`${which}/${name}/${kind}`] = `F1 ${withList} / no list ${without} / links ${print}`;
    }
  }
}
out.all = all.digest('hex').slice(0, 16);
console.log(JSON.stringify(out, null, 1));
