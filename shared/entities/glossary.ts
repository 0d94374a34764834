// The project glossary: which English rendering goes with which Arabic name (إدلب ↔ Idlib), gathered
// from every report's entities, editable by the user, saved as TSV (muwazi.glossary.tsv, see
// electron/host/glossary.ts and docs/entities.md). It suggests English spans, pre-annotates a newly
// opened report (as suggestions) and flags an Arabic name rendered in more than one way.
import type { Annotations } from '../model/types.ts';
import { nameKey } from '../text/normalize.ts';
import { escapeTsv } from '../formats/text-fields.ts';
import { OccurrenceIndex, overlapsMention, segmentAt, type MentionSuggestion } from './propagate.ts';

/** One glossary line: an Arabic form, its English rendering, the type, how often it was seen. */
export interface GlossaryEntry {
  /** the Arabic form as written in the reports ('' for an English-only entry) */
  ar: string;
  /** the English rendering ('' when none is known yet) */
  en: string;
  /** entity type (PER, ORG, ...) */
  type: string;
  /** number of entities (one per report) that used this pair; 0 for a pair typed by hand */
  count: number;
  /** the user's note (optional) */
  note?: string;
}

/** One annotated report, as the collectors read it. */
export interface AnnotatedReport {
  /** the report's name (relative path of its .txt) */
  report: string;
  annotations: Annotations;
}

/** The key of a glossary pair: folded forms and type. */
function pairKey(e: Pick<GlossaryEntry, 'ar' | 'en' | 'type'>): string {
  return `${nameKey(e.ar)}\t${nameKey(e.en)}\t${e.type}`;
}

/** Most frequent value of a counted map (first seen on ties). */
function top(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let n = -1;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/** The Arabic and English forms an entity uses in one report, by folded key → surface → count. */
export function entityForms(a: Annotations): Map<string, { type: string; ar: Map<string, number>; en: Map<string, number> }> {
  const out = new Map<string, { type: string; ar: Map<string, number>; en: Map<string, number> }>();
  for (const e of a.entities) out.set(e.id, { type: e.type, ar: new Map(), en: new Map() });
  for (const m of a.mentions) {
    const f = out.get(m.entity);
    if (!f) continue;
    const side = f[m.side];
    side.set(m.text, (side.get(m.text) ?? 0) + 1);
  }
  for (const e of a.entities) {
    const f = out.get(e.id)!;
    if (e.ar && f.ar.size === 0) f.ar.set(e.ar, 0);
    if (e.en && f.en.size === 0) f.en.set(e.en, 0);
  }
  return out;
}

/**
 * Glossary pairs from the entities of many reports: one pair per entity with an Arabic form,
 * its main Arabic form with its main English form ('' when not rendered yet), counted over
 * entities. The surface kept for a folded form is the one seen most.
 */
export function collectRenderings(reports: readonly AnnotatedReport[]): GlossaryEntry[] {
  const pairs = new Map<string, { entry: GlossaryEntry; ar: Map<string, number>; en: Map<string, number> }>();
  for (const { annotations } of reports) {
    for (const f of entityForms(annotations).values()) {
      const ar = top(f.ar);
      if (!ar) continue;
      const en = top(f.en) ?? '';
      const k = pairKey({ ar, en, type: f.type });
      let p = pairs.get(k);
      if (!p) pairs.set(k, (p = { entry: { ar, en, type: f.type, count: 0 }, ar: new Map(), en: new Map() }));
      p.entry.count++;
      p.ar.set(ar, (p.ar.get(ar) ?? 0) + 1);
      if (en) p.en.set(en, (p.en.get(en) ?? 0) + 1);
    }
  }
  return sortEntries([...pairs.values()].map((p) => ({ ...p.entry, ar: top(p.ar)!, en: top(p.en) ?? '' })));
}

/** Glossary order: by Arabic form, then most used rendering first. */
export function sortEntries(entries: GlossaryEntry[]): GlossaryEntry[] {
  return entries.sort((x, y) => nameKey(x.ar).localeCompare(nameKey(y.ar), 'ar') || y.count - x.count || x.en.localeCompare(y.en, 'en') || x.type.localeCompare(y.type));
}

/**
 * The saved glossary updated with freshly collected pairs: saved lines keep their text and note,
 * their counts are replaced by the collected ones (0 when no report uses them any more, so pairs
 * typed by hand survive); new pairs are added. A pair ('', …) that now has a rendering replaces
 * the unrendered one.
 */
export function mergeGlossary(saved: readonly GlossaryEntry[], collected: readonly GlossaryEntry[]): GlossaryEntry[] {
  const fresh = new Map(collected.map((e) => [pairKey(e), e]));
  const out: GlossaryEntry[] = [];
  const seen = new Set<string>();
  for (const e of saved) {
    const k = pairKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ ...e, count: fresh.get(k)?.count ?? 0 });
  }
  for (const e of collected) if (!seen.has(pairKey(e))) out.push({ ...e });
  // drop an unrendered line when the same Arabic form and type now has a rendering, unless noted
  const rendered = new Set(out.filter((e) => e.en).map((e) => `${nameKey(e.ar)}\t${e.type}`));
  return sortEntries(out.filter((e) => e.en || e.note || !rendered.has(`${nameKey(e.ar)}\t${e.type}`)));
}

