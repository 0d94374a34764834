// A word list learned from rows the user confirmed or translated (issue 13, item 2): every such row
// is a sentence pair whose alignment is known, so words that keep appearing together on its two
// sides are probably translations (names, terms, the project's own vocabulary the general list
// lacks). Co-occurrence counted once per pair, filtered by the Dice coefficient (Smadja et al.
// 1996; the usual cheap alternative to IBM Model 1 on small data); merged into the lexical term's
// word list. Derived data: rebuilt from the rows whenever needed, never edited by hand.
//
// The evidence of a row is kept as its keys (`RowKeys`: Arabic keys, English stems, each once), so a
// project can store each report's keys and recount the table without tokenising again
// (learned-file.ts, electron/host/learned-lexicon.ts).
import type { Annotations } from '../model/types.ts';
import { arabicKeys, arabicWords, englishStems, type Lexicon } from './lexical.ts';

export interface LearnOptions {
  /** pairs a word pair must share (default 2: one shared row is chance) */
  minCount?: number;
  /** lowest Dice coefficient 2·c(a,e) / (c(a) + c(e)) kept (default 0.5) */
  minDice?: number;
  /** translations kept per Arabic word, best first (default 3) */
  maxPerWord?: number;
}

/** One known sentence pair as evidence: its Arabic keys (clitics and article off, folded) and its
 * English stems, each listed once, sorted. */
export type RowKeys = [ar: string[], en: string[]];

/** The keys of a sentence pair (Arabic, English). */
export function rowKeys(ar: string, en: string): RowKeys {
  const as = [...new Set(arabicWords(ar).map((w) => arabicKeys(w)[0]))].sort();
  const es = [...new Set(englishStems(en))].sort();
  return [as, es];
}

/** Learns Arabic key → English stems from rows' keys (see RowKeys). */
export function learnFromKeys(rows: Iterable<RowKeys>, opts: LearnOptions = {}): Lexicon {
  const minCount = opts.minCount ?? 2;
  const minDice = opts.minDice ?? 0.5;
  const maxPerWord = opts.maxPerWord ?? 3;
  const ca = new Map<string, number>();
  const ce = new Map<string, number>();
  const list = [...rows].filter(([as, es]) => as.length > 0 && es.length > 0);
  for (const [as, es] of list) {
    for (const a of as) ca.set(a, (ca.get(a) ?? 0) + 1);
    for (const e of es) ce.set(e, (ce.get(e) ?? 0) + 1);
  }
  // only pairs that can pass both filters are counted: each word seen minCount times, and
  // frequencies close enough for the best Dice (c = the rarer count) to reach minDice
  const joint = new Map<string, Map<string, number>>();
  const can = (x: number, y: number) => 2 * Math.min(x, y) >= minDice * (x + y);
  for (const [as, es] of list) {
    const ef = es.filter((e) => ce.get(e)! >= minCount);
    for (const a of as) {
      const fa = ca.get(a)!;
      if (fa < minCount) continue;
      let row = joint.get(a);
      for (const e of ef) {
        if (!can(fa, ce.get(e)!)) continue;
        if (!row) joint.set(a, (row = new Map()));
        row.set(e, (row.get(e) ?? 0) + 1);
      }
    }
  }
  const map = new Map<string, string[]>();
  for (const [a, row] of joint) {
    const kept: Array<[string, number]> = [];
    for (const [e, c] of row) {
      if (c < minCount) continue;
      const dice = (2 * c) / (ca.get(a)! + ce.get(e)!);
      if (dice >= minDice) kept.push([e, dice]);
    }
    if (!kept.length) continue;
    kept.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    map.set(a, kept.slice(0, maxPerWord).map(([e]) => e));
  }
  return { map, stemmed: new Map(), size: map.size };
}

/** Learns Arabic key → English stems from aligned sentence pairs (Arabic, English). */
export function learnLexicon(pairs: Array<[ar: string, en: string]>, opts: LearnOptions = {}): Lexicon {
  return learnFromKeys(pairs.map(([ar, en]) => rowKeys(ar, en)), opts);
}

/** The rows of a report that are known translations: confirmed, or marked translated or reviewed,
 * with both Arabic and English; as (Arabic, English) with each side's sentences joined by a space. */
export function knownPairs(a: Annotations): Array<[ar: string, en: string]> {
  const segs = new Map(a.segments.map((s) => [s.id, s.text]));
  const tgts = new Map(a.targets.map((t) => [t.id, t.text]));
  const out: Array<[string, string]> = [];
  for (const u of a.units) {
    if (!u.confirmed && u.status !== 'translated' && u.status !== 'reviewed') continue;
    const ar = u.source.map((id) => segs.get(id) ?? '').join(' ').trim();
    const en = u.target.map((id) => tgts.get(id) ?? '').join(' ').trim();
    if (ar && en) out.push([ar, en]);
  }
  return out;
}

/** A learned word list as plain entries (for the host call that hands it to the page) and back. */
export function lexiconEntries(lex: Lexicon): Array<[string, string[]]> {
  return [...lex.map.entries()];
}

export function lexiconFromEntries(entries: Array<[string, string[]]>): Lexicon {
  const map = new Map(entries);
  return { map, stemmed: new Map(), size: map.size };
}

/** The general word list with a learned one added, when it has entries (else the general list). */
export function withLearned(base: Lexicon | null | undefined, learned: Lexicon | null | undefined): Lexicon | null {
  return learned && learned.size > 0 ? mergeLexicons(base, learned) : base ?? null;
}

/** The general word list with learned entries added (a learned translation joins the word's list). */
export function mergeLexicons(base: Lexicon | null | undefined, learned: Lexicon): Lexicon {
  if (!base) return learned;
  if (learned.size === 0) return base;
  const map = new Map(base.map);
  for (const [a, es] of learned.map) map.set(a, [...new Set([...(map.get(a) ?? []), ...es])]);
  return { map, stemmed: base.stemmed, size: map.size };
}
