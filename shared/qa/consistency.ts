// inconsistent-translation, across every row given (one report, or a whole project):
//   - the same Arabic translated by different English (warning), each row of the group flagged with
//     how many variants there are and one other variant;
//   - the reverse, different Arabic with identical English (info: short stock phrases rightly
//     repeat, so only English of MIN_REVERSE_WORDS words or more is compared).
// Both sides are compared folded (NAME_FOLDING: case, diacritics, alef/yeh/teh marbuta variants,
// Arabic-Indic digits) with punctuation dropped, so a comma or a capital does not count as a
// different translation. Rows without English, or whose Arabic has no letters (a number), are left out.
// A row's qaIgnore drops its own finding; its English still counts as a variant for the others.
import { nameKey } from '../text/normalize.ts';
import type { QaContext, QaFinding, QaRow } from './types.ts';

/** The reverse check compares English of at least this many words. */
export const MIN_REVERSE_WORDS = 3;

/** A text folded for comparison: name folding, punctuation dropped, one space between words. */
export function consistencyKey(text: string): string {
  return nameKey(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

type Row = QaRow & { file?: string };
type Out = QaFinding & { file?: string };

/** Groups rows by one key, counting the distinct values of another; calls `emit` per row of a mixed group. */
function mixedGroups(rows: ReadonlyArray<{ row: Row; key: string; other: string }>, emit: (row: Row, variants: number, otherText: Row) => void): void {
  const groups = new Map<string, Array<{ row: Row; key: string; other: string }>>();
  for (const r of rows) {
    const g = groups.get(r.key);
    if (g) g.push(r);
    else groups.set(r.key, [r]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    // variants by how often they occur, most frequent first (first seen on ties)
    const counts = new Map<string, { n: number; row: Row }>();
    for (const r of g) {
      const c = counts.get(r.other);
      if (c) c.n++;
      else counts.set(r.other, { n: 1, row: r.row });
    }
    if (counts.size < 2) continue;
    const byFreq = [...counts.entries()].sort((x, y) => y[1].n - x[1].n);
    for (const r of g) {
      const other = byFreq.find(([k]) => k !== r.other)!;
      emit(r.row, counts.size, other[1].row);
    }
  }
}

export function checkConsistency(rows: ReadonlyArray<Row>, ctx: QaContext): Out[] {
  if (ctx.disabled?.includes('inconsistent-translation')) return [];
  const keyed: Array<{ row: Row; ar: string; en: string }> = [];
  for (const row of rows) {
    if (row.en.trim() === '' || row.ar.trim() === '') continue;
    const ar = consistencyKey(row.ar);
    if (!/\p{L}/u.test(ar)) continue;
    keyed.push({ row, ar, en: consistencyKey(row.en) });
  }
  const out: Out[] = [];
  const add = (row: Row, severity: 'warning' | 'info', messageKey: string, params: Record<string, string | number>) => {
    if (row.qaIgnore?.includes('inconsistent-translation')) return;
    const f: Out = { check: 'inconsistent-translation', severity, unit: row.unit, row: row.row, messageKey, params, ar: row.ar, en: row.en };
    if (row.file !== undefined) f.file = row.file;
    out.push(f);
  };
  mixedGroups(keyed.map((k) => ({ row: k.row, key: k.ar, other: k.en })), (row, count, other) =>
    add(row, 'warning', 'inconsistent', { count, other: other.en }));
  mixedGroups(
    keyed.filter((k) => k.en.split(' ').length >= MIN_REVERSE_WORDS).map((k) => ({ row: k.row, key: k.en, other: k.ar })),
    (row, count, other) => add(row, 'info', 'sameEnglish', { count, other: other.ar }),
  );
  return out;
}
