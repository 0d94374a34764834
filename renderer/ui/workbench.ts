// The translator's workbench around the editor (issue 11), wired like the entity panel: a wrapper
// of the editor factory (main.ts) that mounts the matches pane in a dock with the panels mounted
// beside the editor, feeds it the caret's row (onSelection), and gives the app three actions on
// the open report: insert the pane's n-th match (Ctrl+1…Ctrl+5), fill untranslated rows with
// exact matches (Edit → Fill exact matches), and go to a row (the concordance's Enter).
import type { i18n as I18n, TFunction } from 'i18next';
import type { HostBridge, Result } from '../../shared/contract/host.ts';
import type { EditorHandle, EditorInit } from '../editor/editor.ts';
import { h } from './dom.ts';
import { insertText, MatchesController, type Timers } from './matches-model.ts';
import { MatchesPane } from './matches-pane.ts';

/** The open report the editor shows: its folder and path (for lookups and to exclude its own row). */
export interface ReportWhere {
  root: string;
  path: string;
}

/** What the workbench adds to the editor handle. */
export interface WorkbenchActions {
  /** insert the pane's match `n` (1-based) into the caret's row; false when there is none */
  insertMatch(n: number): boolean;
  /** fill every row without English that has an exact (100%) match, as one undo step, status auto;
   * how many were filled, of how many rows without English */
  fillExactMatches(): Promise<Result<{ filled: number; untranslated: number }>>;
}

/** Options of withWorkbench. */
export interface WorkbenchOptions {
  host: HostBridge;
  i18n: I18n;
  mac: boolean;
  /** default: the window's timers */
  timers?: Timers;
}

type Create<I, H> = (mount: HTMLElement, init: I) => H;

/** Wraps an editor factory: the editor gets the matches pane and the workbench actions. */
export function withWorkbench<I extends EditorInit, H extends EditorHandle>(create: Create<I, H>, o: WorkbenchOptions): Create<I & { report?: ReportWhere }, H & WorkbenchActions> {
  return (mount, init) => {
    const t = () => o.i18n.t.bind(o.i18n) as TFunction;
    let editor: H | null = null;
    const pane = new MatchesPane({ t, lang: () => o.i18n.language, mac: o.mac, onInsert: (n) => insertMatch(n) && editor?.focus() });
    const controller = new MatchesController({
      lookup: (req) => o.host.tmLookup(req),
      where: () => init.report ?? null,
      onState: (s) => pane.show(s),
      timers: o.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (x) => clearTimeout(x as ReturnType<typeof setTimeout>) },
    });
    const follow = () => {
      if (!editor) return;
      // the caret's row only (no document walk): the model asks only when the row changed
      controller.enterRow(editor.translation.caretRow());
    };
    // panels the inner factories mount after the editor (the entity panel) join the dock
    const after = mount.nextSibling;
    editor = create(mount, {
      ...init,
      onSelection: (info) => {
        init.onSelection?.(info);
        follow();
      },
    });
    const dock = h('div', { class: 'panel-dock' });
    const added: Node[] = [];
    for (let n = mount.nextSibling; n && n !== after; n = n.nextSibling) added.push(n);
    mount.after(dock);
    dock.append(pane.el, ...added);
    follow();
    const onLanguage = () => pane.refresh();
    o.i18n.on('languageChanged', onLanguage);

    function insertMatch(n: number): boolean {
      const m = controller.match(n);
      const row = editor?.translation.caretRow();
      // only into the row the matches were found for
      if (!m || !editor || !row) return false;
      if (controller.state.kind !== 'matches' || controller.state.unit !== row.unit) return false;
      return editor.translation.insert(controller.state.unit, insertText(m), 'draft');
    }

    const actions: WorkbenchActions = {
      insertMatch,
      async fillExactMatches() {
        const where = init.report;
        if (!editor || !where) return { ok: true, value: { filled: 0, untranslated: 0 } };
        const rows = editor.translation.untranslated();
        if (!rows.length) return { ok: true, value: { filled: 0, untranslated: 0 } };
        const res = await o.host.tmExactMany({ root: where.root, texts: rows.map((r) => r.ar), path: where.path });
        if (!res.ok) return res;
        const fills = rows.flatMap((r, i) => {
          const m = res.value.matches[i];
          return m && m.score >= 1 ? [{ unit: r.unit, text: insertText(m) }] : [];
        });
        // rows given English while the host answered are left alone (onlyEmpty)
        const still = new Set(editor.translation.untranslated().map((r) => r.unit));
        const filled = fills.filter((f) => still.has(f.unit) && f.text.trim()).length;
        if (filled) editor.translation.fill(fills, { status: 'auto', onlyEmpty: true });
        return { ok: true, value: { filled, untranslated: rows.length } };
      },
    };
    const inner = editor;
    return {
      ...inner,
      ...actions,
      setAnnotations(a, text) {
        inner.setAnnotations(a, text);
        follow();
      },
      destroy() {
        o.i18n.off('languageChanged', onLanguage);
        controller.dispose();
        inner.destroy();
        pane.destroy();
        dock.remove();
      },
    };
  };
}