/** English renderings of an Arabic form, most used first. */
export function renderingsOf(entries: readonly GlossaryEntry[], ar: string): string[] {
  const k = nameKey(ar);
  return entries
    .filter((e) => e.en && nameKey(e.ar) === k)
    .sort((x, y) => y.count - x.count)
    .map((e) => e.en)
    .filter((en, i, all) => all.indexOf(en) === i);
}

/** An Arabic form rendered in several ways. */
export interface Inconsistency {
  /** the Arabic form */
  ar: string;
  type: string;
  /** the distinct renderings (folded forms differ), most used first */
  renderings: Array<{ en: string; count: number }>;
}

/** Arabic forms with more than one English rendering (case, diacritics and spacing ignored). */
export function findInconsistencies(entries: readonly GlossaryEntry[]): Inconsistency[] {
  const byAr = new Map<string, { ar: string; type: string; en: Map<string, { en: string; count: number }> }>();
  for (const e of entries) {
    if (!e.en || !e.ar) continue;
    const k = `${nameKey(e.ar)}\t${e.type}`;
    let g = byAr.get(k);
    if (!g) byAr.set(k, (g = { ar: e.ar, type: e.type, en: new Map() }));
    const ek = nameKey(e.en);
    const r = g.en.get(ek);
    if (r) r.count += e.count;
    else g.en.set(ek, { en: e.en, count: e.count });
  }
  return [...byAr.values()]
    .filter((g) => g.en.size > 1)
    .map((g) => ({ ar: g.ar, type: g.type, renderings: [...g.en.values()].sort((x, y) => y.count - x.count) }));
}

// ---- TSV ------------------------------------------------------------------------------------

/** The header line of the glossary TSV. */
export const GLOSSARY_TSV_HEADER = 'ar\ten\ttype\tcount\tnote';

/** Undoes `escapeTsv` (shared/formats/text-fields.ts), leniently for hand-written files: an
 * unknown escape keeps its character (\x → x). */
