// A translation memory in memory: units grouped by the file they come from, an inverted index of
// word n-grams per side for candidate retrieval, and exact scoring (score.ts) of the best
// candidates only.
//
// Retrieval: every unit's distinct unigrams (token keys; numbers also under one "any number" term,
// so a unit differing only in its numbers is still found) and bigrams are posted under the unit's
// slot. A query adds, per slot, the IDF (log(1 + N/df)) of every term it shares; slots are ranked by
// that overlap divided by a Dice-like length term, and the best CANDIDATES (plus the query's exact
// duplicates) are scored exactly. A score of at least `min` needs the two weights within a factor
// `min` of each other (d ≥ |W(A) − W(B)|), so longer or shorter units are skipped before the DP.
// Nothing is lost by scoring only units that share a term: a unit sharing no key with the query
// scores 0 unless a number replaces a number, and numbers share the "any number" term. A score of 0
// is never a match.
//
// Updates are per file and incremental: a file's units are removed (their slots die, document
// frequencies go down; posting lists drop dead slots lazily when next read) and the new ones added.
// Results are ordered by score, then origin, never by slot, so an updated memory answers exactly as
// a fresh one built from the same units. The English side is indexed only when first searched.
import type { TmMatch, TmOrigin } from './types.ts';
import { diffMatch } from './diff.ts';
import { numberDifferences, placeNumbers } from './placeables.ts';
import { flagOf, NUMBER, scoreFromDistance, totalWeight, weightedDistance } from './score.ts';
import { tmTokens, type TmLang, type TmText } from './tokens.ts';

/** One translation unit as given to the memory. */
export interface TmUnitInput {
  ar: string;
  en: string;
  origin: TmOrigin;
  /** the report's unit id (report rows), for leaving the asking row out */
  unit?: string;
}

/** Options of a lookup. */
export interface LookupOptions {
  /** which side the query is (default 'ar') */
  lang?: TmLang;
  /** lowest score returned (default 0.5) */
  min?: number;
  /** most matches (default 5) */
  limit?: number;
  /** leave out units for which this is true (the asking row) */
  exclude?: (u: TmUnitInput, group: string) => boolean;
}

/** Slots scored exactly per lookup (besides the exact duplicates). */
export const CANDIDATES = 200;
/** Vocabulary ids stay below this so a bigram packs into one safe integer term. */
const MAX_VOCAB = 1 << 22;
/** Term id of "some number". */
const ANY_NUMBER = 0;

class SideIndex {
  readonly vocab = new Map<string, number>([['\u0000num', ANY_NUMBER]]);
  /** term → slots (may hold dead slots until next read) */
  readonly postings = new Map<number, number[]>();
  /** term → live slots holding it */
  readonly df = new Map<number, number>();
  /** per slot: token ids, kind flags, total weight, distinct term count, exact key */
  ids: (Int32Array | null)[] = [];
  flags: (Uint8Array | null)[] = [];
  weight: number[] = [];
  terms: number[] = [];
  exact: string[] = [];
  /** exact key → live slots */
  readonly byExact = new Map<string, number[]>();

  constructor(readonly lang: TmLang) {}

  idOf(key: string): number {
    let id = this.vocab.get(key);
    if (id === undefined) this.vocab.set(key, (id = this.vocab.size));
    return id;
  }

  /** The distinct terms of a token id sequence. */
  termsOf(ids: Int32Array, flags: Uint8Array): Set<number> {
    const out = new Set<number>();
    for (let i = 0; i < ids.length; i++) {
      // an unknown number (a query's) still shares "some number" with the units
      if (flags[i] === NUMBER) out.add(ANY_NUMBER);
      if (ids[i] < 0) continue;
      out.add(ids[i]);
      if (i + 1 < ids.length && ids[i + 1] >= 0 && ids[i] < MAX_VOCAB && ids[i + 1] < MAX_VOCAB) out.add((ids[i] + 1) * MAX_VOCAB + ids[i + 1]);
    }
    return out;
  }

