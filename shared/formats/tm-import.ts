// Import back: translation memories (TMX) and Moses corpora become (Arabic, English) pairs, and
// pairs seed a report's translations. The TMX reader is a small tolerant XML scanner, not a DOM:
// it accepts TMX 1.1–1.4 as tools write it (xml:lang or lang, comments, CDATA, a DOCTYPE, entity
// and character references) and keeps only the text of <seg>, dropping the native codes inside
// inline tags (bpt, ept, ph, it, ut) while keeping the text of <hi>.
import type { AlignmentUnit, Annotations, TargetSentence } from '../model/types.ts';
import { idAllocator } from '../model/ids.ts';
import { normalizeForMatch } from '../text/normalize.ts';
import { OffsetMap } from '../text/offsets.ts';

/** One translation pair. */
export interface Pair {
  /** the Arabic side, as written in the memory */
  ar: string;
  /** the English side */
  en: string;
}

/** A memory file that cannot be read as one (not TMX, or cut off); the message names the problem. */
export class MemoryFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MemoryFormatError';
  }
}

// ---------------------------------------------------------------------------------------------
// A minimal XML scanner

type XmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string }
  // the scan stopped early: a comment, tag or processing instruction was never closed
  | { kind: 'truncated'; at: number; what: string };

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces entity and character references; unknown named entities stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

/** Tokens of an XML text, tolerant of the usual mistakes (unclosed comment or tag ends the scan). */
function* scanXml(xml: string): Generator<XmlToken> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      yield { kind: 'text', text: decodeEntities(xml.slice(i)) };
      return;
    }
    if (lt > i) yield { kind: 'text', text: decodeEntities(xml.slice(i, lt)) };
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return yield { kind: 'truncated', at: lt, what: 'comment' };
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      const stop = end < 0 ? n : end;
      yield { kind: 'text', text: xml.slice(lt + 9, stop) };
      i = end < 0 ? n : end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return yield { kind: 'truncated', at: lt, what: 'processing instruction' };
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in [...]
      let j = lt + 2;
      let depth = 0;
      while (j < n && !(xml[j] === '>' && depth === 0)) {
        if (xml[j] === '[') depth++;
        else if (xml[j] === ']') depth--;
        j++;
      }
      i = j + 1;
    } else {
      // a tag; quoted attribute values may contain '>'
      let j = lt + 1;
      let quote = '';
      while (j < n) {
        const c = xml[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
        j++;
      }
      if (j >= n) return yield { kind: 'truncated', at: lt, what: 'tag' };
      const body = xml.slice(lt + 1, j);
      i = j + 1;
      if (body[0] === '/') {
        yield { kind: 'close', name: body.slice(1).trim().toLowerCase() };
        continue;
      }
      const selfClosing = body.endsWith('/');
      const inner = selfClosing ? body.slice(0, -1) : body;
      const sp = inner.search(/\s/);
      const name = (sp < 0 ? inner : inner.slice(0, sp)).toLowerCase();
      yield { kind: 'open', name, attrs: parseAttrs(sp < 0 ? '' : inner.slice(sp)), selfClosing };
    }
  }
}

/** Inline elements whose content is native code, not text (TMX 1.4b §3.7). */
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

/** Primary language subtag, lowercase: "ar-SA" → "ar", "EN_us" → "en". */
function primary(lang: string | undefined): string {
  return (lang ?? '').toLowerCase().split(/[-_]/)[0];
}

/** Line number (1-based) of a UTF-16 index, for error messages. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The (Arabic, English) pairs of a TMX document, in document order. Each <tu> gives one pair: the
 * <tuv> whose language is Arabic (else the header's srclang, else the first) and the one whose
 * language is English (else the first other). Units missing a side are left out. Tolerant of the
 * usual mistakes, but throws MemoryFormatError when there is no <tmx> element or the file is cut off
 * (a tag, comment, <tu> or </tmx> missing): a silently half-read memory would look complete.
 */
