// Inter-annotator agreement between two copies of one report (issue 18): what NER corpora publish.
// - Entities, exact-span F1: a mention is (side, place, start, end, type); F1 = 2|A∩B| / (|A|+|B|),
//   symmetric, so neither copy has to be the gold one. Per type the same over that type's mentions.
// - Entities, Cohen's kappa on tokens (Cohen 1960): every token of the Arabic source (the existing
//   tokeniser, shared/text/tokenize.ts) and of each English sentence whose text both copies share
//   is labelled with the type of the mention it overlaps, else O (no BIO: the span question is the
//   F1's). κ = (po − pe) / (1 − pe), po the observed agreement, pe = Σ_k pA(k)·pB(k) the chance
//   agreement from each copy's label frequencies. Per type: the same on "this type or not".
// - Entity links (an Arabic and an English mention of one entity) and alignment links (a source
//   segment and a target sentence in one row): F1 over the pairs, places keyed by span and text.
// - Row status: the rows whose Arabic is the same spans in both copies, % agreement and kappa.
// Counts add up across reports (micro-averaging), so "overall" is computed from the summed counts.
// Undefined figures (nothing to compare, or chance agreement already 1) are null.
import type { Annotations, Mention } from '../model/types.ts';
import { tokenize } from '../text/tokenize.ts';

/** Counts for an F1: items in both copies, in A only, in B only. */
export interface F1Counts {
  both: number;
  onlyA: number;
  onlyB: number;
}

/** A confusion table: "labelA\tlabelB" → count. */
export type Confusion = Record<string, number>;

/** What agreement is computed from; add() sums two. */
export interface AgreementCounts {
  /** exact-span mentions, all types, and per type */
  mentions: F1Counts;
  mentionsByType: Record<string, F1Counts>;
  /** token labels (type or O) */
  tokens: Confusion;
  entityLinks: F1Counts;
  alignmentLinks: F1Counts;
  /** row statuses of rows with the same Arabic */
  statuses: Confusion;
}

/** The figures shown (null: not defined for these counts). */
export interface AgreementFigures {
  entities: {
    f1: number | null;
    kappa: number | null;
    /** mentions in A, in B */
    mentions: [number, number];
    tokens: number;
    byType: Record<string, { f1: number | null; kappa: number | null }>;
  };
  entityLinks: { f1: number | null };
  alignment: { linkF1: number | null };
  status: { agreement: number | null; kappa: number | null; rows: number };
}

export const O = 'O';

function f1Counts(a: Set<string>, b: Set<string>): F1Counts {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return { both, onlyA: a.size - both, onlyB: b.size - both };
}

/** F1 of two copies, symmetric: 2·both / (|A| + |B|). */
export function f1(c: F1Counts): number | null {
  const total = 2 * c.both + c.onlyA + c.onlyB;
  return total === 0 ? null : (2 * c.both) / total;
}

/** Cohen's kappa of a confusion table; `positive` reduces it to "that label or not". */
export function kappa(table: Confusion, positive?: string): number | null {
  let n = 0;
  let agree = 0;
  const pa = new Map<string, number>();
  const pb = new Map<string, number>();
  for (const [k, count] of Object.entries(table)) {
    let [x, y] = k.split('\t');
    if (positive !== undefined) {
      x = x === positive ? positive : O;
      y = y === positive ? positive : O;
    }
    n += count;
    if (x === y) agree += count;
    pa.set(x, (pa.get(x) ?? 0) + count);
    pb.set(y, (pb.get(y) ?? 0) + count);
  }
  if (n === 0) return null;
  let pe = 0;
  for (const [label, c] of pa) pe += (c / n) * ((pb.get(label) ?? 0) / n);
  return pe === 1 ? null : (agree / n - pe) / (1 - pe);
}

const bump = (t: Confusion, a: string, b: string) => {
  const k = a + '\t' + b;
  t[k] = (t[k] ?? 0) + 1;
};

/** Where a mention is, independent of ids: Arabic by offsets, English by its sentence's text. */
function place(m: Mention, texts: Map<string, string>): string {
  return m.side === 'ar' ? `ar|${m.start}|${m.end}` : `en|${texts.get(m.sentence) ?? m.sentence}|${m.start}|${m.end}`;
}

/** Token labels of one text: the type of the mention overlapping each token, else O. */
function labels(text: string, lang: 'ar' | 'en', mentions: readonly Mention[]): { start: number; label: string }[] {
  const sorted = [...mentions].sort((x, y) => x.start - y.start);
  let i = 0;
  return tokenize(text, { lang }).map((tok) => {
    while (i < sorted.length && sorted[i].end <= tok.start) i++;
    const m = sorted[i];
    return { start: tok.start, label: m && m.start < tok.end ? m.type : O };
  });
}

