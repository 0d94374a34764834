// A temporary workspace for the glossary and `muwazi entities` tests.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMention, linkMentions } from '../../../shared/entities/mentions.ts';
import { serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { cpIndexOf, makeReport } from '../../fixtures/annotated-report.ts';

/** A folder with an annotated report (إدلب ↔ Idlib), an unannotated one and a corrupt sidecar. */
export async function makeFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-glossary-'));
  const { text, annotations } = makeReport(['قصف بإدلب 😀 اليوم'], ['Shelling in Idlib today'], 'a.txt');
  const s = cpIndexOf(text, 'إدلب');
  const r1 = addMention(annotations, { side: 'ar', sentence: 's1', start: s, end: s + 4, type: 'LOC' });
  const r2 = addMention(r1.annotations, { side: 'en', sentence: 't1', start: 12, end: 17, type: 'LOC' });
  await writeFile(join(dir, 'a.txt'), text);
  await writeFile(join(dir, 'a.annotations.json'), serializeAnnotations(linkMentions(r2.annotations, 'm1', 'm2')));
  await writeFile(join(dir, 'b.txt'), 'لا شيء');
  await writeFile(join(dir, 'c.txt'), 'تالف');
  await writeFile(join(dir, 'c.annotations.json'), '{ not json');
  return dir;
}