export function parseTmx(xml: string): Pair[] {
  const pairs: Pair[] = [];
  let sawTmx = false;
  let closedTmx = false;
  let srclang = '';
  let tuvs: { lang: string; text: string }[] | null = null;
  let lang = '';
  let seg: string[] | null = null;
  let codeDepth = 0;
  const text = xml.replace(/^\uFEFF/, '');
  for (const t of scanXml(text)) {
    if (t.kind === 'truncated') {
      throw new MemoryFormatError(`Not a complete TMX file: a ${t.what} opened on line ${lineAt(text, t.at)} is never closed (the file may be cut off).`);
    }
    if (t.kind === 'open') {
      if (t.name === 'tmx') sawTmx = true;
      else if (t.name === 'header') srclang = primary(t.attrs['srclang']);
      else if (t.name === 'tu') tuvs = t.selfClosing ? null : [];
      else if (t.name === 'tuv') lang = primary(t.attrs['xml:lang'] ?? t.attrs['lang']);
      else if (t.name === 'seg' && tuvs) seg = t.selfClosing ? (tuvs.push({ lang, text: '' }), null) : [];
      else if (seg && CODE_ELEMENTS.has(t.name) && !t.selfClosing) codeDepth++;
    } else if (t.kind === 'close') {
      if (t.name === 'seg' && seg && tuvs) {
        tuvs.push({ lang, text: seg.join('') });
        seg = null;
        codeDepth = 0;
      } else if (seg && CODE_ELEMENTS.has(t.name)) codeDepth = Math.max(0, codeDepth - 1);
      else if (t.name === 'tmx') closedTmx = true;
      else if (t.name === 'tu' && tuvs) {
        const pair = pickPair(tuvs, srclang);
        if (pair) pairs.push(pair);
        tuvs = null;
      }
    } else if (seg && codeDepth === 0) seg.push(t.text);
  }
  if (!sawTmx) throw new MemoryFormatError('Not a TMX file: it has no <tmx> element.');
  if (tuvs || seg) throw new MemoryFormatError(`Not a complete TMX file: translation unit ${pairs.length + 1} is never closed (the file may be cut off).`);
  if (!closedTmx) throw new MemoryFormatError('Not a complete TMX file: </tmx> is missing (the file may be cut off).');
  return pairs;
}

/** Whether a text looks like TMX: XML whose first 4 KB open a <tmx> element. */
export function looksLikeTmx(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  return /^\s*</.test(head) && /<tmx[\s>]/i.test(head);
}

function pickPair(tuvs: { lang: string; text: string }[], srclang: string): Pair | null {
  const ar = tuvs.find((v) => v.lang === 'ar') ?? tuvs.find((v) => srclang && srclang !== '*all*' && v.lang === srclang) ?? tuvs[0];
  const en = tuvs.find((v) => v !== ar && v.lang === 'en') ?? tuvs.find((v) => v !== ar);
  return ar && en ? { ar: ar.text, en: en.text } : null;
}

/**
 * Pairs of a Moses corpus: line k of the Arabic file with line k of the English one. A final line
 * break does not make an extra line. Throws when the files have different numbers of lines (the
 * corpus is not parallel and any pairing would be wrong).
 */
export function parseMoses(ar: string, en: string): Pair[] {
  const a = lines(ar);
  const e = lines(en);
  if (a.length !== e.length) {
    throw new MemoryFormatError(`The Moses files are not parallel: the Arabic file has ${a.length} lines, the English file ${e.length}.`);
  }
  return a.map((line, i) => ({ ar: line, en: e[i] }));
}

