// Edit → Concordance… (Ctrl+Shift+C): every row of the project holding a word or phrase (host call
// concordance: Arabic-aware like find, clitics and spelling variants included). The field starts
// with the selected text; the language follows the term's script unless chosen. Each hit shows the
// report and row, the Arabic and the English with the hit marked on its side. Arrow keys move
// through the hits (Home/End to the ends, ArrowUp from the first back to the field); Enter opens
// that report at that row (the app does the opening). Truncated answers say so.
import type { TFunction } from 'i18next';
import type { ConcordanceHit, HostBridge } from '../../shared/contract/host.ts';
import { cpLength, cpSlice } from '../../shared/text/offsets.ts';
import { openDialog } from './dialog.ts';
import { h, replaceChildren, uid } from './dom.ts';
import { describeFailure } from './errors.ts';

/** Options of openConcordanceDialog. */
export interface ConcordanceOptions {
  t: TFunction;
  host: HostBridge;
  /** the open folder */
  root: string;
  /** the selected text ('' for none) */
  term: string;
  /** most hits asked for (default 500) */
  limit?: number;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** The language a term is searched in when not chosen: Arabic when it holds an Arabic letter. */
export function termLang(term: string): 'ar' | 'en' {
  return ARABIC.test(term) ? 'ar' : 'en';
}

/** `text` cut around the hit (code-point offsets); no hit part when the offsets do not fit the text. */
export function markedParts(text: string, start: number, end: number): { before: string; hit: string; after: string } {
  const n = cpLength(text);
  if (start < 0 || end <= start || end > n) return { before: text, hit: '', after: '' };
  return { before: cpSlice(text, 0, start), hit: cpSlice(text, start, end), after: cpSlice(text, end, n) };
}

/** The report's display name from its relative file. */
function reportName(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.txt$/i, '');
}

/** Opens the dialog; resolves to the hit chosen with Enter (or a click), null when closed. */
export async function openConcordanceDialog(o: ConcordanceOptions): Promise<ConcordanceHit | null> {
  const { t, host } = o;
  const id = uid('cc');
  const input = h('input', { id: `${id}-term`, type: 'search', dir: 'auto', autocomplete: 'off', spellcheck: 'false', 'data-cc': 'term' });
  input.value = o.term.trim();
  const lang = h('select', { id: `${id}-lang`, 'data-cc': 'lang' },
    h('option', { value: 'auto' }, t('workbench.concordance.langAuto')),
    h('option', { value: 'ar' }, t('workbench.concordance.langAr')),
    h('option', { value: 'en' }, t('workbench.concordance.langEn')));
  const status = h('p', { class: 'cc-status', role: 'status', 'aria-live': 'polite', 'data-cc': 'status' });
  const list = h('ol', { class: 'cc-list', 'aria-label': t('workbench.concordance.results') });
  const form = h('form', { class: 'cc-form' },
    h('div', { class: 'cc-fields' },
      h('label', { for: input.id }, t('workbench.concordance.term')), input,
      h('label', { for: lang.id }, t('workbench.concordance.lang')), lang),
    h('p', { class: 'hint' }, t('workbench.concordance.hint')));
  const holder = h('div', { class: 'cc-results', 'data-cc': 'results' }, status, list);
  let chosen: ConcordanceHit | null = null;
  const dlg = openDialog({
    name: 'concordance',
    title: t('workbench.concordance.title'),
    body: [form, holder],
    actions: [{ id: 'close', label: t('dialog.close') }],
    initialFocus: input,
    cancelId: null,
  });

  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const buttons = () => [...list.querySelectorAll<HTMLButtonElement>('button.cc-hit')];

  const search = async () => {
    clearTimeout(timer);
    timer = undefined;
    const term = input.value.trim();
    const my = ++seq;
    if (!term) {
      holder.dataset.hits = '0';
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    const chosenLang = lang.value === 'ar' || lang.value === 'en' ? lang.value : termLang(term);
    holder.dataset.state = 'searching';
    status.textContent = t('workbench.concordance.searching');
    const res = await host.concordance({ root: o.root, term, lang: chosenLang, limit: o.limit ?? 500 });
    if (my !== seq) return; // a newer search started
    if (!res.ok) {
      holder.dataset.state = 'error';
      status.textContent = t('workbench.concordance.error', { message: describeFailure(t, res) });
      list.replaceChildren();
      return;
    }
    const { hits, truncated } = res.value;
    holder.dataset.state = 'done';
    holder.dataset.term = term;
    holder.dataset.hits = String(hits.length);
    holder.dataset.truncated = String(truncated);
    status.textContent = hits.length
      ? t('workbench.concordance.hits', { count: hits.length }) + (truncated ? ' ' + t('workbench.concordance.truncated', { count: hits.length }) : '')
      : t('workbench.concordance.none');
    replaceChildren(list, ...hits.map((hit) => h('li', {}, hitButton(hit))));
  };

  const side = (text: string, hit: ConcordanceHit | null, l: 'ar' | 'en') => {
    const parts = hit ? markedParts(text, hit.start, hit.end) : { before: text, hit: '', after: '' };
    return h('span', { class: `cc-${l}`, lang: l, dir: l === 'ar' ? 'rtl' : 'ltr' }, parts.before, parts.hit ? h('mark', {}, parts.hit) : null, parts.after);
  };

  const hitButton = (hit: ConcordanceHit) => {
    const name = reportName(hit.file);
    const b = h('button', {
      // no aria-label: the visible text (report · row, Arabic, English) is the accessible name, so
      // speech users can say what they see (axe label-content-name-mismatch)
      type: 'button', class: 'cc-hit', 'data-file': hit.file, 'data-row': hit.row, 'data-unit': hit.unit, 'data-side': hit.side,
    },
    h('span', { class: 'cc-where', dir: 'auto' }, name, ' · ', t('workbench.concordance.row', { row: hit.row + 1 })),
    side(hit.ar, hit.side === 'ar' ? hit : null, 'ar'),
    side(hit.en, hit.side === 'en' ? hit : null, 'en'));
    b.addEventListener('click', () => {
      chosen = hit;
      dlg.close('open');
    });
    return b;
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void search();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 250);
  });
  lang.addEventListener('change', () => void search());
  // arrows from the field into the list and through it
  dlg.el.addEventListener('keydown', (ev) => {
    const all = buttons();
    if (!all.length) return;
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    let next = -2;
    if (ev.key === 'ArrowDown' && (at >= 0 || document.activeElement === input)) next = Math.min(all.length - 1, at + 1);
    else if (ev.key === 'ArrowUp' && at >= 0) next = at - 1;
    else if (ev.key === 'Home' && at >= 0) next = 0;
    else if (ev.key === 'End' && at >= 0) next = all.length - 1;
    if (next === -2) return;
    ev.preventDefault();
    if (next < 0) input.focus();
    else all[next].focus();
  });
  if (input.value) void search();
  await dlg.result;
  clearTimeout(timer);
  seq++;
  return chosen;
}
