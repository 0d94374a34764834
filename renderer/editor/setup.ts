// The editor's plugin set, in one documented factory.
import type { Plugin } from 'prosemirror-state';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { editorKeymap } from './keymap.ts';
import { sourceReadonly } from './plugins/source-readonly.ts';
import { statusDraft } from './plugins/status-draft.ts';
import { lowConfidence } from './plugins/low-confidence.ts';
import { ids } from './plugins/ids.ts';
import { find } from './plugins/find.ts';
import { qa, type QaOptions } from './plugins/qa.ts';
import { entityPlugins, type EntityOptions } from './plugins/entity-setup.ts';
import { spellPlugins, type SpellOptions } from './plugins/spell.ts';
import { suggestionBatches } from './plugins/suggestion-batches.ts';
import { review, type ReviewOptions } from './plugins/review.ts';
import { rowGroups } from './plugins/row-groups.ts';

/** Options of editorPlugins. */
export interface SetupOptions {
  /** the report's decoded source text (the segments' offsets point into it) */
  sourceText: string;
  /** called when an edit of the Arabic source was refused */
  onSourceRefused?: () => void;
  /** entity tagging: tag set, glossary, messages (plugins/entity-state.ts) */
  entities?: EntityOptions;
  /** English spell check (plugins/spell.ts); absent: off */
  spell?: SpellOptions;
  /** QA checks: context (glossary, disabled checks) and the report's entities (plugins/qa.ts) */
  qa?: QaOptions;
  /** review mode: comment badges, refusals (plugins/review.ts) */
  review?: ReviewOptions;
  /** rows per group that an over-grown group is split back to (rows.ts; tests use tiny ones) */
  groupSize?: number;
}

/**
 * All plugins of the Muwazi editor: source read-only filter, fresh ids, auto→draft status,
 * low-confidence highlighting, QA findings per row, find highlighting, undo history, the editor's shortcuts, then the base keymap.
 */
export function editorPlugins(options: SetupOptions): Plugin[] {
  return [
    sourceReadonly(options.sourceText, { onRefused: options.onSourceRefused }),
    rowGroups(options.groupSize),
    ids(),
    statusDraft(),
    lowConfidence(),
    qa(options.qa),
    find(),
    review(options.review),
    ...spellPlugins(options.spell),
    history(),
    ...entityPlugins(options.entities),
    suggestionBatches(),
    editorKeymap(),
    keymap(baseKeymap),
  ];
}
