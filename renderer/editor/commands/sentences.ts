// Split and merge sentences inside one cell. English sentences are free text; Arabic source
// sentences are re-cut without changing the text: the two halves (or the merged whole) get
// offsets exactly on the source text and origin 'manual'.
import { TextSelection } from 'prosemirror-state';
import { Fragment } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { schema, type SourceSentenceAttrs } from '../schema.ts';
import { RESHAPE_SOURCE, sourceOf } from '../plugins/source-readonly.ts';
import { cursorOf, rowOp, type Command } from './util.ts';

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);

/** The cut around UTF-16 offset `u` of `text` with the white space on both sides taken out. */
function cutAround(text: string, u: number): [number, number] {
  let a = u;
  while (a > 0 && isSpace(text[a - 1])) a--;
  let b = u;
  while (b < text.length && isSpace(text[b])) b++;
  return [a, b];
}

/** Split the English sentence at the cursor (white space at the cut is dropped). */
export const splitTarget: Command = (state, dispatch) => {
  const c = cursorOf(state);
  if (!c || c.side !== 'target' || !c.sentence || !state.selection.empty) return false;
  if (dispatch) {
    const start = c.sentencePos + 1;
    const [a, b] = cutAround(c.sentence.textContent, c.offset);
    const tr = state.tr;
    if (b > a) tr.delete(start + a, start + b);
    // the new sentence gets an empty id; the ids plugin assigns a fresh one
    tr.split(start + a, 1, [{ type: schema.nodes.target_sentence, attrs: { id: '' } }]);
    tr.setSelection(TextSelection.create(tr.doc, start + a + 2));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Merge the English sentence at the cursor with the next one in the same cell. */
export const mergeTargetNext: Command = (state, dispatch) => {
  const c = cursorOf(state);
  if (!c || c.side !== 'target' || !c.sentence) return false;
  const cell = c.row.child(1);
  if (c.sentenceIndex + 1 >= cell.childCount) return false;
  if (dispatch) {
    const next = cell.child(c.sentenceIndex + 1);
    const boundary = c.sentencePos + c.sentence.nodeSize;
    const tr = closeHistory(state.tr.join(boundary));
    const left = c.sentence.textContent;
    const right = next.textContent;
    // keep the words apart: one space where neither side has white space
    if (left && right && !isSpace(left[left.length - 1]) && !isSpace(right[0])) tr.insertText(' ', boundary - 1);
    tr.setSelection(TextSelection.create(tr.doc, c.sentencePos + 1 + c.offset));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/**
 * Split the Arabic sentence at the cursor into two segments (origin 'manual'). White space at
 * the cut belongs to neither; offsets stay exact code points into the source. Refused at the
 * very start or end (nothing to split off).
 */
export const splitSource: Command = (state, dispatch) => {
  const c = cursorOf(state);
  if (!c || c.side !== 'source' || !c.sentence || !state.selection.empty) return false;
  const text = c.sentence.textContent;
  const [a, b] = cutAround(text, c.offset);
  if (a === 0 || b === text.length) return false;
  if (dispatch) {
    const attrs = c.sentence.attrs as SourceSentenceAttrs;
    const map = new OffsetMap(text);
    const first: SourceSentenceAttrs = { ...attrs, end: attrs.start + map.toCodePoint(a), origin: 'manual' };
    const second: SourceSentenceAttrs = { id: '', start: attrs.start + map.toCodePoint(b), end: attrs.end, origin: 'manual' };
    const nodes = [
      schema.nodes.source_sentence.create(first, c.sentence.content.cut(0, a)),
      schema.nodes.source_sentence.create(second, c.sentence.content.cut(b)),
    ];
    const tr = state.tr.replaceWith(c.sentencePos, c.sentencePos + c.sentence.nodeSize, nodes);
    rowOp(tr).setMeta(RESHAPE_SOURCE, true);
    tr.setSelection(TextSelection.create(tr.doc, c.sentencePos + nodes[0].nodeSize + 1));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/**
 * Merge the Arabic sentence at the cursor with the next one in the same cell into one segment
 * (origin 'manual') spanning both, including the source text between them.
 */
export const mergeSourceNext: Command = (state, dispatch) => {
  const c = cursorOf(state);
  if (!c || c.side !== 'source' || !c.sentence) return false;
  const cell = c.row.child(0);
  if (c.sentenceIndex + 1 >= cell.childCount) return false;
  const next = cell.child(c.sentenceIndex + 1);
  const a = c.sentence.attrs as SourceSentenceAttrs;
  const b = next.attrs as SourceSentenceAttrs;
  if (b.start < a.end) return false;
  if (dispatch) {
    const gap = sourceOf(state).map.slice(a.end, b.start);
    const content = c.sentence.content
      .append(gap ? Fragment.from(schema.text(gap)) : Fragment.empty)
      .append(next.content);
    const merged = schema.nodes.source_sentence.create({ ...a, end: b.end, origin: 'manual' }, content);
    const tr = state.tr.replaceWith(c.sentencePos, c.sentencePos + c.sentence.nodeSize + next.nodeSize, merged);
    rowOp(tr).setMeta(RESHAPE_SOURCE, true);
    tr.setSelection(TextSelection.create(tr.doc, c.sentencePos + 1 + c.offset));
    dispatch(tr.scrollIntoView());
  }
  return true;
};
