// The entity panel and the app-side wiring of entity tagging:
//   - EntityContext is what the app knows for entity tagging: the open workspace (root, tag set,
//     learnt with `learnWorkspace` from the host's workspace answers, see main.ts) and the project
//     glossary, loaded explicitly by `loadProjectGlossary` (host call loadGlossary: the saved
//     muwazi.glossary.tsv merged with every sidecar of the folder) before a report opens, so the
//     new report is pre-annotated from what was tagged in the others;
//   - withEntities wraps the editor factory: passes the tag set and glossary to the editor, shows
//     its messages (translated by i18next, renderer/ui/entity-messages.ts), and mounts the panel
//     listing the report's entities (Arabic and English forms, mentions without a counterpart,
//     renderings that disagree with the glossary). Clicking an entry selects its mention (again:
//     the next one). The panel reaches the editor only through its handle (EditorHandle);
//   - setGlossary hands an edited glossary (glossary panel, "Save glossary") to the open editor:
//     its English span suggestions and pre-annotation use it at once.
import { loadWordList } from './lexicon-import.ts';
import type { i18n as I18n, TFunction } from 'i18next';
import type { HostBridge, Workspace } from '../../shared/contract/host.ts';
import type { TagType } from '../../shared/model/types.ts';
import { tagSetOf, tagColor } from '../../shared/entities/tagset.ts';
import { nameKey } from '../../shared/text/normalize.ts';
import { renderingsOf, type GlossaryEntry } from '../../shared/entities/glossary.ts';
import type { EditorHandle, EditorInit, EntityCommandName, MentionRun } from '../editor/editor.ts';
import { formatNumber } from '../../shared/i18n/numbers.ts';
import { h, replaceChildren } from './dom.ts';
import { EntityToast } from './entity-messages.ts';

/** What the panel needs of i18next beyond `t`: the language (for digits) and its change event. */
export type UiLanguage = Pick<I18n, 'language' | 'on' | 'off'>;

/** What the app knows about the open workspace, for entity tagging. */
export interface EntityContext {
  /** the workspace root, or null before one is opened */
  root: string | null;
  tagSet: TagType[];
  /** the project glossary as last loaded */
  glossary: GlossaryEntry[];
  /** told when the glossary is edited (withEntities registers the open editor); see setGlossary */
  listeners: Set<(glossary: GlossaryEntry[]) => void>;
}

/** A context before any workspace is open. */
export function entityContext(): EntityContext {
  return { root: null, tagSet: tagSetOf(null), glossary: [], listeners: new Set() };
}

/** Learns the opened workspace (its root and tag set); another folder's glossary is dropped. */
export function learnWorkspace(ctx: EntityContext, ws: Workspace): void {
  if (ws.root !== ctx.root) ctx.glossary = [];
  ctx.root = ws.root;
  ctx.tagSet = tagSetOf(ws.settings);
}

/** Loads the project glossary of the open workspace into `ctx` (the app calls it before it opens
 * a report, so the editor mounted for it is pre-annotated from the other reports' names). */
export async function loadProjectGlossary(ctx: EntityContext, host: Pick<HostBridge, 'loadGlossary'>): Promise<void> {
  if (!ctx.root) return;
  const g = await host.loadGlossary({ root: ctx.root });
  if (g.ok) ctx.glossary = g.value.entries;
}

/** Replaces the glossary the app uses and hands it to the open editor. */
export function setGlossary(ctx: EntityContext, glossary: GlossaryEntry[]): void {
  ctx.glossary = glossary;
  for (const l of [...ctx.listeners]) l(glossary);
}

/** One entity of the report, as the panel shows it. */
export interface EntityRow {
  entity: string;
  type: string;
  /** distinct forms with counts, most used first */
  ar: Array<{ form: string; count: number }>;
  en: Array<{ form: string; count: number }>;
  /** mention ids in document order (clicking cycles through them) */
  mentions: string[];
  /** the entity has Arabic mentions but no English one, or the reverse */
  missing: 'en' | 'ar' | null;
  /** glossary renderings of its Arabic form that differ from the English used here */
  glossaryEn: string[];
  /** other types the same Arabic string is tagged with in the report (a type conflict), sorted */
  conflict: string[];
}

function forms(runs: MentionRun[]): Array<{ form: string; count: number }> {
  const m = new Map<string, number>();
  for (const r of runs) m.set(r.text, (m.get(r.text) ?? 0) + 1);
  return [...m].map(([form, count]) => ({ form, count })).sort((a, b) => b.count - a.count);
}

