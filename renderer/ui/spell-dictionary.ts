// The English dictionary of the spell check: dictionary-en's Hunspell files (en_US), copied by
// scripts/build.mjs into the renderer's output as dict/en.aff and dict/en.dic, fetched from the
// app's own origin (app:// in Electron, the loopback server in browser mode; the CSP's
// `connect-src 'self'` allows it) and read by nspell. Loaded once per page, on first use: building
// the checker is one long task (150 ms in Node, 300-500 ms in Chromium on a busy machine), so the
// editor asks for it in idle time after the report is shown (docs/NOTES.md).
import nspell from 'nspell';
import type { SpellChecker } from '../editor/editor.ts';

/** Where the dictionary files are, relative to the page. */
export const DICTIONARY_URLS = { aff: 'dict/en.aff', dic: 'dict/en.dic' } as const;

let loading: Promise<SpellChecker> | null = null;

async function text(url: string): Promise<string> {
  const res = await fetch(new URL(url, document.baseURI));
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

/** The English checker (one per page); a failed load is tried again on the next call. */
export function loadEnglishChecker(): Promise<SpellChecker> {
  loading ??= Promise.all([text(DICTIONARY_URLS.aff), text(DICTIONARY_URLS.dic)])
    .then(([aff, dic]) => nspell(aff, dic))
    .catch((e: unknown) => {
      loading = null;
      throw e;
    });
  return loading;
}
