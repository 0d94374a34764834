// UI state of entity tagging (the mentions themselves are `entity` marks in the document, so undo
// and saving cover them): the tag set and glossary in use, id counters, propagation/pre-annotation
// suggestions, the pending end of a cross-lingual link, and the last message for the user.
//
// Suggestions are inline decorations in a persistent DecorationSet, mapped through every
// transaction (never rebuilt from the document); each carries its SuggestionSpec. A suggestion
// whose text is deleted disappears with it.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import type { Side, StoredSuggestion, TagType } from '../../../shared/model/types.ts';
import { DEFAULT_TAG_SET } from '../../../shared/model/schema.ts';
import type { GlossaryEntry } from '../../../shared/entities/glossary.ts';
import { nameKey } from '../../../shared/text/normalize.ts';
import type { EntityAttrs } from '../schema.ts';
import { sourceKey } from './source-readonly.ts';
import { mentionsOf, preAnnotation, prepareSnapping, storedAnnotation } from '../commands/entities.ts';
import { indexed } from './indexed-decorations.ts';

/** Translates a message key (i18next-style); returns the key itself when it has no translation. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A message for the user (a refused tag, a link made, suggestions found). */
export interface EntityMessage {
  /** increases with every message, so the same text twice is shown twice */
  seq: number;
  /** 'error' for refusals, 'info' otherwise */
  kind: 'error' | 'info';
  /** the message, already translated */
  text: string;
}

/** Options of the entity plugins (EditorInit.entities). */
export interface EntityOptions {
  /** the project's tag set (workspace.settings.tagSet); default PER ORG LOC MISC */
  tagSet?: TagType[];
  /** the project glossary (pre-annotation, English span suggestions, known names for snapping) */
  glossary?: GlossaryEntry[];
  /** translation of messages (keys entities.msg.*); English built-ins otherwise */
  t?: Translate;
  /** receives every message; without it the editor shows a small toast itself */
  onMessage?: (m: EntityMessage) => void;
  /** propose the glossary's names found in the report as suggestions when it opens (default true) */
  preAnnotate?: boolean;
  /** the sidecar's suggestions: pending ones are shown, rejected ones are never proposed again */
  stored?: readonly StoredSuggestion[];
}

/** What a suggestion proposes (the decoration's spec). */
export interface SuggestionSpec {
  /** suggestion id (g1, g2, … within this editor session) */
  id: string;
  side: Side;
  /** the tag type the mention would get */
  type: string;
  /** the entity the mention would join (allocated when the suggestion is made) */
  entity: string;
  /** where it came from: tag-all-occurrences, the glossary, an English span for an Arabic
   * mention, or the sidecar (`muwazi entities --propagate`; kept there until accepted or rejected) */
  origin: 'propagate' | 'glossary' | 'link' | 'stored';
  /** the English span's score for origin 'link' */
  score?: number;
  /** 'low': shown, but left out of "accept all" (a common word, a conflict, history) */
  confidence?: 'high' | 'low';
  /** the types the string is tagged with in the report, when more than one */
  conflict?: string[];
}

/** A suggestion with its current document range. */
export interface Suggestion extends SuggestionSpec {
  from: number;
  to: number;
}

/** The end of a cross-lingual link waiting for its counterpart. */
export interface PendingLink {
  /** the mention id (m…) the link starts from */
  mention: string;
  /** its entity id */
  entity: string;
  side: Side;
  /** its text (for messages) */
  text: string;
}

/** The plugin's state (immutable; replaced on every change). */
export interface EntityState {
  tagSet: TagType[];
  glossary: GlossaryEntry[];
  /** folded glossary forms (snapping's known names) */
  known: ReadonlySet<string>;
  t: Translate | undefined;
  /** next free numbers for mention (m), entity (e) and suggestion (g) ids; never go back, so an
   * undone tag's id is never handed out again */
  next: { m: number; e: number; g: number };
  suggestions: DecorationSet;
  link: PendingLink | null;
  /** the pending link's mention, highlighted (empty without a pending link) */
  linkFrom: DecorationSet;
  message: EntityMessage | null;
  /** suggestions the user rejected (loaded from the sidecar, then this session's): saved with the
   * report, never proposed again */
  rejected: readonly StoredSuggestion[];
}

/** What a transaction asks of the plugin (tr.setMeta(entityKey, action)). */
export interface EntityAction {
  /** ids used by this transaction: the counters move past them */
  used?: { m?: number; e?: number; g?: number };
  add?: Array<{ from: number; to: number; spec: SuggestionSpec }>;
  /** suggestion ids to drop */
  remove?: string[];
  /** rejected suggestions to remember */
  reject?: StoredSuggestion[];
  clear?: boolean;
  /** set (or with null, cancel) the pending link */
  link?: PendingLink | null;
  message?: { kind: 'error' | 'info'; text: string };
  /** replace the tag set / glossary (after settings or glossary changes) */
  config?: { tagSet?: TagType[]; glossary?: GlossaryEntry[] };
}

export const entityKey = new PluginKey<EntityState>('muwazi-entities');

/** The decoration drawn for a suggestion. */
export function suggestionDecoration(from: number, to: number, spec: SuggestionSpec): Decoration {
  const attrs: Record<string, string> = { class: spec.confidence === 'low' ? 'ent-suggest ent-suggest-low' : 'ent-suggest', 'data-suggestion': spec.id, 'data-type': spec.type };
  if (spec.confidence) attrs['data-confidence'] = spec.confidence;
  if (spec.conflict) attrs['data-conflict'] = spec.conflict.join(' ');
  return Decoration.inline(from, to, attrs, spec);
}

