// The QA panel (View → QA, F9) and the app-side wiring of the QA checks (issue 12):
//   - createQa wraps the host bridge to learn the workspace's QA settings (checks switched off in
//     Project Settings) and hands changes to the open editor at once;
//   - wrap() wraps the editor factory: the editor gets the checks' context (disabled checks, the
//     project glossary), and the panel is docked below the editor with the entity panel;
//   - the panel lists the open report's findings grouped by check, one line each; Enter or a click
//     jumps to the row; Ignore / Un-ignore is stored on the row (sidecar unit.qaIgnore, undoable);
//     an aria-live line announces the count. It redraws shortly after edits, only while shown, and
//     asks the editor for inconsistent-translation at idle (never per keystroke).
import type { TFunction } from 'i18next';
import type { HostBridge, Workspace } from '../../shared/contract/host.ts';
import type { QaContext, QaFinding } from '../../shared/qa/types.ts';
import type { EditorHandle, EditorInit, QaFilter } from '../editor/editor.ts';
import type { EntityContext } from './entity-panel.ts';
import { watchWorkspace } from './workspace-watch.ts';
import { h, replaceChildren, uid } from './dom.ts';
import { checkName, disabledChecks, findingMessage, groupByCheck } from './qa-model.ts';
import { openQaReportDialog, type QaReportDialogOptions } from './qa-report-dialog.ts';

/** Findings drawn per check at most (a report of untranslated rows has one per row); F8 reaches all. */
const MAX_PER_GROUP = 200;

/** A createEditor-shaped factory. */
export type CreateEditor = (mount: HTMLElement, init: EditorInit) => EditorHandle;

/** The panel below the editor. */
export class QaPanel {
  readonly el: HTMLElement;
  private readonly head: HTMLElement;
  private readonly live: HTMLElement;
  private readonly list: HTMLElement;
  private readonly ignoredBox: HTMLInputElement;
  private readonly ignoredLabel: HTMLLabelElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private drawn: unknown = null;
  private lastAnnounced = '';

  constructor(private readonly editor: EditorHandle, private readonly t: () => TFunction) {
    const id = uid('qa-panel');
    this.head = h('h2', { class: 'qa-panel-title', id: `${id}-title` });
    this.live = h('p', { class: 'qa-panel-count', role: 'status', 'aria-live': 'polite' });
    this.ignoredBox = h('input', { type: 'checkbox', id: `${id}-ignored`, 'data-action': 'show-ignored' });
    this.ignoredLabel = h('label', { for: this.ignoredBox.id });
    this.ignoredBox.addEventListener('change', () => this.render(true));
    this.list = h('div', { class: 'qa-panel-list' });
    this.list.addEventListener('keydown', (ev) => this.onKey(ev));
    this.el = h('aside', { class: 'qa-panel', 'data-region': 'qa', 'aria-labelledby': this.head.id, hidden: true },
      h('div', { class: 'qa-panel-bar' }, this.head, this.live, h('span', { class: 'field-check' }, this.ignoredBox, this.ignoredLabel)),
      this.list);
  }

  get visible(): boolean {
    return !this.el.hidden;
  }

  /** Shows or hides the panel; shown, the first finding gets the focus (or stays with `focus` false). */
  setVisible(on: boolean, focus = true): void {
    this.el.hidden = !on;
    if (!on) {
      this.editor.focus();
      return;
    }
    this.render(true);
    if (focus) (this.list.querySelector<HTMLElement>('button.qa-item') ?? this.ignoredBox).focus();
  }