  add(slot: number, text: string): void {
    const t = tmTokens(text, this.lang);
    const ids = Int32Array.from(t.tokens, (k) => this.idOf(k.key));
    const flags = Uint8Array.from(t.tokens, flagOf);
    const terms = this.termsOf(ids, flags);
    for (const term of terms) {
      let p = this.postings.get(term);
      if (!p) this.postings.set(term, (p = []));
      p.push(slot);
      this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
    this.ids[slot] = ids;
    this.flags[slot] = flags;
    this.weight[slot] = totalWeight(flags);
    this.terms[slot] = terms.size;
    this.exact[slot] = t.exact;
    const same = this.byExact.get(t.exact);
    if (same) same.push(slot);
    else this.byExact.set(t.exact, [slot]);
  }

  remove(slot: number): void {
    const ids = this.ids[slot];
    const flags = this.flags[slot];
    if (!ids || !flags) return;
    for (const term of this.termsOf(ids, flags)) {
      const n = (this.df.get(term) ?? 1) - 1;
      if (n > 0) this.df.set(term, n);
      else {
        this.df.delete(term);
        this.postings.delete(term);
      }
    }
    const same = this.byExact.get(this.exact[slot]);
    if (same) {
      const rest = same.filter((s) => s !== slot);
      if (rest.length) this.byExact.set(this.exact[slot], rest);
      else this.byExact.delete(this.exact[slot]);
    }
    this.ids[slot] = null;
    this.flags[slot] = null;
    this.exact[slot] = '';
  }

  /** The live slots of a term's posting list (dropping dead ones once they are a third of it). */
  live(term: number): number[] {
    const p = this.postings.get(term);
    if (!p) return [];
    const df = this.df.get(term) ?? 0;
    if (p.length - df > p.length / 3) {
      const kept = p.filter((s) => this.ids[s] !== null);
      this.postings.set(term, kept);
      return kept;
    }
    return p;
  }
}

/** A query prepared against one side's vocabulary. */
interface Prepared {
  text: string;
  tokens: TmText;
  ids: Int32Array;
  flags: Uint8Array;
  weight: number;
}

/** The translation memory (see the header). */
export class TranslationMemory {
  private units: (TmUnitInput | null)[] = [];
  private groupOf: string[] = [];
  private readonly groups = new Map<string, number[]>();
  private readonly sides: { ar: SideIndex; en: SideIndex | null } = { ar: new SideIndex('ar'), en: null };
  private liveCount = 0;
  private acc = new Float64Array(0);

  /** Live units. */
  get size(): number {
    return this.liveCount;
  }

  /** The groups (files) held, in no particular order. */
  groupNames(): string[] {
    return [...this.groups.keys()];
  }

  /** Every live unit with its group, in group insertion order then unit order. */
  *entries(): Generator<{ unit: TmUnitInput; group: string }> {
    for (const [group, slots] of this.groups) for (const s of slots) yield { unit: this.units[s]!, group };
  }

  /** Replaces every unit of `group` (a file) with `units` (empty: removes the group). */
  setGroup(group: string, units: readonly TmUnitInput[]): void {
    this.removeGroup(group);
    if (!units.length) return;
    const slots: number[] = [];
    for (const u of units) {
      const slot = this.units.length;
      this.units.push(u);
      this.groupOf[slot] = group;
      this.sides.ar.add(slot, u.ar);
      this.sides.en?.add(slot, u.en);
      slots.push(slot);
    }
    this.groups.set(group, slots);
    this.liveCount += slots.length;
  }

  /** Removes every unit of `group`. */
  removeGroup(group: string): void {
    const slots = this.groups.get(group);
    if (!slots) return;
    for (const s of slots) {
      this.sides.ar.remove(s);
      this.sides.en?.remove(s);
      this.units[s] = null;
    }
    this.groups.delete(group);
    this.liveCount -= slots.length;
  }

  private side(lang: TmLang): SideIndex {
    if (lang === 'ar') return this.sides.ar;
    if (!this.sides.en) {
      const en = new SideIndex('en');
      this.units.forEach((u, slot) => u && en.add(slot, u.en));
      this.sides.en = en;
    }
    return this.sides.en;
  }

  private prepare(idx: SideIndex, text: string): Prepared {
    const tokens = tmTokens(text, idx.lang);
    // unknown words get ids of their own (negative: never equal to a unit's, never a term)
    const unknown = new Map<string, number>();
    const ids = Int32Array.from(tokens.tokens, (t) => idx.vocab.get(t.key) ?? unknown.get(t.key) ?? (unknown.set(t.key, -1 - unknown.size), -unknown.size));
    const flags = Uint8Array.from(tokens.tokens, flagOf);
    return { text, tokens, ids, flags, weight: totalWeight(flags) };
  }

  /** The score of slot `s` against `q`, or -1 when it cannot reach `min`. */
  private scoreSlot(idx: SideIndex, q: Prepared, s: number, min: number): number {
    const ids = idx.ids[s];
    const flags = idx.flags[s];
    if (!ids || !flags) return -1;
    const w = idx.weight[s];
    const identical = idx.exact[s] === q.tokens.exact;
    if (!identical && Math.min(w, q.weight) < min * Math.max(w, q.weight)) return -1;
    return scoreFromDistance(identical ? 0 : weightedDistance(ids, flags, q.ids, q.flags), w, q.weight, identical);
  }

