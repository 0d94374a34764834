// The glossary panel's model, free of the DOM so Node tests cover it: the rows being edited (the
// folder's glossary as loaded: the saved muwazi.glossary.tsv merged with every sidecar), edits,
// additions and deletions, the filter (names folded with nameKey, so إدلب finds ادلب and
// "erdogan" finds Erdoğan) and the flags of Arabic forms rendered in more than one way.
import { findInconsistencies, type GlossaryEntry } from '../../shared/entities/glossary.ts';
import { nameKey } from '../../shared/text/normalize.ts';

/** The fields a user edits in a row (count is gathered from the reports, not typed). */
export type GlossaryField = 'ar' | 'en' | 'type' | 'note';

/** One row of the panel. */
export interface GlossaryRow {
  /** stable id within the panel (DOM and edits refer to it) */
  id: number;
  entry: GlossaryEntry;
}

/** The filter of the panel. */
export interface GlossaryFilter {
  /** text to look for in the Arabic, English, type and note (folded; '' = all) */
  query: string;
  /** only rows whose Arabic form has several English renderings */
  onlyInconsistent: boolean;
}

/** Type of a row added by hand before the user picks one. */
export const DEFAULT_TYPE = 'MISC';

/** The key an Arabic form and type are grouped under (as findInconsistencies does). */
function groupKey(e: Pick<GlossaryEntry, 'ar' | 'type'>): string {
  return `${nameKey(e.ar)}\t${e.type}`;
}

/** Whether a row matches a query: every word of the folded query occurs in one of the folded fields. */
export function matchesQuery(e: GlossaryEntry, query: string): boolean {
  const words = nameKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = [e.ar, e.en, e.type, e.note ?? ''].map((f) => nameKey(f));
  return words.every((w) => hay.some((f) => f.includes(w)));
}

/** The editable glossary of the panel. */
export class GlossaryModel {
  private list: GlossaryRow[];
  private nextId = 1;
  /** true once anything changed since load or the last `markSaved` */
  dirty = false;

  constructor(entries: readonly GlossaryEntry[]) {
    this.list = entries.map((e) => ({ id: this.nextId++, entry: { ...e } }));
  }

  /** Every row, in panel order. */
  get rows(): readonly GlossaryRow[] {
    return this.list;
  }

  /** The row with an id, or undefined. */
  row(id: number): GlossaryRow | undefined {
    return this.list.find((r) => r.id === id);
  }

  /** Adds an empty row at the top (typed by hand: count 0); returns it. */
  add(init: Partial<GlossaryEntry> = {}): GlossaryRow {
    const row = { id: this.nextId++, entry: { ar: '', en: '', type: DEFAULT_TYPE, count: 0, ...init } };
    this.list.unshift(row);
    this.dirty = true;
    return row;
  }

  /**
   * Sets a field of a row. Text is trimmed; an empty type becomes MISC; an empty note is removed.
   * Returns false when the row does not exist or nothing changed.
   */
  update(id: number, field: GlossaryField, value: string): boolean {
    const row = this.row(id);
    if (!row) return false;
    let v = value.trim();
    if (field === 'type') v = v.toUpperCase() || DEFAULT_TYPE;
    const before = row.entry[field] ?? '';
    if (v === before) return false;
    if (field === 'note') {
      if (v) row.entry.note = v;
      else delete row.entry.note;
    } else row.entry[field] = v;
    this.dirty = true;
    return true;
  }

  /** Deletes a row; false when it does not exist. */
  remove(id: number): boolean {
    const i = this.list.findIndex((r) => r.id === id);
    if (i < 0) return false;
    this.list.splice(i, 1);
    this.dirty = true;
    return true;
  }

  /** Called after a successful save. */
  markSaved(): void {
    this.dirty = false;
  }

  /** The entries to save: rows with neither an Arabic nor an English form are left out. */
  entries(): GlossaryEntry[] {
    return this.list.filter((r) => r.entry.ar.trim() || r.entry.en.trim()).map((r) => ({ ...r.entry }));
  }

  /**
   * Rows whose Arabic form (folded, same type) has several English renderings, with the other
   * renderings of their form: id → renderings of the group, most used first.
   */
  inconsistent(): Map<number, string[]> {
    const groups = new Map(findInconsistencies(this.entries()).map((i) => [groupKey(i), i.renderings.map((r) => r.en)]));
    const out = new Map<number, string[]>();
    for (const r of this.list) {
      const g = r.entry.ar && r.entry.en ? groups.get(groupKey(r.entry)) : undefined;
      if (g) out.set(r.id, g);
    }
    return out;
  }

  /** The rows a filter shows, in panel order. */
  filter(f: GlossaryFilter): GlossaryRow[] {
    const flagged = f.onlyInconsistent ? this.inconsistent() : null;
    return this.list.filter((r) => (!flagged || flagged.has(r.id)) && matchesQuery(r.entry, f.query));
  }
}
