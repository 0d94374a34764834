// The app's save path (a report opened with `keep`, requests validated incrementally, saveReport with
// `validated`: reused chunk bytes, incremental checks and canonical order, stamps against the kept
// model) gives what the full path gives (a plain open, the whole schema, the whole check, the whole
// serialisation) over random edit sequences on an Arabic report: the same file bytes, the same
// stamps, the same errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HostError } from '../../../electron/host/errors.ts';
import { openReport, saveReport, sidecarPath } from '../../../electron/host/report-store.ts';
import { SaveRequestParser } from '../../../electron/host/save-request.ts';
import type { Annotations, Mention } from '../../../shared/model/types.ts';
import { withStamps } from '../../../shared/team/provenance.ts';
import { cpLength } from '../../../shared/text/offsets.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';
import { withTmp } from '../../fixtures/tmp.ts';

let fresh = 0;
/** Edits as the editor makes them, on the page's copy (valid ones and ones the checks refuse). */
const EDITS: ((a: Annotations, k: number) => void)[] = [
  (a, k) => void (a.units[k % a.units.length].status = a.units[k % a.units.length].status === 'reviewed' ? 'translated' : 'reviewed'),
  (a, k) => void (a.targets[k % a.targets.length].text += ' — تمّ 😀'),
  (a, k) => void (a.targets[k % a.targets.length].text = 'سطر'),
  (a, k) => void a.mentions.splice(k % a.mentions.length, 1),
  (a, k) => void a.entities.splice(k % a.entities.length, 1),
  (a, k) => {
    const s = a.segments[k % a.segments.length];
    const word = /^\S+/u.exec(s.text)![0];
    const id = 'e' + (500 + fresh++);
    a.entities.push({ id, type: 'PER', ar: word, en: 'X' });
    const m: Mention = { id: 'm' + (500 + fresh++), side: 'ar', sentence: s.id, start: s.start, end: s.start + cpLength(word), text: word, type: 'PER', entity: id };
    a.mentions.push(m);
  },
  (a, k) => void (a.mentions[k % a.mentions.length].start += 1),
  (a, k) => {
    const i = k % (a.mentions.length - 1);
    [a.mentions[i], a.mentions[i + 1]] = [a.mentions[i + 1], a.mentions[i]];
  },
  (a, k) => void (a.entities[k % a.entities.length].type = 'ORG'),
];

const outcome = async (f: () => Promise<{ sidecarHash: string; savedAt: string; stamped: unknown }>) => {
  try {
    return { ok: await f() };
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    return { error: [e.code, e.message] };
  }
};

test('the app path and the full path write the same bytes, stamps and errors after random edits', () =>
  fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.array(fc.tuple(fc.nat(EDITS.length - 1), fc.nat()), { minLength: 1, maxLength: 3 }), fc.constantFrom('ليلى', 'عمر')), { maxLength: 5 }), (saves) =>
      withTmp(async (dir) => {
        const { text, annotations } = buildAnnotatedReport();
        const txt = (d: string) => join(dir, d, annotations.source.file);
        const journalDir = join(dir, 'journal');
        let n = 0;
        const now = () => `2026-12-0${1 + (n % 9)}T10:00:00.000Z`;
        const hash: Record<string, string> = {};
        for (const d of ['fast', 'full']) {
          await mkdir(join(dir, d));
          await writeFile(txt(d), text);
          hash[d] = (await saveReport(txt(d), annotations, null, { journalDir, now, user: 'سارة' })).sidecarHash;
        }
        // the service's open: kept model, remembered for the incremental validator
        const opened = await openReport(txt('fast'), { journalDir, keep: true });
        await openReport(txt('full'), { journalDir });
        const requests = new SaveRequestParser();
        requests.remember('r.txt', opened.annotations);
        let page = structuredClone(opened.annotations);
        for (const [edits, user] of saves) {
          n++;
          const edited = structuredClone(page);
          for (const [e, k] of edits) EDITS[e](edited, k);
          const fast = await outcome(async () => {
            const req = requests.parse({ path: 'r.txt', annotations: structuredClone(edited), sidecarHash: hash.fast });
            assert.ok(req.success, 'the edits keep the schema');
            return saveReport(txt('fast'), req.data.annotations, hash.fast, { journalDir, now, user, validated: true });
          });
          const full = await outcome(() => saveReport(txt('full'), structuredClone(edited), hash.full, { journalDir, now, user }));
          assert.deepEqual(fast.error, full.error);
          assert.deepEqual(fast.ok?.stamped, full.ok?.stamped);
          assert.equal(await readFile(sidecarPath(txt('fast')), 'utf8'), await readFile(sidecarPath(txt('full')), 'utf8'));
          if (fast.ok && full.ok) {
            hash.fast = fast.ok.sidecarHash;
            hash.full = full.ok.sidecarHash;
            // as the editor does (EditorHandle.adoptStamps)
            page = withStamps(edited, fast.ok.stamped as Parameters<typeof withStamps>[1], fast.ok.savedAt);
          }
        }
      }),
    ),
    { numRuns: 25 },
  ));
