// QA messages for Node (host reports, CLI): the same i18next resources (shared/i18n/{en,ar}.json)
// and plural rules as the UI, so `muwazi qa` prints exactly the panel's English. One instance per
// language, initialised synchronously (the resources are bundled).
import i18next, { type i18n as I18n } from 'i18next';
import { resources } from '../../shared/i18n/resources.ts';
import { formatNumber } from '../../shared/i18n/numbers.ts';
import type { UiLang } from '../../shared/i18n/languages.ts';
import { qaMessage } from '../../shared/qa/index.ts';
import type { QaFinding } from '../../shared/qa/types.ts';

const instances = new Map<UiLang, I18n>();

/** The i18next instance of a language (created on first use). */
export function qaI18n(lang: UiLang = 'en'): I18n {
  let inst = instances.get(lang);
  if (inst) return inst;
  inst = i18next.createInstance();
  void inst.init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ar'],
    resources: { en: { translation: resources.en }, ar: { translation: resources.ar } },
    interpolation: { escapeValue: false }, // callers escape for HTML themselves
    initAsync: false,
  });
  inst.services.formatter?.add('number', (value: unknown, l: string | undefined) =>
    typeof value === 'number' ? formatNumber(value, l ?? lang) : String(value));
  instances.set(lang, inst);
  return inst;
}

/** Translates a key in a language (labels of the HTML report). */
export function qaT(lang: UiLang = 'en'): (key: string, params?: Record<string, unknown>) => string {
  const inst = qaI18n(lang);
  return (key, params = {}) => inst.t(key, params) as string;
}

/** A finding's message in a language (English by default: the CLI and JSON reports). */
export function renderQaMessage(f: Pick<QaFinding, 'messageKey' | 'params'>, lang: UiLang = 'en'): string {
  return qaMessage(f, qaT(lang));
}
