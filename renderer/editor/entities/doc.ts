// Read-only queries of the editor document for entity tagging: the one row/cell/sentence walk
// (also used by convert.ts and the QA plugin), mention runs (an entity mark's run in a sentence),
// the light annotations view the shared entity functions read, and the suggestions made from the
// glossary (pre-annotation) or kept in the sidecar. Pure: no plugin, no command, no DOM.
import type { EditorState } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import type { Annotations, Entity, Mention, Side, StoredSuggestion } from '../../../shared/model/types.ts';
import { nameKey } from '../../../shared/text/normalize.ts';
import type { MentionSuggestion } from '../../../shared/entities/propagate.ts';
import type { RankedSuggestion } from '../../../shared/entities/propagate-report.ts';
import { preAnnotate, type GlossaryEntry, type PreAnnotation } from '../../../shared/entities/glossary.ts';
import { N, type EntityAttrs, type SourceSentenceAttrs } from '../schema.ts';
import type { Suggestion, SuggestionAdd, SuggestionSpec } from './state.ts';
import { forEachRow, rowAt, rowOf, SENTENCE_DEPTH } from '../rows.ts';

/** A sentence node and where it is. */
export interface SentenceRef {
  node: PMNode;
  /** position just inside the sentence (its first character) */
  start: number;
  side: Side;
  /** segment id (ar) or target id (en) */
  id: string;
  /** index of its row in the document */
  row: number;
}

/** One mention as found in the document: an entity mark's run. */
export interface MentionRun {
  attrs: EntityAttrs;
  /** document positions of the run */
  from: number;
  to: number;
  text: string;
  sentence: SentenceRef;
}

const sideOf = (s: PMNode): Side => (s.type.name === N.source ? 'ar' : 'en');

/** The walk: every sentence of the row `row` (at `rowPos`, index `rowIndex`), Arabic cell first.
 * `want` skips sentences before anything is built for them. */
export function forEachSentenceOfRow(row: PMNode, rowPos: number, rowIndex: number, visit: (s: SentenceRef) => void, want?: (sentence: PMNode) => boolean): void {
  // index loops, not Fragment.forEach: commands walk all 10,000 rows per action, and a closure per
  // row and cell was most of the megabytes each tag or accept left for the garbage collector
  let cellPos = rowPos + 1;
  for (let c = 0; c < row.childCount; c++) {
    const cell = row.child(c);
    let p = cellPos + 1;
    for (let i = 0; i < cell.childCount; i++) {
      const s = cell.child(i);
      if (!want || want(s)) visit({ node: s, start: p + 1, side: sideOf(s), id: s.attrs.id as string, row: rowIndex });
      p += s.nodeSize;
    }
    cellPos += cell.nodeSize;
  }
}

/** The walk over the whole document, in document order. */
export function forEachSentence(doc: PMNode, visit: (s: SentenceRef) => void, want?: (sentence: PMNode) => boolean): void {
  forEachRow(doc, (row, rowPos, rowIndex) => forEachSentenceOfRow(row, rowPos, rowIndex, visit, want));
}

/** Every sentence of the document. */
export function sentencesOf(doc: PMNode): SentenceRef[] {
  const out: SentenceRef[] = [];
  forEachSentence(doc, (s) => out.push(s));
  return out;
}

/** The sentences of one row (given by any sentence of it), in order. */
export function rowSentences(doc: PMNode, of: SentenceRef): SentenceRef[] {
  const out: SentenceRef[] = [];
  const r = rowAt(doc, of.row)!;
  forEachSentenceOfRow(r.row, r.pos, of.row, (s) => out.push(s));
  return out;
}

/** The sentence holding document position `pos`, or null. */
export function sentenceAt(doc: PMNode, pos: number): SentenceRef | null {
  const $p = doc.resolve(pos);
  if ($p.depth < SENTENCE_DEPTH || !$p.parent.isTextblock) return null;
  const node = $p.parent;
  return { node, start: $p.start(), side: sideOf(node), id: node.attrs.id as string, row: rowOf($p)!.index };
}