  /** The editor's QA state changed: redraw soon (coalesces bursts of typing), only while shown. */
  schedule(): void {
    if (!this.visible) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(), 150);
  }

  private get filter(): QaFilter {
    return this.ignoredBox.checked ? 'ignored' : 'open';
  }

  /** Redraws from the editor's findings (skipped when they did not change, unless `force`). */
  render(force = false): void {
    clearTimeout(this.timer);
    const t = this.t();
    const qs = this.editor.qa.version();
    if (!force && qs === this.drawn) return;
    this.drawn = qs;
    const open = this.editor.qa.findings('open');
    const shown = this.filter === 'open' ? open : this.editor.qa.findings('ignored');
    this.el.dataset.qaCount = String(open.length);
    this.el.dataset.qaShown = String(shown.length);
    this.head.textContent = t('qaPanel.title');
    this.ignoredLabel.textContent = t('qaPanel.showIgnored');
    const announce = open.length ? t('qaPanel.count', { count: open.length }) : t('qaPanel.none');
    // the live region only changes when the count does (typing does not re-announce it)
    if (announce !== this.lastAnnounced) this.live.textContent = this.lastAnnounced = announce;
    const hadFocus = this.list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.key : undefined;
    if (shown.length === 0) {
      replaceChildren(this.list, h('p', { class: 'hint' }, this.filter === 'open' ? t('qaPanel.none') : t('qaPanel.noneIgnored')));
    } else {
      replaceChildren(this.list, ...groupByCheck(shown).map((g) => {
        const hid = uid('qa-group');
        return h('section', { class: 'qa-group', 'data-check': g.check, 'aria-labelledby': hid },
          h('h3', { id: hid, class: 'qa-group-title' },
            h('span', { class: 'qa-sev', 'data-severity': g.severity }, t(`qa.severity.${g.severity}`)),
            ' ', t('qaPanel.group', { name: checkName(t, g.check), count: g.findings.length })),
          h('ul', {}, ...g.findings.slice(0, MAX_PER_GROUP).map((f) => this.item(t, f)),
            g.findings.length > MAX_PER_GROUP ? h('li', { class: 'hint' }, t('qaPanel.more', { count: g.findings.length - MAX_PER_GROUP })) : null));
      }));
    }
    if (hadFocus) (this.list.querySelector<HTMLElement>(`[data-key="${CSS.escape(hadFocus)}"]`) ?? this.list.querySelector<HTMLElement>('button.qa-item'))?.focus();
    // inconsistent-translation across rows: at idle, while the panel is shown
    if (this.editor.qa.consistencyStale()) {
      clearTimeout(this.idle);
      this.idle = setTimeout(() => {
        if (!this.visible) return;
        this.editor.qa.refreshConsistency();
      }, 400);
    }
  }

  private item(t: TFunction, f: QaFinding): HTMLElement {
    const key = `${f.unit}:${f.check}:${f.messageKey}:${JSON.stringify(f.params)}`;
    const go = h('button', { type: 'button', class: 'qa-item', 'data-check': f.check, 'data-row': f.row, 'data-unit': f.unit, 'data-severity': f.severity, 'data-key': key },
      h('span', { class: 'qa-row' }, t('qaPanel.row', { row: f.row + 1 })),
      h('span', { class: 'qa-msg', dir: 'auto' }, findingMessage(t, f)));
    go.addEventListener('click', () => this.jump(f.row));
    const ignoring = this.filter === 'open';
    const toggle = h('button', { type: 'button', class: 'qa-ignore', 'data-action': ignoring ? 'ignore' : 'unignore', 'data-key': `${key}:toggle`,
      'aria-label': t(ignoring ? 'qaPanel.ignoreLabel' : 'qaPanel.unignoreLabel', { row: f.row + 1, name: checkName(t, f.check) }) },
    t(ignoring ? 'qaPanel.ignore' : 'qaPanel.unignore'));
    toggle.addEventListener('click', () => {
      this.editor.qa.setIgnore(f.unit, f.check, ignoring);
      this.render(true);
      (this.list.querySelector<HTMLElement>('button.qa-item') ?? this.ignoredBox).focus();
    });
    return h('li', { class: 'qa-entry' }, go, toggle);
  }

  /** Selects the row's English, scrolled into view, and gives the editor the keyboard. */
  jump(row: number): void {
    this.editor.goToRow(row);
    this.editor.focus();
  }

  /** Up/Down move between the findings (Enter jumps: they are buttons). */
  private onKey(ev: KeyboardEvent): void {
    if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp' && ev.key !== 'Escape') return;
    if (ev.key === 'Escape') {
      ev.preventDefault();
      this.editor.focus();
      return;
    }
    const items = [...this.list.querySelectorAll<HTMLElement>('button.qa-item')];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const next = items[i < 0 ? 0 : Math.max(0, Math.min(items.length - 1, i + (ev.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      ev.preventDefault();
      next.focus();
    }
  }

  destroy(): void {
    clearTimeout(this.timer);
    clearTimeout(this.idle);
    this.el.remove();
  }
}

/** What the app shell asks of QA (AppOptions.qa). */
export interface QaHooks {
  /** View → QA, F9: show or hide the panel of the open report */
  toggle(): void;
  /** shows the panel with the focus in it (the export gate's "Review QA first") */
  show(): void;
  /** File → QA report…: the folder's findings (qa-report-dialog.ts) */
  reportDialog(o: Omit<QaReportDialogOptions, 't' | 'host'>): Promise<void>;
  /** open QA errors of a report (`path`) or of the folder (the export gate); null when QA is unavailable */
  errorCount(root: string, path?: string): Promise<number | null>;
}

/** The QA wiring: a host that tracks QA settings, an editor factory wrapper, and the app's hooks. */
export function createQa(host: HostBridge, t: () => TFunction, entities?: EntityContext): { host: HostBridge; wrap(create: CreateEditor): CreateEditor; hooks: QaHooks; relabel(): void } {
  let disabled: QaContext['disabled'] = [];
  let panel: QaPanel | null = null;
  let shown = false;
  let active: EditorHandle | null = null;
  const context = (): QaContext => ({ disabled, glossary: entities?.glossary ?? [] });
  const push = () => {
    active?.qa.setContext(context());
  };
  const learn = (ws: Workspace) => {
    const next = disabledChecks(ws.settings);
    if (next.join() === disabled?.join()) return;
    disabled = next;
    push();
  };
  const wrapped = watchWorkspace(host, learn);

  const wrap = (create: CreateEditor): CreateEditor => (mount, init) => {
    let p: QaPanel | null = null;
    const editor = create(mount, {
      ...init,
      // a getter: the editor reads it again when a reload builds a new state
      qa: { ...init.qa, get ctx() { return context(); } },
      onQa: () => {
        init.onQa?.();
        p?.schedule();
      },
    });
    p = new QaPanel(editor, t);
    panel = p;
    active = editor;
    // docked with the entity panel below the editor (two sticky drawers would overlap)
    const dock = h('div', { class: 'editor-dock' }, p.el);
    const ent = mount.parentElement?.querySelector(':scope > .ent-panel');
    mount.after(dock);
    if (ent) dock.append(ent);
    if (shown) p.setVisible(true, false);
    const onGlossary = () => push();
    entities?.listeners.add(onGlossary);
    return {
      ...editor,
      setAnnotations(a, text) {
        editor.setAnnotations(a, text);
        p?.render(true);
      },
      destroy() {
        entities?.listeners.delete(onGlossary);
        p?.destroy();
        if (panel === p) panel = null;
        if (active === editor) active = null;
        editor.destroy();
        dock.remove();
      },
    };
  };

  const hooks: QaHooks = {
    toggle() {
      shown = !(panel?.visible ?? shown);
      panel?.setVisible(shown);
    },
    show() {
      shown = true;
      panel?.setVisible(true);
    },
    reportDialog: (o) => openQaReportDialog({ ...o, t: t(), host }),
    async errorCount(root, path) {
      const res = await host.qaRun({ root, ...(path ? { path } : {}) });
      return res.ok ? res.value.findings.filter((f) => f.severity === 'error').length : null;
    },
  };
  // the UI language changed: the panel's texts again
  const relabel = () => panel?.render(true);
  return { host: wrapped, wrap, hooks, relabel };
}
