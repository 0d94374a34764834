// "Tag all occurrences" for a whole report at once (and, with seeds from other reports, for a
// project): every tagged name of the report (plus the caller's seeds) is searched with
// `proposeMentions`, and the results are made into suggestions a user can accept all at once:
//   - one suggestion per span: where names overlap the longer one wins (حزب الله over الله), and
//     nothing overlapping an existing mention is proposed;
//   - a string tagged with two types gives one suggestion carrying `conflict` (all the types);
//   - suggestions the user rejected before (the sidecar's `suggestions`, status 'rejected') are
//     never proposed again;
//   - confidence 'low' (held back from "accept all") for a conflict, a common word that is also
//     a name (علي / على, المدينة, العربية ...), a name the project rejected at least as often as
//     it accepted, or an Arabic occurrence whose row's English lacks every English form of the
//     entity; an English form present in the row makes it 'high' whatever the word (so does the
//     glossary's rendering, or a gloss of the name written capitalised: the White House);
//   - with the word list (`lexicon`): a single-word name that is also a dictionary word (البحر
//     "sea", الحرب "war") is low ('common-noun') where the row's English reads it as the word —
//     shared/entities/common-noun.ts says when. Glossary names never are. When a row holds as
//     many occurrences of the name as its English has glosses, each occurrence is read with its
//     own English word, in order (تغيرت الحرب البرية ... الحرب العالمية ↔ warfare ... World War),
//     also in the rows the name is tagged in (the user's reading is the tagged occurrence's word);
//   - the occurrence's own context (shared/entities/occurrence-context.ts), whatever the English:
//     a definite nisba after a definite word is an adjective ('adjective': البحر الكاريبي, unless
//     the name is a person's or was tagged in that construction), tanween the name lacks
//     ('inflected': جيشاً مقدونياً), a name counted by a number the English writes in lower case
//     ('unit': 500 يورو ↔ 500 euros);
//   - a dictionary word the user tagged only where a definite word follows it (العصر البرونزي ↔
//     Bronze Age: the head of a longer name) is low ('head-only') where nothing definite follows;
//   - a common word whose English form in the row is used up by the mentions tagged beside it
//     (أحمد أمين، أمين عام ↔ Ahmed Amin, Secretary General: one Amin, already tagged) is not lifted.
import type { Lexicon } from '../align/lexical.ts';
import type { Annotations, Side, StoredSuggestion } from '../model/types.ts';

/** What propagation reads of a report (the editor passes a view built from its document). */
export type ReportText = Pick<Annotations, 'segments' | 'targets' | 'units' | 'mentions' | 'entities' | 'suggestions'>;
import { nameKey } from '../text/normalize.ts';
import { findOccurrences, proposeMentions, sideOf, type MentionSuggestion } from './propagate.ts';
import { suggestEnglishSpans } from './suggest.ts';
import { addRendering, glossSequence, renderingOf, wordEvidence, wordSense, type Rendering, type WordSense } from './common-noun.ts';
import { adjectiveUse, countedUnit, followedByDefinite, nunated } from './occurrence-context.ts';
import { OffsetMap } from '../text/offsets.ts';

/** A name to propagate. */
export interface Seed {
  side: Side;
  /** the name as written */
  text: string;
  type: string;
  /** the entity of this report the mentions join; null for a seed from elsewhere */
  entity: string | null;
}

/** What the project did with one string (by `nameKey`): mentions accepted and suggestions rejected. */
export interface KeyHistory {
  accepted: number;
  rejected: number;
}

/** Options for `propagateReport`. */
export interface PropagateOptions {
  /** names from elsewhere (other reports of the project, the glossary) also proposed */
  seeds?: readonly Seed[];
  /** the project's accept/reject history by `nameKey` (see `projectHistory`) */
  history?: ReadonlyMap<string, KeyHistory>;
  /** propose only these names ("tag all occurrences" of one mention); the others still block */
  only?: readonly Seed[];
  /** names that only block shorter names inside them (glossary forms) */
  blockers?: readonly string[];
  /** the bilingual word list (assets/lexicon/ar-en.tsv): names that are also words (see header) */
  lexicon?: Pick<Lexicon, 'map'> | null;
  /** the project glossary: its Arabic names are never held back as words, and their English
   * renderings count as the English of the name */
  glossary?: ReadonlyArray<{ ar: string; en: string }>;
}

