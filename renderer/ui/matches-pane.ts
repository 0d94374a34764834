// The matches pane beside the entity panel (issue 11): the best translation-memory matches for the
// row the caret is in (matches-model.ts decides when to look up and which answers count). Each
// match: its number (Ctrl+1…Ctrl+5), the score as a percentage in the UI's digits, the match's
// Arabic with its differences from this sentence marked (<del> only in the match, <ins> only in
// this sentence: struck through / underlined and labelled for screen readers, not only coloured),
// the English that would be inserted (numbers placed when the memory could, and said so), the
// origin, and an Insert button. Answers are announced in a polite live region.
// For tests and styling the pane carries data-state, data-matches and data-row.
import type { TFunction } from 'i18next';
import type { TmMatch } from '../../shared/contract/host.ts';
import { h, replaceChildren, uid } from './dom.ts';
import { announcement, diffPieces, formatPercent, spacedPieces, insertText, originName, type PaneState } from './matches-model.ts';
import { displayKeys } from './commands.ts';

/** What the pane needs. */
export interface MatchesPaneOptions {
  /** translations in the current UI language (read at each render) */
  t: () => TFunction;
  /** the UI language ('en' | 'ar'), for digits */
  lang: () => string;
  /** insert match `n` (1-based) into the caret's row */
  onInsert: (n: number) => void;
  mac: boolean;
}

export class MatchesPane {
  readonly el: HTMLElement;
  private readonly head: HTMLElement;
  private readonly body: HTMLElement;
  private readonly live: HTMLElement;
  private state: PaneState = { kind: 'idle' };

  constructor(private readonly o: MatchesPaneOptions) {
    const id = uid('tm-title');
    this.head = h('h2', { class: 'tm-pane-title', id });
    this.body = h('div', { class: 'tm-pane-body' });
    this.live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-tm': 'announce' });
    this.el = h('aside', { class: 'tm-pane', 'data-region': 'matches', 'aria-labelledby': id }, this.head, this.live, this.body);
    this.render(this.state);
  }

  /** Shows a new state (announced when it brings an answer). */
  show(s: PaneState): void {
    const announce = s !== this.state && s.kind === 'matches';
    this.state = s;
    this.render(s);
    if (announce) {
      const a = announcement(s, this.o.lang());
      if (a) this.live.textContent = this.o.t()(a.key, { count: a.count, best: a.best });
    }
  }

  /** Draws the current state again (UI language changed); the last announcement, in the old
   * language, is dropped (clearing a live region announces nothing). */
  refresh(): void {
    this.live.textContent = '';
    this.render(this.state);
  }

  private render(s: PaneState): void {
    const t = this.o.t();
    this.head.textContent = t('workbench.matches.title');
    const kind = s.kind === 'matches' ? (s.building ? 'building' : s.matches.length ? 'matches' : 'none') : s.kind;
    this.el.dataset.state = kind;
    this.el.dataset.matches = String(s.kind === 'matches' ? s.matches.length : 0);
    if ('unit' in s) this.el.dataset.row = s.unit;
    else delete this.el.dataset.row;
    const hint = (text: string, cls = 'hint') => h('p', { class: cls }, text);
    switch (s.kind) {
      case 'idle': return replaceChildren(this.body, hint(t('workbench.matches.idle')));
      case 'noSource': return replaceChildren(this.body, hint(t('workbench.matches.noSource')));
      case 'loading': return replaceChildren(this.body, hint(t('workbench.matches.loading')));
      case 'error': return replaceChildren(this.body, h('p', { class: 'error', role: 'alert' }, t('workbench.matches.error', { message: s.message })));
      case 'matches': {
        const parts: Node[] = [];
        if (s.building) parts.push(hint(t('workbench.matches.building', { count: s.units }), 'hint tm-building'));
        if (!s.matches.length) parts.push(hint(t('workbench.matches.none')));
        else parts.push(h('ol', { class: 'tm-list', 'aria-label': t('workbench.matches.list') }, ...s.matches.map((m, i) => this.item(t, m, i + 1))));
        return replaceChildren(this.body, ...parts);
      }
    }
  }

  private item(t: TFunction, m: TmMatch, n: number): HTMLElement {
    const lang = this.o.lang();
    const percent = formatPercent(m.score, lang);
    const keys = displayKeys(`Mod-${n}`, this.o.mac);
    const insert = h('button', { type: 'button', class: 'tm-insert', 'data-action': 'insert', 'data-n': n, 'aria-label': t('workbench.matches.insertLabel', { n, keys }) },
      t('workbench.matches.insert'), ' ', h('kbd', { dir: 'ltr', 'aria-hidden': 'true' }, keys));
    insert.addEventListener('click', () => this.o.onInsert(n));
    const origin = m.origin.kind === 'report'
      ? t('workbench.matches.origin', { name: originName(m), row: m.origin.row + 1 })
      : t('workbench.matches.originTmx', { name: originName(m), row: m.origin.row + 1 });
    const source = h('p', { class: 'tm-src', lang: 'ar', dir: 'rtl' }, ...spacedPieces(diffPieces(m.diff)).flatMap((p) => {
      if (p.op === 'same') return [p.text];
      const label = h('span', { class: 'visually-hidden', lang }, t(p.op === 'del' ? 'workbench.matches.del' : 'workbench.matches.ins') + ' ');
      // the spaces around a changed word stay outside its mark (no struck or underlined gaps)
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(p.text)!;
      return [lead, h(p.op === 'del' ? 'del' : 'ins', { class: `tm-${p.op}` }, label, core), trail];
    }));
    return h('li', { class: 'tm-match', 'data-n': n, 'data-score': m.score, 'data-exact': m.score >= 1 ? 'true' : null },
      h('div', { class: 'tm-head' },
        h('span', { class: 'tm-score', title: t('workbench.matches.score', { percent }) }, percent),
        h('span', { class: 'tm-origin', dir: 'auto' }, origin),
        insert),
      source,
      h('p', { class: 'tm-en', lang: 'en', dir: 'ltr' }, insertText(m)),
      m.enPlaced !== null ? h('p', { class: 'tm-placed hint' }, t('workbench.matches.placed')) : null);
  }

  destroy(): void {
    this.el.remove();
  }
}
