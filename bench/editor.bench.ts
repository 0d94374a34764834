// Editor benchmark (issues 2 and 4): a 10,000-row report built by repeating the sample reports,
// opened in Debian's Chromium on the editor test page, side by side in the same run with a bare
// ProseMirror editor (paragraphs, history and the base keymap only) holding the same Arabic text.
// Three pages, each in its own browser:
//   bare      the baseline;
//   editor    the Muwazi editor with its full plugin set (entities included), no mentions;
//   entities  the same report with 2,000 tagged mentions (1,000 Arabic + 1,000 English, in every
//             tenth row across the whole document, half of the rows' pairs linked to one entity)
//             and a glossary whose pre-annotation proposes suggestions when the report opens.
// Figures:
//   open_ms      createEditor (or the bare EditorView) until the first frame after it has been
//                painted (requestAnimationFrame, then a task); OPEN_RUNS runs per page after one
//                warm-up open (reported apart), median.
//   keystroke    time inside view.dispatch per typed character (real key events at the end of
//                row 5,000's English / paragraph 5,000), split into state.apply (plugins) and the
//                rest (view update). TYPE_RUNS runs of TYPED per page, interleaved across the pages
//                CHUNK characters at a time so machine noise hits all of them alike; a first run
//                of WARMUP (JIT, first layout, the row's auto→draft change) is reported apart.
//                Per run p50/p95; the figures are the medians over runs; ratios compare with the
//                bare editor (also per run, paired).
//   entity ops   keydown → end of the last dispatch for: tag the word at the caret (P in the
//                Arabic), accept the suggestion under the caret (Alt+Enter), link an Arabic and an
//                English mention (Alt+K twice; the second press is the link). OP_RUNS each, median.
//                Split into the browser's forced layout inside DOM Selection.collapse/extend
//                (ProseMirror sets the selection after the DOM changed) and the rest (script).
//                full_doc_walk_ms (doc.descendants over everything) is the price of one whole-doc
//                scan, for judging whether an operation scans the document. With
//                MUWAZI_BENCH_ENTITY_OPS=1 the operations run twice: back to back (one frame apart)
//                and `paced` (a person's pause, three idle callbacks, before each, on other rows);
//                MUWAZI_BENCH_TRACE=file.json records a Chromium trace (GC, timeline) of the first.
// The page is served cross-origin isolated (COOP/COEP) so performance.now() has 5 µs resolution
// instead of 100 µs (keystrokes take ~1 ms: 100 µs steps made p95 ratios jump by 0.1–0.3).
// Targets: open ≤ 1,500 ms; keystroke p95 ≤ 1.5 × bare; with 2,000 mentions keystrokes and
// entity operations within one frame (≤ 16 ms).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createAnnotations } from '../shared/model/create.ts';
import { segmentSentences } from '../shared/text/segment.ts';
import { cpLength, OffsetMap } from '../shared/text/offsets.ts';
import { preAnnotate, type GlossaryEntry } from '../shared/entities/glossary.ts';
import type { Annotations, Entity, Mention } from '../shared/model/types.ts';
import { missingPrecondition, openEditorPage, type EditorPage } from '../tests/e2e/editor-page.ts';
import type { MuwaziTest } from '../renderer/editor-test.ts';

const ROWS = 10_000;
const MENTION_ROWS = 1_000; // × (1 Arabic + 1 English) = 2,000 mentions
const WARMUP = 'Reported by the delegation: ';
const TYPED = 'The delegation arrived in Idlib on Thursday morning, 2024, and met officials. ';
const TYPE_RUNS = Number(process.env.BENCH_TYPE_RUNS ?? 5);
const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 3);
const OP_RUNS = Number(process.env.MUWAZI_BENCH_OP_RUNS ?? 5);
/** characters typed on one page before the next page's turn */
const CHUNK = 13;
const TARGET_SUGGESTIONS = 800;
const FRAME_MS = 16;

const EN_NAMES = [
  'Ahmed Hassan', 'Idlib', 'Aleppo', 'Red Crescent', 'United Nations', 'Damascus', 'Mahmoud Abbas', 'Cairo', 'Arab League',
  'Khaled Youssef', 'Beirut', 'World Health Organization', 'Amman', 'Fatima Zahra', 'Gaza', 'Riyadh',
];
const TYPES = ['PER', 'LOC', 'ORG', 'MISC'];

