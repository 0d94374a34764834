// A project for the learned word list tests (host, CLI): a report whose rows pair a made-up Arabic
// term (الكحلوم) with a made-up English one ("vespid") — words no general word list knows — and a
// probe where only that learned pair tells the aligner which English sentence is row 1's. Written
// for these tests.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { serializeSettings } from '../../../shared/model/settings.ts';
import { defaultSettings } from '../../../electron/host/workspace.ts';
import type { Annotations, RowStatus } from '../../../shared/model/types.ts';
import { makeReport } from '../../fixtures/annotated-report.ts';

/** Rows of the translated report: the term pair twice (a pair seen once is chance), harakat, an
 * emoji, Arabic-Indic digits. */
export const KNOWN: Array<[string, string]> = [
  ['فحصَ المهندسون الكحلومَ الجديد في المختبر يوم ٣ آذار.', 'The engineers tested the new vespid in the laboratory on 3 March.'],
  ['وقال الخبراء إن الكحلوم يعمل بكفاءة 🙂.', 'Experts said the vespid works efficiently 🙂.'],
];

/** The probe: Arabic row 1 translates English sentence 2 (the vespid); sentence 1 (a "florp") is an
 * extra English line that fits row 1's length better. */
export const PROBE_AR = ['اجتمع الوزراء في العاصمة لبحث الميزانية.', 'وظهر الكحلوم قرب الجسر القديم صباح الأحد.', 'وعاد الوزراء إلى مكاتبهم بعد الظهر.'];
export const PROBE_EN = [
  'Ministers met in the capital to discuss the budget.',
  'The florp appeared near the old bridge on Sunday morning.',
  'The vespid appeared near the old bridge on Sunday morning in front of reporters.',
  'The ministers returned to their offices in the afternoon.',
];

/** Annotations of `pairs` with every row given `status` (and `confirmed`). */
export function knownReport(pairs: Array<[string, string]>, status: RowStatus, confirmed = false, file = 'known.txt'): { text: string; annotations: Annotations } {
  const r = makeReport(pairs.map((p) => p[0]), pairs.map((p) => p[1]), file);
  r.annotations.units = r.annotations.units.map((u) => ({ ...u, status, confirmed }));
  return r;
}

/** Writes report `name` (relative) with its sidecar under `dir`. */
export async function writeKnown(dir: string, name: string, r: { text: string; annotations: Annotations }): Promise<void> {
  await mkdir(join(dir, name, '..'), { recursive: true });
  await writeFile(join(dir, name), r.text);
  await writeFile(join(dir, name.replace(/\.txt$/, '.annotations.json')), serializeAnnotations(r.annotations));
}

/** A project folder: muwazi.project.json (default settings), the translated report, the probe files. */
export async function writeLearnedProject(dir: string): Promise<void> {
  await writeFile(join(dir, 'muwazi.project.json'), serializeSettings(defaultSettings()));
  await writeKnown(dir, 'news/known.txt', knownReport(KNOWN, 'translated'));
  await writeFile(join(dir, 'probe.txt'), PROBE_AR.join('\n') + '\n');
  await writeFile(join(dir, 'probe.en.txt'), PROBE_EN.join('\n') + '\n');
}