  /** The slots worth scoring for `q`: the best CANDIDATES by shared-term IDF, and exact duplicates. */
  private candidates(idx: SideIndex, q: Prepared): number[] {
    const n = Math.max(1, this.liveCount);
    if (this.acc.length < this.units.length) this.acc = new Float64Array(Math.max(1024, this.units.length * 2));
    const acc = this.acc;
    const touched: number[] = [];
    let qMass = 0;
    for (const term of idx.termsOf(q.ids, q.flags)) {
      const df = idx.df.get(term);
      if (!df) continue;
      const idf = Math.log(1 + n / df);
      qMass += idf;
      for (const s of idx.live(term)) {
        if (acc[s] === 0) touched.push(s);
        acc[s] += idf;
      }
    }
    const exact = idx.byExact.get(q.tokens.exact) ?? [];
    let out: number[];
    if (touched.length <= CANDIDATES) out = touched;
    else {
      // rank = overlap / (query mass + the unit's expected mass at the query's mean term weight)
      const mean = qMass / Math.max(1, idx.termsOf(q.ids, q.flags).size);
      const rank = new Float64Array(touched.length);
      for (let k = 0; k < touched.length; k++) {
        const s = touched[k];
        rank[k] = acc[s] / (qMass + mean * idx.terms[s]);
      }
      const cut = Float64Array.from(rank).sort()[rank.length - CANDIDATES];
      out = [];
      for (let k = 0; k < touched.length && out.length < CANDIDATES; k++) if (rank[k] >= cut) out.push(touched[k]);
    }
    for (const s of touched) acc[s] = 0;
    return exact.length ? [...new Set([...exact, ...out])] : out;
  }

  /** The best matches for `text`, best first (see the header). */
  lookup(text: string, opts: LookupOptions = {}): TmMatch[] {
    const idx = this.side(opts.lang ?? 'ar');
    const q = this.prepare(idx, text);
    return this.rank(idx, q, this.candidates(idx, q), opts);
  }

  /** lookup by scoring every unit (the benchmark's and the tests' baseline). */
  bruteForce(text: string, opts: LookupOptions = {}): TmMatch[] {
    const idx = this.side(opts.lang ?? 'ar');
    const q = this.prepare(idx, text);
    const all: number[] = [];
    this.units.forEach((u, s) => u && all.push(s));
    return this.rank(idx, q, all, { ...opts, min: opts.min ?? 0.5 }, true);
  }

  /** An exact (score 1) match for `text` on the Arabic side, or null (first by origin). */
  exact(text: string, exclude?: LookupOptions['exclude']): TmMatch | null {
    const idx = this.sides.ar;
    const q = this.prepare(idx, text);
    const slots = idx.byExact.get(q.tokens.exact);
    if (!slots) return null;
    return this.rank(idx, q, slots, { min: 1, limit: 1, exclude })[0] ?? null;
  }

  private rank(idx: SideIndex, q: Prepared, slots: number[], opts: LookupOptions, plain = false): TmMatch[] {
    const min = opts.min ?? 0.5;
    const limit = opts.limit ?? 5;
    const scored: { s: number; score: number }[] = [];
    for (const s of slots) {
      const u = this.units[s];
      if (!u || (opts.exclude && opts.exclude(u, this.groupOf[s]))) continue;
      // the baseline scores every unit in full, without the length bound
      const score = plain ? this.scorePlain(idx, q, s) : this.scoreSlot(idx, q, s, min);
      // a score of 0 is no match, whatever `min` (and no shared term can give more: see the header)
      if (score >= min && score > 0) scored.push({ s, score });
    }
    scored.sort((a, b) => b.score - a.score || compareOrigin(this.units[a.s]!.origin, this.units[b.s]!.origin));
    // one match per distinct (source, translation): five copies of one sentence help nobody
    const seen = new Set<string>();
    const out: TmMatch[] = [];
    for (const { s, score } of scored) {
      if (out.length >= limit) break;
      const u = this.units[s]!;
      const key = idx.exact[s] + '\u0000' + u.en;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(buildMatch(u, score, q, idx.lang));
    }
    return out;
  }

  private scorePlain(idx: SideIndex, q: Prepared, s: number): number {
    const ids = idx.ids[s]!;
    const flags = idx.flags[s]!;
    return scoreFromDistance(weightedDistance(ids, flags, q.ids, q.flags), idx.weight[s], q.weight, idx.exact[s] === q.tokens.exact);
  }
}

/** Report rows before TMX units, then by file and row. */
export function compareOrigin(a: TmOrigin, b: TmOrigin): number {
  if (a.kind !== b.kind) return a.kind === 'report' ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.row - b.row;
}

/** The contract's match: diff, number differences and placeables against the query. */
function buildMatch(u: TmUnitInput, score: number, q: Prepared, lang: TmLang): TmMatch {
  const source = lang === 'ar' ? u.ar : u.en;
  const m = tmTokens(source, lang).tokens;
  const numbers = numberDifferences(q.text, q.tokens.tokens, source, m);
  return {
    score,
    ar: u.ar,
    en: u.en,
    enPlaced: lang === 'ar' ? placeNumbers(numbers, m, u.en) : null,
    origin: u.origin,
    diff: diffMatch(source, m, q.text, q.tokens.tokens),
    numbers,
  };
}
