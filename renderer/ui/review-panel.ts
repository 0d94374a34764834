// Review mode's panel (View → Review mode; issue 18 item 4), docked below the editor with the QA
// and entity panels. It shows the caret row's changes since its last accepted review (English word
// diff as <del>/<ins>, mentions and links added/removed), the row's comments, a comment box with
// Accept (Ctrl+Alt+A), Send back (Ctrl+Alt+B: needs a comment) and Add note; the merge driver's open
// conflicts with ours/theirs/both; and the entry to curation (curation-dialog.ts). Every change is an
// editor command (renderer/editor/commands/review.ts): undoable and saved by the normal save path.
// A live line announces the counts and any refusal. It redraws shortly after edits, only while shown.
import type { TFunction } from 'i18next';
import type { HostBridge } from '../../shared/contract/host.ts';
import type { EditorHandle, EditorInit } from '../editor/editor.ts';
import type { MergeConflict, RowComment, RowReview } from '../../shared/model/types.ts';
import type { Node as PMNode } from 'prosemirror-model';
import type { SourceSentenceAttrs } from '../editor/schema.ts';
import type { ReviewRefusal, Stamp } from '../editor/editor.ts';
import { mentionKey, reviewDiff, type RowView } from '../../shared/review/snapshot.ts';
import { cpSlice } from '../../shared/text/offsets.ts';
import { choicesFor, valueText, type ConflictChoice } from '../../shared/review/conflicts.ts';
import { matchesKey } from './commands.ts';
import { h, replaceChildren, uid } from './dom.ts';
import { formatDate } from './open-errors.ts';
import { userNameSource } from './review-user.ts';
import { openCurationDialog } from './curation-dialog.ts';

/** A createEditor-shaped factory. */
export type CreateEditor = (mount: HTMLElement, init: EditorInit) => EditorHandle;

/** The review keys (app level while review mode is on; the editor's F7 / Shift+F7 step rows). */
export const REVIEW_KEYS = { accept: 'Mod-Alt-a', sendBack: 'Mod-Alt-b' } as const;

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** A mention key's text (`side:start:end:type`): the mention's words from the row now, else from
 * the reviewed English or the row's Arabic; with the type. */
function mentionText(key: string, row: PMNode, view: RowView, reviewed: RowReview | null): string {
  const [side, start, end, type] = key.split(':');
  const [s, e] = [Number(start), Number(end)];
  let text = view.mentions.find((m) => mentionKey(m) === key)?.text;
  if (!text && side === 'en' && reviewed) text = cpSlice(reviewed.en, s, e);
  if (!text && side === 'ar') {
    row.child(0).forEach((n) => {
      const a = n.attrs as SourceSentenceAttrs;
      if (!text && a.start <= s && e <= a.end) text = cpSlice(n.textContent, s - a.start, e - a.start);
    });
  }
  return `${text ?? '?'} (${type})`;
}

export class ReviewPanel {
  readonly el: HTMLElement;
  /** outside the panel, shown while it is hidden: the open merge conflicts (visible and announced),
   * and refusals (announced even with the panel hidden) */
  readonly notice: HTMLElement;
  private readonly noticeText: HTMLElement;
  private readonly noticeOpen: HTMLButtonElement;
  private readonly refusal: HTMLElement;
  private readonly head: HTMLElement;
  private readonly live: HTMLElement;
  private readonly row: HTMLElement;
  private readonly comments: HTMLElement;
  private readonly box: HTMLTextAreaElement;
  private readonly conflicts: HTMLElement;
  private readonly buttons: Record<'accept' | 'sendBack' | 'note' | 'curate' | 'next', HTMLButtonElement>;
  private readonly boxLabel: HTMLLabelElement;
  private readonly conflictsHead: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastAnnounced = '';

