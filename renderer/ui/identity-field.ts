// The user's name in the Settings dialog (format 1.1 provenance: who changed a row's status, a
// mention, a link). App-wide, not the project's: it is read and written through its own host calls
// (userName / setUserName), independently of the project settings the rest of the dialog saves.
// An empty field means "the OS user", whose name the hint shows.
import type { TFunction } from 'i18next';
import type { HostBridge } from '../../shared/contract/host.ts';
import { h, uid } from './dom.ts';
import { describeFailure } from './errors.ts';

/** The fieldset, and `commit` which stores a changed name (resolves to an error message, or null). */
export interface IdentityField {
  element: HTMLElement;
  commit(): Promise<string | null>;
}

export function identityField(t: TFunction, host: Pick<HostBridge, 'userName' | 'setUserName'>): IdentityField {
  const id = uid('identity');
  const input = h('input', { id, name: 'user-name', class: 'user-text', type: 'text', dir: 'auto', autocomplete: 'off', spellcheck: 'false', maxlength: 200, 'data-field': 'user-name', 'aria-describedby': id + '-hint' });
  const hint = h('p', { class: 'hint', id: id + '-hint' }, t('team.identity.hint'));
  let loaded: string | null = null;
  input.disabled = true;
  void host.userName({}).then((r) => {
    input.disabled = false;
    if (!r.ok) return;
    loaded = r.value.isDefault ? '' : r.value.name;
    input.value = loaded;
    if (!r.value.isDefault) return void (hint.textContent = t('team.identity.hint'));
    // the OS account name is the user's own text: isolated (bidi) and marked as such, not UI
    const [before, after = ''] = t('team.identity.hintDefault', { name: '\u0000' }).split('\u0000');
    hint.replaceChildren(before, h('bdi', { class: 'user-text', dir: 'auto' }, r.value.name), after);
  });
  const element = h('fieldset', { class: 'field settings-identity' }, h('legend', {}, t('team.identity.legend')),
    h('label', { for: id }, t('team.identity.label')), input, hint);
  return {
    element,
    async commit() {
      // nothing to store until it was read (an edit before then would overwrite an unknown name)
      if (loaded === null || input.value.trim() === loaded) return null;
      const r = await host.setUserName({ name: input.value });
      if (!r.ok) return describeFailure(t, r);
      loaded = r.value.isDefault ? '' : r.value.name;
      return null;
    },
  };
}
