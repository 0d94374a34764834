// A project folder for the translation-memory tests (host, CLI): two translated reports (one in a
// sub-folder, one row untranslated), a report without a sidecar, a corrupt sidecar, a sidecar of a
// newer major version, an imported memory tm/news.tmx and a malformed tm/cut.tmx.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { makeReport } from '../../fixtures/annotated-report.ts';

export const A_AR = ['قالت الحكومةُ إن ٣ أشخاص قتلوا في حلب.', 'وصل الوفد إلى دمشق صباح اليوم.', 'سطر بلا ترجمة بعد.'];
export const A_EN = ['The government said 3 people were killed in Aleppo.', 'The delegation arrived in Damascus this morning.'];
export const B_AR = ['أعلنت وزارة الصحة عن ١٢ إصابة جديدة.'];
export const B_EN = ['The Ministry of Health announced 12 new cases.'];
export const TMX_PAIRS: [string, string][] = [
  ['عقد مجلس الأمن جلسة طارئة.', 'The Security Council held an emergency session.'],
  ['قالت الحكومة إن ٣ أشخاص قتلوا في حلب.', 'Government: 3 killed in Aleppo.'],
];

/** The TMX text of `pairs` (TMX 1.4, Arabic then English). */
export function tmxOf(pairs: [string, string][]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header srclang="ar" segtype="sentence" datatype="plaintext" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>\n<body>\n' +
    pairs.map(([ar, en]) => `<tu>\n<tuv xml:lang="ar"><seg>${esc(ar)}</seg></tuv>\n<tuv xml:lang="en"><seg>${esc(en)}</seg></tuv>\n</tu>\n`).join('') +
    '</body>\n</tmx>\n';
}

/** Writes report `name` (relative) with its sidecar under `dir`. */
export async function writeReport(dir: string, name: string, ar: string[], en: string[]): Promise<void> {
  const { text, annotations } = makeReport(ar, en, name.split('/').pop());
  await mkdir(join(dir, name, '..'), { recursive: true });
  await writeFile(join(dir, name), text);
  await writeFile(join(dir, name.replace(/\.txt$/, '.annotations.json')), serializeAnnotations(annotations));
}

/** The project folder (see the header). */
export async function makeTmProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-tm-'));
  await writeReport(dir, 'a.txt', A_AR, A_EN);
  await writeReport(dir, 'sub/b.txt', B_AR, B_EN);
  await writeFile(join(dir, 'plain.txt'), 'نص بلا ملف توضيح.');
  await writeFile(join(dir, 'corrupt.txt'), 'تالف');
  await writeFile(join(dir, 'corrupt.annotations.json'), '{ not json');
  const newer = makeReport(['نسخة أحدث.'], ['A newer version.'], 'newer.txt');
  await writeFile(join(dir, 'newer.txt'), newer.text);
  await writeFile(join(dir, 'newer.annotations.json'), serializeAnnotations(newer.annotations).replace(/"version": "[^"]+"/, '"version": "99.0"'));
  await mkdir(join(dir, 'tm'));
  await writeFile(join(dir, 'tm', 'news.tmx'), tmxOf(TMX_PAIRS));
  await writeFile(join(dir, 'tm', 'cut.tmx'), tmxOf(TMX_PAIRS).replace(/<\/tu>\n<\/body>\n<\/tmx>\n$/, ''));
  return dir;
}

/** A fresh project from makeTmProject for `fn`, removed afterwards whatever happens. */
export async function withTmProject(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await makeTmProject();
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
