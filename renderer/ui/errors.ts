// Turning a host failure into a message for the user: a translated summary of the code plus the
// host's specific message (which names the file, size, limit, …).
import type { TFunction } from 'i18next';
import type { Failure } from '../../shared/contract/host.ts';

export function describeFailure(t: TFunction, f: Pick<Failure, 'code' | 'message'>): string {
  const summary = t(`errors.${f.code}`, { defaultValue: '' });
  if (!summary) return f.message;
  if (!f.message || f.message === summary) return summary;
  return t('errors.detail', { summary, message: f.message });
}
