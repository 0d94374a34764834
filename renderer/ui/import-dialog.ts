// File → Import English Translation…: paste text or load a file (readTextFile, decoded like a
// report), align it against the open report's Arabic rows with the pure importTranslation
// (shared/align/import.ts), and put the result into the editor as one undoable change.
import type { TFunction } from 'i18next';
import type { HostBridge } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { h, uid } from './dom.ts';
import { openRunReviewDialog } from './dialog.ts';
import { describeFailure } from './errors.ts';

/** The aligner entry point (shared/align/import.ts), injected so the dialog does not depend on it. */
export interface ImportFnResult {
  annotations: Annotations;
  lowConfidence: string[];
  /** aligned without the word list (missing or not loaded yet): lower quality, and the dialog says so */
  noLexicon?: boolean;
}
/** The import itself; may answer later (the project's learned word list is fetched first). */
export type ImportFn = (annotations: Annotations, sourceText: string, translation: string) => ImportFnResult | Promise<ImportFnResult>;

export interface ImportDialogOptions {
  t: TFunction;
  host: HostBridge;
  importFn: ImportFn;
  /** the editor's current annotations and the source text */
  current: () => { annotations: Annotations; sourceText: string };
  /** applies the result to the editor (one undoable change) */
  apply: (a: Annotations) => void;
}

/** What the import did; null when cancelled. */
export interface ImportOutcome {
  /** rows that have English after the import */
  rowsWithEnglish: number;
  /** unit ids the aligner was unsure about */
  lowConfidence: string[];
  /** the user asked to step through the low-confidence rows */
  review: boolean;
}

export function openImportDialog(o: ImportDialogOptions): Promise<ImportOutcome | null> {
  const { t, host } = o;
  const id = uid('imp');
  const text = h('textarea', { id: `${id}-text`, name: 'text', dir: 'ltr', lang: 'en', rows: 10, spellcheck: 'true' });
  const path = h('input', { type: 'text', id: `${id}-path`, name: 'path', dir: 'ltr', spellcheck: 'false', autocomplete: 'off' });
  const load = h('button', { type: 'button', class: 'secondary' }, t('import.load'));
  const msg = h('div', { class: 'import-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'form' },
    h('p', {}, t('import.intro')),
    h('div', { class: 'field' }, h('label', { for: text.id }, t('import.paste')), text),
    h('div', { class: 'field field-inline' }, h('label', { for: path.id }, t('import.path')), path, load),
    msg);
  let outcome: ImportOutcome | null = null;
  /** an import is on its way: the dialog stays open until it lands */
  let running = false;
  const { dlg, ran, result } = openRunReviewDialog({
    name: 'import',
    title: t('import.title'),
    form,
    initialFocus: text,
    runLabel: t('import.run'),
    reviewLabel: t('import.review'),
    closeLabel: t('dialog.close'),
    run: () => void run(),
    outcome: () => outcome,
    busy: () => running,
  });
  load.addEventListener('click', async () => {
    const p = path.value.trim();
    if (!p) return path.focus();
    const res = await host.readTextFile({ path: p });
    if (res.ok) {
      text.value = res.value.text;
      msg.replaceChildren(h('p', {}, t('import.loaded', { path: p, encoding: res.value.encoding })));
    } else {
      msg.replaceChildren(h('p', { class: 'error', role: 'alert' }, describeFailure(t, res)));
      path.focus();
    }
  });

  async function run(): Promise<void> {
    if (running) return;
    if (!text.value.trim()) {
      msg.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('import.empty')));
      text.focus();
      return;
    }
    running = true;
    // the project's learned word list may still be refreshing: say so while the import waits for it
    dlg.buttons.get('run')!.disabled = true;
    msg.replaceChildren(h('p', { 'data-import-running': '' }, t('import.running')));
    try {
      const { annotations, sourceText } = o.current();
      const r = await o.importFn(annotations, sourceText, text.value);
      o.apply(r.annotations);
      const rowsWithEnglish = r.annotations.units.filter((u) => u.target.length > 0).length;
      outcome = { rowsWithEnglish, lowConfidence: r.lowConfidence, review: false };
      msg.replaceChildren(
        h('p', { 'data-import-done': '' }, t('import.result', { count: rowsWithEnglish })),
        h('p', {}, t('import.low', { count: r.lowConfidence.length })),
        ...(r.noLexicon ? [h('p', { class: 'hint', 'data-no-lexicon': '' }, t('import.noLexicon'))] : []),
        h('p', { class: 'hint' }, t('import.undoNote')));
      dlg.buttons.get('run')!.disabled = true;
      ran(r.lowConfidence.length);
    } catch (e) {
      msg.replaceChildren(h('p', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e)));
      dlg.buttons.get('run')!.disabled = false;
    } finally {
      running = false;
    }
  }
  return result;
}
