// Import back: translation memories (TMX) and Moses corpora become (Arabic, English) pairs, and
// pairs seed a report's translations. The TMX reader is a small tolerant XML scanner, not a DOM:
// it accepts TMX 1.1–1.4 as tools write it (xml:lang or lang, comments, CDATA, a DOCTYPE, entity
// and character references) and keeps only the text of <seg>, dropping the native codes inside
// inline tags (bpt, ept, ph, it, ut) while keeping the text of <hi>.
import type { Annotations, TargetSentence } from '../model/types.ts';
import { idAllocator } from '../model/ids.ts';
import { normalizeForMatch } from '../text/normalize.ts';
import { OffsetMap } from '../text/offsets.ts';

/** One translation pair. */
export interface Pair {
  ar: string;
  en: string;
}

// ---------------------------------------------------------------------------------------------
// A minimal XML scanner

type XmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

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
      if (end < 0) return;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      const stop = end < 0 ? n : end;
      yield { kind: 'text', text: xml.slice(lt + 9, stop) };
      i = end < 0 ? n : end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return;
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
      if (j >= n) return;
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

/**
 * The (Arabic, English) pairs of a TMX document, in document order. Each <tu> gives one pair: the
 * <tuv> whose language is Arabic (else the header's srclang, else the first) and the one whose
 * language is English (else the first other). Units missing a side are left out.
 */
export function parseTmx(xml: string): Pair[] {
  const pairs: Pair[] = [];
  let srclang = '';
  let tuvs: { lang: string; text: string }[] | null = null;
  let lang = '';
  let seg: string[] | null = null;
  let codeDepth = 0;
  for (const t of scanXml(xml.replace(/^\uFEFF/, ''))) {
    if (t.kind === 'open') {
      if (t.name === 'header') srclang = primary(t.attrs['srclang']);
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
      else if (t.name === 'tu' && tuvs) {
        const pair = pickPair(tuvs, srclang);
        if (pair) pairs.push(pair);
        tuvs = null;
      }
    } else if (seg && codeDepth === 0) seg.push(t.text);
  }
  return pairs;
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
    throw new Error(`The Moses files are not parallel: the Arabic file has ${a.length} lines, the English file ${e.length}.`);
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
   * Aligner for what exact matching left over (H2's importTranslation fits): called once with the
   * seeded annotations and the English of the unused pairs joined by newlines, only when rows
   * remain untranslated and unused English remains. Seeded rows are `confirmed`, so a realignment
   * keeps them fixed.
   */
  align?: (annotations: Annotations, sourceText: string, english: string) => Annotations;
}

/** What seeding did. */
export interface SeedResult {
  annotations: Annotations;
  /** unit ids that received a translation from a pair, in row order */
  matched: string[];
  /** unit ids still without a translation (before `align`) */
  unmatched: string[];
  /** indices into `pairs` that no row used */
  unusedPairs: number[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Seeds untranslated rows from translation pairs, matching each row's Arabic (its segments joined
 * by a space) first exactly (after collapsing white space), then after `normalize`; a multi-segment
 * row whose segments each match is seeded with their English joined. Rows that already have English
 * are never touched. Seeded rows get status 'draft', origin 'import', confirmed. Input not mutated.
 */
export function seedFromPairsDetailed(annotations: Annotations, sourceText: string, pairs: Pair[], options: SeedOptions = {}): SeedResult {
  const normalize = options.normalize === undefined ? (t: string) => normalizeForMatch(t) : options.normalize;
  const norm = normalize ? (s: string) => collapse(normalize(collapse(s))) : null;
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
  const used = new Set<number>();
  const matched: string[] = [];
  const unmatched: string[] = [];
  const units = annotations.units.map((u) => {
    const hasEnglish = u.target.some((id) => collapse(targets.get(id)?.text ?? ''));
    if (hasEnglish || u.source.length === 0) return u;
    const parts = u.source.map((id) => segText.get(id) ?? '');
    let hits: number[] | null = null;
    const whole = lookup(parts.join(' '));
    if (whole !== undefined) hits = [whole];
    else if (parts.length > 1) {
      const each = parts.map(lookup);
      if (each.every((x) => x !== undefined)) hits = each as number[];
    }
    if (!hits) {
      unmatched.push(u.id);
      return u;
    }
    hits.forEach((h) => used.add(h));
    matched.push(u.id);
    const t: TargetSentence = { id: nextT(), text: hits.map((h) => collapse(pairs[h].en)).join(' ') };
    targets.set(t.id, t);
    return { ...u, target: [t.id], status: 'draft' as const, origin: 'import' as const, confirmed: true };
  });
  // targets in row order; targets no row references any more (empty ones replaced) are dropped
  const referenced = new Set(units.flatMap((u) => u.target));
  const ordered = units.flatMap((u) => u.target.map((id) => targets.get(id)!).filter(Boolean));
  const keptOld = annotations.targets.filter((t) => !referenced.has(t.id) && collapse(t.text));
  let result: Annotations = { ...annotations, units, targets: [...ordered, ...keptOld] };
  const unusedPairs = pairs.map((_, i) => i).filter((i) => !used.has(i) && collapse(pairs[i].en));
  if (options.align && unmatched.length && unusedPairs.length) {
    result = options.align(result, sourceText, unusedPairs.map((i) => collapse(pairs[i].en)).join('\n'));
  }
  return { annotations: result, matched, unmatched, unusedPairs };
}

/** `seedFromPairsDetailed` returning only the seeded annotations. */
export function seedFromPairs(annotations: Annotations, sourceText: string, pairs: Pair[], options: SeedOptions = {}): Annotations {
  return seedFromPairsDetailed(annotations, sourceText, pairs, options).annotations;
}