/** Why a suggestion is low confidence. */
export type LowReason = 'conflict' | 'common-word' | 'common-noun' | 'history' | 'english-missing' | 'no-capital' | 'adjective' | 'inflected' | 'unit' | 'head-only';

/** A ranked suggestion. */
export interface RankedSuggestion extends MentionSuggestion {
  /** 'low': shown, but not part of "accept all" */
  confidence: 'high' | 'low';
  /** why it is low (empty when high) */
  reasons: LowReason[];
  /** the types the string is tagged with, when more than one (sorted) */
  conflict?: string[];
}

/** Names that are also frequent Arabic words (folded with nameKey): low confidence unless the
 * row's English shows the name. */
const COMMON_WORDS: ReadonlySet<string> = new Set(
  ['علي', 'على', 'العربية', 'العربي', 'الأولى', 'الأول', 'سنة', 'المدينة', 'الدولة', 'الوطن', 'الجزيرة', 'الشعب', 'النور',
    'الحياة', 'الأمل', 'السلام', 'النهار', 'الشروق', 'الصباح', 'الفجر', 'أمل', 'نور', 'سلام', 'حسن', 'جميل', 'كريم',
    'سعيد', 'أمين', 'عادل', 'فرح', 'منى', 'هدى', 'صالح', 'محمود', 'ناصر', 'الحرة', 'الأهرام', 'المستقبل', 'الوفاق',
    'التحرير', 'الاتحاد', 'الأمة', 'الثورة', 'البيت الأبيض'].map((w) => nameKey(w)),
);

/** Accepted mentions and rejected suggestions per `nameKey`, over a project's sidecars. */
export function projectHistory(reports: Iterable<Pick<Annotations, 'mentions' | 'suggestions'>>): Map<string, KeyHistory> {
  const out = new Map<string, KeyHistory>();
  const at = (k: string) => {
    let h = out.get(k);
    if (!h) out.set(k, (h = { accepted: 0, rejected: 0 }));
    return h;
  };
  for (const r of reports) {
    for (const m of r.mentions) at(nameKey(m.text)).accepted++;
    for (const s of r.suggestions ?? []) if (s.status === 'rejected') at(nameKey(s.text)).rejected++;
  }
  return out;
}

/** The report's tagged names as seeds: one per (side, spelling, type), the first mention's entity. */
export function seedsOf(a: Pick<Annotations, 'mentions'>): Seed[] {
  const seen = new Map<string, Seed>();
  for (const m of a.mentions) {
    const k = `${m.side}\u0000${nameKey(m.text)}\u0000${m.type}`;
    if (!seen.has(k)) seen.set(k, { side: m.side, text: m.text, type: m.type, entity: m.entity });
  }
  return [...seen.values()];
}