/** The entity mark of a text node, if any. */
function entityMarkOf(child: PMNode) {
  const marks = child.marks;
  for (let i = 0; i < marks.length; i++) if (marks[i].type.name === 'entity') return marks[i];
  return undefined;
}

/** The mention runs of one sentence, in order (neighbouring text nodes with the same mark are one run). */
export function runsOf(s: SentenceRef): MentionRun[] {
  const runs: MentionRun[] = [];
  let off = s.start;
  let open: MentionRun | null = null;
  s.node.forEach((child) => {
    const mark = entityMarkOf(child);
    if (open && (!mark || mark.attrs.id !== open.attrs.id || mark.attrs.entity !== open.attrs.entity || mark.attrs.type !== open.attrs.type)) {
      runs.push(open);
      open = null;
    }
    if (mark) {
      if (!open) open = { attrs: mark.attrs as EntityAttrs, from: off, to: off, text: '', sentence: s };
      open.to = off + child.nodeSize;
      open.text += child.text ?? '';
    }
    off += child.nodeSize;
  });
  if (open) runs.push(open);
  return runs;
}

/** A run's offsets in code points relative to its sentence's text (`map`: that text's OffsetMap). */
export function runOffsets(r: MentionRun, map: OffsetMap): { start: number; end: number } {
  return { start: map.toCodePoint(r.from - r.sentence.start), end: map.toCodePoint(r.to - r.sentence.start) };
}

/** The mention runs of a sentence node with their code-point offsets in its text (convert.ts and
 * review's row view, which need no document positions). */
export function sentenceRuns(node: PMNode): Array<{ attrs: EntityAttrs; start: number; end: number; text: string }> {
  if (!hasMention(node)) return [];
  const map = new OffsetMap(node.textContent);
  return runsOf({ node, start: 0, side: sideOf(node), id: node.attrs.id as string, row: 0 }).map((r) => ({ attrs: r.attrs, ...runOffsets(r, map), text: r.text }));
}

/** True when some text of the sentence carries an entity mark. */
export function hasMention(sentence: PMNode): boolean {
  for (let i = 0; i < sentence.childCount; i++) if (entityMarkOf(sentence.child(i))) return true;
  return false;
}

/** Every mention in the document, in document order. One pass over the rows that builds
 * nothing for sentences without a mention (~1 ms for 10,000 rows: commands call it once). */
export function mentionsOf(doc: PMNode): MentionRun[] {
  const out: MentionRun[] = [];
  forEachSentence(doc, (s) => out.push(...runsOf(s)), hasMention);
  return out;
}

/** The mention under the selection: the run holding a non-empty selection, or touching the caret. */
export function mentionAtSelection(state: EditorState): MentionRun | null {
  const { from, to, empty } = state.selection;
  const s = sentenceAt(state.doc, from);
  if (!s) return null;
  const runs = runsOf(s);
  if (!empty) return runs.find((r) => r.from <= from && to <= r.to) ?? null;
  return runs.find((r) => r.from <= from && from < r.to) ?? runs.find((r) => r.to === from) ?? null;
}

/** The English of a sentence's row, sentences joined by a space (snapping's evidence). */
export function rowEnglish(doc: PMNode, s: SentenceRef): string {
  const parts: string[] = [];
  forEachSentenceOfRow(rowAt(doc, s.row)!.row, 0, s.row, (t) => parts.push(t.node.textContent), (n) => sideOf(n) === 'en');
  return parts.join(' ');
}

/** The parts of the annotations the editor document holds. */
export type LiteAnnotations = Pick<Annotations, 'segments' | 'targets' | 'units' | 'mentions' | 'entities'>;

/** The annotations the document holds, enough for the shared entity functions (segments,
 * targets, units, mentions with code-point offsets, entities from the marks), and where each
 * sentence is (key `side:id`). */