interface Report { annotations: Annotations; text: string; sentences: string[] }

export function buildReport(): Report {
  const dir = 'assets/samples';
  const samples = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  const perSample = samples.map((s) => segmentSentences(s, { lang: 'ar' }).length);
  const parts: string[] = [];
  let rows = 0;
  for (let i = 0; rows < ROWS; i++) {
    parts.push(samples[i % samples.length]);
    rows += perSample[i % samples.length];
  }
  const text = parts.join('\n\n');
  const spans = segmentSentences(text, { lang: 'ar' }).slice(0, ROWS);
  const annotations = createAnnotations(
    { file: 'bench.txt', sha256: '0'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(text), language: 'ar' },
    text, spans, '2024-01-01T00:00:00.000Z',
  );
  const map = new OffsetMap(text);
  return { annotations, text, sentences: spans.map((s) => map.slice(s.start, s.end)) };
}

/** The report with 2,000 mentions: in every tenth row (3, 13, …) the first Arabic word of five
 * letters or more and an English sentence naming it; rows 3, 23, … have the pair linked (one
 * entity), rows 13, 33, … not (two entities, for the link operation). Plus a glossary of the
 * mentioned Arabic words whose pre-annotation proposes about TARGET_SUGGESTIONS suggestions. */
export function withMentions(r: Report): { annotations: Annotations; glossary: GlossaryEntry[]; linkRows: number[] } {
  const a = structuredClone(r.annotations);
  const map = new OffsetMap(r.text);
  const segById = new Map(a.segments.map((s) => [s.id, s]));
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  const entityOf = new Map<string, Entity>();
  const linkRows: number[] = [];
  let t = 0;
  const step = Math.floor(ROWS / MENTION_ROWS);
  for (let k = 0; k < MENTION_ROWS; k++) {
    // row 3 + k·step, or the next row of the step with a word to tag
    let row = -1;
    let seg: Annotations['segments'][number] | undefined;
    let w: RegExpExecArray | null = null;
    let segText = '';
    for (let r = 3 + k * step; r < Math.min(a.units.length, 3 + (k + 1) * step) && !w; r++) {
      seg = segById.get(a.units[r].source[0]);
      if (!seg) continue;
      segText = map.slice(seg.start, seg.end);
      w = /(?<![\p{L}\p{M}])[\u0621-\u064A]{5,}(?![\p{L}\p{M}])/u.exec(segText);
      row = r;
    }
    if (!w || !seg) continue;
    const u = a.units[row];
    let e = entityOf.get(w[0]);
    if (!e) {
      const n = entityOf.size;
      e = { id: `e${entities.length + 1}`, type: TYPES[n % TYPES.length], ar: w[0], en: EN_NAMES[n % EN_NAMES.length] };
      entityOf.set(w[0], e);
      entities.push(e);
    }
    const start = seg.start + cpLength(segText.slice(0, w.index));
    mentions.push({ id: `m${mentions.length + 1}`, side: 'ar', sentence: seg.id, start, end: start + cpLength(w[0]), text: w[0], type: e.type, entity: e.id });
    const en = e.en!;
    const tid = `t${++t}`;
    a.targets.push({ id: tid, text: `${en} said on Thursday that the talks would continue.` });
    u.target = [tid];
    u.status = 'draft';
    let enEntity = e.id;
    if (k % 2 === 1) {
      // unlinked: the English mention has an entity of its own
      enEntity = `e${entities.length + 1}`;
      entities.push({ id: enEntity, type: e.type, en });
      linkRows.push(row);
    }
    mentions.push({ id: `m${mentions.length + 1}`, side: 'en', sentence: tid, start: 0, end: cpLength(en), text: en, type: e.type, entity: enEntity });
  }
  a.mentions = mentions;
  a.entities = entities;
  // glossary: mentioned words, rarest first, until pre-annotation proposes enough suggestions
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.side === 'ar') counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const words = [...counts.keys()].sort((x, y) => counts.get(x)! - counts.get(y)! || x.localeCompare(y));
  const glossary: GlossaryEntry[] = [];
  for (const w of words) {
    const e = entityOf.get(w)!;
    glossary.push({ ar: w, en: e.en!, type: e.type, count: 1 });
    if (preAnnotate(glossary, a, r.text).length >= TARGET_SUGGESTIONS) break;
  }
  return { annotations: a, glossary, linkRows };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs: number[]) => percentile(xs, 50);
