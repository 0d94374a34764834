// Random edits of a report as the host sees them between two saves: a new model whose unchanged
// items are the previous model's objects and whose changed items are new objects (what the
// incremental validator hands the store). Shared by the piece-wise serialiser and bytes tests.
import fc from 'fast-check';
import type { Annotations } from '../../../shared/model/types.ts';

const LISTS = ['segments', 'targets', 'units', 'entities', 'mentions'] as const;
type List = (typeof LISTS)[number];

const TEXTS = ['نصٌّ مُعدَّلٌ 😀 edited', 'حلب Aleppo ١٢٣', 'ﷺ 👩🏽‍⚕️ مرحبًا', '', 'plain'];

export const editArb = fc.record({
  list: fc.constantFrom(...LISTS),
  at: fc.nat(),
  text: fc.constantFrom(...TEXTS),
  op: fc.constantFrom('text', 'status', 'insert', 'remove', 'swap', 'extra', 'clear', 'modified', 'stamp'),
});
export type Edit = { list: List; at: number; text: string; op: string };

let fresh = 0;

/** `a` after one edit (see the header); `a` itself is never changed. */
export function applyEdit(a: Annotations, e: Edit): Annotations {
  if (e.op === 'modified') return { ...a, modified: `2025-0${1 + (e.at % 9)}-01T00:00:00.000Z` };
  const xs = [...(a[e.list] as unknown as Record<string, unknown>[])];
  if (e.op === 'clear') return { ...a, [e.list]: [] };
  if (!xs.length) return a;
  const i = e.at % xs.length;
  const x = xs[i];
  switch (e.op) {
    case 'text':
      xs[i] = { ...x, text: e.text };
      break;
    case 'status':
      xs[i] = { ...x, status: e.at % 2 ? 'reviewed' : 'translated' };
      break;
    case 'stamp':
      xs[i] = { ...x, by: 'ليلى', at: '2025-01-01T00:00:00.000Z' };
      break;
    case 'insert':
      xs.splice(i, 0, { ...x, id: `${String(x.id).replace(/\d+$/, '')}${9000 + fresh++}` });
      break;
    case 'remove':
      xs.splice(i, 1);
      break;
    case 'swap':
      if (i + 1 < xs.length) [xs[i], xs[i + 1]] = [xs[i + 1], xs[i]];
      break;
    case 'extra':
      xs[i] = { ...x, zExtra: { note: e.text, list: ['ق', 1] } };
      break;
  }
  return { ...a, [e.list]: xs };
}

/** `a` with its mentions repeated `times` times under new ids (m1…): a list of several chunks. */
export function manyMentions(a: Annotations, times: number): Annotations {
  const mentions = [];
  for (let r = 0; r < times; r++) for (const m of a.mentions) mentions.push({ ...m, id: 'm' + (mentions.length + 1) });
  return { ...a, mentions };
}