/** Every suggestion for the report, ranked (see the header). */
export function propagateReport(a: ReportText, sourceText: string, opts: PropagateOptions = {}): RankedSuggestion[] {
  const seeds = [...seedsOf(a), ...(opts.seeds ?? [])];
  // types per (side, key): a conflict when more than one
  const types = new Map<string, Set<string>>();
  for (const s of seeds) {
    const k = s.side + nameKey(s.text);
    if (!types.has(k)) types.set(k, new Set());
    types.get(k)!.add(s.type);
  }
  // one seed per (side, key): the report's own first (it has an entity), then by order
  const bySpelling = new Map<string, Seed>();
  for (const s of seeds) if (!bySpelling.has(s.side + nameKey(s.text))) bySpelling.set(s.side + nameKey(s.text), s);
  const all = [...bySpelling.values()];
  const names = opts.only ? opts.only.map((o) => bySpelling.get(o.side + nameKey(o.text)) ?? o) : all;
  const rejected = new Set((a.suggestions ?? []).filter((s) => s.status === 'rejected').map(spanKey));

  const candidates: Array<MentionSuggestion & { len: number; seed: string }> = [];
  for (const s of names) {
    const longer = [...all.filter((n) => n.side === s.side && n !== s).map((n) => n.text), ...(opts.blockers ?? [])];
    for (const sug of proposeMentions(a, sourceText, s.text, s.type, s.entity, { side: s.side, longer })) {
      if (!rejected.has(spanKey(sug))) candidates.push({ ...sug, len: sug.end - sug.start, seed: s.text });
    }
  }
  // one per span, longest first; never two overlapping
  candidates.sort((x, y) => y.len - x.len || x.start - y.start);
  const taken: typeof candidates = [];
  for (const c of candidates) {
    const clash = taken.some((t) => t.side === c.side && (c.side === 'ar' || t.sentence === c.sentence) && t.start < c.end && c.start < t.end);
    if (!clash) taken.push(c);
  }
  taken.sort((x, y) => (x.side === y.side ? 0 : x.side === 'ar' ? -1 : 1) || rowOrder(a, x) - rowOrder(a, y) || x.start - y.start);

  const english = englishForms(a);
  const rowEnglish = rowEnglishOf(a);
  // only the spellings that have suggestions need their English inferred (a large report has
  // thousands of mentions; "tag all occurrences" of one name must stay quick)
  const inferred = inferredEnglish(a, rowEnglish, new Set(taken.map((t) => nameKey(t.text))));
  const glossaryEn = new Map<string, string[]>();
  for (const g of opts.glossary ?? []) {
    if (!g.ar) continue;
    const k = nameKey(g.ar);
    glossaryEn.set(k, [...(glossaryEn.get(k) ?? []), ...(g.en ? [g.en] : [])]);
  }
  const senses = new Map<string, WordSense | null>();
  const senseOf = (seed: string): WordSense | null => {
    const k = nameKey(seed);
    if (!opts.lexicon || glossaryEn.has(k)) return null;
    if (!senses.has(k)) senses.set(k, wordSense(opts.lexicon, seed));
    return senses.get(k)!;
  };
  // the Arabic occurrences of each name in each row, tagged or proposed, in text order (built on
  // first use: only names that are words or common words ask)
  const rowOf = rowIdOf(a);
  let occurrences: Map<string, Array<{ start: number; tagged: boolean }>> | null = null; // key \0 row → occurrences
  const occurrencesOf = (key: string, sentence: string) => {
    if (!occurrences) occurrences = occurrenceIndex(a, taken, rowOf);
    return occurrences.get(`${key}\u0000${rowOf.get(sentence) ?? sentence}`) ?? [];
  };
  // how the row's English writes the gloss of one occurrence: its own word when the row has as
  // many glosses as occurrences of the name (paired in order), else the whole row's
  const renderingAt = (key: string, sentence: string, start: number, row: string, sense: WordSense): Rendering => {
    const seq = glossSequence(row, sense.glosses);
    const occ = occurrencesOf(key, sentence);
    const i = occ.findIndex((o) => o.start === start);
    // only a lower-case word of its own decides (a sentence-initial one could be either)
    return i >= 0 && occ.length > 1 && seq.length === occ.length && seq[i] === 'word' ? renderingOf([seq[i]]) : renderingOf(seq);
  };
  // how the rows the name is tagged in write its glosses (null: tagged in no translated row here)
  const taggedAs = new Map<string, Rendering | null>();
  let taggedRows: Map<string, Map<string, string>> | null = null; // nameKey → row id → a segment of it
  const taggedRendering = (seed: string, sense: WordSense): Rendering | null => {
    const k = nameKey(seed);
    if (!taggedAs.has(k)) {
      if (!taggedRows) {
        taggedRows = new Map();
        for (const m of a.mentions) {
          if (m.side !== 'ar') continue;
          const mk = nameKey(m.text);
          const rows = taggedRows.get(mk) ?? new Map<string, string>();
          rows.set(rowOf.get(m.sentence) ?? m.sentence, m.sentence);
          taggedRows.set(mk, rows);
        }
      }
      let r: Rendering | null = null;
      for (const sentence of taggedRows.get(k)?.values() ?? []) {
        const row = rowEnglish.get(sentence);
        if (!row) continue;
        const seq = glossSequence(row, sense.glosses);
        const occ = occurrencesOf(k, sentence);
        // paired in order, only the tagged occurrences' own words are the user's reading
        const here = occ.length > 1 && seq.length === occ.length ? renderingOf(seq.filter((_, i) => occ[i].tagged)) : renderingOf(seq);
        r = addRendering(r ?? { name: 0, initial: 0, word: 0 }, here);
      }
      taggedAs.set(k, r);
    }
    return taggedAs.get(k)!;
  };
  // the source text around occurrences (code points), for the context signals
  let source: OffsetMap | null = null;
  const textBefore = (start: number) => (source ??= new OffsetMap(sourceText)).slice(Math.max(0, start - 40), start);
  const textAfter = (end: number) => {
    source ??= new OffsetMap(sourceText);
    return source.slice(end, Math.min(source.cpLength, end + 40));
  };
  // the report's Arabic mentions by name (built once: a project plan asks for many names)
  let byKey: Map<string, ReportText['mentions']> | null = null;
  const arMentionsOf = (key: string): ReportText['mentions'] => {
    if (!byKey) {
      byKey = new Map();
      for (const m of a.mentions) {
        if (m.side !== 'ar') continue;
        const k = nameKey(m.text);
        const list = byKey.get(k);
        if (list) list.push(m);
        else byKey.set(k, [m]);
      }
    }
    return byKey.get(key) ?? [];
  };
  // the names the user tagged only where a definite word follows them (the head of a phrase)
  const headOnly = new Map<string, boolean>();
  const taggedOnlyAsHead = (key: string) => {
    if (!headOnly.has(key)) {
      const ms = arMentionsOf(key);
      headOnly.set(key, ms.length > 0 && ms.every((m) => followedByDefinite(textAfter(m.end))));
    }
    return headOnly.get(key)!;
  };
  // names the user tagged as a nisba after a definite word (a surname after a title): kept there
  const taggedAsAdjective = new Map<string, boolean>();
  const adjectiveTagged = (key: string) => {
    if (!taggedAsAdjective.has(key)) {
      taggedAsAdjective.set(key, arMentionsOf(key).some((m) => adjectiveUse(textBefore(m.start), m.text)));
    }
    return taggedAsAdjective.get(key)!;
  };
  return taken.map(({ side, sentence, start, end, text, type, entity, seed }) => {
    const key = nameKey(text);
    const reasons: LowReason[] = [];
    const ts = [...(types.get(side + key) ?? types.get(side + nameKey(seedText(names, side, key) ?? text)) ?? [])].sort();
    if (ts.length > 1) reasons.push('conflict');
    const h = opts.history?.get(key);
    if (h && h.rejected > 0 && h.rejected >= h.accepted) reasons.push('history');
    let englishSeen = false;
    if (side === 'ar') {
      const row = rowEnglish.get(sentence);
      // the word list: a gloss of the name written as a name in the row, or as a common word
      const sense = row ? senseOf(seed) : null;
      const asWord = sense ? wordEvidence(sense, renderingAt(nameKey(seed), sentence, start, row!, sense), taggedRendering(seed, sense)) : null;
      // the glossary's rendering in the row (only ever evidence for: a glossary name missing its
      // English is not held back for that)
      if (asWord === 'name' || (row && (glossaryEn.get(nameKey(seed)) ?? []).some((f) => writtenAsName(f, row)))) englishSeen = true;
      // the entity's English forms, else those its tagged spelling was rendered by in its rows
      const forms = [...(entity ? english.get(entity) ?? [] : []), ...(inferred.get(key) ?? [])];
      if (englishSeen || !row) {
        // nothing to check
      } else if (forms.length) {
        englishSeen = forms.some((f) => writtenAsName(f, row) || sameStem(f, row));
        if (englishSeen && COMMON_WORDS.has(key)) {
          // a common word: its English form must be left over by the mentions tagged in the row
          const tagged = occurrencesOf(nameKey(seed), sentence).filter((o) => o.tagged).length;
          englishSeen = forms.some((f) => namesIn(f, row) > tagged);
        }
        if (!englishSeen) reasons.push('english-missing');
      } else if (!hasCapitalised(row) && suggestEnglishSpans(text, row, { minScore: 0.8, limit: 1 }).length === 0) {
        // the row is translated and its English names nothing (no capitalised word but the first,
        // and the first does not render it)
        reasons.push('no-capital');
      }
      if (!englishSeen && asWord === 'word') reasons.push('common-noun');
      // a dictionary word tagged only as the head of a definite phrase (العصر البرونزي ↔ Bronze
      // Age) is a name only where it heads one
      if (sense && !sense.transliterated && !sense.multiword && asWord === null && taggedOnlyAsHead(nameKey(seed)) && !followedByDefinite(textAfter(end))) reasons.push('head-only');
      const before = textBefore(start);
      if (type !== 'PER' && adjectiveUse(before, text) && !adjectiveTagged(nameKey(seed))) reasons.push('adjective');
      if (nunated(text, seed)) reasons.push('inflected');
      if (row && countedUnit(before, row)) reasons.push('unit');
    }
    if (!englishSeen && COMMON_WORDS.has(key)) reasons.push('common-word');
    const out: RankedSuggestion = { side, sentence, start, end, text, type, entity, confidence: reasons.length ? 'low' : 'high', reasons };
    if (ts.length > 1) out.conflict = ts;
    return out;
  });
}

