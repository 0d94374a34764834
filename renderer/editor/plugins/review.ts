// Review mode (issue 18 item 4): UI state (on/off) and the rows' review decorations. In review mode
// every row that differs from its last accepted review (or was never reviewed) gets the class
// `review-changed` / `review-new` and a `data-review` attribute (a mark in the gutter, not only a
// tint); at all times a row with comments gets a badge widget (count, and the comments as its
// tooltip). The DecorationSet is mapped forward and only rows in the changed ranges are re-examined;
// switching the mode rebuilds it once. What is saved (comments, snapshots) lives in the row's attrs.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { N, type RowAttrs, type SourceSentenceAttrs } from '../schema.ts';
import { sentenceRuns } from '../entities/doc.ts';
import { changedRanges, textEdits } from '../ranges.ts';
import { reviewDiff, SENTENCE_JOIN, type RowView, type ViewMention } from '../../../shared/review/snapshot.ts';
import { cpLength } from '../../../shared/text/offsets.ts';
import type { RowComment } from '../../../shared/model/types.ts';
import { realTargets } from '../commands/util.ts';
import { forEachRow, holdsRows } from '../rows.ts';

/** Why review refused a command (the app announces it). */
export type ReviewRefusal = 'outsideReview' | 'conflictsOpen' | 'emptyComment';

/** Options of the review plugin (renderer/ui/review-panel.ts supplies them). */
export interface ReviewOptions {
  /** the comment badge's visible text and tooltip for a row's comments (translated by the UI) */
  badge?: (comments: readonly RowComment[]) => { text: string; label: string };
  /** a review command refused (setting `reviewed` outside review mode, accepting with conflicts open) */
  onRefused?: (why: ReviewRefusal) => void;
}

export interface ReviewState {
  active: boolean;
  decos: DecorationSet;
}

export const reviewKey = new PluginKey<ReviewState>('muwazi-review');

/** The RowView (shared/review/snapshot.ts) of a row node. */
export function rowView(row: PMNode): RowView {
  const mentions: ViewMention[] = [];
  row.child(0).forEach((s) => {
    const a = s.attrs as SourceSentenceAttrs;
    for (const r of sentenceRuns(s)) mentions.push({ side: 'ar', start: a.start + r.start, end: a.start + r.end, type: r.attrs.type, entity: r.attrs.entity, text: r.text });
  });
  const parts: string[] = [];
  let at = 0;
  for (const t of realTargets(row)) {
    if (parts.length) at += cpLength(SENTENCE_JOIN);
    for (const r of sentenceRuns(t)) mentions.push({ side: 'en', start: at + r.start, end: at + r.end, type: r.attrs.type, entity: r.attrs.entity, text: r.text });
    parts.push(t.textContent);
    at += cpLength(t.textContent);
  }
  return { en: parts.join(SENTENCE_JOIN), mentions };
}

function rowDecos(row: PMNode, pos: number, active: boolean, opts: ReviewOptions): Decoration[] {
  const a = row.attrs as RowAttrs;
  const out: Decoration[] = [];
  if (active) {
    const state = reviewDiff(a.reviewed, rowView(row)).state;
    if (state !== 'same') out.push(Decoration.node(pos, pos + row.nodeSize, { class: `review-${state}`, 'data-review': state }, { review: state }));
  }
  if (a.comments.length && opts.badge) {
    const { text, label } = opts.badge(a.comments);
    // at the end of the English cell
    const at = pos + row.nodeSize - 2;
    out.push(Decoration.widget(at, () => {
      const el = document.createElement('span');
      el.className = 'row-comments';
      el.contentEditable = 'false';
      el.setAttribute('role', 'note');
      el.setAttribute('aria-label', label);
      el.title = label;
      el.textContent = text;
      return el;
    }, { side: 1, key: `comments:${a.id}:${a.comments.length}:${text}`, comments: true, ignoreSelection: true }));
  }
  return out;
}

function build(doc: PMNode, active: boolean, opts: ReviewOptions): DecorationSet {
  const decos: Decoration[] = [];
  forEachRow(doc, (row, pos) => { decos.push(...rowDecos(row, pos, active, opts)); });
  return DecorationSet.create(doc, decos);
}

/** Meta of a transaction switching review mode. */
interface ReviewMeta {
  active?: boolean;
  /** rebuild the badges (the UI language changed) */
  relabel?: boolean;
}

export function review(opts: ReviewOptions = {}): Plugin<ReviewState> {
  return new Plugin<ReviewState>({
    key: reviewKey,
    // read back by reviewRefused (commands stay free of app callbacks)
    reviewOptions: opts,
    state: {
      init: (_c, state) => ({ active: false, decos: build(state.doc, false, opts) }),
      apply: (tr: Transaction, prev) => {
        const meta = tr.getMeta(reviewKey) as ReviewMeta | undefined;
        if (meta && (meta.relabel || (meta.active !== undefined && meta.active !== prev.active))) {
          const active = meta.active ?? prev.active;
          return { active, decos: build(tr.doc, active, opts) };
        }
        if (!tr.docChanged) return prev;
        let decos = prev.decos.map(tr.mapping, tr.doc);
        // outside review mode only comments matter, and typing never changes them
        if (!prev.active && textEdits(tr)) return { ...prev, decos };
        for (const r of changedRanges([tr])) {
          const from = Math.max(0, r.from);
          const to = Math.min(tr.doc.content.size, Math.max(r.to, r.from + 1));
          if (from >= to) continue;
          tr.doc.nodesBetween(from, to, (node, pos) => {
            if (node.type.name !== N.row) return holdsRows(node);
            const old = decos.find(pos, pos + node.nodeSize, (spec) => spec.review !== undefined || spec.comments === true)
              .filter((d) => d.from === pos || (d.from > pos && d.to < pos + node.nodeSize));
            if (old.length) decos = decos.remove(old);
            decos = decos.add(tr.doc, rowDecos(node, pos, prev.active, opts));
            return false;
          });
        }
        return { ...prev, decos };
      },
    },
    props: {
      decorations: (state) => reviewKey.getState(state)?.decos ?? null,
    },
  });
}

/** Whether review mode is on. */
export function reviewActive(state: EditorState): boolean {
  return reviewKey.getState(state)?.active ?? false;
}

/** Tells the app a review command was refused (a no-op without the plugin or its callback). */
export function reviewRefused(state: EditorState, why: ReviewRefusal): void {
  const plugin = reviewKey.get(state);
  (plugin?.spec as { reviewOptions?: ReviewOptions } | undefined)?.reviewOptions?.onRefused?.(why);
}

/** Start positions of the rows marked changed or new in [from, to), ascending. */
export function changedRows(state: EditorState, from = 0, to = state.doc.content.size): number[] {
  const set = reviewKey.getState(state)?.decos;
  if (!set) return [];
  return set.find(from, to, (spec) => spec.review !== undefined).map((d) => d.from).filter((p) => p >= from && p < to).sort((a, b) => a - b);
}

/** A transaction switching review mode on or off (not a document change, not undoable). */
export function setReviewModeTr(state: EditorState, active: boolean): Transaction {
  return state.tr.setMeta(reviewKey, { active } satisfies ReviewMeta).setMeta('addToHistory', false);
}

/** A transaction redrawing the badges (after the UI language changed). */
export function relabelReviewTr(state: EditorState): Transaction {
  return state.tr.setMeta(reviewKey, { relabel: true } satisfies ReviewMeta).setMeta('addToHistory', false);
}
