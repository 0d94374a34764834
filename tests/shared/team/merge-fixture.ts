// Edits for merge tests: a base report (annotate(TEXT): three rows, mentions on both sides) and
// small, always-valid edits of it, as a side of a merge would make them.
import type { Annotations, RowStatus } from '../../../shared/model/types.ts';
import { nextId } from '../../../shared/model/ids.ts';
import { cpLength } from '../../../shared/text/offsets.ts';
import { TEXT, annotate, cpIndexOf } from '../../fixtures/annotated-report.ts';

export { TEXT };
export const base = (): Annotations => annotate(TEXT);

export type Edit =
  | { k: 'status'; row: number; status: RowStatus }
  | { k: 'en'; row: number; suffix: string }
  | { k: 'type'; mention: number; type: string }
  | { k: 'del'; mention: number }
  | { k: 'add'; word: string; type: string }
  | { k: 'join'; row: number };

/** Untagged Arabic words of TEXT a side may tag. */
export const FREE_WORDS = ['الاجتماع', 'الوفد', 'دولار', 'شركة'];
export const SUFFIXES = [' (checked)', ' — محدّث', ' ✓', ' 😀'];

/** `a` with `edits` applied (a copy; edits that no longer apply are skipped). */
export function edit(a0: Annotations, edits: Edit[]): Annotations {
  const a = structuredClone(a0);
  for (const e of edits) {
    if (e.k === 'status') {
      const u = a.units[e.row % a.units.length];
      u.status = e.status;
    } else if (e.k === 'en') {
      const u = a.units[e.row % a.units.length];
      const t = a.targets.find((x) => x.id === u.target[0]);
      if (t) t.text += e.suffix;
    } else if (e.k === 'type') {
      if (a.mentions.length) a.mentions[e.mention % a.mentions.length].type = e.type;
    } else if (e.k === 'del') {
      if (a.mentions.length) a.mentions.splice(e.mention % a.mentions.length, 1);
    } else if (e.k === 'add') {
      const start = cpIndexOf(TEXT, e.word);
      const end = start + cpLength(e.word);
      if (a.mentions.some((m) => m.side === 'ar' && m.start < end && start < m.end)) continue;
      const seg = a.segments.find((s) => s.start <= start && end <= s.end)!;
      const entity = nextId('e', a.entities.map((x) => x.id));
      a.entities.push({ id: entity, type: e.type, ar: e.word });
      a.mentions.push({ id: nextId('m', a.mentions.map((x) => x.id).concat(a0.mentions.map((x) => x.id))), side: 'ar', sentence: seg.id, start, end, text: e.word, type: e.type, entity });
    } else if (e.k === 'join') {
      const i = e.row % a.units.length;
      if (i + 1 >= a.units.length) continue;
      const [u, v] = [a.units[i], a.units[i + 1]];
      a.units.splice(i, 2, { ...u, source: [...u.source, ...v.source], target: [...u.target, ...v.target] });
    }
  }
  return a;
}