  constructor(
    private readonly editor: EditorHandle,
    private readonly t: () => TFunction,
    private readonly stamp: () => Promise<Stamp>,
    private readonly curate: () => Promise<void>,
  ) {
    const id = uid('review');
    this.head = h('h2', { class: 'review-panel-title', id: `${id}-title` });
    this.live = h('p', { class: 'review-panel-count', role: 'status', 'aria-live': 'polite' });
    this.row = h('section', { class: 'review-row', 'aria-live': 'off' });
    this.comments = h('ul', { class: 'review-comments' });
    this.box = h('textarea', { id: `${id}-comment`, class: 'review-comment-box', rows: 2, dir: 'auto' });
    this.boxLabel = h('label', { for: this.box.id });
    const b = (action: string) => h('button', { type: 'button', 'data-action': action });
    this.buttons = { accept: b('accept'), sendBack: b('send-back'), note: b('note'), curate: b('curate'), next: b('next-changed') };
    this.buttons.accept.classList.add('primary');
    this.buttons.accept.addEventListener('click', () => void this.accept());
    this.buttons.sendBack.addEventListener('click', () => void this.comment('sendBack'));
    this.buttons.note.addEventListener('click', () => void this.comment('note'));
    this.buttons.curate.addEventListener('click', () => void this.curate());
    this.buttons.next.addEventListener('click', () => {
      this.editor.runCommand('nextChangedRow');
      this.editor.focus();
    });
    this.conflictsHead = h('h3', { class: 'review-conflicts-title', id: `${id}-conflicts` });
    this.conflicts = h('ul', { class: 'review-conflicts', 'aria-labelledby': this.conflictsHead.id });
    this.el = h('aside', { class: 'review-panel', 'data-region': 'review', 'aria-labelledby': this.head.id, hidden: true },
      h('div', { class: 'review-panel-bar' }, this.head, this.live, this.buttons.next, this.buttons.curate),
      h('div', { class: 'review-panel-body' },
        h('div', { class: 'review-current' }, this.row, this.comments,
          h('div', { class: 'field' }, this.boxLabel, this.box),
          h('div', { class: 'review-actions' }, this.buttons.accept, this.buttons.sendBack, this.buttons.note)),
        h('section', { class: 'review-conflicts-box' }, this.conflictsHead, this.conflicts)));
    this.el.addEventListener('keydown', (ev) => this.onKey(ev));
    this.noticeText = h('span', { class: 'review-notice-text' });
    this.noticeOpen = h('button', { type: 'button', 'data-action': 'open-review' });
    this.noticeOpen.addEventListener('click', () => this.openReview());
    this.refusal = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-review': 'announce' });
    const conflictNote = h('p', { class: 'review-notice', role: 'status', 'aria-live': 'polite', hidden: true }, this.noticeText, ' ', this.noticeOpen);
    this.notice = h('div', { class: 'review-notice-box' }, this.refusal, conflictNote);
  }

  /** Called by the notice's button: review mode on (the hooks' toggle keeps its flag in step). */
  openReview: () => void = () => this.setActive(true);

  /** Told the count of open conflicts on every update (the status bar). */
  onConflicts: (count: number) => void = () => {};

  /** The conflict note: shown while conflicts are open and the panel is hidden. */
  updateNotice(): void {
    const t = this.t();
    const n = this.editor.review.openConflicts().length;
    this.onConflicts(n);
    const note = this.notice.querySelector<HTMLElement>('.review-notice')!;
    note.hidden = n === 0 || this.visible;
    note.dataset.conflicts = String(n);
    if (note.hidden) return;
    const text = t('review.conflictNote', { count: n });
    if (this.noticeText.textContent !== text) this.noticeText.textContent = text;
    this.noticeOpen.textContent = t('review.openReview');
  }

  get visible(): boolean {
    return !this.el.hidden;
  }

  /** Review mode on (panel shown, rows marked) or off. */
  setActive(on: boolean, focus = true): void {
    this.el.hidden = !on;
    this.editor.review.setMode(on);
    this.updateNotice();
    if (on) {
      this.render();
      if (focus) this.editor.focus();
    } else this.editor.focus();
  }

