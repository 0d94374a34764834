// Importing an English translation into a report's annotations (File → Import English translation…
// and `muwazi import`): segment the translation, align it against the Arabic rows, and rebuild the
// unconfirmed rows from the links. Confirmed rows stay exactly as they are.
//
// Confirmed rows and the new translation: a confirmed row keeps its own English. When the imported
// text contains that English verbatim (white space and case aside) as consecutive sentences, at a
// position consistent with the other confirmed rows, those sentences become the row's fixed link
// and are not imported a second time. Otherwise the row is fixed with no new English, and the
// English that translates it (if any) lands in a neighbouring row or an English-only row, where the
// low-confidence list points the user to it.
import type { Annotations, AlignmentUnit, Mention, TargetSentence } from '../model/types.ts';
import { idAllocator } from '../model/ids.ts';
import { OffsetMap } from '../text/offsets.ts';
import { segmentSentences, type SegmentRules } from '../text/segment.ts';
import { alignSentences } from './aligner.ts';
import type { AnchorPair, Link } from './types.ts';
import type { Lexicon } from './lexical.ts';
import { learnLexicon, mergeLexicons } from './learned.ts';
import { placeMovedBlocks } from './moved.ts';

/** Options of importTranslation; the segmentation rules (the project's) split the English. */
export interface ImportOptions extends SegmentRules {
  /** rows whose link confidence is below this are listed in `lowConfidence` (default 0.5) */
  threshold?: number;
  /** extra glossary pairs for the aligner (the report's entities with both forms are always used) */
  anchors?: AnchorPair[];
  /** the bilingual word list for the aligner's lexical term (absent: length and anchors only) */
  lexicon?: Lexicon | null;
  /** when set, written to `modified` (ISO time; injected so the function stays pure) */
  now?: string;
}

/** What an import did. */
export interface ImportResult {
  /** the new annotations (valid under AnnotationsSchema) */
  annotations: Annotations;
  /** ids of aligner rows whose confidence is below the threshold, in row order */
  lowConfidence: string[];
  /** English mentions that sat on replaced English sentences and were removed with them */
  droppedMentions: Mention[];
  /** number of English sentences the translation was split into */
  sentences: number;
  /** rows that have English after the import */
  rowsWithEnglish: number;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** English sentences of a translation text (segmenter spans, line breaks included). */
export function translationSentences(translation: string, rules: string[] | SegmentRules = {}): string[] {
  const map = new OffsetMap(translation);
  const { abbreviations, exceptions } = Array.isArray(rules) ? { abbreviations: rules, exceptions: undefined } : rules;
  return segmentSentences(translation, { lang: 'en', abbreviations, exceptions })
    .map((s) => map.slice(s.start, s.end).trim())
    .filter((s) => s.length > 0);
}

/** Source segment ids in row order (segments outside every row come last, by offset). */
function sourceOrder(a: Annotations): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  for (const u of a.units) for (const id of u.source) if (!seen.has(id)) { seen.add(id); order.push(id); }
  const rest = a.segments.filter((s) => !seen.has(s.id)).sort((x, y) => x.start - y.start);
  for (const s of rest) order.push(s.id);
  return order;
}

/** The new English sentences [j, j + k) that repeat a confirmed row's English, searching from `from`. */
function findVerbatim(english: string[], from: number, texts: string[]): number[] | null {
  if (texts.length === 0) return null;
  const want = squash(texts.join(' '));
  if (!want) return null;
  for (let j = from; j < english.length; j++) {
    let acc = '';
    for (let k = j; k < english.length && acc.length < want.length; k++) {
      acc = squash(acc + ' ' + english[k]);
      if (acc === want) return Array.from({ length: k - j + 1 }, (_, q) => j + q);
      if (!want.startsWith(acc)) break;
    }
  }
  return null;
}

/**
 * Aligns `translation` against the report's source rows and returns updated annotations: confirmed
 * rows untouched; every other row rebuilt from the aligner's links with fresh English sentences
 * (origin 'aligner', its confidence, status 'draft' when it got English, 'auto' otherwise). Arabic
 * mentions are kept (segments never change); English mentions on removed sentences are reported in
 * `droppedMentions`.
 */
