// Browser mode has no native folder picker (openFolderDialog answers 'unavailable'): this dialog
// asks for a path and opens it, showing the host's specific error in place until one works. It also
// lists the folders chosen before (the host's recent list), each reopened by its id. `openRecentDialog`
// shows that list alone (File → Open Recent…, both modes).
import type { TFunction } from 'i18next';
import type { Failure, HostBridge, Workspace } from '../../shared/contract/host.ts';
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
  const recent = h('div', { class: 'recent-folders' });
  const dlg = openDialog({
    name: 'open-folder',
    title: t('openFolder.title'),
    body: [form, recent],
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
  void fillRecent(t, host, recent, (w) => {
    ws = w;
    dlg.close('open');
  }, (f) => {
    err.textContent = describeFailure(t, f);
    err.dataset.code = f.code;
  });
  return dlg.result.then(() => ws);
}

/** Fills `box` with the host's recent folders as buttons that reopen them (nothing when there are none). */
async function fillRecent(t: TFunction, host: HostBridge, box: HTMLElement, opened: (ws: Workspace) => void, failed: (f: Failure) => void): Promise<number> {
  const res = await host.recentFolders({});
  if (!res.ok || res.value.folders.length === 0) return 0;
  const list = h('ul', { class: 'recent-list' });
  for (const f of res.value.folders) {
    const b = h('button', { type: 'button', class: 'recent-folder', 'data-recent': f.id, title: f.path },
      h('span', { class: 'recent-name' }, f.name), h('span', { class: 'recent-path', dir: 'ltr' }, f.path));
    b.addEventListener('click', async () => {
      const r = await host.openRecent({ id: f.id });
      if (r.ok) opened(r.value);
      else failed(r);
    });
    list.append(h('li', {}, b));
  }
  box.replaceChildren(h('h3', {}, t('openFolder.recent')), list);
  return res.value.folders.length;
}

/** File → Open Recent…: the folders chosen before; picking one reopens it. Resolves with the workspace
 * or null (cancelled, or nothing on the list). */
export async function openRecentDialog(t: TFunction, host: HostBridge): Promise<Workspace | null> {
  let ws: Workspace | null = null;
  const box = h('div', { class: 'recent-folders' });
  const err = h('p', { class: 'error', role: 'alert' });
  const dlg = openDialog({
    name: 'open-recent',
    title: t('openFolder.recentTitle'),
    body: [box, err],
    actions: [{ id: 'cancel', label: t('dialog.cancel') }],
  });
  const n = await fillRecent(t, host, box, (w) => {
    ws = w;
    dlg.close('open');
  }, (f) => {
    err.textContent = describeFailure(t, f);
  });
  if (n === 0) box.replaceChildren(h('p', { class: 'hint' }, t('openFolder.noRecent')));
  else box.querySelector<HTMLButtonElement>('button.recent-folder')?.focus();
  return dlg.result.then(() => ws);
}
