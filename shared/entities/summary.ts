// Entities across a folder, for `muwazi entities` and the glossary panel: the per-report entities
// grouped by type and folded main form (Arabic if known, else English), with mention counts, the
// surfaces used on each side and the reports they appear in.
import { nameKey } from '../text/normalize.ts';
import { entityForms, type AnnotatedReport } from './glossary.ts';

/** A surface form and how many mentions use it. */
export interface FormCount {
  form: string;
  count: number;
}

/** One folder-wide entity. */
export interface EntitySummary {
  type: string;
  /** Arabic surfaces, most used first */
  ar: FormCount[];
  /** English surfaces, most used first */
  en: FormCount[];
  /** number of mentions (both sides) */
  mentions: number;
  /** Arabic / English mentions */
  arMentions: number;
  enMentions: number;
  /** reports (names) where it appears, sorted */
  reports: string[];
}

function add(m: Map<string, number>, from: Map<string, number>) {
  for (const [k, n] of from) m.set(k, (m.get(k) ?? 0) + n);
}

function ranked(m: Map<string, number>): FormCount[] {
  return [...m].map(([form, count]) => ({ form, count })).sort((x, y) => y.count - x.count || x.form.localeCompare(y.form));
}

function sum(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/** Groups the entities of many reports (see the header); sorted by mentions, then form. */
export function summarizeEntities(reports: readonly AnnotatedReport[]): EntitySummary[] {
  const groups = new Map<string, { type: string; ar: Map<string, number>; en: Map<string, number>; reports: Set<string> }>();
  for (const { report, annotations } of reports) {
    for (const f of entityForms(annotations).values()) {
      const main = mostUsed(f.ar) ?? mostUsed(f.en);
      if (main === undefined) continue;
      const k = `${f.ar.size > 0 ? 'ar' : 'en'}\t${nameKey(main)}\t${f.type}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { type: f.type, ar: new Map(), en: new Map(), reports: new Set() }));
      add(g.ar, f.ar);
      add(g.en, f.en);
      g.reports.add(report);
    }
  }
  return [...groups.values()]
    .map((g) => {
      const arMentions = sum(g.ar);
      const enMentions = sum(g.en);
      return { type: g.type, ar: ranked(g.ar), en: ranked(g.en), mentions: arMentions + enMentions, arMentions, enMentions, reports: [...g.reports].sort() };
    })
    .sort((x, y) => y.mentions - x.mentions || (x.ar[0]?.form ?? x.en[0]?.form ?? '').localeCompare(y.ar[0]?.form ?? y.en[0]?.form ?? ''));
}

function mostUsed(m: Map<string, number>): string | undefined {
  let best: string | undefined;
  let n = -1;
  for (const [k, c] of m) if (c > n) [best, n] = [k, c];
  return best;
}
