// File → Project Settings…: the folder's tag set (name, colour, key, label; add, remove, reorder)
// and its rules for the sentence segmenter: extra abbreviations and exceptions (phrases never split),
// Arabic and English, one per line; and the QA checks, a checkbox each (settings.qa.disabled).
// Save sends the whole settings to the host (saveSettings), which checks them again and writes
// muwazi.project.json; problems are shown beside the form and on the fields (aria-invalid) before
// anything is sent. Every control is a native one, so the dialog works from the keyboard alone.
import type { TFunction } from 'i18next';
import type { HostBridge, Workspace } from '../../shared/contract/host.ts';
import type { ProjectSettings, TagType } from '../../shared/model/types.ts';
import { settingsProblems, type SettingsProblem } from '../../shared/model/settings.ts';
import { h, replaceChildren, uid } from './dom.ts';
import { openDialog } from './dialog.ts';
import { describeFailure } from './errors.ts';
import { QA_CHECKS } from '../../shared/qa/types.ts';
import { checkName, disabledChecks, withQaDisabled } from './qa-model.ts';
import { identityField } from './identity-field.ts';

/** One tag type as edited (strings straight from the fields). */
export interface TagDraft {
  name: string;
  color: string;
  key: string;
  label: string;
}

/** A problem of the form: a code (i18n settings.problems.<code>), where, and the message's values. */
export interface DraftProblem {
  code: SettingsProblem['code'] | 'bad-name' | 'bad-color' | 'empty-set';
  /** the tag row and field, or the abbreviation list, it belongs to */
  path: (string | number)[];
  params: Record<string, string | number>;
}

