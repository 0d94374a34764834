// The matches pane's model with a fake host: a lookup per row entered (not per keystroke), stale
// answers dropped, the row excluded, memory-still-building retried, errors; percent formatting in
// both UI languages; diff pieces rebuild the match's source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Result, TmMatch } from '../../../shared/contract/host.ts';
import {
  announcement, diffPieces, formatPercent, insertText, spacedPieces, matchSource, MatchesController, originName,
  type LookupFn, type PaneState,
} from '../../../renderer/ui/matches-model.ts';

const AR0 = 'قالَ الرئيسُ إنّ الشركة ستوظّف ١٢٣ شخصاً 🚀.';
const AR1 = 'وافتُتح الفرع في دبيّ يوم الخميس.';

function match(score: number, over: Partial<TmMatch> = {}): TmMatch {
  return {
    score, ar: 'قال الرئيس إن الشركة ستوظف ٤٥٦ شخصا.', en: 'The president said the company will hire 456 people.',
    enPlaced: 'The president said the company will hire 123 people.',
    origin: { kind: 'report', file: 'news/001_abc.txt', row: 3 },
    diff: [{ op: 'same', text: 'قال الرئيس إن الشركة ستوظف ' }, { op: 'del', text: '٤٥٦' }, { op: 'ins', text: '١٢٣' }, { op: 'same', text: ' شخصا.' }],
    numbers: [{ query: '١٢٣', match: '٤٥٦' }],
    ...over,
  };
}

/** A fake host whose answers the test releases one by one, and manual timers. */
function harness() {
  const calls: Array<{ req: Parameters<LookupFn>[0]; resolve: (r: Awaited<ReturnType<LookupFn>>) => void }> = [];
  const timers: Array<{ fn: () => void; ms: number; live: boolean }> = [];
  const states: PaneState[] = [];
  const c = new MatchesController({
    lookup: (req) => new Promise((resolve) => calls.push({ req, resolve })),
    where: () => ({ root: '/p', path: '/p/r.txt' }),
    onState: (s) => states.push(s),
    timers: {
      setTimeout: (fn, ms) => { const t = { fn, ms, live: true }; timers.push(t); return t; },
      clearTimeout: (h) => { (h as { live: boolean }).live = false; },
    },
  });
  const fire = () => {
    const live = timers.filter((t) => t.live);
    for (const t of live) { t.live = false; t.fn(); }
    return live.length;
  };
  const ok = (matches: TmMatch[], ready = true): Result<{ matches: TmMatch[]; units: number; ready: boolean; warnings: string[] }> => ({ ok: true, value: { matches, units: 10, ready, warnings: [] } });
  return { c, calls, states, fire, ok };
}

const flush = () => new Promise<void>((r) => setImmediate(r));

test('entering a row looks it up once (excluding the row itself); staying in the row asks nothing more', async () => {
  const { c, calls, fire, ok } = harness();
  c.enterRow({ unit: 'u1', ar: AR0 });
  assert.equal(c.state.kind, 'loading');
  assert.equal(calls.length, 0, 'waits for the caret to settle');
  fire();
  assert.equal(calls.length, 1);
  assert.deepEqual(calls[0].req, { root: '/p', text: AR0, lang: 'ar', limit: 5, exclude: { path: '/p/r.txt', unit: 'u1' } });
  // keystrokes in the same row: the same unit again changes nothing
  c.enterRow({ unit: 'u1', ar: AR0 });
  c.enterRow({ unit: 'u1', ar: AR0 });
  assert.equal(fire(), 0);
  calls[0].resolve(ok([match(0.87), match(0.6)]));
  await flush();
  assert.equal(c.state.kind, 'matches');
  assert.equal(c.match(1)?.score, 0.87);
  assert.equal(c.match(2)?.score, 0.6);
  assert.equal(c.match(3), null);
});

test('an answer that arrives after the caret moved on is dropped', async () => {
  const { c, calls, fire, ok, states } = harness();
  c.enterRow({ unit: 'u1', ar: AR0 });
  fire();
  c.enterRow({ unit: 'u2', ar: AR1 });
  fire();
  assert.equal(calls.length, 2);
  // u2 answers first, then the stale u1 answer comes in
  calls[1].resolve(ok([match(0.7)]));
  await flush();
  calls[0].resolve(ok([match(0.99), match(0.98)]));
  await flush();
  assert.equal(c.state.kind, 'matches');
  assert.equal(c.state.kind === 'matches' && c.state.unit, 'u2');
  assert.equal(c.state.kind === 'matches' && c.state.matches.length, 1);
  assert.ok(!states.some((s) => s.kind === 'matches' && s.unit === 'u1'), 'u1 was never shown');
});

