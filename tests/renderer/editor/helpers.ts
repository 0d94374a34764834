// Test helpers for the editor: an Arabic fixture report (harakat, emoji, Latin, Arabic-Indic
// digits), a state with every plugin, cursor placement by sentence id, and a compact string
// form of a document for assertions.
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { schema, type RowAttrs } from '../../../renderer/editor/schema.ts';
import { annotationsToDoc } from '../../../renderer/editor/convert.ts';
import { forEachRow, rowAt } from '../../../renderer/editor/rows.ts';
import { editorPlugins, type SetupOptions } from '../../../renderer/editor/setup.ts';
import type { Command } from '../../../renderer/editor/commands/util.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import { cpLength, OffsetMap } from '../../../shared/text/offsets.ts';
import type { Annotations } from '../../../shared/model/types.ts';

/** Three sentences: harakat + Arabic-Indic digits + Latin, an emoji (astral), plain. */
export const S1 = 'قالَ الرئيسُ إنّ شركة Apple ستوظّف ١٢٣ شخصاً.';
export const S2 = 'وافتُتح الفرع 🚀 في دبيّ يوم ٢٠٢٤.';
export const S3 = 'لم يُعلّق المتحدث.';
export const S4 = 'وانتهى الاجتماع.';
export const TEXT = `${S1} ${S2}\n${S3}  ${S4}`;

/** Code-point span of `part` in TEXT. */
export function spanOf(part: string, text = TEXT): { start: number; end: number } {
  const u = text.indexOf(part);
  if (u < 0) throw new Error('not in text: ' + part);
  const map = new OffsetMap(text);
  return { start: map.toCodePoint(u), end: map.toCodePoint(u + part.length) };
}

/** The fixture's annotations: one unit per sentence; row 1 has English with a mention on both sides. */
export function fixture(): Annotations {
  const a = createAnnotations(
    { file: 'r.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(TEXT), language: 'ar' },
    TEXT, [spanOf(S1), spanOf(S2), spanOf(S3), spanOf(S4)], '2024-01-01T00:00:00.000Z',
  );
  a.targets = [{ id: 't1', text: 'The president said Apple will hire 123 people.' }];
  a.units[0].target = ['t1'];
  a.units[0].status = 'draft';
  a.entities = [{ id: 'e1', type: 'ORG', ar: 'Apple', en: 'Apple' }];
  const ap = spanOf('Apple');
  a.mentions = [
    { id: 'm1', side: 'ar', sentence: 's1', start: ap.start, end: ap.end, text: 'Apple', type: 'ORG', entity: 'e1' },
    { id: 'm2', side: 'en', sentence: 't1', start: 19, end: 24, text: 'Apple', type: 'ORG', entity: 'e1' },
  ];
  return a;
}

/** An editor state with all plugins for `ann` over `text`; `options.groupSize` also builds the
 * document with groups of that many rows (1 puts every row in its own group). */
export function makeState(ann: Annotations = fixture(), text = TEXT, options: Partial<SetupOptions> = {}): EditorState {
  return EditorState.create({ doc: annotationsToDoc(schema, ann, text, { groupSize: options.groupSize }), plugins: editorPlugins({ sourceText: text, ...options }) });
}

/** A report of one row per Arabic sentence (joined by spaces) with its English beside it, every
 * plugin on and no glossary pre-annotation (the tag-all tests start from their own tags). */
export function translatedRows(arabic: readonly string[], english: readonly string[]): EditorState {
  const text = arabic.join(' ');
  const map = new OffsetMap(text);
  const spans = arabic.map((s) => {
    const u = text.indexOf(s);
    return { start: map.toCodePoint(u), end: map.toCodePoint(u + s.length) };
  });
  const a = createAnnotations(
    { file: 'r.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(text), language: 'ar' },
    text, spans, '2024-01-01T00:00:00.000Z',
  );
  a.targets = english.map((t, i) => ({ id: `t${i + 1}`, text: t }));
  a.units.forEach((u, i) => (u.target = [`t${i + 1}`]));
  return makeState(a, text, { entities: { preAnnotate: false } });
}

/** The number of rows in each group, in order (how rows sit in the document). */
export function groupSizes(doc: PMNode): number[] {
  const out: number[] = [];
  doc.forEach((g) => out.push(g.childCount));
  return out;
}

/** Position of UTF-16 offset `offset` inside the sentence with id `id` (-1 = its end). */
export function posIn(doc: PMNode, id: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isTextblock && node.attrs.id === id) {
      found = pos + 1 + (offset < 0 ? node.content.size : offset);
      return false;
    }
    return true;
  });
  if (found < 0) throw new Error('no sentence ' + id);
  return found;
}

/** `state` with the cursor in sentence `id` at `offset`. */
export function at(state: EditorState, id: string, offset = 0): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, posIn(state.doc, id, offset))));
}

/** `state` with the cursor in the first English sentence of row `rowIndex` at `offset` (-1 = end). */
export function atTarget(state: EditorState, rowIndex: number, offset = 0): EditorState {
  const at = rowAt(state.doc, rowIndex)!;
  let pos = at.pos;
  const row = at.row;
  const first = row.child(1).child(0);
  pos += 1 + row.child(0).nodeSize + 1 + 1 + (offset < 0 ? first.content.size : offset);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}

/** Run `cmd`; returns the new state (throws when the command does not apply). */
export function run(state: EditorState, cmd: Command): EditorState {
  let next: EditorState | null = null;
  const ok = cmd(state, (tr: Transaction) => { next = state.apply(tr); });
  if (!ok || !next) throw new Error('command did not apply');
  return next;
}

/** Short text of a sentence: its first `n` characters. */
function short(node: PMNode, n = 6): string {
  return [...node.textContent].slice(0, n).join('');
}

/**
 * A compact form of the document: one `[sources | targets]` group per row, sentences as
 * `id:first-chars`, an empty target as `_`; row status letter and flags after the group
 * (A/D/T/R, c = confirmed, u = untranslated, m = manual origin).
 */
export function show(doc: PMNode, n = 6): string {
  const rows: string[] = [];
  forEachRow(doc, (row) => {
    const a = row.attrs as RowAttrs;
    const src: string[] = [];
    row.child(0).forEach((s) => src.push(`${s.attrs.id}:${short(s, n)}`));
    const tgt: string[] = [];
    row.child(1).forEach((t) => tgt.push(t.content.size ? `${t.attrs.id}:${short(t, n)}` : '_'));
    const flags = a.status[0].toUpperCase() + (a.confirmed ? 'c' : '') + (a.untranslated ? 'u' : '') + (a.origin === 'manual' ? 'm' : '');
    rows.push(`${a.id}[${src.join(' ')} | ${tgt.join(' ')}]${flags}`);
  });
  return rows.join(' ');
}

/** Every source sentence's text equals the source slice of its offsets. */
export function sourceIntact(doc: PMNode, text = TEXT): boolean {
  const map = new OffsetMap(text);
  let ok = true;
  doc.descendants((node) => {
    if (node.type.name === 'source_sentence' && node.textContent !== map.slice(node.attrs.start, node.attrs.end)) ok = false;
    return !node.isTextblock;
  });
  return ok;
}

/** The row at global index `i` (rows sit in groups: never `doc.child(i)`). */
export function rowNode(doc: PMNode, i: number): PMNode {
  const r = rowAt(doc, i);
  if (!r) throw new Error('no row ' + i);
  return r.row;
}
