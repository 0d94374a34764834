// Texts the stylesheets draw themselves (generated content: the empty English cell's placeholder,
// "left untranslated", the spoken name of the low-confidence mark). CSS cannot call i18next, so the current translations are handed to it as
// custom properties on <html> (CSSOM, which the CSP allows; a style attribute it would refuse) and
// set again on every language change; the stylesheets keep an English fallback.
import type { TFunction } from 'i18next';

/** Custom property → translation key. */
export const CSS_TEXTS: Readonly<Record<string, string>> = {
  '--text-placeholder-english': 'editor.placeholderEnglish',
  '--text-placeholder-untranslated': 'editor.placeholderUntranslated',
  '--text-low-confidence': 'editor.lowConfidence',
};

/** Sets every CSS text in the language of `t`. */
export function applyCssTexts(t: TFunction, root: HTMLElement = document.documentElement): void {
  // a CSS string token: JSON's escaping of quotes and backslashes is valid CSS escaping
  for (const [prop, key] of Object.entries(CSS_TEXTS)) root.style.setProperty(prop, JSON.stringify(t(key)));
}