const round = (x: number) => Math.round(x * 1000) / 1000;

type Which = 'bare' | 'editor' | 'entities';
/** What the bench keeps on the page's window. */
interface W {
  muwaziTest: MuwaziTest;
  /** dispatch times of doc-changing transactions, and of their state.apply part */
  __times: number[];
  __apply: number[];
  /** per typed character: keydown (capture) → end of its dispatch, which also holds the browser's
   * own text insertion, style recalc and layout (ProseMirror lets Chromium insert typed text and
   * reads it back, so that work happens before the dispatch, outside __times) */
  __latency: number[];
  /** performance.now() of the last keydown (capture phase, before ProseMirror sees it) and at the end of the last dispatch */
  __keydown: number;
  __lastEnd: number;
  /** time spent in DOM Selection.collapse/extend (where Chromium lays out the changed document) */
  __selMs: number;
}

/** Serve the page cross-origin isolated (fine-grained performance.now()) and reload it. */
async function isolate(p: EditorPage): Promise<boolean> {
  await p.page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
    });
  });
  await p.page.reload();
  await p.page.waitForFunction(() => (window as unknown as { muwaziTestReady?: boolean }).muwaziTestReady === true);
  return p.page.evaluate(() => globalThis.crossOriginIsolated);
}

/** Mount (again) and time until the first painted frame. */
async function mount(page: Page, which: Which, data: { report: Report; ent: ReturnType<typeof withMentions> }): Promise<number> {
  const arg = which === 'bare' ? { paras: data.report.sentences }
    : which === 'editor' ? { a: data.report.annotations, t: data.report.text }
    : { a: data.ent.annotations, t: data.report.text, glossary: data.ent.glossary };
  return page.evaluate(async ({ which, arg }) => {
    const w = window as unknown as W;
    const t0 = performance.now();
    if (which === 'bare') w.muwaziTest.mountBare(arg.paras!);
    else w.muwaziTest.mount(arg.a!, arg.t!, undefined, arg.glossary ? { glossary: arg.glossary } : undefined);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, { which, arg: arg as { paras?: string[]; a?: Annotations; t?: string; glossary?: GlossaryEntry[] } });
}

/** What the typed row holds, so a report can show the three pages type into comparable places. */
interface TypedRow {
  /** characters of its Arabic (the bare page: of its paragraph) */
  source_chars: number;
  /** characters of its English before typing (bare: -1, no English cell) */
  english_chars: number;
  /** marks and decorations (mentions, suggestions, row highlights) touching the row */
  marks: number;
  decorations: number;
}

/** Put the caret at the end of row 5,000's English (paragraph 5,000) and time every dispatch. */
async function instrument(page: Page, which: Which): Promise<TypedRow> {
  return page.evaluate((which) => {
    const w = window as unknown as W;
    const view = which === 'bare' ? w.muwaziTest.bare! : w.muwaziTest.editor!.view;
    // the bare doc's paragraphs are its children; the editor's rows sit in groups (rows.ts)
    let p = 0;
    if (which === 'bare') for (let i = 0; i < 5000; i++) p += view.state.doc.child(i).nodeSize;
    else p = w.muwaziTest.rowAt(5000)!.pos;
    const row = which === 'bare' ? view.state.doc.child(5000) : w.muwaziTest.rowAt(5000)!.row;
    const pos = which === 'bare' ? p + 1 + row.content.size : p + 1 + row.child(0).nodeSize + 2 + row.child(1).child(0).content.size;
    let marks = 0;
    row.descendants((n) => { marks += n.marks.length; return true; });
    let decorations = 0;
    view.someProp('decorations', (f) => {
      const set = f.call(null, view.state) as { find?(from: number, to: number): unknown[] } | null;
      decorations += set?.find ? set.find(p, p + row.nodeSize).length : 0;
    });
    const typed: TypedRow = {
      source_chars: which === 'bare' ? row.textContent.length : row.child(0).textContent.length,
      english_chars: which === 'bare' ? -1 : row.child(1).textContent.length,
      marks, decorations,
    };
    const Sel = view.state.selection.constructor as unknown as { create(doc: unknown, pos: number): never };
    view.focus();
    view.dispatch(view.state.tr.setSelection(Sel.create(view.state.doc, pos)).scrollIntoView());
    w.__times = [];
    w.__apply = [];
    w.__latency = [];
    window.addEventListener('keydown', () => { w.__keydown = performance.now(); }, true);
    // state.apply runs filterTransaction, every plugin's state apply and appendTransaction
    const proto = Object.getPrototypeOf(view.state) as { apply(tr: unknown): unknown };
    const apply = proto.apply;
    proto.apply = function (this: unknown, tr: { docChanged: boolean }) {
      const t0 = performance.now();
      const out = apply.call(this, tr);
      if (tr.docChanged) w.__apply.push(performance.now() - t0);
      return out;
    };
    // ProseMirror puts the selection into the DOM; after a DOM change the browser lays the page
    // out right there, so an operation's time splits into script and this forced layout
    w.__selMs = 0;
    for (const name of ['collapse', 'extend'] as const) {
      const f = Selection.prototype[name] as (...a: unknown[]) => void;
      Selection.prototype[name] = function (this: Selection, ...a: unknown[]) {
        const t0 = performance.now();
        f.apply(this, a);
        w.__selMs += performance.now() - t0;
      } as never;
    }
    const orig = view.dispatch.bind(view);
    view.dispatch = (tr) => {
      const t0 = performance.now();
      orig(tr);
      w.__lastEnd = performance.now();
      if (tr.docChanged) {
        w.__times.push(w.__lastEnd - t0);
        w.__latency.push(w.__lastEnd - w.__keydown);
      }
    };
    return typed;
  }, which);
}

const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
/** The pause a person leaves between two actions (they move the caret, read, press the next key):
 * the page gets idle periods, which is when Chromium finishes V8's incremental major GC. Back to
 * back, that GC's final pause (measured in a trace: 25 ms on the 10k-row report) lands inside
 * whichever action comes next. */
const humanPause = (page: Page) => page.evaluate(async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => requestIdleCallback(r, { timeout: 1000 }));
});