  /** The editor changed (an edit, a caret move): redraw soon, only while shown. */
  schedule(): void {
    if (!this.visible) {
      this.updateNotice();
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(), 120);
  }

  /** Says why a command was refused (the live line). */
  refused(why: ReviewRefusal): void {
    const t = this.t();
    const text = t(`review.refused.${why}`, { count: this.editor.review.openConflicts().length });
    this.refusal.textContent = '';
    this.refusal.textContent = text;
    if (this.visible) this.say(text);
  }

  private say(text: string): void {
    // the same text twice is announced twice: clear first
    this.live.textContent = '';
    this.live.textContent = this.lastAnnounced = text;
  }

  render(): void {
    clearTimeout(this.timer);
    const t = this.t();
    const open = this.editor.review.openConflicts();
    const changed = this.editor.review.changedCount();
    this.el.dataset.changed = String(changed);
    this.el.dataset.conflicts = String(open.length);
    this.onConflicts(open.length);
    this.head.textContent = t('review.title');
    this.boxLabel.textContent = t('review.comment');
    this.buttons.accept.textContent = t('review.accept');
    this.buttons.accept.setAttribute('aria-keyshortcuts', 'Control+Alt+A');
    this.buttons.sendBack.textContent = t('review.sendBack');
    this.buttons.sendBack.setAttribute('aria-keyshortcuts', 'Control+Alt+B');
    this.buttons.note.textContent = t('review.addNote');
    this.buttons.curate.textContent = t('review.curate');
    this.buttons.next.textContent = t('review.nextChanged');
    this.buttons.next.setAttribute('aria-keyshortcuts', 'F7');
    const counts = `${t('review.changedCount', { count: changed })} ${open.length ? t('review.conflictCount', { count: open.length }) : ''}`.trim();
    if (counts !== this.lastAnnounced) this.say(counts);
    this.renderRow(t);
    this.renderConflicts(t, open);
  }

  private renderRow(t: TFunction): void {
    const c = this.editor.review.caretRow();
    if (!c) {
      replaceChildren(this.row, h('p', { class: 'hint' }, t('review.noRow')));
      replaceChildren(this.comments);
      return;
    }
    const a = c.attrs;
    const view = c.view;
    const d = reviewDiff(a.reviewed, view);
    this.el.dataset.row = a.id;
    this.el.dataset.rowState = d.state;
    const words = h('p', { class: 'review-diff', dir: 'ltr', lang: 'en' },
      ...d.words.map((p) => (p.op === 'same' ? p.text : h(p.op === 'del' ? 'del' : 'ins', { class: `review-${p.op}` }, p.text))));
    const say = (k: string) => k.split('|').map((m) => mentionText(m, c.node, view, a.reviewed)).join(' ↔ ');
    const list = (label: string, keys: string[], cls: string) => (keys.length
      ? h('div', { class: cls }, h('span', {}, label), h('ul', {}, ...keys.map((k) => h('li', { dir: 'auto' }, h('bdi', {}, say(k))))))
      : null);
    replaceChildren(this.row,
      h('h3', { class: 'review-row-title' }, t('review.row', { row: c.index + 1 }), ' — ', h('span', { class: 'review-state', 'data-state': d.state }, t(`review.state.${d.state}`))),
      a.reviewed ? h('p', { class: 'hint' }, t('review.lastReview', { by: a.reviewed.by, date: formatDate(a.reviewed.at, document.documentElement.lang) })) : null,
      view.en || d.words.length ? words : h('p', { class: 'hint' }, t('review.noEnglish')),
      list(t('review.mentionsAdded'), d.mentionsAdded, 'review-added'),
      list(t('review.mentionsRemoved'), d.mentionsRemoved, 'review-removed'),
      list(t('review.linksAdded'), d.linksAdded, 'review-added'),
      list(t('review.linksRemoved'), d.linksRemoved, 'review-removed'));
    replaceChildren(this.comments, ...a.comments.map((k) => this.commentItem(t, k)));
    if (!a.comments.length) this.comments.append(h('li', { class: 'hint' }, t('review.noComments')));
  }