/** The abbreviations typed one per line: trimmed, blank lines dropped. */
export function parseAbbreviations(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

/** The settings a draft stands for (the tag names upper-cased, keys lower-cased); without
 * `exceptions` (the text of both lists) the base's exceptions are kept. */
export function draftToSettings(base: ProjectSettings, tags: readonly TagDraft[], ar: string, en: string, exceptions?: { ar: string; en: string }): ProjectSettings {
  const ex = exceptions ? { ar: parseAbbreviations(exceptions.ar), en: parseAbbreviations(exceptions.en) } : base.segmentation.exceptions;
  return {
    ...base,
    tagSet: tags.map((t): TagType => ({
      name: t.name.trim().toUpperCase(),
      color: t.color.toLowerCase(),
      key: t.key.trim().toLowerCase(),
      ...(t.label.trim() ? { label: t.label.trim() } : {}),
    })),
    segmentation: {
      ...base.segmentation,
      abbreviations: { ar: parseAbbreviations(ar), en: parseAbbreviations(en) },
      ...(ex ? { exceptions: ex } : {}),
    },
  };
}

/** Everything wrong with the settings a draft stands for (pure; the host checks the same). */
export function draftProblems(s: ProjectSettings): DraftProblem[] {
  const out: DraftProblem[] = [];
  if (s.tagSet.length === 0) out.push({ code: 'empty-set', path: ['tagSet'], params: {} });
  s.tagSet.forEach((t, i) => {
    if (!/^[A-Z][A-Z0-9_-]*$/.test(t.name)) out.push({ code: 'bad-name', path: ['tagSet', i, 'name'], params: { name: t.name, row: i + 1 } });
    if (!/^#[0-9a-f]{6}$/.test(t.color)) out.push({ code: 'bad-color', path: ['tagSet', i, 'color'], params: { name: t.name, color: t.color } });
  });
  for (const p of settingsProblems(s)) out.push({ code: p.code, path: p.path, params: p.params });
  return out;
}

/** Options of openSettingsDialog. */
export interface SettingsDialogOptions {
  t: TFunction;
  host: HostBridge;
  /** the open workspace (its root and current settings) */
  workspace: Workspace;
}

/** Opens the dialog; resolves to the workspace as saved, or null when cancelled. */
export function openSettingsDialog(o: SettingsDialogOptions): Promise<Workspace | null> {
  const { t, host, workspace } = o;
  const id = uid('settings');
  const tags: TagDraft[] = workspace.settings.tagSet.map((x) => ({ name: x.name, color: x.color.toLowerCase(), key: x.key, label: x.label ?? '' }));
  const fields = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const list = h('ol', { class: 'settings-tags', 'aria-label': t('settings.tagSet') });
  const problemsEl = h('div', { class: 'settings-problems', role: 'alert', 'data-settings-problems': '' });
  let saved: Workspace | null = null;

  /** One textarea of a segmentation list (abbreviations or exceptions) for one language. */
  const segList = (list: 'abbreviations' | 'exceptions', lang: 'ar' | 'en') => {
    const area = h('textarea', {
      id: `${id}-${list}-${lang}`, name: `${list}-${lang}`, rows: list === 'abbreviations' ? 5 : 3, dir: lang === 'ar' ? 'rtl' : 'ltr', lang, spellcheck: 'false',
      'data-field': `${list}-${lang}`,
    });
    area.value = (workspace.settings.segmentation[list]?.[lang] ?? []).join('\n');
    fields.set(`segmentation.${list}.${lang}`, area);
    return h('div', { class: 'field' }, h('label', { for: area.id }, t(lang === 'ar' ? 'settings.abbreviationsAr' : 'settings.abbreviationsEn')), area);
  };
  const value = (key: string) => (fields.get(key) as HTMLTextAreaElement).value;

  /** Focus after a re-render: the field or button named, in row `row`. */
  const renderTags = (focus?: { row: number; what: string }) => {
    for (const k of [...fields.keys()]) if (k.startsWith('tagSet.')) fields.delete(k);
    replaceChildren(list, ...tags.map((tag, i) => {
      const label = tag.name || t('settings.unnamed', { row: i + 1 });
      const input = (field: keyof TagDraft, attrs: Record<string, string | number>) => {
        const el = h('input', { id: `${id}-${i}-${field}`, name: field, 'data-field': field, ...attrs });
        el.value = tag[field];
        el.addEventListener('input', () => {
          tag[field] = el.value;
          if (field === 'name') for (const b of row.querySelectorAll('button[data-name-label]')) b.setAttribute('aria-label', t(`settings.${(b as HTMLElement).dataset.action}`, { name: el.value || label }));
        });
        fields.set(`tagSet.${i}.${field}`, el);
        return h('span', { class: `settings-field settings-${field}` }, h('label', { for: el.id }, t(`settings.${field}`)), el);
      };
      const button = (action: 'up' | 'down' | 'remove', text: string, disabled: boolean, fn: () => void) => {
        const b = h('button', { type: 'button', 'data-action': action, 'data-name-label': '', 'aria-label': t(`settings.${action}`, { name: label }), title: t(`settings.${action}`, { name: label }) }, text);
        b.disabled = disabled;
        b.addEventListener('click', fn);
        return b;
      };
      const move = (d: -1 | 1) => () => {
        [tags[i], tags[i + d]] = [tags[i + d], tags[i]];
        renderTags({ row: i + d, what: d < 0 ? 'up' : 'down' });
      };
      const row = h('li', { class: 'settings-tag', 'data-tag': tag.name },
        input('name', { type: 'text', dir: 'ltr', autocomplete: 'off', spellcheck: 'false', maxlength: 32, size: 8 }),
        input('color', { type: 'color' }),
        input('key', { type: 'text', dir: 'ltr', autocomplete: 'off', spellcheck: 'false', maxlength: 1, size: 2 }),
        input('label', { type: 'text', dir: 'auto', autocomplete: 'off', maxlength: 80, size: 16 }),
        button('up', '↑', i === 0, move(-1)),
        button('down', '↓', i === tags.length - 1, move(1)),
        button('remove', '✕', tags.length === 1, () => {
          tags.splice(i, 1);
          renderTags({ row: Math.min(i, tags.length - 1), what: 'name' });
        }));
      return row;
    }));
    if (focus) {
      const row = list.children[focus.row] as HTMLElement | undefined;
      const target = row?.querySelector<HTMLElement>(`[data-action="${focus.what}"]:not(:disabled)`) ?? row?.querySelector<HTMLElement>('input[data-field="name"]');
      target?.focus();
    }
  };
  renderTags();

  const addButton = h('button', { type: 'button', 'data-action': 'add-tag' }, t('settings.add'));
  addButton.addEventListener('click', () => {
    const used = new Set(tags.map((x) => x.key.toLowerCase()));
    const free = 'bcdfghijnqrstuvwxyz'.split('').find((k) => !used.has(k)) ?? '';
    tags.push({ name: '', color: '#495057', key: free, label: '' });
    renderTags({ row: tags.length - 1, what: 'name' });
  });

  const showProblems = (problems: DraftProblem[]) => {
    for (const f of fields.values()) f.removeAttribute('aria-invalid');
    if (problems.length === 0) {
      problemsEl.replaceChildren();
      return;
    }
    replaceChildren(problemsEl, h('ul', {}, ...problems.map((p) => h('li', { 'data-code': p.code, dir: 'auto' }, t(`settings.problems.${p.code}`, p.params)))));
    for (const p of problems) {
      // tag fields are keyed tagSet.<row>.<field>, the lists segmentation.<list>.<lang>
      fields.get(p.path.slice(0, 3).join('.'))?.setAttribute('aria-invalid', 'true');
    }
    const first = problems.map((p) => fields.get(p.path.slice(0, 3).join('.'))).find(Boolean);
    first?.focus();
  };

  // QA checks: on unless the project switched them off
  const off = new Set<string>(disabledChecks(workspace.settings));
  const qaBoxes = QA_CHECKS.map((c) => {
    const box = h('input', { type: 'checkbox', id: `${id}-qa-${c}`, name: `qa-${c}`, 'data-qa-check': c });
    box.checked = !off.has(c);
    return { c, box, row: h('div', { class: 'field-check' }, box, h('label', { for: box.id }, checkName(t, c))) };
  });

  const save = async () => {
    const drafted = draftToSettings(workspace.settings, tags, value('segmentation.abbreviations.ar'), value('segmentation.abbreviations.en'),
      { ar: value('segmentation.exceptions.ar'), en: value('segmentation.exceptions.en') });
    const settings = withQaDisabled(drafted, qaBoxes.filter((q) => !q.box.checked).map((q) => q.c));
    const problems = draftProblems(settings);
    showProblems(problems);
    if (problems.length) return;
    const button = dlg.buttons.get('save');
    if (button) button.disabled = true;
    try {
      const nameProblem = await identity.commit();
      if (nameProblem) {
        replaceChildren(problemsEl, h('p', { dir: 'auto' }, nameProblem));
        return;
      }
      const res = await host.saveSettings({ root: workspace.root, settings });
      if (!res.ok) {
        replaceChildren(problemsEl, h('p', { 'data-code': res.code, dir: 'auto' }, describeFailure(t, res)));
        return;
      }
      saved = res.value;
      dlg.close('save');
    } finally {
      if (button) button.disabled = false;
    }
  };

  const identity = identityField(t, host);
  const body = [
    h('p', { class: 'hint' }, t('settings.intro', { name: workspace.name })),
    identity.element,
    h('fieldset', { class: 'field settings-tagset' }, h('legend', {}, t('settings.tagSet')), list, addButton),
    h('fieldset', { class: 'field settings-abbreviations' }, h('legend', {}, t('settings.abbreviations')),
      h('p', { class: 'hint' }, t('settings.abbreviationsHint')), segList('abbreviations', 'ar'), segList('abbreviations', 'en')),
    h('fieldset', { class: 'field settings-exceptions' }, h('legend', {}, t('settings.exceptions')),
      h('p', { class: 'hint' }, t('settings.exceptionsHint')), segList('exceptions', 'ar'), segList('exceptions', 'en')),
    h('fieldset', { class: 'field settings-qa' }, h('legend', {}, t('qaPanel.settings.legend')),
      h('p', { class: 'hint' }, t('qaPanel.settings.hint')), ...qaBoxes.map((q) => q.row)),
    problemsEl,
  ];
  const dlg = openDialog({
    name: 'settings',
    title: t('settings.title'),
    body,
    actions: [
      { id: 'save', label: t('settings.save'), primary: true, onClick: () => void save() },
      { id: 'cancel', label: t('dialog.cancel') },
    ],
    initialFocus: list.querySelector<HTMLElement>('input[data-field="name"]') ?? undefined,
  });
  return dlg.result.then(() => saved);
}