/** Type `text` with real key events; the dispatch and apply times of its transactions. */
async function typeRun(page: Page, text: string): Promise<{ times: number[]; apply: number[]; latency: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as W;
    w.__times = [];
    w.__apply = [];
    w.__latency = [];
  });
  await page.keyboard.type(text);
  await page.waitForFunction((n) => (window as unknown as W).__times.length >= n, text.length);
  const out = await page.evaluate(() => {
    const w = window as unknown as W;
    return { times: w.__times, apply: w.__apply, latency: w.__latency };
  });
  await settle(page);
  return out;
}

interface RunStats { p50: number; p95: number; max: number; apply_p50: number; apply_p95: number; latency_p50: number; latency_p95: number }
const stats = (r: { times: number[]; apply: number[]; latency: number[] }): RunStats => ({
  p50: percentile(r.times, 50), p95: percentile(r.times, 95), max: Math.max(...r.times),
  apply_p50: percentile(r.apply, 50), apply_p95: percentile(r.apply, 95),
  latency_p50: percentile(r.latency, 50), latency_p95: percentile(r.latency, 95),
});
/** Medians over runs of each per-run figure. */
function summary(runs: RunStats[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(runs[0]) as (keyof RunStats)[]) out[k] = round(median(runs.map((r) => r[k])));
  return out;
}

/** Time one entity operation: caret placed by `place` (in the page), then `keys` pressed;
 * keydown → end of the last dispatch of the last key. */
async function timeOp(page: Page, place: string, arg: unknown, keys: string[], paced = false): Promise<{ ms: number; selMs: number; changed: boolean } | null> {
  const ok = await page.evaluate(({ place, arg }) => {
    const view = (window as unknown as W).muwaziTest.editor!.view;
    return (new Function('view', 'arg', place) as (v: unknown, a: unknown) => boolean)(view, arg);
  }, { place, arg });
  if (!ok) return null;
  for (const k of keys.slice(0, -1)) await page.keyboard.press(k);
  if (paced) await humanPause(page);
  await page.evaluate(() => {
    const w = window as unknown as W & { __doc: unknown };
    w.__lastEnd = 0;
    w.__selMs = 0;
    w.__doc = w.muwaziTest.editor!.view.state.doc;
  });
  await page.keyboard.press(keys[keys.length - 1]);
  await page.waitForFunction(() => (window as unknown as W).__lastEnd > 0);
  const r = await page.evaluate(() => {
    const w = window as unknown as W & { __doc: unknown };
    return { ms: w.__lastEnd - w.__keydown, selMs: w.__selMs, changed: w.muwaziTest.editor!.view.state.doc !== w.__doc };
  });
  await settle(page);
  return r;
}

