// Find in a long report (renderer/editor/plugins/find.ts over shared/text/search.ts), in Node on
// the editor state (no view): a 10,000-row report built from NTREX's Arabic and English lines.
// Figures: the first query (folds every sentence), a fresh query over the whole report once folded, and one keystroke in the English while a query is
// active (only the edited sentence is searched again), each beside its baseline measured in the
// same run: the same keystroke with find off, and a plain indexOf scan of the same texts.
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
  // the first query folds every sentence (cached per node after that, so later queries and
  // keystrokes only fold what changed)
  const t0 = performance.now();
  state.apply(setFindTr(state, 'الرئيس'));
  const coldFirstQueryMs = performance.now() - t0;
  const fresh: Record<string, unknown> = {};
  for (const [name, q] of Object.entries(queries)) {
    let hits = 0;
    const ms = time(() => {
      const s = state.apply(setFindTr(state, q));
      hits = findKey.getState(s)!.hits.length;
    }, 5);
    const scanMs = time(() => {
      let n = 0;
      for (const t of texts) for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + q.length)) n++;
      if (n < 0) throw new Error('unreachable');
    }, 5);
    fresh[name] = { ms: round(ms), hits, plainIndexOfMs: round(scanMs), ratio: round(ms / scanMs) };
  }
  // a keystroke at the end of the middle row's English, with find on and off
  const mid = state.doc.child(ROWS / 2);
  let pos = 0;
  for (let i = 0; i < ROWS / 2; i++) pos += state.doc.child(i).nodeSize;
  const end = pos + 1 + mid.child(0).nodeSize + 1 + mid.child(1).child(0).nodeSize - 1;
  const at = (s: EditorState) => s.apply(s.tr.setSelection(TextSelection.create(s.doc, end)));
  const on = at(state.apply(setFindTr(state, 'president')));
  const off = at(state);
  const keystroke = (s: EditorState) => time(() => void s.apply(s.tr.insertText('x')), 31);
  const withFind = keystroke(on);
  const without = keystroke(off);
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
    coldFirstQueryMs: round(coldFirstQueryMs),
    freshQuery: fresh,
    keystroke: { withFindMs: round(withFind), findOffMs: round(without), ratio: round(withFind / without) },
    regex,
    replaceAll: { ms: round(replaceAllMs), replaced },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
