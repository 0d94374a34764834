// Help → About.
import type { TFunction } from 'i18next';
import type { CallResponse } from '../../shared/contract/host.ts';
import { h } from './dom.ts';
import { openDialog } from './dialog.ts';

export function openAbout(t: TFunction, info: CallResponse<'appInfo'> | null): Promise<unknown> {
  const body = [h('p', {}, t('about.body', { version: info?.version ?? '' }))];
  if (info) body.push(h('p', {}, t('about.mode', { mode: t(`about.modes.${info.mode}`, { defaultValue: info.mode }) })), h('p', { dir: 'auto' }, t('about.data', { dir: info.dataDir })));
  body.push(h('p', {}, t('about.numbers')));
  return openDialog({ name: 'about', title: t('about.title'), body, actions: [{ id: 'ok', label: t('dialog.close'), primary: true }] }).result;
}
