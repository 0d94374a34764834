// i18next set-up for the UI: both languages bundled (no network), numbers formatted through
// shared/i18n/numbers.ts, the chosen language persisted and mirrored onto <html lang dir>.
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { resources } from '../shared/i18n/resources.ts';
import { dirOf, pickLanguage, toUiLang, type UiLang } from '../shared/i18n/languages.ts';
import { formatNumber } from '../shared/i18n/numbers.ts';

const STORAGE_KEY = 'muwazi.lang';

/** The language stored by the user's last View → Language choice, if any. */
export function storedLanguage(): UiLang | null {
  try {
    return toUiLang(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null; // storage can be disabled; fall back to the system language
  }
}

/** Creates the i18n instance: stored choice, then the host's system language, then the browser's. */
export async function initI18n(systemLanguage: string | undefined): Promise<I18n> {
  const lng = pickLanguage([storedLanguage(), systemLanguage, navigator.language]);
  const inst = i18next.createInstance();
  await inst.init({
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ar'],
    resources: { en: { translation: resources.en }, ar: { translation: resources.ar } },
    interpolation: { escapeValue: false }, // we only ever set textContent, never innerHTML
    returnNull: false,
  });
  inst.services.formatter?.add('number', (value: unknown, l: string | undefined) =>
    typeof value === 'number' ? formatNumber(value, l ?? inst.language) : String(value));
  applyDocumentLanguage(lng);
  return inst;
}

/** Mirrors the UI language onto the document: `<html lang dir>`. */
export function applyDocumentLanguage(lang: UiLang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
}

/** Switches the UI language, persists the choice and updates the document. */
export async function setUiLanguage(inst: I18n, lang: UiLang): Promise<void> {
  await inst.changeLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; the choice still applies to this session
  }
  applyDocumentLanguage(lang);
}

export type { TFunction, I18n };