export function liteAnnotations(doc: PMNode): { annotations: LiteAnnotations; where: Map<string, SentenceRef> } {
  const segments: Annotations['segments'] = [];
  const targets: Annotations['targets'] = [];
  const units = new Map<number, Annotations['units'][number]>();
  const mentions: Mention[] = [];
  const entities = new Map<string, Entity>();
  const where = new Map<string, SentenceRef>();
  forEachSentence(doc, (s) => {
    const unit = units.get(s.row) ?? { id: `row${s.row}`, source: [], target: [], status: 'auto', origin: 'manual', confirmed: false };
    units.set(s.row, unit);
    const text = s.node.textContent;
    const base = s.side === 'ar' ? (s.node.attrs as SourceSentenceAttrs).start : 0;
    if (s.side === 'ar') {
      const a = s.node.attrs as SourceSentenceAttrs;
      segments.push({ id: a.id, start: a.start, end: a.end, text, origin: a.origin });
      unit.source.push(a.id);
    } else {
      if (s.node.content.size === 0) return;
      targets.push({ id: s.id, text });
      unit.target.push(s.id);
    }
    where.set(`${s.side}:${s.id}`, s);
    if (!hasMention(s.node)) return;
    const map = new OffsetMap(text);
    for (const r of runsOf(s)) {
      const o = runOffsets(r, map);
      mentions.push({ id: r.attrs.id, side: s.side, sentence: s.id, start: base + o.start, end: base + o.end, text: r.text, type: r.attrs.type, entity: r.attrs.entity });
      const e = entities.get(r.attrs.entity) ?? { id: r.attrs.entity, type: r.attrs.type };
      if (!e[s.side]) e[s.side] = r.text;
      entities.set(r.attrs.entity, e);
    }
  });
  return { annotations: { segments, targets, units: [...units.values()], mentions, entities: [...entities.values()] }, where };
}

/** Document positions of a span given in the model's code points. */
export function spanPositions(where: Map<string, SentenceRef>, m: { side: Side; sentence: string; start: number; end: number }): { from: number; to: number } | null {
  const s = where.get(`${m.side}:${m.sentence}`);
  if (!s) return null;
  const base = m.side === 'ar' ? (s.node.attrs as SourceSentenceAttrs).start : 0;
  const map = new OffsetMap(s.node.textContent);
  if (m.start - base < 0 || m.end - base > map.cpLength) return null;
  return { from: s.start + map.toUtf16(m.start - base), to: s.start + map.toUtf16(m.end - base) };
}

/** Highest numbers used in the document's mention (m…) and entity (e…) ids. */
export function highestIds(doc: PMNode): { m: number; e: number } {
  let m = 0;
  let e = 0;
  const num = (id: string, p: string) => (id.startsWith(p) && /^\d+$/.test(id.slice(1)) ? Number(id.slice(1)) : 0);
  for (const r of mentionsOf(doc)) {
    m = Math.max(m, num(r.attrs.id, 'm'));
    e = Math.max(e, num(r.attrs.entity, 'e'));
  }
  return { m, e };
}

// ---- suggestions made from the document ---------------------------------------------------------

/** Suggestions to add for model suggestions (code points), joining `entityFor(s)`; ids from
 * g`firstG` on; spans already suggested (`existing`, "from:to") are skipped. */
export function toAdd(
  where: Map<string, SentenceRef>, list: readonly MentionSuggestion[], entityFor: (s: MentionSuggestion) => string,
  origin: SuggestionSpec['origin'], firstG: number, existing: Set<string>,
): { add: SuggestionAdd[]; lastG: number } {
  let g = firstG;
  const add: SuggestionAdd[] = [];
  for (const s of list) {
    const p = spanPositions(where, s);
    if (!p || existing.has(`${p.from}:${p.to}`)) continue;
    existing.add(`${p.from}:${p.to}`);
    const spec: SuggestionSpec = { id: `g${g++}`, side: s.side, type: s.type, entity: entityFor(s), origin };
    const r = s as Partial<RankedSuggestion>;
    if (r.confidence) spec.confidence = r.confidence;
    if (r.conflict) spec.conflict = r.conflict;
    add.push({ ...p, spec });
  }
  return { add, lastG: g - 1 };
}

/** Identity of a model span (side, sentence, offsets) for rejections. */
const spanId = (s: { side: Side; sentence: string; start: number; end: number }) => `${s.side}:${s.sentence}:${s.start}:${s.end}`;

