// Conversion between the saved annotation model (standoff, code-point offsets) and the editor
// document (rows of sentence nodes with entity marks). Pure: runs in Node for tests.
//
// Round trip: docToAnnotations(annotationsToDoc(a), a) equals `a` for any valid `a` whose
// targets are non-empty, whose mentions do not overlap within a sentence, and whose units list
// every segment and target once. Empty target sentences are the "no English yet" placeholder and
// are dropped on the way back.
import type { Node as PMNode, Schema } from 'prosemirror-model';
import { OffsetMap } from '../../shared/text/offsets.ts';
import { nextId } from '../../shared/model/ids.ts';
import { reconcileEntities } from '../../shared/entities/mentions.ts';
import type {
  AlignmentUnit, Annotations, Mention, SourceSegment, TargetSentence,
} from '../../shared/model/types.ts';
import { NO_COMMENTS, NO_CONFLICTS, NO_IGNORES, type DocAttrs, type EntityAttrs, type RowAttrs, type SourceSentenceAttrs } from './schema.ts';
import { forEachSentenceOfRow, sentenceRuns } from './entities/doc.ts';
import { forEachRow, groupRows } from './rows.ts';

/** Options of annotationsToDoc. */
export interface ToDocOptions {
  /** rows per group (rows.ts); tests use tiny groups to put neighbouring rows in different groups */
  groupSize?: number;
}

/** Build the editor document for `annotations` over `sourceText`; the result passes `check()`. */
export function annotationsToDoc(schema: Schema, annotations: Annotations, sourceText: string, opts: ToDocOptions = {}): PMNode {
  const source = new OffsetMap(sourceText);
  const segById = new Map(annotations.segments.map((s) => [s.id, s]));
  const tgtById = new Map(annotations.targets.map((t) => [t.id, t]));
  const mentionsBySentence = new Map<string, Mention[]>();
  for (const m of annotations.mentions) {
    const key = m.side + ':' + m.sentence;
    let list = mentionsBySentence.get(key);
    if (!list) mentionsBySentence.set(key, (list = []));
    list.push(m);
  }
  const { row, source_cell, target_cell, source_sentence, target_sentence } = schema.nodes;

  const rows = annotations.units.map((u) => {
    const sources = u.source.flatMap((id) => {
      const seg = segById.get(id);
      if (!seg) return [];
      const text = source.slice(seg.start, seg.end);
      // source mentions are absolute into the source text: make them relative to the segment
      const ms = (mentionsBySentence.get('ar:' + id) ?? []).map((m) => ({ ...m, start: m.start - seg.start, end: m.end - seg.start }));
      const attrs: SourceSentenceAttrs = { id, start: seg.start, end: seg.end, origin: seg.origin };
      return [source_sentence.create(attrs, markedText(schema, text, ms))];
    });
    const targets = u.target.flatMap((id) => {
      const t = tgtById.get(id);
      if (!t) return [];
      return [target_sentence.create({ id }, markedText(schema, t.text, mentionsBySentence.get('en:' + id) ?? []))];
    });
    if (targets.length === 0) targets.push(target_sentence.create({ id: '' }));
    const attrs: RowAttrs = {
      id: u.id,
      status: u.status,
      origin: u.origin,
      confidence: u.confidence ?? null,
      confirmed: u.confirmed,
      // a confirmed unit with source but no target is a deliberate 1-0 link
      untranslated: u.confirmed && u.target.length === 0 && u.source.length > 0,
      qaIgnore: u.qaIgnore?.length ? [...u.qaIgnore] : NO_IGNORES,
      comments: u.comments?.length ? [...u.comments] : NO_COMMENTS,
      reviewed: u.reviewed ?? null,
    };
    return row.create(attrs, [source_cell.create(null, sources), target_cell.create(null, targets)]);
  });
  const docAttrs: DocAttrs = { conflicts: annotations.conflicts?.length ? [...annotations.conflicts] : NO_CONFLICTS };
  const doc = schema.topNodeType.create(docAttrs, groupRows(schema, rows.length ? rows : [emptyRow(schema)], opts.groupSize));
  doc.check();
  return doc;
}

/** A row with no source and an empty target placeholder (a report needs at least one row). */
export function emptyRow(schema: Schema, attrs: Partial<RowAttrs> = {}): PMNode {
  const { row, source_cell, target_cell, target_sentence } = schema.nodes;
  return row.create(attrs, [source_cell.create(), target_cell.create(null, target_sentence.create())]);
}

/** Text nodes for `text` with entity marks for `mentions` (code points relative to `text`).
 * A mention overlapping an earlier one is skipped (one entity mark per character). */
