// UI state of entity tagging (the mentions themselves are `entity` marks in the document, so undo
// and saving cover them): the tag set and glossary in use, id counters, propagation/pre-annotation
// suggestions, the pending end of a cross-lingual link, and the last message for the user (a key
// under entities.msg and its values: the UI translates it, renderer/ui/entity-messages.ts).
//
// Suggestions are inline decorations in a persistent DecorationSet, mapped through every
// transaction (never rebuilt from the document); each carries its SuggestionSpec. A suggestion
// whose text is deleted disappears with it.
import { Plugin, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import type { StoredSuggestion, TagType } from '../../../shared/model/types.ts';
import { DEFAULT_TAG_SET } from '../../../shared/model/schema.ts';
import type { GlossaryEntry } from '../../../shared/entities/glossary.ts';
import { nameKey } from '../../../shared/text/normalize.ts';
import { sourceKey } from './source-readonly.ts';
import { highestIds, mentionsOf, preAnnotation, storedAnnotation } from '../entities/doc.ts';
import { entityKey, type EntityAction, type EntityMessage, type EntityState, type SuggestionSpec, type WordList } from '../entities/state.ts';
import { prepareSnapping } from '../entities/snapping.ts';

/** Options of the entity plugins (EditorInit.entities). */
export interface EntityOptions {
  /** the project's tag set (workspace.settings.tagSet); default PER ORG LOC MISC */
  tagSet?: TagType[];
  /** the project glossary (pre-annotation, English span suggestions, known names for snapping) */
  glossary?: GlossaryEntry[];
  /** the app's word list, when already loaded (else given later through the `config` action) */
  wordList?: WordList | null;
  /** receives every message (keys under entities.msg with values: the UI translates and shows
   * them, renderer/ui/entity-messages.ts); without it messages are kept in the state only */
  onMessage?: (m: EntityMessage) => void;
  /** propose the glossary's names found in the report as suggestions when it opens (default true) */
  preAnnotate?: boolean;
  /** the sidecar's suggestions: pending ones are shown, rejected ones are never proposed again */
  stored?: readonly StoredSuggestion[];
}

/** The decoration drawn for a suggestion. */
export function suggestionDecoration(from: number, to: number, spec: SuggestionSpec): Decoration {
  const attrs: Record<string, string> = { class: spec.confidence === 'low' ? 'ent-suggest ent-suggest-low' : 'ent-suggest', 'data-suggestion': spec.id, 'data-type': spec.type };
  if (spec.confidence) attrs['data-confidence'] = spec.confidence;
  if (spec.conflict) attrs['data-conflict'] = spec.conflict.join(' ');
  return Decoration.inline(from, to, attrs, spec);
}

function knownForms(glossary: readonly GlossaryEntry[]): Set<string> {
  const s = new Set<string>();
  for (const g of glossary) {
    if (g.ar) s.add(nameKey(g.ar));
    if (g.en) s.add(nameKey(g.en));
  }
  return s;
}

/** The highlight of a pending link's mention: its runs, found in one pass over the mentions. */
function linkHighlight(doc: PMNode, mention: string): DecorationSet {
  const runs = mentionsOf(doc).filter((r) => r.attrs.id === mention);
  return DecorationSet.create(doc, runs.map((r) => Decoration.inline(r.from, r.to, { class: 'ent-link-from' })));
}

/** The entity state plugin. */
export function entityStatePlugin(options: EntityOptions = {}): Plugin<EntityState> {
  const glossary = options.glossary ?? [];
  let shown: { suggestions: DecorationSet; linkFrom: DecorationSet; set: DecorationSet } | null = null;
  return new Plugin<EntityState>({
    key: entityKey,
    state: {
      init: (_config, state) => {
        const ids = highestIds(state.doc);
        // pre-annotation from the glossary when the report opens (the source plugin, earlier in
        // the list, is initialised already)
        const source = sourceKey.getState(state);
        const stored = options.stored ?? [];
        const rejected = stored.filter((x) => x.status === 'rejected');
        const pre = options.preAnnotate !== false && source
          ? preAnnotation(state.doc, source.text, glossary, { e: ids.e + 1, g: 1 }, new Set(), rejected)
          : { add: [], used: { e: 0, g: 0 } };
        // the sidecar's pending suggestions (from `muwazi entities --propagate`) after them
        const kept = storedAnnotation(state.doc, stored, { e: Math.max(ids.e, pre.used.e) + 1, g: pre.used.g + 1 }, new Set(pre.add.map((a) => `${a.from}:${a.to}`)));
        const add = [...pre.add, ...kept.add];
        const used = { e: Math.max(pre.used.e, kept.used.e), g: Math.max(pre.used.g, kept.used.g) };
        return {
          tagSet: options.tagSet && options.tagSet.length ? options.tagSet : DEFAULT_TAG_SET,
          glossary,
          wordList: options.wordList ?? null,
          known: knownForms(glossary),
          next: { m: ids.m + 1, e: Math.max(ids.e, used.e) + 1, g: used.g + 1 },
          suggestions: add.length ? DecorationSet.create(state.doc, add.map((a) => suggestionDecoration(a.from, a.to, a.spec))) : DecorationSet.empty,
          link: null,
          linkFrom: DecorationSet.empty,
          message: null,
          rejected,
        };
      },
      apply(tr: Transaction, value: EntityState): EntityState {
        const action = tr.getMeta(entityKey) as EntityAction | undefined;
        let suggestions = tr.docChanged ? value.suggestions.map(tr.mapping, tr.doc) : value.suggestions;
        const link = action?.link !== undefined ? action.link : value.link;
        // the highlight is found once when a link starts (and again after edits while it is
        // pending, which are rare): no work per transaction otherwise
        const linkFrom = link && (link !== value.link || tr.docChanged) ? linkHighlight(tr.doc, link.mention)
          : link ? value.linkFrom : DecorationSet.empty;
        if (!action) return suggestions === value.suggestions && linkFrom === value.linkFrom ? value : { ...value, suggestions, linkFrom };
        let next = value.next;
        if (action.used) {
          next = {
            m: Math.max(next.m, (action.used.m ?? 0) + 1),
            e: Math.max(next.e, (action.used.e ?? 0) + 1),
            g: Math.max(next.g, (action.used.g ?? 0) + 1),
          };
        }
        if (action.clear) suggestions = DecorationSet.empty;
        if (action.remove?.length) {
          const ids = new Set(action.remove);
          suggestions = suggestions.remove(suggestions.find(undefined, undefined, (spec) => ids.has((spec as SuggestionSpec).id)));
        }
        if (action.add?.length) suggestions = suggestions.add(tr.doc, action.add.map((a) => suggestionDecoration(a.from, a.to, a.spec)));
        let { tagSet, glossary: gl, known, wordList } = value;
        if (action.config?.tagSet) tagSet = action.config.tagSet;
        if (action.config?.wordList !== undefined) wordList = action.config.wordList;
        if (action.config?.glossary) {
          gl = action.config.glossary;
          known = knownForms(gl);
        }
        const message = action.message ? { seq: (value.message?.seq ?? 0) + 1, ...action.message } : value.message;
        const rejected = action.reject?.length ? [...value.rejected, ...action.reject] : value.rejected;
        return { ...value, tagSet, glossary: gl, known, wordList, next, suggestions, link, linkFrom, message, rejected };
      },
    },
    props: {
      decorations(state) {
        const s = entityKey.getState(state);
        if (!s) return null;
        if (s.linkFrom === DecorationSet.empty) return s.suggestions;
        // the pending link's end stands out until the counterpart is chosen; the combined set is
        // kept while neither part changes, so the view sees the same object
        if (!shown || shown.suggestions !== s.suggestions || shown.linkFrom !== s.linkFrom) {
          shown = { suggestions: s.suggestions, linkFrom: s.linkFrom, set: s.suggestions.add(state.doc, s.linkFrom.find()) };
        }
        return shown.set;
      },
      attributes(state): Record<string, string> {
        const s = entityKey.getState(state);
        return s?.link ? { class: 'ent-linking' } : {};
      },
    },
    view(view) {
      // snapping's word set of the whole source, built while the user reads rather than on the first tag
      const source = sourceKey.getState(view.state);
      const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(() => source && prepareSnapping(source.text), { timeout: 2000 }) : null;
      return {
        update(v, prev) {
          const now = entityKey.getState(v.state)?.message;
          if (now && now !== entityKey.getState(prev)?.message) options.onMessage?.(now);
        },
        destroy: () => {
          if (idle !== null) cancelIdleCallback(idle);
        },
      };
    },
  });
}
