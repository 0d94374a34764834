// The editor's document schema: one document per report, one `row` node per alignment unit.
//
//   doc > row_group+
//   row_group > row+                        (no attributes, never saved: rows in blocks so a change in
//                                            one row lays out and re-renders one block, not 10,000 rows;
//                                            rows.ts is the one module that knows this)
//   row > source_cell target_cell           (laid out side by side with CSS grid, see editor.css)
//   source_cell > source_sentence*          (Arabic, RTL, never editable as text)
//   target_cell > target_sentence+          (English, LTR; one empty sentence = "no English yet")
//
// Everything that is saved lives in node attributes and marks, so undo/redo and conversion
// (convert.ts) cover it. Every sentence element carries an explicit `dir` and `lang`:
// prosemirror-view picks arrow-key behaviour from the block's computed direction.
import { Schema, type NodeSpec, type MarkSpec, type Node as PMNode } from 'prosemirror-model';
import type { MergeConflict, RowComment, RowReview, RowStatus, UnitOrigin } from '../../shared/model/types.ts';
import { firstStrongDirection } from '../../shared/text/script.ts';

/** Attributes of a `row` node (one alignment unit). */
export interface RowAttrs {
  /** the alignment unit id (u…); '' on a freshly created row until the ids plugin assigns one */
  id: string;
  /** workflow status, shown at a glance through data-status */
  status: RowStatus;
  /** where the link came from */
  origin: UnitOrigin;
  /** the aligner's confidence in [0, 1], or null when the link did not come from it */
  confidence: number | null;
  /** a confirmed link stays fixed when the rest is realigned */
  confirmed: boolean;
  /** the user chose to leave the source untranslated (a 1-0 link); saved as confirmed + no target */
  untranslated: boolean;
  /** QA check ids the user ignored on this row (unit.qaIgnore; [] when none, never mutated) */
  qaIgnore: readonly string[];
  /** comments on the row, oldest first (unit.comments; [] when none, never mutated) */
  comments: readonly RowComment[];
  /** the row as last accepted in review mode (unit.reviewed), or null */
  reviewed: RowReview | null;
}

/** Attributes of the `doc` node. */
export interface DocAttrs {
  /** the merge driver's open conflicts (annotations.conflicts; [] when none, never mutated): in the
   * document so resolving one is undoable together with its edit */
  conflicts: readonly MergeConflict[];
}

/** Attributes of a `source_sentence` node (one source segment). */
export interface SourceSentenceAttrs {
  /** the segment id (s…) */
  id: string;
  /** code-point offset of the segment's first character in the source text */
  start: number;
  /** code-point offset just past the segment's last character */
  end: number;
  /** 'manual' when the user split or merged it */
  origin: 'auto' | 'manual';
}

/** Attributes of a `target_sentence` node. */
export interface TargetSentenceAttrs {
  /** the target sentence id (t…); '' until the ids plugin assigns one */
  id: string;
}

/** Attributes of the `entity` mark (one mention). */
export interface EntityAttrs {
  /** the mention id (m…) */
  id: string;
  /** the tag name (PER, ORG, ...) */
  type: string;
  /** the entity id (e…) the mention refers to */
  entity: string;
}

/** The shared empty qaIgnore (attribute values are compared by identity and never mutated). */
export const NO_IGNORES: readonly string[] = Object.freeze([]);
/** The shared empty comment list and conflict list (same reasons). */
export const NO_COMMENTS: readonly RowComment[] = Object.freeze([]);
export const NO_CONFLICTS: readonly MergeConflict[] = Object.freeze([]);

const rowStatuses: readonly RowStatus[] = ['auto', 'draft', 'translated', 'reviewed'];