// Caret placement snippets (run in the page with `view` and `arg`): they return false when the
// row offers nothing to operate on.
const PLACE_IN_ARABIC_WORD = `
  const doc = view.state.doc; const at = window.muwaziTest.rowAt(arg); const p = at.pos;
  const cell = at.row.child(0); if (!cell.childCount) return false;
  const s = cell.child(0); const text = s.textContent;
  const m = /(?<![\\p{L}\\p{M}])[\\u0621-\\u064A]{4,}/u.exec(text); if (!m) return false;
  const pos = p + 3 + m.index + 1;
  if (doc.resolve(pos).marks().length) return false;
  view.focus();
  view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.create(doc, pos)).scrollIntoView());
  return true;`;
const PLACE_ON_SUGGESTION = `
  const els = [...view.dom.querySelectorAll('.ent-suggest')]; if (!els.length) return false;
  const el = els[Math.floor(els.length * arg)];
  const pos = view.posAtDOM(el, 0) + 1;
  view.focus();
  view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.create(view.state.doc, pos)).scrollIntoView());
  return true;`;
const PLACE_ON_MENTION = `
  const doc = view.state.doc; const at = window.muwaziTest.rowAt(arg.row); const p = at.pos;
  const row = at.row;
  const start = arg.side === 'ar' ? p + 3 : p + 1 + row.child(0).nodeSize + 2;
  const sentence = (arg.side === 'ar' ? row.child(0) : row.child(1)).child(0);
  let off = 0; let pos = -1;
  sentence.forEach((child) => {
    if (pos < 0 && child.marks.some((m) => m.type.name === 'entity')) pos = start + off + 1;
    off += child.nodeSize;
  });
  if (pos < 0) return false;
  view.focus();
  view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.create(doc, pos)));
  return true;`;

async function entityOps(page: Page, linkRows: number[], paced = false): Promise<Record<string, unknown>> {
  const ops: Record<string, { ms: number; selMs: number; changed: boolean }[]> = { tag: [], accept_suggestion: [], link: [] };
  // tag: the word at the caret in rows 5,101, 5,201, … (the first is warm-up)
  // the paced pass works on other rows than the back-to-back one (its words are tagged already)
  for (let i = 0, row = paced ? 5151 : 5101; ops.tag.length < OP_RUNS + 1 && i < 40; i++, row += 100) {
    const r = await timeOp(page, PLACE_IN_ARABIC_WORD, row, ['p'], paced);
    if (r) ops.tag.push(r);
  }
  for (let i = 0; i <= OP_RUNS; i++) {
    const r = await timeOp(page, PLACE_ON_SUGGESTION, 0.3 + i * 0.07, ['Alt+Enter'], paced);
    if (r) ops.accept_suggestion.push(r);
  }
  const rows = linkRows.filter((r) => r > 5000).slice(paced ? OP_RUNS + 1 : 0, (paced ? 2 : 1) * (OP_RUNS + 1));
  for (const row of rows) {
    const first = await timeOp(page, PLACE_ON_MENTION, { row, side: 'ar' }, ['Alt+k']);
    if (!first) continue;
    const r = await timeOp(page, PLACE_ON_MENTION, { row, side: 'en' }, ['Alt+k'], paced);
    if (r) ops.link.push(r);
  }
  const walk = await page.evaluate(() => {
    const doc = (window as unknown as W).muwaziTest.editor!.view.state.doc;
    const ts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      doc.descendants(() => true);
      ts.push(performance.now() - t0);
    }
    return ts.sort((a, b) => a - b)[2];
  });
  const out: Record<string, unknown> = { full_doc_walk_ms: round(walk) };
  for (const [k, list] of Object.entries(ops)) {
    const timed = list.slice(1).map((x) => x.ms);
    out[k] = list.length < 2 ? { error: 'could not set up the operation' } : {
      runs: timed.length, median_ms: round(median(timed)), max_ms: round(Math.max(...timed)), warmup_ms: round(list[0].ms),
      // every run in order (and its forced-layout part), so a max can be told from a one-off stall
      runs_ms: timed.map(round), runs_selection_layout_ms: list.slice(1).map((x) => round(x.selMs)),
      // of which the browser's forced layout when the selection is set, and the rest (script)
      median_selection_layout_ms: round(median(list.slice(1).map((x) => x.selMs))),
      median_script_ms: round(median(list.slice(1).map((x) => x.ms - x.selMs))),
      changed_doc: list.every((x) => x.changed),
      // beside the one-frame baseline and the target (issue 17: ≤ 16 ms, max included)
      frame_ms: ONE_FRAME_MS, target_ms: OP_TARGET_MS, ok: Math.max(...timed) <= OP_TARGET_MS,
    };
  }
  return out;
}