  private commentItem(t: TFunction, k: RowComment): HTMLElement {
    return h('li', { class: 'review-comment', 'data-kind': k.kind },
      h('span', { class: 'review-comment-kind' }, t(`review.kind.${k.kind}`)), ' ',
      h('span', { class: 'review-comment-by' }, t('review.by', { by: k.by, date: formatDate(k.at, document.documentElement.lang) })), ' ',
      h('span', { class: 'review-comment-text', dir: 'auto' }, k.text));
  }

  private renderConflicts(t: TFunction, open: readonly MergeConflict[]): void {
    this.conflictsHead.textContent = open.length ? t('review.conflicts', { count: open.length }) : t('review.noConflicts');
    const rowOf = new Map<string, number>();
    for (const [id, i] of this.editor.review.rowIndexes()) rowOf.set(id, i);
    replaceChildren(this.conflicts, ...open.map((c) => {
      const row = c.unit !== undefined ? rowOf.get(c.unit) : undefined;
      const side = (label: string, v: unknown, cls: string) => h('div', { class: cls },
        h('span', { class: 'review-side-label' }, label), ' ',
        h('bdi', { class: 'review-value', dir: 'auto' }, valueText(v) || t('review.deleted')));
      const choose = (choice: ConflictChoice) => {
        const b = h('button', { type: 'button', 'data-action': `conflict-${choice}`, 'data-conflict': c.id,
          'aria-label': t(`review.chooseLabel.${choice}`, { kind: t(`review.conflictKind.${c.kind}`) }) }, t(`review.choose.${choice}`));
        b.addEventListener('click', () => this.resolve(c.id, choice));
        return b;
      };
      const go = row === undefined ? null : h('button', { type: 'button', class: 'review-go', 'data-action': 'go' }, t('review.row', { row: row + 1 }));
      go?.addEventListener('click', () => {
        this.editor.review.goToUnit(c.unit!);
        this.editor.focus();
      });
      return h('li', { class: 'review-conflict', 'data-conflict': c.id, 'data-kind': c.kind },
        h('div', { class: 'review-conflict-head' }, go, ' ', h('span', { class: 'review-conflict-kind' }, t(`review.conflictKind.${c.kind}`))),
        side(t('review.ours'), c.ours, 'review-ours'),
        side(t('review.theirs'), c.theirs, 'review-theirs'),
        h('div', { class: 'review-conflict-actions' }, ...choicesFor(c).map(choose)));
    }));
  }

  private resolve(id: string, choice: ConflictChoice): void {
    const known = this.editor.getAnnotations().entities.map((e) => e.id);
    if (this.editor.review.resolve(id, choice, known)) {
      this.say(this.t()('review.resolved', { count: this.editor.review.openConflicts().length }));
      this.render();
      (this.conflicts.querySelector<HTMLElement>('button') ?? this.buttons.accept).focus();
    }
  }

  /** Accept the caret's row. */
  async accept(): Promise<void> {
    const stamp = await this.stamp();
    if (this.editor.review.accept(stamp)) {
      this.say(this.t()('review.accepted'));
      this.render();
    }
  }

  /** Add the comment box's text as a note or a send-back. */
  async comment(kind: RowComment['kind']): Promise<void> {
    const stamp = await this.stamp();
    if (this.editor.review.comment(this.box.value, kind, stamp)) {
      this.box.value = '';
      this.say(this.t()(kind === 'sendBack' ? 'review.sentBack' : 'review.noted'));
      this.render();
    } else if (!this.box.value.trim()) this.box.focus();
  }