test('rows entered quickly: only the row the caret stays in is looked up', () => {
  const { c, calls, fire } = harness();
  c.enterRow({ unit: 'u1', ar: AR0 });
  c.enterRow({ unit: 'u2', ar: AR1 });
  c.enterRow({ unit: 'u3', ar: AR0 });
  fire();
  assert.deepEqual(calls.map((x) => x.req.exclude?.unit), ['u3']);
});

test('memory still building: shown as such and asked again while the caret stays; errors and empty rows', async () => {
  const { c, calls, fire, ok } = harness();
  c.enterRow({ unit: 'u1', ar: AR0 });
  fire();
  calls[0].resolve(ok([], false));
  await flush();
  assert.deepEqual(c.state, { kind: 'matches', unit: 'u1', matches: [], building: true, units: 10 });
  fire();
  assert.equal(calls.length, 2, 'asked again');
  calls[1].resolve({ ok: false, code: 'internal', message: 'boom' });
  await flush();
  assert.deepEqual(c.state, { kind: 'error', unit: 'u1', message: 'boom' });
  c.enterRow({ unit: 'u9', ar: '  ' });
  assert.deepEqual(c.state, { kind: 'noSource', unit: 'u9' });
  c.enterRow(null);
  assert.deepEqual(c.state, { kind: 'idle' });
  assert.equal(fire(), 0);
});

test('percent: rounded down so only an exact match is 100%; Latin digits in English, Arabic-Indic in Arabic', () => {
  assert.equal(formatPercent(0.87, 'en'), '87%');
  assert.equal(formatPercent(0.999, 'en'), '99%');
  assert.equal(formatPercent(1, 'en'), '100%');
  assert.equal(formatPercent(0.5, 'en'), '50%');
  assert.equal(formatPercent(0.29, 'en'), '29%', 'no floating-point loss');
  assert.equal(formatPercent(0.57, 'en'), '57%');
  const ar = formatPercent(0.87, 'ar');
  assert.match(ar, /^٨٧٪/u);
  assert.doesNotMatch(ar, /[0-9]/);
  assert.match(formatPercent(1, 'ar'), /^١٠٠٪/u);
  fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (s) => {
    const n = Number(formatPercent(s, 'en').replace('%', ''));
    return n >= 0 && n <= 100 && (n === 100) === (s >= 1);
  }));
});

test('diff pieces: merged runs, source rebuilt from same + del, English inserted = enPlaced ?? en', () => {
  const m = match(0.8);
  assert.equal(matchSource(m.diff), m.ar);
  assert.deepEqual(diffPieces([{ op: 'same', text: 'قال ' }, { op: 'same', text: 'الرئيس' }, { op: 'del', text: '' }, { op: 'ins', text: ' أمس' }]), [
    { op: 'same', text: 'قال الرئيس' }, { op: 'ins', text: ' أمس' },
  ]);
  // property: merging never changes the rebuilt source
  const piece = fc.record({ op: fc.constantFrom('same', 'del', 'ins' as const), text: fc.string({ unit: fc.constantFrom('ب', 'ٌ', ' ', '٣', '😀', 'a'), maxLength: 5 }) });
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (diff) => matchSource(diffPieces(diff)) === matchSource(diff)
    && diffPieces(diff).every((p, i, all) => p.text !== '' && (i === 0 || all[i - 1].op !== p.op))));
  // 'ins' words get a space where their neighbours have none; the rest is untouched
  assert.deepEqual(spacedPieces([{ op: 'same', text: 'المرصد ' }, { op: 'del', text: 'لحقوق ' }, { op: 'ins', text: 'أمس' }, { op: 'same', text: 'الإنسان' }]).map((p) => p.text),
    ['المرصد ', 'لحقوق ', 'أمس ', 'الإنسان']);
  assert.deepEqual(spacedPieces([{ op: 'same', text: 'قال' }, { op: 'ins', text: 'أمس' }]).map((p) => p.text), ['قال', ' أمس']);
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (diff) => matchSource(spacedPieces(diffPieces(diff))) === matchSource(diff)));
  assert.equal(insertText(m), 'The president said the company will hire 123 people.');
  assert.equal(insertText({ ...m, enPlaced: null }), m.en);
  assert.equal(originName(m), '001_abc');
  assert.equal(originName({ ...m, origin: { kind: 'tmx', file: 'tm/old.tmx', row: 7 } }), 'old.tmx');
});

test('announcement: count and the best score in the UI language', () => {
  const s: PaneState = { kind: 'matches', unit: 'u1', matches: [match(0.87), match(0.6)], building: false, units: 3 };
  assert.deepEqual(announcement(s, 'en'), { key: 'workbench.matches.announce', count: 2, best: '87%' });
  assert.match(announcement(s, 'ar')!.best!, /^٨٧٪/u);
  assert.deepEqual(announcement({ ...s, matches: [] }, 'en'), { key: 'workbench.matches.announceNone', count: 0 });
  assert.equal(announcement({ kind: 'loading', unit: 'u1' }, 'en'), null);
});
