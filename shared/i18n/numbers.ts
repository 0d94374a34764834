// Number formatting in the UI, chosen on purpose (Intl's bare 'ar' gives Latin digits, 'ar-EG'
// Arabic-Indic, depending on the ICU version): the Arabic UI writes Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩),
// as Mashriq newsrooms (the reports' origin) do; the English UI writes Latin digits. Every count in
// the i18n resources goes through here via `{{count, number}}`. The editor's text is never touched.
import type { UiLang } from './languages.ts';

/** The Intl locale (with an explicit numbering system) used for numbers in each UI language. */
export const NUMBER_LOCALES: Record<UiLang, string> = {
  ar: 'ar-u-nu-arab',
  en: 'en-u-nu-latn',
};

const cache = new Map<string, Intl.NumberFormat>();

/** The locale for numbers in a UI language (any tag: 'ar-SA' → Arabic-Indic; unknown → Latin). */
export function numberLocale(lang: string): string {
  return lang.toLowerCase().startsWith('ar') ? NUMBER_LOCALES.ar : NUMBER_LOCALES.en;
}

/** `n` formatted for the UI language, with grouping (1,234 / ١٬٢٣٤). */
export function formatNumber(n: number, lang: string): string {
  const loc = numberLocale(lang);
  let f = cache.get(loc);
  if (!f) {
    f = new Intl.NumberFormat(loc, { maximumFractionDigits: 2 });
    cache.set(loc, f);
  }
  return f.format(n);
}