  /** Ctrl+Alt+A / Ctrl+Alt+B anywhere in the editor area while review mode is on; Esc in the panel back to the editor. */
  onKey(ev: KeyboardEvent): boolean {
    if (!this.visible) return false;
    if (matchesKey(ev, REVIEW_KEYS.accept, isMac())) {
      ev.preventDefault();
      void this.accept();
      return true;
    }
    if (matchesKey(ev, REVIEW_KEYS.sendBack, isMac())) {
      ev.preventDefault();
      // with a comment typed: send back now; else the comment box gets the keyboard first
      if (this.box.value.trim()) void this.comment('sendBack');
      else {
        this.box.focus();
        this.say(this.t()('review.refused.emptyComment'));
      }
      return true;
    }
    if (ev.key === 'Escape' && this.el.contains(ev.target as Node)) {
      ev.preventDefault();
      this.editor.focus();
      return true;
    }
    return false;
  }

  /** The UI language changed. */
  relabel(): void {
    this.editor.review.relabel();
    if (this.visible) this.render();
    this.updateNotice();
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.el.remove();
    this.notice.remove();
  }
}

/** What the app shell asks of review (AppOptions.review). */
export interface ReviewHooks {
  /** View → Review mode: on or off for the open report */
  toggle(): void;
  /** the open report's count of open merge conflicts, whenever it may have changed (the status bar) */
  onConflicts?: (count: number) => void;
}

/** The review wiring: an editor factory wrapper and the app's hooks. `rawHost` opens the other
 * copy's folder for curation without the workspace trackers taking it for the open project. */
export function createReview(rawHost: HostBridge, t: () => TFunction): { wrap(create: CreateEditor): CreateEditor; hooks: ReviewHooks; relabel(): void } {
  let panel: ReviewPanel | null = null;
  let on = false;
  const user = userNameSource(rawHost);
  const stamp = async (): Promise<Stamp> => ({ by: await user(), at: new Date().toISOString() });
  const badge = (comments: readonly RowComment[]) => {
    const tr = t();
    return {
      // words, not an emoji (not every system has an emoji font)
      text: tr('review.badgeLabel', { count: comments.length }),
      label: [tr('review.badgeLabel', { count: comments.length }), ...comments.map((k) => `${tr(`review.kind.${k.kind}`)} — ${k.by}: ${k.text}`)].join('\n'),
    };
  };

  const wrap = (create: CreateEditor): CreateEditor => (mount, init) => {
    let p: ReviewPanel | null = null;
    const editor = create(mount, {
      ...init,
      review: { badge, onRefused: (why) => (p ? p.refused(why) : undefined) },
      onChange: (info) => {
        init.onChange?.(info);
        p?.schedule();
      },
      onSelection: (info) => {
        init.onSelection?.(info);
        p?.schedule();
      },
    });
    const panelEditor = editor;
    p = new ReviewPanel(panelEditor, t, stamp, () => openCurationDialog({ t: t(), host: rawHost, editor: panelEditor }));
    panel = p;
    const onKey = (ev: KeyboardEvent) => void p?.onKey(ev);
    mount.addEventListener('keydown', onKey);
    // docked below the editor with the QA and entity panels
    const dock = mount.parentElement?.querySelector(':scope > .editor-dock');
    if (dock) dock.prepend(p.notice, p.el);
    else mount.after(p.notice, p.el);
    p.openReview = () => hooks.toggle();
    p.onConflicts = (n) => hooks.onConflicts?.(n);
    if (on) p.setActive(true, false);
    else p.updateNotice();
    return {
      ...editor,
      setAnnotations(a, text) {
        // a reload builds a new editor state: review mode goes on again
        editor.setAnnotations(a, text);
        if (on) p?.setActive(true, false);
        else p?.updateNotice();
      },
      destroy() {
        // an editor closed after its successor opened must not clear the successor's count
        if (panel === p) hooks.onConflicts?.(0);
        mount.removeEventListener('keydown', onKey);
        p?.destroy();
        if (panel === p) panel = null;
        editor.destroy();
      },
    };
  };

  const hooks: ReviewHooks = {
    toggle() {
      on = !(panel?.visible ?? on);
      panel?.setActive(on);
    },
  };
  // the UI language changed: the panel's texts and the badges again
  const relabel = () => panel?.relabel();
  return { wrap, hooks, relabel };
}