/** A suggestion as the sidecar stores it (code points), with `status`; null when it lies in no sentence. */
export function storedOf(doc: PMNode, g: Suggestion, status: StoredSuggestion['status']): StoredSuggestion | null {
  const s = sentenceAt(doc, g.from);
  if (!s) return null;
  const text = s.node.textContent;
  const map = new OffsetMap(text);
  const base = s.side === 'ar' ? (s.node.attrs as SourceSentenceAttrs).start : 0;
  const start = base + map.toCodePoint(g.from - s.start);
  const end = base + map.toCodePoint(Math.min(g.to - s.start, text.length));
  const out: StoredSuggestion = { side: s.side, sentence: s.id, start, end, text: doc.textBetween(g.from, g.to), type: g.type, status };
  if (g.confidence) out.confidence = g.confidence;
  if (g.conflict) out.conflict = g.conflict;
  return out.text ? out : null;
}

/** Suggestions for the sidecar's pending suggestions (still the same text, not over a mention);
 * each joins its stored entity when the report still has it, else a new one per type and name. */
export function storedAnnotation(
  doc: PMNode, stored: readonly StoredSuggestion[], next: { e: number; g: number }, existing = new Set<string>(),
): { add: SuggestionAdd[]; used: { e: number; g: number } } {
  const pending = stored.filter((x) => x.status === 'pending');
  if (pending.length === 0) return { add: [], used: { e: 0, g: 0 } };
  const { annotations, where } = liteAnnotations(doc);
  const entities = new Set(annotations.entities.map((x) => x.id));
  const valid: RankedSuggestion[] = [];
  for (const x of pending) {
    const p = spanPositions(where, x);
    if (!p || doc.textBetween(p.from, p.to) !== x.text) continue;
    if (annotations.mentions.some((m) => m.side === x.side && (x.side === 'ar' || m.sentence === x.sentence) && m.start < x.end && x.start < m.end)) continue;
    const entity = x.entity && entities.has(x.entity) ? x.entity : null;
    valid.push({ side: x.side, sentence: x.sentence, start: x.start, end: x.end, text: x.text, type: x.type, entity, confidence: x.confidence ?? 'high', reasons: [], ...(x.conflict ? { conflict: x.conflict } : {}) });
  }
  let e = next.e;
  const groups = new Map<string, string>();
  const entityFor = (s: MentionSuggestion) => {
    if (s.entity) return s.entity;
    const k = `${nameKey(s.text)}\t${s.type}`;
    let id = groups.get(k);
    if (!id) groups.set(k, (id = `e${e++}`));
    return id;
  };
  const { add, lastG } = toAdd(where, valid, entityFor, 'stored', next.g, existing);
  return { add, used: { e: e - 1, g: lastG } };
}

/** Pre-annotation of a document: the glossary's names found in it, as suggestions (a pair's
 * Arabic and English suggestions share one entity, so accepting both links them). The entity
 * plugin runs it when a report opens; the glossary command when the glossary changes. */
export function preAnnotation(
  doc: PMNode, sourceText: string, glossary: readonly GlossaryEntry[], next: { e: number; g: number }, existing = new Set<string>(),
  rejected: readonly StoredSuggestion[] = [],
): { add: SuggestionAdd[]; used: { e: number; g: number } } {
  if (glossary.length === 0) return { add: [], used: { e: 0, g: 0 } };
  const { annotations, where } = liteAnnotations(doc);
  const no = new Set(rejected.map(spanId));
  const found = preAnnotate(glossary, annotations, sourceText).filter((f) => !no.has(spanId(f)));
  let e = next.e;
  const groups = new Map<string, string>();
  const entityFor = (s: MentionSuggestion) => {
    if (s.entity) return s.entity;
    const group = (s as PreAnnotation).group;
    let id = groups.get(group);
    if (!id) groups.set(group, (id = `e${e++}`));
    return id;
  };
  const { add, lastG } = toAdd(where, found, entityFor, 'glossary', next.g, existing);
  return { add, used: { e: e - 1, g: lastG } };
}
