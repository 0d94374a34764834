import { test } from 'node:test';
import type { SaveStamps } from '../../../shared/team/provenance.ts';
import assert from 'node:assert/strict';
import { SaveController, type SaveState, type Timers } from '../../../renderer/ui/save-controller.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import type { CallRequest, Failure, Result } from '../../../shared/contract/host.ts';

/** Manual timers: time moves only when the test says so (no sleeps, no real clock). */
class FakeTimers implements Timers {
  now = 0;
  private seq = 0;
  private tasks = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.tasks.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.tasks.delete(h as number);
  }
  pending(): number {
    return this.tasks.size;
  }
  /** Advances the clock, running due tasks in time order, letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.tasks.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.tasks.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
      await settle();
    }
    this.now = end;
    await settle();
  }
}

/** Lets pending promise callbacks run (the fake host answers asynchronously). */
const settle = () => new Promise<void>((r) => setImmediate(r));

// An Arabic source with harakat, an emoji, Latin and Arabic-Indic digits.
const TEXT = 'قَالَ الرَّئِيسُ 🙂 إن Reuters نشرت ٣ تقارير.';
const SOURCE = { file: 'r.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'none' as const, length: 43, language: 'ar' };

function setup(opts: { saveResults?: Array<Result<{ sidecarHash: string; savedAt: string; stamped?: SaveStamps }>> } = {}) {
  const timers = new FakeTimers();
  const states: Array<{ s: SaveState; f?: Failure }> = [];
  const saves: Array<{ annotations: Annotations; sidecarHash: string | null }> = [];
  const journals: Annotations[] = [];
  let version = 0;
  let gate: Promise<void> | null = null;
  let journalGate: Promise<void> | null = null;
  const discards: string[] = [];
  const results = [...(opts.saveResults ?? [])];
  let doc = createAnnotations(SOURCE, TEXT, [{ start: 0, end: 43 }], '2024-01-01T00:00:00Z');
  const host = {
    saveReport: async (req: CallRequest<'saveReport'>) => {
      saves.push({ annotations: req.annotations as Annotations, sidecarHash: req.sidecarHash });
      if (gate) await gate;
      return results.shift() ?? { ok: true as const, value: { sidecarHash: `h${saves.length}`, savedAt: 'now' } };
    },
    writeJournal: async (req: CallRequest<'writeJournal'>) => {
      journals.push(req.annotations as Annotations);
      if (journalGate) await journalGate;
      return { ok: true as const, value: {} };
    },
    discardJournal: async (req: CallRequest<'discardJournal'>) => {
      discards.push(req.path);
      return { ok: true as const, value: {} };
    },
  };
  const journaled: number[] = [];
  const saved: Annotations[] = [];
  const results2: Array<{ savedAt: string; stamped?: SaveStamps }> = [];
  const c = new SaveController({
    path: '/w/r.txt', sidecarHash: 'h0', host, timers,
    getAnnotations: () => doc,
    onState: (s, f) => states.push({ s, f }),
    onJournal: (v) => journaled.push(v),
    onSaved: (a, r) => {
      saved.push(a);
      results2.push(r);
    },
  });
  return {
    c, timers, states, saves, journals, journaled, saved, discards, results: results2,
    /** one edit: the English of the first row changes */
    edit(text: string) {
      version++;
      doc = { ...doc, targets: [{ id: 't1', text }], units: doc.units.map((u) => ({ ...u, target: ['t1'] })) };
      c.changed();
    },
    /** holds journal writes until the returned function is called */
    holdJournal() {
      let open!: () => void;
      journalGate = new Promise((r) => (open = r));
      return () => {
        journalGate = null;
        open();
      };
    },
    hold() {
      let open!: () => void;
      gate = new Promise((r) => (open = r));
      return () => {
        gate = null;
        open();
      };
    },
    get version() {
      return version;
    },
  };
}

test('autosave waits for 1.5 s of idle, restarting on each change, and sends the loaded hash', async () => {
  const s = setup();
  s.edit('He');
  await s.timers.advance(1000);
  s.edit('Hello');
  await s.timers.advance(1400);
  assert.equal(s.saves.length, 0, 'no save while the user keeps typing');
  assert.equal(s.c.state, 'unsaved');
  await s.timers.advance(200);
  assert.equal(s.saves.length, 1);
  assert.equal(s.saves[0].sidecarHash, 'h0');
  assert.equal(s.saves[0].annotations.targets[0].text, 'Hello');
  assert.equal(s.c.state, 'saved');
  assert.equal(s.c.dirty, false);
  assert.equal(s.c.sidecarHash, 'h1');
  assert.deepEqual(s.states.map((x) => x.s), ['unsaved', 'unsaved', 'saving', 'saved']);
});

test('the journal is written within ~1 s of a change and keeps up while typing continues (throttled)', async () => {
  const s = setup();
  s.edit('a');
  await s.timers.advance(799);
  assert.equal(s.journals.length, 0);
  await s.timers.advance(1);
  assert.equal(s.journals.length, 1);
  assert.deepEqual(s.journaled, [1]);
  // typing every 300 ms: still journaled roughly every 800 ms, never waiting for a pause
  for (let i = 0; i < 6; i++) {
    s.edit('a' + 'b'.repeat(i + 1));
    await s.timers.advance(300);
  }
  assert.ok(s.journals.length >= 3, `journal writes: ${s.journals.length}`);
  assert.equal(s.saves.length, 0, 'typing continuously never hit the 1.5 s idle autosave');
});

test('flush saves now; a save requested during a save runs after it with the newer content', async () => {
  const s = setup();
  s.edit('one');
  const release = s.hold();
  const p1 = s.c.flush();
  await settle();
  assert.equal(s.c.state, 'saving');
  s.edit('two');
  const p2 = s.c.flush();
  assert.equal(s.saves.length, 1, 'never two saves at once');
  release();
  assert.equal(await p1, true);
  assert.equal(await p2, true);
  assert.equal(s.saves.length, 2);
  assert.equal(s.saves[1].annotations.targets[0].text, 'two');
  assert.equal(s.saves[1].sidecarHash, 'h1', 'the second save sends the hash the first one produced');
  assert.equal(s.c.dirty, false);
  assert.equal(s.c.state, 'saved');
});

test('flush with nothing to save does not call the host', async () => {
  const s = setup();
  assert.equal(await s.c.flush(), true);
  assert.equal(s.saves.length, 0);
});

test('an error keeps the edits dirty, journals them at once and reports the specific failure', async () => {
  const s = setup({ saveResults: [{ ok: false, code: 'disk-full', message: 'No space left on /w (needs 12 KB).' }] });
  s.edit('مرحبا Hello');
  assert.equal(await s.c.flush(), false);
  await settle();
  assert.equal(s.c.state, 'error');
  assert.equal(s.c.dirty, true);
  assert.equal(s.states.at(-1)!.f?.code, 'disk-full');
  assert.equal(s.journals.length, 1, 'journaled right away, before its timer');
  // the next change retries after the pause and succeeds
  s.edit('مرحبا Hello!');
  await s.timers.advance(1500);
  assert.equal(s.c.state, 'saved');
  assert.equal(s.c.dirty, false);
});

test('a conflict stops autosave until the app adopts a hash (keep mine) or clean content (take theirs)', async () => {
  const s = setup({ saveResults: [{ ok: false, code: 'conflict', message: 'r.annotations.json changed on disk.' }] });
  s.edit('mine');
  assert.equal(await s.c.flush(), false);
  assert.equal(s.c.state, 'conflict');
  s.edit('mine 2');
  await s.timers.advance(5000);
  assert.equal(s.saves.length, 1, 'no autosave over a conflict');
  assert.equal(await s.c.flush(), false, 'flush refuses while in conflict');
  // keep mine: adopt the hash now on disk and save against it
  s.c.adopt('theirs-hash', false);
  assert.equal(s.c.state, 'unsaved');
  assert.equal(await s.c.flush(), true);
  assert.equal(s.saves.at(-1)!.sidecarHash, 'theirs-hash');
  assert.equal(s.saves.at(-1)!.annotations.targets[0].text, 'mine 2');
  // take theirs: the content now equals the disk; nothing to save
  s.edit('x');
  s.c.adopt('h9', true);
  assert.equal(s.c.dirty, false);
  assert.equal(s.c.state, 'saved');
  await s.timers.advance(5000);
  assert.equal(s.saves.length, 2);
});

test('dispose stops every timer', async () => {
  const s = setup();
  s.edit('a');
  assert.ok(s.timers.pending() > 0);
  s.c.dispose();
  assert.equal(s.timers.pending(), 0);
  await s.timers.advance(10_000);
  assert.equal(s.saves.length, 0);
});

test('onSaved gets exactly what was saved, only for successful saves (the sidebar counts from it)', async () => {
  const s = setup({ saveResults: [{ ok: false, code: 'disk-full', message: 'full' }] });
  s.edit('First');
  await s.c.flush();
  assert.equal(s.saved.length, 0, 'a failed save reports nothing');
  s.edit('Second ٣ 🙂');
  assert.equal(await s.c.flush(), true);
  assert.equal(s.saved.length, 1);
  assert.equal(s.saved[0], s.saves[1].annotations);
  assert.equal(s.saved[0].targets[0].text, 'Second ٣ 🙂');
});

test('markConflict (the watcher saw the sidecar change): no autosave until adopt; idle() waits for a save in flight', async () => {
  const s = setup();
  s.edit('mine');
  s.c.markConflict();
  assert.equal(s.c.state, 'conflict');
  await s.timers.advance(5000);
  assert.equal(s.saves.length, 0, 'no autosave while the user decides');
  s.edit('mine, more');
  await s.timers.advance(5000);
  assert.equal(s.saves.length, 0);
  assert.equal(await s.c.flush(), false, 'Save refuses until the user chose');
  assert.ok(s.journals.length >= 1, 'the edits still reach the journal');
  s.c.adopt('theirs-hash', false); // keep mine
  assert.equal(s.c.state, 'unsaved');
  assert.equal(await s.c.flush(), true);
  assert.equal(s.saves.at(-1)!.sidecarHash, 'theirs-hash');
  assert.equal(s.saves.at(-1)!.annotations.targets[0].text, 'mine, more');

  // a save in flight: idle() resolves only once it has landed
  const release = s.hold();
  s.edit('again');
  const saving = s.c.flush();
  let idle = false;
  const waiting = s.c.idle().then(() => (idle = true));
  await settle();
  assert.equal(idle, false);
  release();
  await saving;
  await waiting;
  assert.equal(idle, true);
});

test('onSaved hears what the save stamped (format 1.1), for the editor to adopt', async () => {
  const stamped = { by: 'ليلى', units: ['u1'], mentions: [], entities: [] };
  const s = setup({ saveResults: [{ ok: true, value: { sidecarHash: 'h1', savedAt: '2026-12-05T04:00:00.000Z', stamped } }] });
  s.edit('Reviewed ٣');
  assert.equal(await s.c.flush(), true);
  assert.deepEqual(s.results, [{ sidecarHash: 'h1', savedAt: '2026-12-05T04:00:00.000Z', stamped }]);
});

test('a journal entry that lands after the save of its content is cleared (no stale "unsaved work" at the next open)', async () => {
  const s = setup();
  s.edit('قال الوزير 🙂');
  const release = s.holdJournal();
  await s.timers.advance(800); // the journal write is on its way
  assert.equal(s.journals.length, 1);
  assert.equal(await s.c.flush(), true); // Ctrl+S: the save of the same content finishes first
  assert.deepEqual(s.discards, []);
  release();
  await settle();
  await settle();
  assert.deepEqual(s.discards, ['/w/r.txt'], 'the late entry is cleared');
  assert.deepEqual(s.journaled, [], 'and not reported as journaled');

  // an entry that lands BEFORE a save is left to the host's own clear (no extra call)
  s.edit('قال الوزير 🙂 أمس');
  await s.timers.advance(800);
  assert.deepEqual(s.journaled, [2]);
  await s.c.flush();
  assert.deepEqual(s.discards, ['/w/r.txt']);

  // newer edits made while the late entry travelled are journaled again after the clear
  s.edit('ب');
  const release2 = s.holdJournal();
  await s.timers.advance(800);
  const saving = s.c.flush();
  await saving;
  s.edit('بب');
  release2();
  await s.timers.advance(800);
  assert.equal(s.discards.length, 2);
  assert.equal(s.journals.at(-1)!.targets[0].text, 'بب', 'the newer edit reached the journal');
});