function markedText(schema: Schema, text: string, mentions: Mention[]): PMNode[] {
  if (text === '') return [];
  const map = new OffsetMap(text);
  const sorted = [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: PMNode[] = [];
  let at = 0; // UTF-16 offset already emitted
  for (const m of sorted) {
    if (m.start < 0 || m.end > map.cpLength || m.start >= m.end) continue;
    const from = map.toUtf16(m.start);
    const to = map.toUtf16(m.end);
    if (from < at) continue;
    if (from > at) out.push(schema.text(text.slice(at, from)));
    const attrs: EntityAttrs = { id: m.id, type: m.type, entity: m.entity };
    out.push(schema.text(text.slice(from, to), [schema.marks.entity.create(attrs)]));
    at = to;
  }
  if (at < text.length) out.push(schema.text(text.slice(at)));
  return out;
}

/**
 * Read the annotations back from the editor document. Fields the editor does not own (format,
 * source info, entities, timestamps...) come from `base`; segments, targets, units and mentions
 * come from the document. Mentions keep their order in `base`; new ones follow in document order.
 * A mention id met twice (a split through a mention) gets a fresh id for the later run.
 */
export function docToAnnotations(doc: PMNode, base: Annotations, sourceText: string): Annotations {
  const source = new OffsetMap(sourceText);
  const segments: SourceSegment[] = [];
  const targets: TargetSentence[] = [];
  const units: AlignmentUnit[] = [];
  const mentions: Mention[] = [];
  const usedMentionIds = new Set<string>();
  const allMentionIds = new Set(base.mentions.map((m) => m.id));
  // who and when (format 1.1) ride along by id; the host restamps what changed when it saves
  const baseMentions = new Map(base.mentions.map((m) => [m.id, m]));
  const pushMention = (m: Mention) => {
    if (usedMentionIds.has(m.id) || m.id === '') {
      m.id = nextId('m', [...allMentionIds]);
      allMentionIds.add(m.id);
    } else {
      const was = baseMentions.get(m.id);
      if (was?.by !== undefined) m.by = was.by;
      if (was?.at !== undefined) m.at = was.at;
    }
    usedMentionIds.add(m.id);
    allMentionIds.add(m.id);
    mentions.push(m);
  };

  // fields of a row the editor does not own (format 1.1 provenance) ride along by id; comments and
  // review are row attributes (review mode edits them, undoably) and are written from the row below
  const baseUnits = new Map(base.units.map((u) => [u.id, u]));
  forEachRow(doc, (row) => {
    const ra = row.attrs as RowAttrs;
    const unit: AlignmentUnit = {
      id: ra.id, source: [], target: [], status: ra.status, origin: ra.origin,
      confirmed: ra.confirmed || ra.untranslated,
    };
    const was = baseUnits.get(ra.id);
    if (was) for (const k of ['by', 'at'] as const) if (was[k] !== undefined) Object.assign(unit, { [k]: was[k] });
    if (ra.confidence !== null) unit.confidence = ra.confidence;
    // written only when non-empty, so sidecars without ignores stay as they were
    if (ra.qaIgnore.length) unit.qaIgnore = [...ra.qaIgnore];
    if (ra.comments.length) unit.comments = [...ra.comments];
    if (ra.reviewed) unit.reviewed = ra.reviewed;
    // the document walk of entities/doc.ts (positions are not needed: runs relative to the sentence)
    forEachSentenceOfRow(row, 0, 0, (s) => {
      const runs = sentenceRuns(s.node);
      if (s.side === 'ar') {
        const a = s.node.attrs as SourceSentenceAttrs;
        segments.push({ id: a.id, start: a.start, end: a.end, text: source.slice(a.start, a.end), origin: a.origin });
        unit.source.push(a.id);
        for (const r of runs) pushMention({ id: r.attrs.id, side: 'ar', sentence: a.id, start: a.start + r.start, end: a.start + r.end, text: r.text, type: r.attrs.type, entity: r.attrs.entity });
        return;
      }
      if (s.node.content.size === 0) return; // the "no English yet" placeholder
      targets.push({ id: s.id, text: s.node.textContent });
      unit.target.push(s.id);
      for (const r of runs) pushMention({ id: r.attrs.id, side: 'en', sentence: s.id, start: r.start, end: r.end, text: r.text, type: r.attrs.type, entity: r.attrs.entity });
    });
    units.push(unit);
  });

  // keep the saved order of mentions stable across saves
  const order = new Map(base.mentions.map((m, i) => [m.id, i]));
  const indexed = mentions.map((m, i) => ({ m, k: order.get(m.id) ?? base.mentions.length + i }));
  indexed.sort((a, b) => a.k - b.k);

  const ordered = indexed.map((x) => x.m);
  // entities follow the marks: new ones added, those whose last mention went dropped
  const referenced = new Set(base.mentions.map((m) => m.entity));
  const unused = new Set(base.entities.map((e) => e.id).filter((id) => !referenced.has(id)));
  const out: Annotations = { ...base, segments, targets, units, mentions: ordered, entities: reconcileEntities(base.entities, ordered, unused) };
  // conflicts live in the document (resolving one is undoable); written only while some are open
  const conflicts = (doc.attrs as DocAttrs).conflicts;
  if (conflicts.length) out.conflicts = [...conflicts];
  else delete out.conflicts;
  return out;
}