const nodes: Record<string, NodeSpec> = {
  // suggestionBatch: the last suggestion batch added from outside (plugins/suggestion-batches.ts), so
  // adding one is an undoable step; never saved. conflicts: the merge driver's open conflicts
  doc: { content: 'row_group+', attrs: { suggestionBatch: { default: 0 }, conflicts: { default: NO_CONFLICTS } } },
  row_group: {
    content: 'row+',
    selectable: false,
    draggable: false,
    parseDOM: [{ tag: 'div.row-group' }],
    // data-rows sizes the block while content-visibility skips it (editor.css; not an inline style,
    // which the CSP blocks); a stale count after an edit only lasts until the block is laid out once
    toDOM: (node: PMNode) => ['div', { class: 'row-group', 'data-rows': String(node.childCount) }, 0],
  },
  row: {
    content: 'source_cell target_cell',
    // rows, not their text, are the unit of selection when dragging across them
    isolating: true,
    attrs: {
      id: { default: '' },
      status: { default: 'auto' },
      origin: { default: 'manual' },
      confidence: { default: null },
      confirmed: { default: false },
      untranslated: { default: false },
      qaIgnore: { default: NO_IGNORES },
      comments: { default: NO_COMMENTS },
      reviewed: { default: null },
    },
    parseDOM: [
      {
        tag: 'div.row',
        getAttrs: (dom: HTMLElement) => {
          const status = dom.getAttribute('data-status') as RowStatus;
          const conf = dom.getAttribute('data-confidence');
          return {
            id: dom.getAttribute('data-id') ?? '',
            status: rowStatuses.includes(status) ? status : 'auto',
            origin: (dom.getAttribute('data-origin') as UnitOrigin) || 'manual',
            confidence: conf === null || conf === '' ? null : Number(conf),
            confirmed: dom.hasAttribute('data-confirmed'),
            untranslated: dom.hasAttribute('data-untranslated'),
            qaIgnore: dom.getAttribute('data-qa-ignore')?.split(' ').filter(Boolean) ?? NO_IGNORES,
          };
        },
      },
    ],
    toDOM: (node: PMNode) => {
      const a = node.attrs as RowAttrs;
      const attrs: Record<string, string> = {
        class: 'row',
        'data-id': a.id,
        'data-status': a.status,
        'data-origin': a.origin,
      };
      if (a.confidence !== null) attrs['data-confidence'] = String(a.confidence);
      if (a.confirmed) attrs['data-confirmed'] = '';
      if (a.untranslated) attrs['data-untranslated'] = '';
      if (a.qaIgnore.length) attrs['data-qa-ignore'] = a.qaIgnore.join(' ');
      // the count only: the comments themselves are shown by the review plugin's badge and panel
      if (a.comments.length) attrs['data-comments'] = String(a.comments.length);
      return ['div', attrs, 0];
    },
  },
  source_cell: {
    content: 'source_sentence*',
    // Backspace/Delete/join never cross from one cell into the other
    isolating: true,
    parseDOM: [{ tag: 'div.cell-src' }],
    toDOM: () => ['div', { class: 'cell cell-src', dir: 'rtl', lang: 'ar' }, 0],
  },
  target_cell: {
    content: 'target_sentence+',
    isolating: true,
    parseDOM: [{ tag: 'div.cell-tgt' }],
    toDOM: () => ['div', { class: 'cell cell-tgt', dir: 'ltr', lang: 'en' }, 0],
  },
  source_sentence: {
    content: 'text*',
    marks: 'entity',
    attrs: {
      id: { default: '' },
      start: { default: 0 },
      end: { default: 0 },
      origin: { default: 'auto' },
    },
    parseDOM: [
      {
        tag: 'p.src',
        getAttrs: (dom: HTMLElement) => ({
          id: dom.getAttribute('data-id') ?? '',
          start: Number(dom.getAttribute('data-start') ?? 0),
          end: Number(dom.getAttribute('data-end') ?? 0),
          origin: dom.getAttribute('data-origin') === 'manual' ? 'manual' : 'auto',
        }),
      },
    ],
    toDOM: (node: PMNode) => {
      const a = node.attrs as SourceSentenceAttrs;
      // each sentence its own base direction: a Latin caption inside an Arabic report reads left to
      // right, its full stop at its end (a language tag of 'und': it is not Arabic, and we cannot tell which)
      const ltr = firstStrongDirection(node.textContent) === 'ltr';
      return ['p', {
        class: 'src', dir: ltr ? 'ltr' : 'rtl', lang: ltr ? 'und' : 'ar', 'data-id': a.id,
        'data-start': String(a.start), 'data-end': String(a.end), 'data-origin': a.origin,
      }, 0];
    },
  },
  target_sentence: {
    content: 'text*',
    marks: 'entity',
    attrs: { id: { default: '' } },
    parseDOM: [{ tag: 'p.tgt', getAttrs: (dom: HTMLElement) => ({ id: dom.getAttribute('data-id') ?? '' }) }],
    toDOM: (node: PMNode) => ['p', { class: 'tgt', dir: 'ltr', lang: 'en', 'data-id': (node.attrs as TargetSentenceAttrs).id }, 0],
  },
  text: {},
};

const marks: Record<string, MarkSpec> = {
  entity: {
    attrs: { id: { default: '' }, type: { default: 'MISC' }, entity: { default: '' } },
    // typing at a mention's edge does not extend it
    inclusive: false,
    // one mention per character: a new tag replaces the old one
    excludes: 'entity',
    parseDOM: [
      {
        tag: 'span.ent',
        getAttrs: (dom: HTMLElement) => ({
          id: dom.getAttribute('data-id') ?? '',
          type: dom.getAttribute('data-type') ?? 'MISC',
          entity: dom.getAttribute('data-entity') ?? '',
        }),
      },
    ],
    toDOM: (mark) => {
      const a = mark.attrs as EntityAttrs;
      return ['span', {
        // no aria-label: on a generic span it is not allowed (and, where honoured, would replace the
        // name itself); the type is read from the visible ::after label (editor.css), in any UI language
        class: 'ent', 'data-id': a.id, 'data-type': a.type, 'data-entity': a.entity,
        // the colour: --ent-<TYPE> through a rule per type (plugins/entity-colors.ts; no inline
        // style, which the app's CSP blocks)
      }, 0];
    },
  },
};

/** A tag name made safe for a CSS custom property name. */
export function cssIdent(type: string): string {
  return type.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The Muwazi editor schema (a single shared instance: nodes from different schemas never mix). */
export const schema = new Schema({ nodes, marks });

/** Node type names, so commands and plugins do not repeat string literals. */
export const N = {
  doc: 'doc',
  group: 'row_group',
  row: 'row',
  sourceCell: 'source_cell',
  targetCell: 'target_cell',
  source: 'source_sentence',
  target: 'target_sentence',
} as const;
