// Fits the aligner's confidence calibration (shared/align/aligner.ts: POSTERIOR_TEMPERATURE,
// CONFIDENT_POSTERIOR) on the held-out dev split of the align bench (bench/align-cases.ts: every
// 4th NTREX / PUD document, never the documents the bench reports and we tune on).
// For each temperature: the lowest raw posterior τ such that, in EVERY case kind, the links with
// posterior ≥ τ are right at least 98 % of the time (strict: both sides exact), and the share of
// right links that stay above τ (the more, the fewer right rows the user is sent to review).
// node --import tsx scripts/calibrate-align.ts
import { alignSentences } from '../shared/align/aligner.ts';
import { buildCases, loadNtrex, loadPud, split } from '../bench/align-cases.ts';
import { benchLexicon } from '../bench/align-lexicon.ts';

const lexicon = process.env.NO_LEXICON ? undefined : benchLexicon() ?? undefined;

const TARGET = 0.98;
const temps = [0.5, 0.7, 1, 1.5];
const byT = new Map<number, Map<string, Array<[number, boolean]>>>();
for (const T of temps) byT.set(T, new Map());
for (const [name, docs] of Object.entries({ ntrex: loadNtrex(), pud: loadPud() })) {
  for (const [kind, set] of Object.entries(buildCases(split(docs).dev, name === 'ntrex' ? 13 : 31))) {
    for (const T of temps) {
      const rows: Array<[number, boolean]> = [];
      for (const d of set) {
        const gold = new Set(d.gold.map((g) => g[0].join(',') + '|' + g[1].join(',')));
        for (const l of alignSentences(d.ar, d.en, { temperature: T, rawConfidence: true, lexicon })) rows.push([l.confidence, gold.has(l.src.join(',') + '|' + l.tgt.join(','))]);
      }
      byT.get(T)!.set(`${name}/${kind}`, rows);
    }
  }
}
for (const T of temps) {
  const m = byT.get(T)!;
  // smallest τ on a grid meeting the target in every kind
  let tau = 1;
  for (let t = 0.99; t >= 0.05; t = Math.round((t - 0.01) * 100) / 100) {
    const ok = [...m.values()].every((rows) => {
      const above = rows.filter((r) => r[0] >= t);
      return above.length === 0 || above.filter((r) => r[1]).length / above.length >= TARGET;
    });
    if (ok) tau = t;
  }
  const all = [...m.values()].flat();
  const right = all.filter((r) => r[1]);
  const kept = right.filter((r) => r[0] >= tau).length / right.length;
  const worst = [...m.entries()].map(([k, rows]) => {
    const above = rows.filter((r) => r[0] >= tau);
    return `${k} ${(above.filter((r) => r[1]).length / Math.max(1, above.length)).toFixed(3)}`;
  });
  console.log(`T=${T} tau=${tau.toFixed(2)} right links kept confident=${kept.toFixed(3)}  ${worst.join('  ')}`);
}
