// Propagation: every other occurrence of a tagged name, in a report or a whole folder. Matching is
// on folded text (NAME_FOLDING in shared/text/normalize.ts: harakat, tatweel, hamza forms, digits and case do not matter) and
// an occurrence must be a whole word of the original, except that Arabic proclitics may be glued
// before it: إدلب finds إدلب، بإدلب، لإدلب، وبإدلب and إِدْلِب, never إدلبي or ادلبستان. A name
// that starts with the article also matches after the preposition ل, which swallows the article's
// alef: الأمم finds للأمم (the span starts at the article's lam), اللاذقية finds للاذقية (span لاذقية).
// Spelling variants are never enumerated: texts and names are matched on a loose fold, each hit
// checked against the strict fold. They are one-way:
// a name written with a hamza alef (إدلب) also finds it written with a bare alef (ادلب), a bare
// initial alef finds every hamza form, final ى finds ي; but آن (Ann) never finds أن (that), nor
// علي (Ali) على (on). Results are suggestions; the caller decides what to apply.
import { OffsetMap } from '../text/offsets.ts';
import type { Annotations, Mention, Side } from '../model/types.ts';
import { NAME_FOLDING, nameKey, normalizeWithMap, type NormalizedText } from '../text/normalize.ts';
import { isArabicLetter, isHamzaAlef, isMarkCp } from '../text/chars.ts';

/** A text to search, named by a caller's key (report path, segment or target id...). */
export interface KeyedText {
  /** the caller's name for this text, returned with each occurrence */
  key: string;
  /** the original text; offsets are code points into it */
  text: string;
}

/** One occurrence found. */
export interface Occurrence {
  /** the key of the text it was found in */
  key: string;
  /** code points into that text, half-open; clitics excluded */
  start: number;
  end: number;
  /** the original text of the occurrence (diacritics as written) */
  text: string;
}

/** Options for finding occurrences. */
export interface FindOptions {
  /** accept Arabic proclitics glued before the name (default true) */
  clitics?: boolean;
}

/** Proclitic sequences allowed between a word boundary and the name (folded letters). */
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ك', 'ل', 'وب', 'وك', 'ول', 'فب', 'فك', 'فل']);
const LAM_ENDED = new Set(['ل', 'ول', 'فل']);

function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0x0620 && c <= 0x064a) return c !== 0x0640;
  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06f0 && c <= 0x06ff)) return true;
  if (c >= 0x00c0 && c <= 0x024f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral (emoji): not part of a word
  return /^[\p{L}\p{N}]$/u.test(String.fromCharCode(c));
}

/** Texts are folded with hamza alefs and ى kept (the one-way spelling rules need them). */
const STRICT = { ...NAME_FOLDING, strictLetters: true };

/** The loose fold of a strictly folded string: hamza alefs → ا, ى → ي (same length, same offsets). */
function loosen(strict: string): string {
  return strict.replace(/[\u0622\u0623\u0625]/g, '\u0627').replace(/\u0649/g, '\u064a');
}

/** A text folded once, ready for many queries. */
interface Prepared {
  key: string;
  original: string;
  folded: NormalizedText;
  /** `folded.text` loosened: every spelling variant of a name looks the same here */
  loose: string;
  /** built lazily: only texts with a match ever need it */
  map?: OffsetMap;
}

/**
 * Texts folded once, then searched by any number of names: fold a folder's reports when it is
 * opened, and "tag all occurrences in the folder" is a plain scan of the folded texts
 * (O(total length) per query, no re-folding).
 *
 * Matching is on the loose fold (no spelling variant is enumerated); each hit is then checked
 * letter by letter against the strict fold for the one-way rules (see `lettersAgree`).
 */
export class OccurrenceIndex {
  private readonly texts: Prepared[];

  constructor(texts: Iterable<KeyedText>) {
    this.texts = [];
    for (const t of texts) {
      const folded = normalizeWithMap(t.text, STRICT);
      this.texts.push({ key: t.key, original: t.text, folded, loose: loosen(folded.text) });
    }
  }

  /** Number of texts indexed. */
  get size(): number {
    return this.texts.length;
  }

