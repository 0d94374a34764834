// The UI languages and how one is chosen. Pure: the renderer passes in what it knows (the stored
// choice, the host's system language, navigator.language) in order of preference.

/** A language the interface is translated into. */
export type UiLang = 'en' | 'ar';

export const UI_LANGS: readonly UiLang[] = ['en', 'ar'];

/** Text direction of the whole window for a UI language. */
export function dirOf(lang: UiLang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** The UI language for a BCP 47 tag ('ar-EG' → 'ar'), or null when we have no translation. */
export function toUiLang(tag: string | null | undefined): UiLang | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (UI_LANGS as readonly string[]).includes(primary) ? (primary as UiLang) : null;
}

/** The first candidate we have a translation for; English when none matches. */
export function pickLanguage(candidates: Array<string | null | undefined>): UiLang {
  for (const c of candidates) {
    const l = toUiLang(c);
    if (l) return l;
  }
  return 'en';
}