/** The seed text of a key (a suggestion's text may be a variant spelling of the seed's). */
function seedText(names: readonly Seed[], side: Side, key: string): string | undefined {
  return names.find((n) => n.side === side && nameKey(n.text) === key)?.text;
}

/** Identity of a span for rejections: side, sentence, offsets and the folded text. */
function spanKey(s: Pick<StoredSuggestion, 'side' | 'sentence' | 'start' | 'end' | 'text'>): string {
  return `${s.side}:${s.sentence}:${s.start}:${s.end}:${nameKey(s.text)}`;
}

/** English forms of each entity: its English mentions' texts and its glossary form. */
function englishForms(a: ReportText): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (id: string, f: string | undefined) => {
    if (!f || sideOf(f) !== 'en') return;
    const list = out.get(id) ?? [];
    if (!list.includes(f)) list.push(f);
    out.set(id, list);
  };
  for (const m of a.mentions) if (m.side === 'en') add(m.entity, m.text);
  for (const e of a.entities) add(e.id, e.en);
  return out;
}

/**
 * English renderings of each tagged Arabic spelling (by `nameKey`), inferred from the rows it is
 * tagged in (a capitalised span that transliterates it, shared/entities/suggest.ts). A key with an
 * empty list was tagged in translated rows but no rendering was found.
 */