  /** Every occurrence of `surface`, in text order then position order. */
  find(surface: string, opts: FindOptions = {}): Occurrence[] {
    const key = nameKey(surface, { strictLetters: true });
    if (key.length === 0) return [];
    const loose = loosen(key);
    const clitics = opts.clitics ?? true;
    // glued clitics only before names of three letters or more
    const firstWord = /^[^ ]*/.exec(key)![0];
    const gluable = clitics && [...firstWord].length >= 3;
    // الأمم also appears as ل + لأمم (the article's alef dropped after the preposition ل), and
    // اللاذقية / الله as ل + لاذقية / له (the article's alef and lam both dropped before a lam)
    const lamForms: number[] = [];
    if (clitics && loose.startsWith('ال') && loose.length > 2) lamForms.push(1);
    if (clitics && loose.startsWith('الل') && loose.length > 3) lamForms.push(2);
    const out: Occurrence[] = [];
    for (const t of this.texts) {
      const found: Array<[number, number]> = [];
      const strict = t.folded.text;
      const ok = (pos: number, from: number) => lettersAgree(key, from, strict, pos);
      scan(t.loose, loose, (pos) => ok(pos, 0), (pos) => {
        // ك + ان is كان (was), not آن (Ann), ف + ان is فإن: a clitic never sits before an
        // initial alef that lost its hamza
        const lostHamza = isHamzaAlef(key.charCodeAt(0)) && strict[pos] === 'ا';
        return acceptBefore(strict, pos, gluable && !lostHamza ? PROCLITICS : null);
      }, found);
      for (const cut of lamForms) {
        scan(t.loose, loose.slice(cut), (pos) => ok(pos, cut), (pos) => acceptBefore(strict, pos, LAM_ENDED, true), found);
      }
      if (found.length === 0) continue;
      found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      let last = -1;
      for (const [s, e] of found) {
        if (s < last) continue; // a lam form and the plain form on one word: the first wins
        last = e;
        out.push(this.toOccurrence(t, s, e));
      }
    }
    return out;
  }

  private toOccurrence(t: Prepared, s: number, e: number): Occurrence {
    const { origin, originalLength } = t.folded;
    const map = (t.map ??= new OffsetMap(t.original));
    const start = origin[s];
    let end = origin[e - 1] + 1;
    // keep the marks written on the last letter (إدلبُ); dropped tatweel or format chars stay out
    const next = e < origin.length ? origin[e] : originalLength;
    while (end < next && isMarkCp(map.slice(end, end + 1).codePointAt(0) ?? 0)) end++;
    return { key: t.key, start, end, text: map.slice(start, end) };
  }
}

/**
 * True when the text's letters at `pos` are a spelling of the name's letters from `from` on
 * (both strictly folded, same length). One-way rules: a hamza alef in the name may be written
 * as a bare alef, a bare alef in the name may carry any hamza, a word-final ى may be written ي;
 * never a hamza for another (آن is not أن), never ى for ي (علي is not على).
 */
function lettersAgree(name: string, from: number, text: string, pos: number): boolean {
  for (let i = from, j = pos; i < name.length; i++, j++) {
    const c = name.charCodeAt(i);
    const t = text.charCodeAt(j);
    if (c === t) continue;
    if (isHamzaAlef(c) && t === 0x0627) continue;
    if (c === 0x0627 && isHamzaAlef(t)) continue;
    if (c === 0x0649 && t === 0x064a && (i + 1 === name.length || !isWordCode(name.charCodeAt(i + 1)))) continue;
    return false;
  }
  return true;
}

/** Positions of `key` in `folded` whose letters `agree` and that are whole words (after
 * `acceptBefore`), pushed as [start, end). */
function scan(
  folded: string,
  key: string,
  agree: (pos: number) => boolean,
  acceptBefore: (pos: number) => boolean,
  found: Array<[number, number]>,
): void {
  const endsInWord = isWordCode(key.charCodeAt(key.length - 1));
  const startsInWord = isWordCode(key.charCodeAt(0));
  for (let pos = folded.indexOf(key); pos >= 0; pos = folded.indexOf(key, pos + 1)) {
    const end = pos + key.length;
    if (endsInWord && end < folded.length && isWordCode(folded.charCodeAt(end))) continue;
    if ((startsInWord && !acceptBefore(pos)) || !agree(pos)) continue;
    found.push([pos, end]);
  }
}

/**
 * True when `pos` starts a word, or only allowed proclitics lie between the word start and `pos`.
 * `needClitic` (the لل variant) requires a proclitic.
 */
function acceptBefore(folded: string, pos: number, allowed: ReadonlySet<string> | null, needClitic = false): boolean {
  let ws = pos;
  while (ws > 0 && pos - ws <= 2 && isWordCode(folded.charCodeAt(ws - 1))) ws--;
  if (ws === pos) return !needClitic;
  if (ws > 0 && isWordCode(folded.charCodeAt(ws - 1))) return false; // more than two letters before: inside a word
  return allowed !== null && allowed.has(folded.slice(ws, pos));
}

