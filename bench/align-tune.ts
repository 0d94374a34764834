// Quick Muwazi-only table of the align bench cases, for tuning (no hunalign, no speed run):
// node --import tsx bench/align-tune.ts [bench|dev]
import { alignSentences } from '../shared/align/aligner.ts';
import { placeMovedBlocks } from '../shared/align/moved.ts';
import { benchLexicon } from './align-lexicon.ts';
import { buildCases, count, loadNtrex, loadPud, split, summarise } from './align-cases.ts';

const which = (process.argv[2] ?? 'bench') as 'bench' | 'dev';
const lexicon = process.env.NO_LEXICON ? undefined : benchLexicon() ?? undefined;
const t0 = performance.now();
for (const [name, docs] of Object.entries({ ntrex: loadNtrex(), pud: loadPud() })) {
  for (const [kind, set] of Object.entries(buildCases(split(docs)[which], name === 'ntrex' ? 13 : 31))) {
    // as the import aligns (moved paragraphs placed; MONOTONE=1: the aligner alone)
    const s = summarise(set.map((d) => count(d, process.env.MONOTONE ? alignSentences(d.ar, d.en, { lexicon }) : placeMovedBlocks(d.ar, d.en, alignSentences(d.ar, d.en, { lexicon }), { lexicon }))));
    console.log(`${name}/${kind}`.padEnd(24), s.strictF1.toFixed(3), s.enOwnRow.toFixed(3), s.wrongConfident.toFixed(3), s.precisionConfident.toFixed(3));
  }
}
console.log(`${Math.round(performance.now() - t0)} ms`);