/** Issue 17's target for tag / accept / link, max included. */
const OP_TARGET_MS = 16;
/** One frame at 60 Hz, the baseline the operations are printed beside. */
const ONE_FRAME_MS = 16.7;

/** Only the entity operations (MUWAZI_BENCH_ENTITY_OPS=1): one page with 2,000 mentions. */
async function entityOpsOnly(data: { report: Report; ent: ReturnType<typeof withMentions> }): Promise<Record<string, unknown>> {
  const ep = await openEditorPage();
  try {
    await isolate(ep);
    await mount(ep.page, 'entities', data);
    await mount(ep.page, 'entities', data);
    await instrument(ep.page, 'entities');
    // MUWAZI_BENCH_TRACE=file.json: a Chromium trace of the operations (GC and timeline events), to
    // tell what runs inside a slow one (chrome://tracing or Perfetto reads it)
    const trace = process.env.MUWAZI_BENCH_TRACE;
    if (trace) await ep.browser.startTracing(ep.page, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.gc', 'blink.gc', 'disabled-by-default-v8.gc', 'blink.user_timing'] });
    const ops = await entityOps(ep.page, data.ent.linkRows);
    if (trace) await ep.browser.stopTracing();
    // the same operations with a person's pause before each (idle time, as between real key presses)
    const paced = await entityOps(ep.page, data.ent.linkRows, true);
    return { mentions: data.ent.annotations.mentions.length, op_runs: OP_RUNS, ...ops, paced };
  } finally {
    await ep.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const missing = missingPrecondition();
  if (missing) return { skipped: missing };
  const report = buildReport();
  const ent = withMentions(report);
  const data = { report, ent };
  if (process.env.MUWAZI_BENCH_ENTITY_OPS) return { entity_ops: await entityOpsOnly(data) };
  const whiches: Which[] = ['bare', 'editor', 'entities'];

  const pages = {} as Record<Which, EditorPage>;
  let isolated = true;
  try {
    for (const w of whiches) {
      pages[w] = await openEditorPage();
      isolated = (await isolate(pages[w])) && isolated;
    }
    // --- open: one warm-up, then OPEN_RUNS, interleaved
    const open = { bare: [] as number[], editor: [] as number[], entities: [] as number[] };
    for (let i = 0; i <= OPEN_RUNS; i++) for (const w of whiches) open[w].push(await mount(pages[w].page, w, data));
    const suggestions = await pages.entities.page.evaluate(() => {
      const st = (window as unknown as W).muwaziTest.editor!.view.state;
      const p = st.plugins.find((x) => (x as unknown as { key: string }).key.startsWith('muwazi-entities'));
      return (p!.getState(st) as { suggestions: { find(): unknown[] } }).suggestions.find().length;
    });
    // --- keystrokes: warm-up run, then TYPE_RUNS, interleaved
    const typedRow = {} as Record<Which, TypedRow>;
    for (const w of whiches) typedRow[w] = await instrument(pages[w].page, w);
    const warm = {} as Record<Which, RunStats>;
    for (const w of whiches) warm[w] = stats(await typeRun(pages[w].page, WARMUP));
    const runs = { bare: [] as RunStats[], editor: [] as RunStats[], entities: [] as RunStats[] };
    const debug: Record<string, number[][]> = { bare: [], editor: [], entities: [] };
    for (let i = 0; i < TYPE_RUNS; i++) {
      const acc = {} as Record<Which, { times: number[]; apply: number[]; latency: number[] }>;
      for (const w of whiches) acc[w] = { times: [], apply: [], latency: [] };
      // a few characters per page in turn: load from other processes hits all pages alike
      for (let c = 0; c < TYPED.length; c += CHUNK) {
        for (const w of whiches) {
          const r = await typeRun(pages[w].page, TYPED.slice(c, c + CHUNK));
          acc[w].times.push(...r.times);
          acc[w].apply.push(...r.apply);
          acc[w].latency.push(...r.latency);
        }
      }
      for (const w of whiches) {
        runs[w].push(stats(acc[w]));
        debug[w].push(acc[w].times.map((x) => round(x)));
      }
    }
    if (process.env.BENCH_DEBUG) console.error(JSON.stringify(debug));
    const ops = await entityOps(pages.entities.page, ent.linkRows);

    const s = { bare: summary(runs.bare), editor: summary(runs.editor), entities: summary(runs.entities) };
    const openMed = { bare: median(open.bare.slice(1)), editor: median(open.editor.slice(1)), entities: median(open.entities.slice(1)) };
    const perRunRatio = (w: Which, k: keyof RunStats = 'p95') => runs[w].map((r, i) => round(r[k] / runs.bare[i][k]));
    // The target's figure is the ratio of the medians; the median of the per-run (paired) ratios
    // is reported beside it: a run where one page alone was disturbed moves it less.
    return {
      rows: report.annotations.units.length,
      source_chars: report.text.length,
      timer_isolated: isolated,
      method: { open_runs: OPEN_RUNS, type_runs: TYPE_RUNS, chars_per_run: TYPED.length, warmup_chars: WARMUP.length, figures: 'median over runs; warm-up apart' },
      open_ms: {
        bare: Math.round(openMed.bare),
        editor: Math.round(openMed.editor),
        entities: Math.round(openMed.entities),
        editor_ratio: round(openMed.editor / openMed.bare),
        entities_ratio: round(openMed.entities / openMed.bare),
        warmup: { bare: Math.round(open.bare[0]), editor: Math.round(open.editor[0]), entities: Math.round(open.entities[0]) },
        target_ms: 1500,
        ok: Math.max(openMed.editor, openMed.entities) <= 1500,
      },
      keystroke_dispatch_ms: {
        bare: s.bare,
        editor: s.editor,
        entities: s.entities,
        editor_p50_ratio: round(s.editor.p50 / s.bare.p50),
        editor_p95_ratio: round(s.editor.p95 / s.bare.p95),
        entities_p50_ratio: round(s.entities.p50 / s.bare.p50),
        entities_p95_ratio: round(s.entities.p95 / s.bare.p95),
        p95_ratio_per_run: { editor: perRunRatio('editor'), entities: perRunRatio('entities') },
        editor_p95_ratio_paired_median: round(median(perRunRatio('editor'))),
        entities_p95_ratio_paired_median: round(median(perRunRatio('entities'))),
        // keydown → end of dispatch (the browser's insertion, style and layout included): not the
        // target's figure, but where CSS and DOM size show
        latency_p95_ratio: { editor: round(s.editor.latency_p95 / s.bare.latency_p95), entities: round(s.entities.latency_p95 / s.bare.latency_p95) },
        typed_row: typedRow,
        warmup: { bare: roundStats(warm.bare), editor: roundStats(warm.editor), entities: roundStats(warm.entities) },
        target_ratio: 1.5,
        ok: s.editor.p95 <= 1.5 * s.bare.p95 && s.entities.p95 <= 1.5 * s.bare.p95,
      },
      entities: {
        mentions: ent.annotations.mentions.length,
        entities: ent.annotations.entities.length,
        glossary_entries: ent.glossary.length,
        suggestions_at_open: suggestions,
        ...ops,
        keystroke_within_frame: s.entities.max <= FRAME_MS,
        frame_ms: FRAME_MS,
      },
    };
  } finally {
    for (const w of whiches) await pages[w]?.close();
  }
}

const roundStats = (r: RunStats) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));