/** The report's entities from the editor's document (pure; for the panel and tests). */
export function entityRows(runs: readonly MentionRun[], glossary: readonly GlossaryEntry[]): EntityRow[] {
  const by = new Map<string, MentionRun[]>();
  // types per folded Arabic string: a string tagged with two types is a conflict (issue 15)
  const typesOf = new Map<string, Set<string>>();
  for (const r of runs) {
    if (r.sentence.side !== 'ar') continue;
    const k = nameKey(r.text);
    typesOf.set(k, (typesOf.get(k) ?? new Set()).add(r.attrs.type));
  }
  for (const r of runs) {
    const list = by.get(r.attrs.entity) ?? [];
    list.push(r);
    by.set(r.attrs.entity, list);
  }
  return [...by].map(([entity, list]) => {
    const ar = forms(list.filter((r) => r.sentence.side === 'ar'));
    const en = forms(list.filter((r) => r.sentence.side === 'en'));
    const used = new Set(en.map((f) => nameKey(f.form)));
    const glossaryEn = ar.length ? renderingsOf(glossary, ar[0].form).filter((x) => x && !used.has(nameKey(x))) : [];
    return {
      entity,
      type: list[0].attrs.type,
      ar,
      en,
      mentions: list.map((r) => r.attrs.id),
      missing: ar.length && !en.length ? 'en' as const : en.length && !ar.length ? 'ar' as const : null,
      // only a disagreement when the report has an English form of its own
      glossaryEn: en.length ? glossaryEn : [],
      conflict: [...new Set(ar.flatMap((f) => [...(typesOf.get(nameKey(f.form)) ?? [])]))].filter((x) => x !== list[0].attrs.type).sort(),
    };
  });
}

/** The panel beside the editor. */
export class EntityPanel {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly head: HTMLElement;
  private readonly actions: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cursor = new Map<string, number>();

  constructor(private readonly editor: EditorHandle, private readonly ctx: EntityContext, private readonly t: () => TFunction, private readonly host: HostBridge,
    private readonly ui?: UiLanguage, private readonly say?: (text: string, kind: 'error' | 'info') => void) {
    this.head = h('h2', { class: 'ent-panel-title', id: 'ent-panel-title' });
    this.actions = h('div', { class: 'ent-panel-actions', role: 'toolbar' });
    this.list = h('ul', { class: 'ent-panel-list' });
    this.el = h('aside', { class: 'ent-panel', 'data-region': 'entities', 'aria-labelledby': 'ent-panel-title' }, this.head, this.actions, this.list);
    this.render();
  }

  /** The suggestion count drawn last: a caret move with it unchanged needs no re-render. */
  private drawnSuggestions = -1;

  /** Whether the editor's suggestion count changed since the last render (the panel's only
   * selection-independent input that can change without a document change). */
  suggestionsChanged(): boolean {
    return this.editor.suggestionCount() !== this.drawnSuggestions;
  }

