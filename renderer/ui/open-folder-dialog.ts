// Browser mode has no native folder picker (openFolderDialog answers 'unavailable'): this dialog
// asks for a path and opens it, showing the host's specific error in place until one works.
import type { TFunction } from 'i18next';
import type { HostBridge, Workspace } from '../../shared/contract/host.ts';
import { h, uid } from './dom.ts';
import { openDialog } from './dialog.ts';
import { describeFailure } from './errors.ts';

export function askFolderPath(t: TFunction, host: HostBridge, initial = ''): Promise<Workspace | null> {
  const id = uid('folder');
  const input = h('input', { type: 'text', id, name: 'path', dir: 'ltr', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': `${id}-hint ${id}-err`, required: true });
  input.value = initial;
  const err = h('p', { id: `${id}-err`, class: 'error', role: 'alert' });
  const form = h('form', { class: 'form' },
    h('div', { class: 'field' }, h('label', { for: id }, t('openFolder.label')), input),
    h('p', { id: `${id}-hint`, class: 'hint' }, t('openFolder.hint')),
    err);
  let ws: Workspace | null = null;
  const dlg = openDialog({
    name: 'open-folder',
    title: t('openFolder.title'),
    body: [form],
    initialFocus: input,
    actions: [
      { id: 'open', label: t('openFolder.open'), primary: true, onClick: () => void submit() },
      { id: 'cancel', label: t('dialog.cancel') },
    ],
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submit();
  });
  async function submit(): Promise<void> {
    const path = input.value.trim();
    if (!path) {
      input.focus();
      return;
    }
    err.textContent = '';
    input.removeAttribute('aria-invalid');
    dlg.buttons.get('open')!.disabled = true;
    const res = await host.openFolder({ path });
    dlg.buttons.get('open')!.disabled = false;
    if (res.ok) {
      ws = res.value;
      dlg.close('open');
    } else {
      err.textContent = describeFailure(t, res);
      err.dataset.code = res.code;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  }
  return dlg.result.then(() => ws);
}