export function importTranslation(annotations: Annotations, sourceText: string, translation: string, opts: ImportOptions = {}): ImportResult {
  const threshold = opts.threshold ?? 0.5;
  const english = translationSentences(translation, { abbreviations: opts.abbreviations, exceptions: opts.exceptions });
  const segById = new Map(annotations.segments.map((s) => [s.id, s]));
  const srcMap = new OffsetMap(sourceText);
  const order = sourceOrder(annotations);
  const srcIndex = new Map(order.map((id, i) => [id, i]));
  // the source text is authoritative; the stored copy is the fallback for stale offsets
  const srcTexts = order.map((id) => {
    const s = segById.get(id)!;
    return s.end <= srcMap.cpLength && s.start <= s.end ? srcMap.slice(s.start, s.end) : s.text;
  });
  const targetById = new Map(annotations.targets.map((t) => [t.id, t]));

  // confirmed rows → fixed links; rows with neither source nor found English are kept in place
  const fixed: Link[] = [];
  const fixedUnit = new Map<string, AlignmentUnit>();
  const floating: Array<{ unit: AlignmentUnit; afterSrc: number }> = [];
  let nextJ = 0;
  let lastSrc = -1;
  for (const u of annotations.units) {
    if (u.confirmed) {
      const src = u.source.map((id) => srcIndex.get(id)!);
      const found = findVerbatim(english, nextJ, u.target.map((id) => targetById.get(id)?.text ?? ''));
      if (found) nextJ = found[found.length - 1] + 1;
      if (src.length || found) {
        const link: Link = { src, tgt: found ?? [], confidence: u.confidence ?? 1 };
        fixed.push(link);
        fixedUnit.set(linkKey(link), u);
      } else floating.push({ unit: u, afterSrc: lastSrc });
    }
    for (const id of u.source) lastSrc = Math.max(lastSrc, srcIndex.get(id)!);
  }

  const anchors: AnchorPair[] = [...(opts.anchors ?? [])];
  for (const e of annotations.entities) if (e.ar && e.en) anchors.push([e.ar, e.en]);
  // the report's confirmed rows with English are known translations: words they keep pairing add
  // to the word list (learned afresh each time, never stored: derived data)
  const confirmedPairs: Array<[string, string]> = [];
  for (const u of annotations.units) {
    if (!u.confirmed || !u.source.length || !u.target.length) continue;
    confirmedPairs.push([u.source.map((id) => srcTexts[srcIndex.get(id)!]).join(' '), u.target.map((id) => targetById.get(id)?.text ?? '').join(' ')]);
  }
  const lexicon = confirmedPairs.length >= 2 ? mergeLexicons(opts.lexicon, learnLexicon(confirmedPairs)) : opts.lexicon ?? undefined;
  // a paragraph the translation has in another place goes to its rows (moved.ts), flagged for review
  const links = placeMovedBlocks(srcTexts, english, alignSentences(srcTexts, english, { fixed, anchors, lexicon }), { fixed, anchors, lexicon });

  // rebuild rows in link order
  const oldUnitOfSrc = new Map<string, AlignmentUnit>();
  for (const u of annotations.units) for (const id of u.source) oldUnitOfSrc.set(id, u);
  const keptUnitIds = new Set(annotations.units.filter((u) => u.confirmed).map((u) => u.id));
  const usedUnitIds = new Set(keptUnitIds);
  const newUnitId = idAllocator('u', annotations.units.map((u) => u.id));
  // ids are never reused: allocate after every id the file has held, removed ones included
  const newTargetId = idAllocator('t', annotations.targets.map((t) => t.id));
  const units: AlignmentUnit[] = [];
  const targets: TargetSentence[] = [];
  const lowConfidence: string[] = [];
  let fi = 0;
  const emitFloating = (upTo: number) => {
    while (fi < floating.length && floating[fi].afterSrc <= upTo) {
      const u = floating[fi++].unit;
      units.push(u);
      for (const id of u.target) { const t = targetById.get(id); if (t) targets.push(t); }
    }
  };
  emitFloating(-1);
  for (const link of links) {
    // fixed links come back unchanged, and no other link can equal one (its sentences are locked)
    const kept = fixedUnit.get(linkKey(link));
    if (kept) {
      units.push(kept);
      for (const id of kept.target) { const t = targetById.get(id); if (t) targets.push(t); }
    } else {
      const source = link.src.map((i) => order[i]);
      const target = link.tgt.map((j) => {
        const t = { id: newTargetId(), text: english[j] };
        targets.push(t);
        return t.id;
      });
      // keep the row id of the old row that held this row's first source segment, when free
      const old = source.length ? oldUnitOfSrc.get(source[0]) : undefined;
      const id = old && !usedUnitIds.has(old.id) ? old.id : newUnitId();
      usedUnitIds.add(id);
      units.push({
        id,
        source,
        target,
        status: target.length ? 'draft' : 'auto',
        origin: 'aligner',
        confidence: link.confidence,
        confirmed: false,
      });
      if (link.confidence < threshold) lowConfidence.push(id);
    }
    if (link.src.length) emitFloating(link.src[link.src.length - 1]);
  }
  emitFloating(Infinity);

  const targetIds = new Set(targets.map((t) => t.id));
  const mentions: Mention[] = [];
  const droppedMentions: Mention[] = [];
  for (const m of annotations.mentions) (m.side === 'en' && !targetIds.has(m.sentence) ? droppedMentions : mentions).push(m);
  return {
    annotations: { ...annotations, ...(opts.now ? { modified: opts.now } : {}), targets, units, mentions },
    lowConfidence,
    droppedMentions,
    sentences: english.length,
    rowsWithEnglish: units.filter((u) => u.target.length > 0).length,
  };
}

function linkKey(l: Link): string {
  return l.src.join(',') + '|' + l.tgt.join(',');
}