/** The counts for two copies `a` and `b` of the report whose source text is `text`. */
export function agreementCounts(a: Annotations, b: Annotations, text: string): AgreementCounts {
  const textsA = new Map(a.targets.map((t) => [t.id, t.text]));
  const textsB = new Map(b.targets.map((t) => [t.id, t.text]));
  const key = (texts: Map<string, string>) => (m: Mention) => `${place(m, texts)}|${m.type}`;
  const mA = new Set(a.mentions.map(key(textsA)));
  const mB = new Set(b.mentions.map(key(textsB)));
  const types = new Set([...a.mentions, ...b.mentions].map((m) => m.type));
  const mentionsByType: Record<string, F1Counts> = {};
  for (const type of [...types].sort()) {
    const of = (x: Annotations, texts: Map<string, string>) => new Set(x.mentions.filter((m) => m.type === type).map(key(texts)));
    mentionsByType[type] = f1Counts(of(a, textsA), of(b, textsB));
  }

  // tokens: the Arabic source, and the English sentences both copies have with the same text
  const tokens: Confusion = {};
  const la = labels(text, 'ar', a.mentions.filter((m) => m.side === 'ar'));
  const lb = labels(text, 'ar', b.mentions.filter((m) => m.side === 'ar'));
  la.forEach((t, i) => bump(tokens, t.label, lb[i].label));
  for (const [id, t] of textsA) {
    if (textsB.get(id) !== t) continue;
    const ea = labels(t, 'en', a.mentions.filter((m) => m.side === 'en' && m.sentence === id));
    const eb = labels(t, 'en', b.mentions.filter((m) => m.side === 'en' && m.sentence === id));
    ea.forEach((x, i) => bump(tokens, x.label, eb[i].label));
  }

  const entityLinks = (x: Annotations, texts: Map<string, string>) => {
    const out = new Set<string>();
    const ar = x.mentions.filter((m) => m.side === 'ar');
    const en = x.mentions.filter((m) => m.side === 'en');
    for (const m of ar) for (const n of en) if (m.entity === n.entity) out.add(place(m, texts) + '~' + place(n, texts));
    return out;
  };
  const segText = (x: Annotations) => new Map(x.segments.map((s) => [s.id, `${s.start}|${s.end}`]));
  const alignmentLinks = (x: Annotations, texts: Map<string, string>) => {
    const segs = segText(x);
    const out = new Set<string>();
    for (const u of x.units) for (const s of u.source) for (const t of u.target) out.add(`${segs.get(s)}~${texts.get(t)}`);
    return out;
  };

  // statuses of rows whose Arabic is the same spans in both copies
  const rowKey = (x: Annotations) => {
    const segs = segText(x);
    return new Map(x.units.filter((u) => u.source.length).map((u) => [u.source.map((s) => segs.get(s)).join(','), u.status]));
  };
  const rowsB = rowKey(b);
  const statuses: Confusion = {};
  for (const [k, s] of rowKey(a)) {
    const t = rowsB.get(k);
    if (t) bump(statuses, s, t);
  }

  return {
    mentions: f1Counts(mA, mB),
    mentionsByType,
    tokens,
    entityLinks: f1Counts(entityLinks(a, textsA), entityLinks(b, textsB)),
    alignmentLinks: f1Counts(alignmentLinks(a, textsA), alignmentLinks(b, textsB)),
    statuses,
  };
}

const addF1 = (x: F1Counts, y: F1Counts): F1Counts => ({ both: x.both + y.both, onlyA: x.onlyA + y.onlyA, onlyB: x.onlyB + y.onlyB });
const addTable = (x: Confusion, y: Confusion): Confusion => {
  const out = { ...x };
  for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v;
  return out;
};

/** The counts of two sets of reports together. */
export function addCounts(x: AgreementCounts, y: AgreementCounts): AgreementCounts {
  const byType: Record<string, F1Counts> = { ...x.mentionsByType };
  for (const [t, c] of Object.entries(y.mentionsByType)) byType[t] = byType[t] ? addF1(byType[t], c) : c;
  return {
    mentions: addF1(x.mentions, y.mentions),
    mentionsByType: Object.fromEntries(Object.entries(byType).sort(([p], [q]) => (p < q ? -1 : 1))),
    tokens: addTable(x.tokens, y.tokens),
    entityLinks: addF1(x.entityLinks, y.entityLinks),
    alignmentLinks: addF1(x.alignmentLinks, y.alignmentLinks),
    statuses: addTable(x.statuses, y.statuses),
  };
}

/** Counts of nothing (the start of a sum). */
export const NO_COUNTS: AgreementCounts = {
  mentions: { both: 0, onlyA: 0, onlyB: 0 }, mentionsByType: {}, tokens: {},
  entityLinks: { both: 0, onlyA: 0, onlyB: 0 }, alignmentLinks: { both: 0, onlyA: 0, onlyB: 0 }, statuses: {},
};

const total = (t: Confusion) => Object.values(t).reduce((s, v) => s + v, 0);

/** The figures for some counts. */
export function figures(c: AgreementCounts): AgreementFigures {
  const rows = total(c.statuses);
  let same = 0;
  for (const [k, v] of Object.entries(c.statuses)) { const [x, y] = k.split('\t'); if (x === y) same += v; }
  return {
    entities: {
      f1: f1(c.mentions),
      kappa: kappa(c.tokens),
      mentions: [c.mentions.both + c.mentions.onlyA, c.mentions.both + c.mentions.onlyB],
      tokens: total(c.tokens),
      byType: Object.fromEntries(Object.entries(c.mentionsByType).map(([t, x]) => [t, { f1: f1(x), kappa: kappa(c.tokens, t) }])),
    },
    entityLinks: { f1: f1(c.entityLinks) },
    alignment: { linkF1: f1(c.alignmentLinks) },
    status: { agreement: rows ? same / rows : null, kappa: kappa(c.statuses), rows },
  };
}
