// Find in a long report (renderer/editor/plugins/find.ts over shared/text/search.ts), in Node on
// the editor state (no view): a 10,000-row report built from NTREX's Arabic and English lines.
// Figures: the first query (folds the whole document at once), a fresh query over the whole report
// once folded, and one keystroke in the English while a query is active (only the edited sentence
// is searched again), each beside its baseline measured in the same run: plain indexOf over the
// same texts and the eager per-sentence fold (first query, paired runs: bench/report.ts), the
// same keystroke with find off.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EditorState, TextSelection } from 'prosemirror-state';
import { schema } from '../renderer/editor/schema.ts';
import { annotationsToDoc } from '../renderer/editor/convert.ts';
import { editorPlugins } from '../renderer/editor/setup.ts';
import { findKey, setFindTr } from '../renderer/editor/plugins/find.ts';
import { replaceAll } from '../renderer/editor/find-replace.ts';
import { createAnnotations } from '../shared/model/create.ts';
import { cpLength } from '../shared/text/offsets.ts';
import { normalizeWithMap } from '../shared/text/normalize.ts';
import { findInFolded, prepareQuery } from '../shared/text/search.ts';
import { figure, paired } from './report.ts';
import { rowAt } from '../renderer/editor/rows.ts';

const DATA = process.env.MUWAZI_DATA ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
const ROWS = 10_000;

export function bigState(rows = ROWS): EditorState {
  const dir = join(DATA, 'ntrex128-ar-en');
  const ar = readFileSync(join(dir, 'newstest2019-ref.arb.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const en = readFileSync(join(dir, 'newstest2019-src.eng.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const lines = Array.from({ length: rows }, (_, i) => ar[i % ar.length].trim());
  const text = lines.join('\n');
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const l of lines) {
    const n = cpLength(l);
    spans.push({ start: at, end: at + n });
    at += n + 1;
  }
  const a = createAnnotations({ file: 'big.txt', sha256: '0'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(text), language: 'ar' }, text, spans, '2024-01-01T00:00:00.000Z');
  a.targets = a.units.map((_, i) => ({ id: `t${i + 1}`, text: en[i % en.length].trim() }));
  a.units.forEach((u, i) => (u.target = [`t${i + 1}`]));
  return EditorState.create({ doc: annotationsToDoc(schema, a, text), plugins: editorPlugins({ sourceText: text }) });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

export async function run(): Promise<Record<string, unknown>> {
  const state = bigState();
  const texts: string[] = [];
  state.doc.descendants((n) => {
    if (n.isTextblock) texts.push(n.textContent);
    return !n.isTextblock;
  });
  const queries = { arabicWord: 'الرئيس', arabicWithHarakat: 'الرَّئِيسُ', english: 'president', oneLetter: 'ا' };
  // the first query on a document folds all of it at once (issue 17 item 5); each run gets a new
  // document (same rows) so nothing is cached. Paired with plain indexOf over the same texts and
  // with the eager per-sentence fold the plugin did before (each sentence folded alone, then searched)
  const prepared = prepareQuery('الرئيس')!;
  const first: number[] = [];
  const plain: number[] = [];
  const eager: number[] = [];
  for (let r = 0; r < 7; r++) {
    const fresh = EditorState.create({ doc: state.doc.copy(state.doc.content), plugins: state.plugins });
    const tr = setFindTr(fresh, 'الرئيس');
    const steps = [
      () => first.push(timeOnce(() => fresh.apply(tr))),
      () => plain.push(timeOnce(() => indexOfScan(texts, 'الرئيس'))),
      () => eager.push(timeOnce(() => texts.reduce((n, t) => n + findInFolded(normalizeWithMap(t, prepared.fold), prepared).length, 0))),
    ];
    for (const k of r % 2 ? [2, 1, 0] : [0, 1, 2]) steps[k]();
  }
  const fresh: Record<string, unknown> = {};
  for (const [name, q] of Object.entries(queries)) {
    let hits = 0;
    const t = await paired(
      5,
      () => void (hits = findKey.getState(state.apply(setFindTr(state, q)))!.hits.length),
      () => indexOfScan(texts, q),
    );
    fresh[name] = { hits, ...figure({ unit: 'ms', ours: t.ours, baseline: t.baseline, baselineWhat: 'plain indexOf over the same texts', target: { max: 50 } }) };
  }
  // a keystroke at the end of the middle row's English, with find on and off
  const { row: mid, pos } = rowAt(state.doc, ROWS / 2)!;
  const end = pos + 1 + mid.child(0).nodeSize + 1 + mid.child(1).child(0).nodeSize - 1;
  const at = (s: EditorState) => s.apply(s.tr.setSelection(TextSelection.create(s.doc, end)));
  const on = at(state.apply(setFindTr(state, 'president')));
  const off = at(state);
  const keys = await paired(31, () => on.apply(on.tr.insertText('x')), () => off.apply(off.tr.insertText('x')));
  // regular expressions over the whole report (no folding: the texts are searched as they are)
  const regex: Record<string, unknown> = {};
  for (const [name, q] of Object.entries({ arabicPrefixed: 'ال\\p{L}+ية', capitalised: '\\b\\p{Lu}\\p{Ll}+', number: '\\p{Nd}+' })) {
    let hits = 0;
    let truncated = false;
    const ms = time(() => {
      const f = findKey.getState(state.apply(setFindTr(state, q, { regex: true })))!;
      hits = f.hits.length;
      truncated = f.truncated;
    }, 5);
    regex[name] = { ms: round(ms), hits, truncated };
  }
  // Replace all in the English (one transaction, one undo step)
  const found = state.apply(setFindTr(state, 'the', { matchCase: true }));
  let replaced = 0;
  const replaceAllMs = time(() => {
    replaced = replaceAll(found, (tr) => void found.apply(tr), 'The').replaced;
  }, 5);
  return {
    rows: ROWS,
    sentences: texts.length,
    firstQuery: {
      vsPlainIndexOf: figure({ unit: 'ms', ours: first, baseline: plain, baselineWhat: 'plain indexOf over the same texts', target: { max: 50 } }),
      vsEagerPerSentenceFold: figure({ unit: 'ms', ours: first, baseline: eager, baselineWhat: 'each sentence folded alone, then searched (the plugin before)', target: { max: 50 } }),
    },
    freshQuery: fresh,
    keystroke: figure({ unit: 'ms', ours: keys.ours, baseline: keys.baseline, baselineWhat: 'the same keystroke with find off', target: { max: 16 }, digits: 2 }),
    regex,
    replaceAll: { ms: round(replaceAllMs), replaced },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function timeOnce(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Occurrences of `q` in `texts` by plain indexOf (the floor any search is compared with). */
function indexOfScan(texts: string[], q: string): number {
  let n = 0;
  for (const t of texts) for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + q.length)) n++;
  return n;
}
