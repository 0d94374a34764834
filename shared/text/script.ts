// Which language a text is in, from its script: used when the user (or the CLI) gives none.

/** 'ar' when Arabic-script letters outnumber Latin ones, else 'en'. Looks at the first 64K units. */
export function guessLanguage(text: string): 'ar' | 'en' {
  let arabic = 0;
  let latin = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfefc)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return arabic > latin ? 'ar' : 'en';
}

/** Letters of the right-to-left scripts (bidi classes R and AL): Arabic, Hebrew, Syriac, Thaana, N'Ko. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;

/**
 * The base direction of a paragraph from its first strong character, as HTML's dir="auto" and the
 * Unicode bidi algorithm (rules P2–P3) decide it: 'rtl' for an Arabic letter, 'ltr' for a Latin (or
 * any other left-to-right) letter, null when there is no letter at all (digits and punctuation are weak).
 */
export function firstStrongDirection(text: string): 'rtl' | 'ltr' | null {
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    return RTL_LETTER.test(ch) ? 'rtl' : 'ltr';
  }
  return null;
}