function inferredEnglish(a: ReportText, rowEnglish: ReadonlyMap<string, string>, keys: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of a.mentions) {
    if (m.side !== 'ar') continue;
    const row = rowEnglish.get(m.sentence);
    if (!row) continue;
    const k = nameKey(m.text);
    if (!keys.has(k)) continue;
    const list = out.get(k) ?? [];
    out.set(k, list);
    const best = suggestEnglishSpans(m.text, row, { minScore: 0.8, limit: 1 })[0];
    if (best && !list.includes(best.text)) list.push(best.text);
  }
  return out;
}

/** `form` occurs in `row`, capitalised there if it is capitalised (Bank, not bank). */
function writtenAsName(form: string, row: string): boolean {
  return namesIn(form, row) > 0;
}

/** How often `form` occurs in `row`, capitalised there if it is capitalised. */
function namesIn(form: string, row: string): number {
  return findOccurrences([{ key: '', text: row }], form, { clitics: false }).filter((o) => !/^\p{Lu}/u.test(form) || /^\p{Lu}/u.test(o.text)).length;
}

/** The Arabic occurrences of each name (by `nameKey`) in each row, sorted: the mentions (tagged),
 * the words of longer mentions that are names proposed here (tagged: حرب الأفيون holds الأفيون, its
 * English Opium War holds the gloss), and the proposals (untagged). */