  /** Re-render soon (coalesces bursts of edits). */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(), 200);
  }

  /** Re-render now. */
  render(): void {
    const t = this.t();
    // digits as the UI writes them (Arabic-Indic in the Arabic UI)
    const lang = this.ui?.language ?? (document.documentElement.lang || 'en');
    const rows = entityRows(this.editor.mentions(), this.ctx.glossary);
    const pending = this.editor.suggestionCount();
    this.drawnSuggestions = pending;
    this.head.textContent = t('entities.panel.title', { count: rows.length });
    const button = (label: string, name: string, fn: () => void, disabled = false) => {
      const b = h('button', { type: 'button', 'data-action': name }, label);
      b.disabled = disabled;
      b.addEventListener('click', () => {
        fn();
        this.render();
      });
      return b;
    };
    const run = (name: EntityCommandName) => {
      this.editor.runEntityCommand(name);
      this.editor.focus();
    };
    replaceChildren(this.actions,
      h('span', { class: 'ent-panel-pending', role: 'status' }, t('entities.panel.suggestions', { count: pending })),
      button(t('entities.panel.acceptAll'), 'accept-all', () => run('acceptAll'), pending === 0),
      button(t('entities.panel.rejectAll'), 'reject-all', () => run('rejectAll'), pending === 0),
      button(t('entities.panel.tagAll'), 'tag-all', () => run('tagAll')),
      button(t('entities.panel.saveGlossary'), 'save-glossary', () => void this.saveGlossary(), !this.ctx.root),
    );
    if (rows.length === 0) {
      replaceChildren(this.list, h('li', { class: 'hint' }, t('entities.panel.empty')));
      return;
    }
    replaceChildren(this.list, ...rows.map((r) => {
      const color = tagColor(this.ctx.tagSet, r.type);
      const flags: Node[] = [];
      if (r.missing === 'en') flags.push(h('span', { class: 'ent-flag', 'data-flag': 'no-en' }, t('entities.panel.noEnglish')));
      if (r.missing === 'ar') flags.push(h('span', { class: 'ent-flag', 'data-flag': 'no-ar' }, t('entities.panel.noArabic')));
      if (r.glossaryEn.length) flags.push(h('span', { class: 'ent-flag', 'data-flag': 'inconsistent' }, t('entities.panel.inconsistent', { en: r.glossaryEn.join(', ') })));
      if (r.conflict.length) flags.push(h('span', { class: 'ent-flag', 'data-flag': 'conflict' }, t('entities.panel.conflict', { types: r.conflict.join(', ') })));
      const item = h('button', { type: 'button', class: 'ent-panel-item', 'data-entity': r.entity },
        h('span', { class: 'ent-chip' }, r.type),
        h('span', { class: 'ent-form', lang: 'ar', dir: 'rtl' }, r.ar.map((f) => f.form).join('، ') || '—'),
        h('span', { class: 'ent-arrow', 'aria-hidden': 'true' }, '↔'),
        h('span', { class: 'ent-form', lang: 'en', dir: 'ltr' }, r.en.map((f) => f.form).join(', ') || '—'),
        h('span', { class: 'ent-count' }, formatNumber(r.mentions.length, lang)),
        ...flags);
      // CSSOM, not a style attribute: the CSP blocks inline styles
      item.style.setProperty('--ent-color', color);
      item.addEventListener('click', () => {
        const i = (this.cursor.get(r.entity) ?? -1) + 1;
        this.cursor.set(r.entity, i % r.mentions.length);
        this.editor.selectMention(r.mentions[i % r.mentions.length]);
        this.editor.focus();
      });
      return h('li', {}, item);
    }));
  }

  private async saveGlossary(): Promise<void> {
    if (!this.ctx.root) return;
    const g = await this.host.loadGlossary({ root: this.ctx.root });
    if (!g.ok) return;
    const res = await this.host.saveGlossary({ root: this.ctx.root, entries: g.value.entries });
    if (res.ok) setGlossary(this.ctx, g.value.entries);
    this.say?.(this.t()(res.ok ? 'entities.panel.glossarySaved' : 'entities.panel.glossaryNotSaved', { message: res.ok ? '' : res.message }), res.ok ? 'info' : 'error');
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.el.remove();
  }
}

/** A createEditor-shaped factory. */
export type CreateEditor = (mount: HTMLElement, init: EditorInit) => EditorHandle;

/**
 * Wraps the editor factory: the editor gets the workspace's tag set and glossary, messages are
 * translated, and the entity panel is mounted after the editor's mount element. Given `ui`, the
 * panel redraws itself in the new language when the UI language changes.
 */
export function withEntities(create: CreateEditor, ctx: EntityContext, host: HostBridge, t: () => TFunction, ui?: UiLanguage): CreateEditor {
  return (mount, init) => {
    let panel: EntityPanel | null = null;
    const toast = new EntityToast(() => mount, t);
    const editor = create(mount, {
      ...init,
      entities: {
        tagSet: ctx.tagSet,
        glossary: ctx.glossary,
        onMessage: (m) => toast.show(m),
        ...init.entities,
      },
      onChange: (info) => {
        init.onChange?.(info);
        panel?.schedule();
      },
      onSelection: (info) => {
        init.onSelection?.(info);
        // the panel does not depend on the caret: a plain caret move leaves it (no whole-document
        // rescan per arrow key); a command that moved the caret and changed suggestions redraws it
        if (panel?.suggestionsChanged()) panel.schedule();
      },
    });
    // tag-all's common-word check (shared/entities/common-noun.ts) needs the word list: loaded once
    void loadWordList(host).then((w) => w && editor.setWordList(w));
    panel = new EntityPanel(editor, ctx, t, host, ui, (text, kind) => toast.showText(text, kind));
    mount.after(panel.el);
    const relabel = () => panel?.render();
    ui?.on('languageChanged', relabel);
    const onGlossary = (g: GlossaryEntry[]) => {
      editor.setGlossary(g);
      panel?.render();
    };
    ctx.listeners.add(onGlossary);
    return {
      ...editor,
      setAnnotations(a, text) {
        editor.setAnnotations(a, text);
        panel?.render();
      },
      setTagSet(tagSet) {
        editor.setTagSet(tagSet);
        panel?.render();
      },
      destroy() {
        ctx.listeners.delete(onGlossary);
        ui?.off('languageChanged', relabel);
        panel?.destroy();
        toast.destroy();
        editor.destroy();
      },
    };
  };
}
