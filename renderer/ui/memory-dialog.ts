// File → Import Translation Memory…: seed the open report's English from a TMX file or a Moses pair
// (issue 6 "Import back"). The host reads and matches the memory against the editor's CURRENT
// annotations (unsaved edits included) and returns the result unsaved; the app applies it as one
// undoable editor change. The dialog shows what happened (matched, aligned, low confidence, unused).
import type { TFunction } from 'i18next';
import type { HostBridge, MemoryImportResponse, MemorySource } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { h, uid } from './dom.ts';
import { openRunReviewDialog } from './dialog.ts';
import { describeFailure } from './errors.ts';

export interface MemoryDialogOptions {
  t: TFunction;
  host: Pick<HostBridge, 'importMemory'>;
  /** the open report's .txt path */
  reportPath: string;
  /** the editor's current annotations (sent to the host to import into) */
  current: () => Annotations;
  /** applies the host's result to the editor (one undoable change) */
  apply: (a: Annotations) => void;
}

/** What the import did; null when closed without importing. */
export interface MemoryOutcome {
  /** the host's figures */
  result: MemoryImportResponse;
  /** the user asked to step through the low-confidence rows */
  review: boolean;
}

/** The memory described by the form, or null when a path is missing (pure, tested). */
export function memoryFromForm(kind: string, tmx: string, ar: string, en: string): MemorySource | null {
  if (kind === 'moses') {
    const a = ar.trim();
    const e = en.trim();
    return a && e ? { kind: 'moses', ar: a, en: e } : null;
  }
  const p = tmx.trim();
  return p ? { kind: 'tmx', path: p } : null;
}

export function openMemoryDialog(o: MemoryDialogOptions): Promise<MemoryOutcome | null> {
  const { t } = o;
  const id = uid('mem');
  const input = (name: string) => h('input', { type: 'text', id: `${id}-${name}`, name, dir: 'ltr', spellcheck: 'false', autocomplete: 'off' });
  const kindTmx = h('input', { type: 'radio', name: `${id}-kind`, value: 'tmx', id: `${id}-kt` });
  const kindMoses = h('input', { type: 'radio', name: `${id}-kind`, value: 'moses', id: `${id}-km` });
  kindTmx.checked = true;
  const tmx = input('tmx');
  const ar = input('ar');
  const en = input('en');
  const tmxField = h('div', { class: 'field', 'data-kind': 'tmx' }, h('label', { for: tmx.id }, t('memory.tmxPath')), tmx);
  const mosesFields = h('div', { class: 'field-group', 'data-kind': 'moses', hidden: true },
    h('div', { class: 'field' }, h('label', { for: ar.id }, t('memory.arPath')), ar),
    h('div', { class: 'field' }, h('label', { for: en.id }, t('memory.enPath')), en));
  const msg = h('div', { class: 'import-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'form' },
    h('p', {}, t('memory.intro')),
    h('fieldset', { class: 'field' }, h('legend', {}, t('memory.kind')),
      h('div', { class: 'field-check' }, kindTmx, h('label', { for: kindTmx.id }, t('memory.tmx'))),
      h('div', { class: 'field-check' }, kindMoses, h('label', { for: kindMoses.id }, t('memory.moses')))),
    tmxField, mosesFields, msg);
  const kind = () => (kindMoses.checked ? 'moses' : 'tmx');
  const showKind = () => {
    tmxField.hidden = kind() !== 'tmx';
    mosesFields.hidden = kind() !== 'moses';
  };
  kindTmx.addEventListener('change', showKind);
  kindMoses.addEventListener('change', showKind);

  let outcome: MemoryOutcome | null = null;
  let running = false;
  const { dlg, ran, result } = openRunReviewDialog({
    name: 'memory',
    title: t('memory.title'),
    form,
    initialFocus: tmx,
    runLabel: t('memory.run'),
    reviewLabel: t('import.review'),
    closeLabel: t('dialog.close'),
    run: () => void run(),
    outcome: () => outcome,
    busy: () => running,
  });

  async function run(): Promise<void> {
    if (running || outcome) return;
    const memory = memoryFromForm(kind(), tmx.value, ar.value, en.value);
    if (!memory) {
      msg.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('memory.missingPath')));
      (kind() === 'tmx' ? tmx : !ar.value.trim() ? ar : en).focus();
      return;
    }
    running = true;
    dlg.el.dataset.memoryState = 'running';
    dlg.buttons.get('run')!.disabled = true;
    msg.replaceChildren(h('p', {}, t('memory.running')));
    try {
      const res = await o.host.importMemory({ path: o.reportPath, memory, annotations: o.current() });
      if (!res.ok) {
        msg.replaceChildren(h('p', { class: 'error', role: 'alert', 'data-code': res.code, dir: 'auto' }, describeFailure(t, res)));
        dlg.el.dataset.memoryState = 'error';
        dlg.buttons.get('run')!.disabled = false;
        return;
      }
      const r = res.value;
      o.apply(r.annotations);
      outcome = { result: r, review: false };
      const line = (key: string, count: number, figure: string) => h('p', { 'data-figure': figure, 'data-count': count }, t(key, { count }));
      msg.replaceChildren(
        line('memory.pairs', r.pairs, 'pairs'),
        line('memory.matched', r.matched.length, 'matched'),
        line('memory.aligned', r.aligned.length, 'aligned'),
        line('memory.low', r.lowConfidence.length, 'lowConfidence'),
        line('memory.unused', r.unusedPairs, 'unusedPairs'),
        h('p', { class: 'hint' }, t('import.undoNote')));
      dlg.el.dataset.memoryState = 'done';
      ran(r.lowConfidence.length);
    } finally {
      running = false;
    }
  }
  return result;
}
