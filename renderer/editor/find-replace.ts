// Replace in the open report (Ctrl+H): the find plugin's hits (plugins/find.ts) replaced in the
// English only; hits in the Arabic source are counted as skipped and never touched. A regular
// expression's replacement expands $1 / $& / $<name> (shared/text/search-regex.ts). Mentions follow
// shared/text/replace-spans.ts: kept when the replacement is outside or wholly inside them, dropped
// when it straddles their edge. A replace (one hit or all of them) is ONE transaction and one
// undo step of its own (history closed before it).
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { findKey, type FindHit } from './plugins/find.ts';
import { N } from './schema.ts';
import { regexReplacement } from '../../shared/text/search-regex.ts';
import { mentionKept } from '../../shared/text/replace-spans.ts';
import { OffsetMap } from '../../shared/text/offsets.ts';

/** What a replace did. */
export interface ReplaceOutcome {
  /** English hits replaced */
  replaced: number;
  /** hits in the Arabic, left as they are */
  skippedArabic: number;
  /** English mentions dropped because a replacement straddled their edge */
  droppedMentions: number;
}

/** A mention (entity mark run) inside one sentence, in document positions. */
interface MarkRun {
  mark: Mark;
  from: number;
  to: number;
}

/** The entity mark runs of a text-only sentence node at `pos`. */
function markRuns(sentence: PMNode, pos: number): MarkRun[] {
  const runs: MarkRun[] = [];
  sentence.forEach((child, offset) => {
    const from = pos + 1 + offset;
    for (const mark of child.marks) {
      if (mark.type.name !== 'entity') continue;
      const last = runs[runs.length - 1];
      if (last && last.mark.eq(mark) && last.to === from) last.to = from + child.nodeSize;
      else runs.push({ mark, from, to: from + child.nodeSize });
    }
  });
  return runs;
}

/**
 * The transaction replacing `hits` (English hits of the current find; Arabic ones are skipped)
 * with `template`, and what it does; `tr` is null when nothing is replaced.
 */
function replaceTr(state: EditorState, hits: readonly FindHit[], template: string): { tr: Transaction | null; outcome: ReplaceOutcome } {
  const s = findKey.getState(state);
  const outcome: ReplaceOutcome = { replaced: 0, skippedArabic: 0, droppedMentions: 0 };
  if (!s?.prepared) return { tr: null, outcome };
  const regex = s.prepared.kind === 'regex' ? s.prepared.regex : null;
  // the English hits grouped by their sentence (hits never span two sentences)
  const bySentence = new Map<number, { node: PMNode; hits: FindHit[] }>();
  for (const h of hits) {
    if (h.side !== 'en') {
      outcome.skippedArabic++;
      continue;
    }
    const $from = state.doc.resolve(h.from);
    if ($from.parent.type.name !== N.target) continue;
    const pos = $from.before();
    const g = bySentence.get(pos) ?? { node: $from.parent, hits: [] };
    g.hits.push(h);
    bySentence.set(pos, g);
  }
  if (bySentence.size === 0) return { tr: null, outcome };
  const tr = state.tr;
  const edits: { from: number; to: number; text: string; marks: readonly Mark[] }[] = [];
  for (const [pos, { node, hits: sh }] of bySentence) {
    const text = node.textContent;
    const map = new OffsetMap(text);
    const runs = markRuns(node, pos);
    const dropped = runs.filter((r) => !sh.every((h) => mentionKept({ start: r.from, end: r.to }, { start: h.from, end: h.to })));
    for (const r of dropped) tr.removeMark(r.from, r.to, r.mark);
    outcome.droppedMentions += dropped.length;
    for (const h of sh) {
      let replacement = template;
      if (regex) {
        const at = { start: map.toCodePoint(h.from - pos - 1), end: map.toCodePoint(h.to - pos - 1) };
        const r = regexReplacement(text, at, regex, template);
        // the pattern no longer matches there (cannot happen for fresh hits): leave it
        if (r === null) continue;
        replacement = r;
      }
      // the new text takes the marks of the hit's first letter, less the mentions dropped
      const marks = (state.doc.nodeAt(h.from)?.marks ?? []).filter((m) => !dropped.some((d) => d.mark.eq(m)));
      edits.push({ from: h.from, to: h.to, text: replacement, marks });
    }
  }
  // last first: earlier positions stay valid (removeMark moves nothing)
  edits.sort((a, b) => b.from - a.from);
  for (const e of edits) {
    if (e.text === '') tr.delete(e.from, e.to);
    else tr.replaceWith(e.from, e.to, state.schema.text(e.text, e.marks));
    outcome.replaced++;
  }
  if (outcome.replaced === 0) return { tr: null, outcome };
  return { tr: closeHistory(tr), outcome };
}

/** Replaces the current hit (if it is English) and moves to the next hit after it. */
export function replaceCurrent(state: EditorState, dispatch: (tr: Transaction) => void, template: string, next: () => EditorState): ReplaceOutcome {
  const s = findKey.getState(state);
  const hit = s && s.current >= 0 ? s.hits[s.current] : undefined;
  if (!hit) return { replaced: 0, skippedArabic: 0, droppedMentions: 0 };
  const { tr, outcome } = replaceTr(state, [hit], template);
  if (tr) {
    const end = tr.mapping.map(hit.to);
    dispatch(tr.setSelection(TextSelection.create(tr.doc, end)));
  }
  // on to the next hit after the replaced text (or after the skipped Arabic hit)
  const after = next();
  const ns = findKey.getState(after);
  if (ns && ns.hits.length) {
    const from = tr ? tr.mapping.map(hit.to) : hit.to;
    let i = ns.hits.findIndex((h) => h.from >= from);
    if (i < 0) i = 0;
    const h = ns.hits[i];
    dispatch(after.tr.setMeta(findKey, { current: i }).setSelection(TextSelection.create(after.doc, h.from, h.to)).scrollIntoView());
  }
  return outcome;
}

/** Replaces every English hit as one undo step. */
export function replaceAll(state: EditorState, dispatch: (tr: Transaction) => void, template: string): ReplaceOutcome {
  const s = findKey.getState(state);
  if (!s) return { replaced: 0, skippedArabic: 0, droppedMentions: 0 };
  const { tr, outcome } = replaceTr(state, s.hits, template);
  if (tr) dispatch(tr.scrollIntoView());
  return outcome;
}