export function unescapeField(s: string): string {
  return s.replace(/\\(.?)/gs, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** The glossary as TSV: a header, one escaped line per entry, LF line ends, final LF. */
export function glossaryToTsv(entries: readonly GlossaryEntry[]): string {
  const lines = entries.map((e) => [e.ar, e.en, e.type, String(e.count), e.note ?? ''].map(escapeTsv).join('\t'));
  return [GLOSSARY_TSV_HEADER, ...lines].join('\n') + '\n';
}

/** A line that could not be read. */
export interface TsvProblem {
  /** 1-based line number */
  line: number;
  message: string;
}

/**
 * Reads a glossary TSV (ours, or one written by hand or a spreadsheet: header optional, CRLF
 * accepted, count and note optional, type defaults to MISC). Lines without an Arabic or English
 * form are reported, not fatal.
 */
export function glossaryFromTsv(tsv: string): { entries: GlossaryEntry[]; problems: TsvProblem[] } {
  const entries: GlossaryEntry[] = [];
  const problems: TsvProblem[] = [];
  const lines = tsv.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '' || (i === 0 && line.toLowerCase().startsWith('ar\ten'))) return;
    const f = line.split('\t').map(unescapeField);
    const [ar = '', en = '', type = '', count = '', note = ''] = f;
    if (!ar.trim() && !en.trim()) {
      problems.push({ line: i + 1, message: `Line ${i + 1}: neither an Arabic nor an English form.` });
      return;
    }
    const n = count.trim() === '' ? 0 : Number(count);
    if (!Number.isInteger(n) || n < 0) {
      problems.push({ line: i + 1, message: `Line ${i + 1}: the count “${count}” is not a whole number.` });
      return;
    }
    const entry: GlossaryEntry = { ar, en, type: type.trim() || 'MISC', count: n };
    if (note !== '') entry.note = note;
    entries.push(entry);
  });
  return { entries, problems };
}

// ---- pre-annotation ---------------------------------------------------------------------------

/** A pre-annotation: a mention suggestion from a glossary pair. */
export interface PreAnnotation extends MentionSuggestion {
  /** suggestions with the same group belong to one entity (the folded Arabic form and type) */
  group: string;
  /** the glossary pair it comes from */
  pair: { ar: string; en: string };
}

/**
 * Suggestions for a report from the glossary: every occurrence of a glossary Arabic form in the
 * source and of its rendering in the English sentences, not overlapping existing mentions or each
 * other (longer forms win). A suggestion joins the report's entity with the same Arabic form when
 * there is one (`entity`), else a new entity shared by its `group`.
 */
export function preAnnotate(entries: readonly GlossaryEntry[], annotations: Pick<Annotations, 'segments' | 'targets' | 'mentions' | 'entities'>, sourceText: string): PreAnnotation[] {
  const source = new OccurrenceIndex([{ key: '', text: sourceText }]);
  const targets = new OccurrenceIndex(annotations.targets.map((t) => ({ key: t.id, text: t.text })));
  const segs = [...annotations.segments].sort((a, b) => a.start - b.start);
  const existing = new Map<string, string>();
  for (const e of annotations.entities) if (e.ar) existing.set(`${nameKey(e.ar)}\t${e.type}`, e.id);
  const candidates: PreAnnotation[] = [];
  for (const e of entries) {
    const group = `${nameKey(e.ar || e.en)}\t${e.type}`;
    const entity = e.ar ? existing.get(group) ?? null : null;
    const pair = { ar: e.ar, en: e.en };
    if (e.ar) {
      for (const o of source.find(e.ar)) {
        const seg = segmentAt(segs, o.start);
        if (!seg || o.end > seg.end) continue;
        candidates.push({ side: 'ar', sentence: seg.id, start: o.start, end: o.end, text: o.text, type: e.type, entity, group, pair });
      }
    }
    if (e.en) {
      for (const o of targets.find(e.en, { clitics: false })) {
        candidates.push({ side: 'en', sentence: o.key, start: o.start, end: o.end, text: o.text, type: e.type, entity, group, pair });
      }
    }
  }
  // longest first, then in text order; keep those clear of mentions and of kept suggestions
  candidates.sort((x, y) => y.end - y.start - (x.end - x.start) || (x.side === y.side ? 0 : x.side === 'ar' ? -1 : 1) || x.start - y.start);
  const kept: PreAnnotation[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const id = `${c.side}\t${c.sentence}\t${c.start}\t${c.end}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (overlapsMention(annotations.mentions, c.side, c.sentence, c.start, c.end)) continue;
    if (kept.some((k) => k.side === c.side && (c.side === 'ar' || k.sentence === c.sentence) && k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((x, y) => (x.side === y.side ? (x.side === 'ar' ? 0 : x.sentence.localeCompare(y.sentence, 'en', { numeric: true })) || x.start - y.start : x.side === 'ar' ? -1 : 1));
}