function lines(text: string): string[] {
  const t = text.replace(/^\uFEFF/, '');
  if (t === '') return [];
  const out = t.split(/\r\n|\n|\r/);
  if (out[out.length - 1] === '') out.pop();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Seeding translations

/** Options of `seedFromPairs`. */
export interface SeedOptions {
  /** normaliser for the second matching pass (default normalizeForMatch: harakat, tatweel, alef
   * and yeh variants, digits); white space is always collapsed; null turns the pass off */
  normalize?: ((text: string) => string) | null;
  /**
   * Aligner for what matching left over (importTranslation fits): called once with the seeded
   * annotations and, one per line, the English of the unused pairs near the used ones (see
   * `alignWindow`) with each seeded row's English at its place (see `alignText`), only when rows
   * remain untranslated and such unused English remains. Seeded rows are `confirmed`, so a
   * realignment keeps them fixed and anchors on them.
   */
  align?: (annotations: Annotations, sourceText: string, english: string) => Annotations;
  /** longest run of consecutive untranslated rows merged into one row to match a pair (default 4;
   * a memory exported from a 2-1 row holds both Arabic sentences in one unit) */
  maxMerge?: number;
}

/** What seeding did. */
export interface SeedResult {
  annotations: Annotations;
  /** unit ids that received a translation from a pair, in row order (a merged row once, by its
   * kept id) */
  matched: string[];
  /** unit ids still without a translation (before `align`) */
  unmatched: string[];
  /** indices into `pairs` that no row used */
  unusedPairs: number[];
  /** the unused pairs whose English went to `align`, in pair order (empty when align was not called) */
  alignedPairs: number[];
  /** unit ids removed because their rows were merged into a matching neighbour */
  mergedAway: string[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The range of pair indices [lo, hi] that plausibly translates this report's unmatched rows, or
 * null. A memory is usually many documents in document order (a folder export, a CAT tool's TM):
 * the pairs of this report sit together, and handing the aligner the English of other documents
 * would fill rows with unrelated text. So: the densest cluster of used pairs (gaps of at most twice
 * the unmatched rows + 4; a stray match elsewhere is ignored), widened on each side by twice the
 * number of unmatched rows before the first / after the last matched row. When nothing
 * matched, the whole memory, but only if it is small enough to be this report's translation (at
 * most 2 pairs per unmatched row + 10).
 */
export function alignWindow(pairCount: number, used: Iterable<number>, unmatchedBefore: number, unmatchedAfter: number, unmatchedRows: number): [number, number] | null {
  const sorted = [...used].sort((x, y) => x - y);
  if (pairCount === 0) return null;
  if (sorted.length === 0) return pairCount <= 2 * unmatchedRows + 10 ? [0, pairCount - 1] : null;
  const gap = 2 * unmatchedRows + 4;
  let best: [number, number, number] = [sorted[0], sorted[0], 1];
  let cur: [number, number, number] = [sorted[0], sorted[0], 1];
  for (const i of sorted.slice(1)) {
    cur = i - cur[1] <= gap ? [cur[0], i, cur[2] + 1] : [i, i, 1];
    if (cur[2] > best[2]) best = cur;
  }
  return [Math.max(0, best[0] - 2 * unmatchedBefore), Math.min(pairCount - 1, best[1] + 2 * unmatchedAfter)];
}

/**
 * The English handed to `align`, one line per pair, in memory order: the chosen unused pairs, and
 * at the place of each seeded row's first pair that row's English, while seeded rows come in row
 * order. An aligner that keeps confirmed rows (importTranslation) finds that English verbatim and
 * fixes the row on both sides, which anchors the unused English between the right rows; a seeded row
 * out of order is left out, so its English is never imported twice.
 */
function alignText(pairs: Pair[], [lo, hi]: [number, number], unused: ReadonlySet<number>, seededAt: Map<number, number>, seeded: Annotations): string {
  const targets = new Map(seeded.targets.map((t) => [t.id, t.text]));
  const lines: string[] = [];
  let lastRow = -1;
  for (let i = lo; i <= hi; i++) {
    if (unused.has(i)) lines.push(collapse(pairs[i].en));
    const row = seededAt.get(i);
    if (row !== undefined && row > lastRow) {
      lastRow = row;
      lines.push(seeded.units[row].target.map((id) => targets.get(id) ?? '').join(' '));
    }
  }
  return lines.join('\n');
}

/**
 * Seeds untranslated rows from translation pairs, matching each row's Arabic (its segments joined
 * by a space) first exactly (after collapsing white space), then after `normalize`. A run of up to
 * `maxMerge` consecutive untranslated rows whose joined Arabic matches one pair becomes one row
 * (the first row's id; the longest run wins); a multi-segment row whose segments each match is
 * seeded with their English joined. Rows that already have English and confirmed rows are never
 * touched. Seeded rows get status 'draft', origin 'import', confirmed. Input not mutated.
 */
export function seedFromPairsDetailed(annotations: Annotations, sourceText: string, pairs: Pair[], options: SeedOptions = {}): SeedResult {
  const normalize = options.normalize === undefined ? (t: string) => normalizeForMatch(t) : options.normalize;
  const norm = normalize ? (s: string) => collapse(normalize(collapse(s))) : null;
  const maxMerge = Math.max(1, options.maxMerge ?? 4);
  const exact = new Map<string, number>();
  const loose = new Map<string, number>();
  pairs.forEach((p, i) => {
    if (!collapse(p.en)) return;
    const key = collapse(p.ar);
    if (!key) return;
    if (!exact.has(key)) exact.set(key, i);
    if (norm) {
      const k2 = norm(p.ar);
      if (!loose.has(k2)) loose.set(k2, i);
    }
  });
  const lookup = (ar: string): number | undefined => exact.get(collapse(ar)) ?? (norm ? loose.get(norm(ar)) : undefined);

  const map = new OffsetMap(sourceText);
  const segText = new Map(annotations.segments.map((s) => [s.id, map.slice(s.start, s.end)]));
  const targets = new Map(annotations.targets.map((t) => [t.id, t]));
  const nextT = idAllocator('t', annotations.targets.map((t) => t.id));
  const open = (u: AlignmentUnit) => !u.confirmed && u.source.length > 0 && !u.target.some((id) => collapse(targets.get(id)?.text ?? ''));
  const arabic = (u: AlignmentUnit) => u.source.map((id) => segText.get(id) ?? '').join(' ');
  const used = new Set<number>();
  const matched: string[] = [];
  const unmatched: string[] = [];
  const mergedAway: string[] = [];
  const units: AlignmentUnit[] = [];
  // first pair index of each seeded row → the row's position in `units`
  const seededAt = new Map<number, number>();
  const old = annotations.units;
  for (let i = 0; i < old.length; i++) {
    const u = old[i];
    if (!open(u)) {
      units.push(u);
      continue;
    }
    let run = 1;
    let hits: number[] | null = null;
    // a longer run first: the memory's own row boundaries are the better guess
    let avail = 1;
    while (avail < maxMerge && i + avail < old.length && open(old[i + avail])) avail++;
    for (let k = avail; k >= 2 && !hits; k--) {
      const h = lookup(old.slice(i, i + k).map(arabic).join(' '));
      if (h !== undefined) { hits = [h]; run = k; }
    }
    if (!hits) {
      const whole = lookup(arabic(u));
      if (whole !== undefined) hits = [whole];
      else if (u.source.length > 1) {
        const each = u.source.map((id) => lookup(segText.get(id) ?? ''));
        if (each.every((x) => x !== undefined)) hits = each as number[];
      }
    }
    if (!hits) {
      unmatched.push(u.id);
      units.push(u);
      continue;
    }
    hits.forEach((h) => used.add(h));
    matched.push(u.id);
    const t: TargetSentence = { id: nextT(), text: hits.map((h) => collapse(pairs[h].en)).join(' ') };
    targets.set(t.id, t);
    const source = old.slice(i, i + run).flatMap((x) => x.source);
    for (const x of old.slice(i + 1, i + run)) mergedAway.push(x.id);
    if (!seededAt.has(hits[0])) seededAt.set(hits[0], units.length);
    units.push({ ...u, source, target: [t.id], status: 'draft', origin: 'import', confirmed: true });
    i += run - 1;
  }
  // targets in row order; targets no row references any more (empty ones replaced) are dropped
  const referenced = new Set(units.flatMap((u) => u.target));
  const ordered = units.flatMap((u) => u.target.map((id) => targets.get(id)!).filter(Boolean));
  const keptOld = annotations.targets.filter((t) => !referenced.has(t.id) && collapse(t.text));
  let result: Annotations = { ...annotations, units, targets: [...ordered, ...keptOld] };
  const unusedPairs = pairs.map((_, i) => i).filter((i) => !used.has(i) && collapse(pairs[i].en));
  let alignedPairs: number[] = [];
  if (options.align && unmatched.length) {
    const matchedSet = new Set(matched);
    const firstMatch = units.findIndex((u) => matchedSet.has(u.id));
    let lastMatch = -1;
    units.forEach((u, k) => { if (matchedSet.has(u.id)) lastMatch = k; });
    const unmatchedSet = new Set(unmatched);
    const countUnmatched = (from: number, to: number) => units.slice(from, to).filter((u) => unmatchedSet.has(u.id)).length;
    const before = firstMatch < 0 ? unmatched.length : countUnmatched(0, firstMatch);
    const after = firstMatch < 0 ? unmatched.length : countUnmatched(lastMatch + 1, units.length);
    const window = alignWindow(pairs.length, used, before, after, unmatched.length);
    if (window) alignedPairs = unusedPairs.filter((i) => i >= window[0] && i <= window[1]);
    if (window && alignedPairs.length) result = options.align(result, sourceText, alignText(pairs, window, new Set(alignedPairs), seededAt, result));
  }
  return { annotations: result, matched, unmatched, unusedPairs, alignedPairs, mergedAway };
}

/** `seedFromPairsDetailed` returning only the seeded annotations. */
export function seedFromPairs(annotations: Annotations, sourceText: string, pairs: Pair[], options: SeedOptions = {}): Annotations {
  return seedFromPairsDetailed(annotations, sourceText, pairs, options).annotations;
}
