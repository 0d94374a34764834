// Test helper: annotated reports built from Arabic text, with translations, entities and mentions
// on both sides, so format, drift and store tests start from realistic, valid files.
import { createAnnotations } from '../../../shared/model/create.ts';
import type { Annotations, Mention, SourceInfo } from '../../../shared/model/types.ts';
import { OffsetMap, cpLength } from '../../../shared/text/offsets.ts';
import { segmentSentences } from '../../../shared/text/segment.ts';

/** Three sentences: harakat, an emoji (astral), Latin inside Arabic, Arabic-Indic digits. */
export const TEXT =
  'قالَ الرئيسُ محمد بن سلمان إن الاجتماع في الرياض كان ناجحاً 😀.\n' +
  'وأضاف أن شركة Aramco ستستثمر ١٢٣ مليون دولار في مِصر.\n' +
  'وفي القاهرة، التقى الوفد بممثلي الأمم المتحدة؟';

export const ENGLISH = [
  'Crown Prince Mohammed bin Salman said the meeting in Riyadh was a success 😀.',
  'He added that Aramco will invest 123 million dollars in Egypt.',
  'In Cairo, the delegation met United Nations representatives?',
];

/** Arabic entity names with their type and English form. */
export const NAMES: [string, string, string][] = [
  ['محمد بن سلمان', 'PER', 'Mohammed bin Salman'],
  ['الرياض', 'LOC', 'Riyadh'],
  ['Aramco', 'ORG', 'Aramco'],
  ['مِصر', 'LOC', 'Egypt'],
  ['القاهرة', 'LOC', 'Cairo'],
  ['الأمم المتحدة', 'ORG', 'United Nations'],
];

export const SHA = 'a'.repeat(64);
export const NOW = '2024-05-01T10:00:00.000Z';

export function sourceInfo(text: string, sha = SHA): SourceInfo {
  return { file: 'report.txt', sha256: sha, encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(text), language: 'ar' };
}

/**
 * A fully annotated report of `text`: segmented, one English sentence per segment (from `english`,
 * cycled), every row translated, and a mention (both sides when the English has the name) for
 * every occurrence of each of `names`.
 */
export function annotate(text: string, english = ENGLISH, names = NAMES, sha = SHA): Annotations {
  const a = createAnnotations(sourceInfo(text, sha), text, segmentSentences(text, { lang: 'ar' }), NOW);
  const map = new OffsetMap(text);
  a.targets = a.segments.map((s, i) => ({ id: 't' + (i + 1), text: english[i % english.length] }));
  a.units = a.units.map((u, i) => ({ ...u, target: ['t' + (i + 1)], status: 'translated' as const, origin: 'manual' as const }));
  a.entities = names.map(([ar, type, en], i) => ({ id: 'e' + (i + 1), type, ar, en }));
  const mentions: Mention[] = [];
  let m = 1;
  names.forEach(([ar, type, en], i) => {
    for (let u = text.indexOf(ar); u >= 0; u = text.indexOf(ar, u + 1)) {
      const start = map.toCodePoint(u);
      const end = start + cpLength(ar);
      const seg = a.segments.find((s) => s.start <= start && end <= s.end);
      if (!seg) continue;
      mentions.push({ id: 'm' + m++, side: 'ar', sentence: seg.id, start, end, text: ar, type, entity: 'e' + (i + 1) });
    }
    for (const t of a.targets) {
      const u16 = t.text.indexOf(en);
      if (u16 < 0) continue;
      const start = new OffsetMap(t.text).toCodePoint(u16);
      mentions.push({ id: 'm' + m++, side: 'en', sentence: t.id, start, end: start + cpLength(en), text: en, type, entity: 'e' + (i + 1) });
    }
  });
  a.mentions = mentions;
  return a;
}