function occurrenceIndex(a: ReportText, taken: ReadonlyArray<MentionSuggestion & { seed: string }>, rowOf: ReadonlyMap<string, string>): Map<string, Array<{ start: number; tagged: boolean }>> {
  const out = new Map<string, Array<{ start: number; tagged: boolean }>>();
  const add = (key: string, sentence: string, start: number, tagged: boolean) => {
    const k = `${key}\u0000${rowOf.get(sentence) ?? sentence}`;
    const list = out.get(k);
    if (list) list.push({ start, tagged });
    else out.set(k, [{ start, tagged }]);
  };
  const keys = new Set(taken.map((t) => nameKey(t.seed)));
  for (const m of a.mentions) {
    if (m.side !== 'ar') continue;
    const whole = nameKey(m.text);
    add(whole, m.sentence, m.start, true);
    if (!/\s/u.test(m.text.trim())) continue;
    let at = m.start;
    for (const w of m.text.split(/(\s+)/u)) {
      const k = nameKey(w);
      if (k && k !== whole && keys.has(k)) add(k, m.sentence, at, true);
      at += [...w].length;
    }
  }
  for (const t of taken) if (t.side === 'ar') add(nameKey(t.seed), t.sentence, t.start, false);
  for (const list of out.values()) list.sort((x, y) => x.start - y.start);
  return out;
}

/** The row (alignment unit) of each source segment: segments of one unit share its English. */
function rowIdOf(a: ReportText): Map<string, string> {
  const out = new Map<string, string>();
  a.units.forEach((u, i) => {
    for (const s of u.source) out.set(s, `u${i}`);
  });
  return out;
}

/** True when `english` has a capitalised word (or an acronym) after its first word. */
function hasCapitalised(english: string): boolean {
  const words = english.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu) ?? [];
  return words.slice(1).some((w) => /^\p{Lu}/u.test(w) && w !== 'I') || (words[0] !== undefined && /^\p{Lu}{2,}/u.test(words[0]));
}

/** A capitalised word of `row` begins like the first word of `form` (Spain / Spanish, Alps /
 * Alpine): the name is there under another inflection. */
function sameStem(form: string, row: string): boolean {
  const first = /\p{L}+/u.exec(form)?.[0];
  if (!first || first.length < 4) return false;
  const stem = first.slice(0, 4).toLowerCase();
  return (row.match(/\p{Lu}\p{L}+/gu) ?? []).some((w) => w.toLowerCase().startsWith(stem));
}

/** The English text of each segment's row (its target sentences joined). */
function rowEnglishOf(a: ReportText): Map<string, string> {
  const text = new Map(a.targets.map((t) => [t.id, t.text]));
  const out = new Map<string, string>();
  for (const u of a.units) {
    const en = u.target.map((t) => text.get(t) ?? '').join(' ');
    if (en.trim()) for (const s of u.source) out.set(s, en);
  }
  return out;
}

/** Position of a suggestion's row, for ordering English suggestions. */
function rowOrder(a: ReportText, s: MentionSuggestion): number {
  if (s.side === 'ar') return 0;
  const i = a.targets.findIndex((t) => t.id === s.sentence);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** A ranked suggestion as stored in the sidecar (pending). */
export function toStored(s: RankedSuggestion): StoredSuggestion {
  const out: StoredSuggestion = { side: s.side, sentence: s.sentence, start: s.start, end: s.end, text: s.text, type: s.type, status: 'pending', confidence: s.confidence };
  if (s.entity) out.entity = s.entity;
  if (s.conflict) out.conflict = s.conflict;
  return out;
}