/** Highest number used after `prefix` in the document's mention and entity ids. */
function highestIds(doc: PMNode): { m: number; e: number } {
  let m = 0;
  let e = 0;
  const num = (id: string, p: string) => (id.startsWith(p) && /^\d+$/.test(id.slice(1)) ? Number(id.slice(1)) : 0);
  doc.descendants((node) => {
    if (node.isText) {
      for (const mk of node.marks) {
        if (mk.type.name !== 'entity') continue;
        const a = mk.attrs as EntityAttrs;
        m = Math.max(m, num(a.id, 'm'));
        e = Math.max(e, num(a.entity, 'e'));
      }
    }
    return true;
  });
  return { m, e };
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

/** All suggestions of a state, in document order. */
export function suggestionsOf(state: EditorState): Suggestion[] {
  const s = entityKey.getState(state);
  if (!s) return [];
  return s.suggestions.find().map((d) => ({ ...(d.spec as SuggestionSpec), from: d.from, to: d.to })).sort((a, b) => a.from - b.from);
}

/** The entity plugin state of `state` (throws when the plugin is missing). */
export function entityState(state: EditorState): EntityState {
  const s = entityKey.getState(state);
  if (!s) throw new Error('the entity plugin is not installed');
  return s;
}

/** Built-in English messages (keys entities.msg.*), used when no translation is given. */
export const MESSAGES_EN: Record<string, string> = {
  overlap: 'This overlaps the {{type}} mention “{{text}}”. Remove that tag first, or select text outside it.',
  oneSentence: 'Select text within one sentence to tag it.',
  nothing: 'Nothing to tag here: select a name.',
  noMention: 'Put the caret on a tagged mention first.',
  linkStart: 'Linking “{{text}}”: put the caret on its counterpart in the same row and press Alt+K, or click it. Esc cancels.',
  linked: 'Linked “{{ar}}” and “{{en}}”.',
  linkCancelled: 'Link cancelled.',
  differentRows: 'These mentions are in different rows; link mentions of the same row.',
  sameSide: 'Link an Arabic mention with an English mention.',
  suggested_one: '{{count}} suggestion. Alt+Enter accepts, Alt+Delete rejects, Alt+. goes to the next.',
  suggested_other: '{{count}} suggestions. Alt+Enter accepts, Alt+Delete rejects, Alt+. goes to the next.',
  noneFound: 'No other occurrence found.',
  noSuggestion: 'No suggestion here.',
  accepted_one: '{{count}} suggestion accepted.',
  accepted_other: '{{count}} suggestions accepted.',
  typeChanged: '“{{text}}” is now {{type}}.',
};

/** A message text: the translation of entities.msg.<key>, else the built-in English. */
export function messageText(t: Translate | undefined, key: string, vars: Record<string, string | number> = {}): string {
  const full = `entities.msg.${key}`;
  const translated = t?.(full, vars);
  if (translated && translated !== full) return translated;
  const plural = typeof vars.count === 'number' ? (vars.count === 1 ? `${key}_one` : `${key}_other`) : key;
  const template = MESSAGES_EN[plural] ?? MESSAGES_EN[key] ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** A toast in the editor's mount for messages, when the app gives no onMessage. */
class Toast {
  private el: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly view: EditorView) {}
  show(m: EntityMessage): void {
    const host = this.view.dom.parentElement;
    if (!host) return;
    if (!this.el) {
      this.el = document.createElement('div');
      this.el.className = 'ent-toast';
      this.el.setAttribute('role', 'status');
      this.el.setAttribute('aria-live', 'polite');
      host.append(this.el);
    }
    this.el.dataset.kind = m.kind;
    this.el.dataset.seq = String(m.seq);
    this.el.dir = 'auto';
    this.el.textContent = m.text;
    this.el.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.el) this.el.hidden = true;
    }, 6000);
  }
  destroy(): void {
    clearTimeout(this.timer);
    this.el?.remove();
  }
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
          known: knownForms(glossary),
          t: options.t,
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
        let { tagSet, glossary: gl, known } = value;
        if (action.config?.tagSet) tagSet = action.config.tagSet;
        if (action.config?.glossary) {
          gl = action.config.glossary;
          known = knownForms(gl);
        }
        const message = action.message ? { seq: (value.message?.seq ?? 0) + 1, ...action.message } : value.message;
        const rejected = action.reject?.length ? [...value.rejected, ...action.reject] : value.rejected;
        return { ...value, tagSet, glossary: gl, known, next, suggestions, link, linkFrom, message, rejected };
      },
    },
    props: {
      decorations(state) {
        const s = entityKey.getState(state);
        if (!s) return null;
        if (s.linkFrom === DecorationSet.empty) return indexed(s.suggestions);
        // the pending link's end stands out until the counterpart is chosen; the combined set is
        // kept while neither part changes, so the view sees the same object
        if (!shown || shown.suggestions !== s.suggestions || shown.linkFrom !== s.linkFrom) {
          shown = { suggestions: s.suggestions, linkFrom: s.linkFrom, set: indexed(s.suggestions.add(state.doc, s.linkFrom.find())) };
        }
        return shown.set;
      },
      attributes(state): Record<string, string> {
        const s = entityKey.getState(state);
        return s?.link ? { class: 'ent-linking' } : {};
      },
    },
    view(view) {
      const toast = new Toast(view);
      // snapping's word set of the whole source, built while the user reads rather than on the first tag
      const source = sourceKey.getState(view.state);
      const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(() => source && prepareSnapping(source.text), { timeout: 2000 }) : null;
      return {
        update(v, prev) {
          const now = entityKey.getState(v.state)?.message;
          if (!now || now === entityKey.getState(prev)?.message) return;
          if (options.onMessage) options.onMessage(now);
          else toast.show(now);
        },
        destroy: () => {
          if (idle !== null) cancelIdleCallback(idle);
          toast.destroy();
        },
      };
    },
  });
}