/** `OccurrenceIndex.find` over texts folded for this one query. */
export function findOccurrences(texts: KeyedText[], surface: string, opts: FindOptions = {}): Occurrence[] {
  return new OccurrenceIndex(texts).find(surface, opts);
}

/** A proposed mention (not applied): what `addMention` needs, plus where it came from. */
export interface MentionSuggestion {
  side: Side;
  /** segment id (side 'ar') or target sentence id (side 'en') */
  sentence: string;
  /** code points: into the whole source text (side 'ar'), into the target sentence (side 'en') */
  start: number;
  end: number;
  /** the text of the span */
  text: string;
  type: string;
  /** the entity the mention would join; null: a new entity */
  entity: string | null;
}

/** Options for `proposeMentions`. */
export interface ProposeOptions extends FindOptions {
  /** which side to search; default: 'ar' when the surface has an Arabic letter, else 'en' */
  side?: Side;
  /** other known names (tagged or glossary forms): an occurrence inside an occurrence of a longer
   * one is left out, so الله is never proposed inside حزب الله */
  longer?: readonly string[];
}

/** Which side a surface is written for. */
export function sideOf(surface: string): Side {
  for (const ch of surface) if (isArabicLetter(ch.codePointAt(0) ?? 0)) return 'ar';
  return 'en';
}

/** True when [start, end) overlaps a mention already on that side (and, for 'en', that sentence). */
export function overlapsMention(mentions: readonly Mention[], side: Side, sentence: string, start: number, end: number): Mention | undefined {
  return mentions.find((m) => m.side === side && (side === 'ar' || m.sentence === sentence) && m.start < end && start < m.end);
}

/**
 * Every occurrence of `surface` in one report as suggestions of mentions of `type` joining
 * `entity`, leaving out spans that overlap existing mentions (including the one just tagged) and
 * Arabic spans that cross a segment boundary.
 */
export function proposeMentions(
  annotations: Pick<Annotations, 'segments' | 'targets' | 'mentions'>,
  sourceText: string,
  surface: string,
  type: string,
  entity: string | null,
  opts: ProposeOptions = {},
): MentionSuggestion[] {
  const side = opts.side ?? sideOf(surface);
  const out: MentionSuggestion[] = [];
  const index = side === 'ar' ? sourceIndex(sourceText) : new OccurrenceIndex(annotations.targets.map((t) => ({ key: t.id, text: t.text })));
  const covered = coveringSpans(index, surface, opts.longer ?? [], opts);
  const inLonger = (key: string, s: number, e: number) => covered.some((c) => c.key === key && c.start <= s && e <= c.end);
  if (side === 'ar') {
    const segs = [...annotations.segments].sort((a, b) => a.start - b.start);
    for (const o of index.find(surface, opts)) {
      const seg = segmentAt(segs, o.start);
      if (!seg || o.end > seg.end) continue;
      if (overlapsMention(annotations.mentions, 'ar', seg.id, o.start, o.end) || inLonger(o.key, o.start, o.end)) continue;
      out.push({ side, sentence: seg.id, start: o.start, end: o.end, text: o.text, type, entity });
    }
  } else {
    for (const o of index.find(surface, opts)) {
      if (overlapsMention(annotations.mentions, 'en', o.key, o.start, o.end) || inLonger(o.key, o.start, o.end)) continue;
      out.push({ side, sentence: o.key, start: o.start, end: o.end, text: o.text, type, entity });
    }
  }
  return out;
}

/** The last source text folded, kept for the next query (a report's propagation searches its one
 * source for many names; folding 1 MB costs far more than a scan). */
let lastSource: { text: string; index: OccurrenceIndex } | null = null;

function sourceIndex(text: string): OccurrenceIndex {
  if (lastSource?.text !== text) lastSource = { text, index: new OccurrenceIndex([{ key: '', text }]) };
  return lastSource.index;
}

/** Occurrences of the names in `longer` that are longer than `surface` and contain it. */
function coveringSpans(index: OccurrenceIndex, surface: string, longer: readonly string[], opts: FindOptions): Occurrence[] {
  const key = loosen(nameKey(surface, { strictLetters: true }));
  const out: Occurrence[] = [];
  for (const name of longer) {
    const k = loosen(nameKey(name, { strictLetters: true }));
    if (k.length > key.length && k.includes(key)) out.push(...index.find(name, opts));
  }
  return out;
}

/** The segment (sorted by start) whose span holds code point `pos`. */
export function segmentAt<T extends { start: number; end: number }>(sorted: readonly T[], pos: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= pos) lo = mid + 1;
    else hi = mid;
  }
  const s = sorted[lo - 1];
  return s && pos < s.end ? s : undefined;
}
