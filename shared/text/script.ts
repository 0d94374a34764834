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
