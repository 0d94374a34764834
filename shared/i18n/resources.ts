// The UI's translations, and the checks that keep them complete: every key exists in both languages,
// plural keys have every form the language's plural rules need, and interpolations match.
import en from './en.json';
import ar from './ar.json';
import type { UiLang } from './languages.ts';

/** A nested translation table as stored in en.json / ar.json. */
export type Messages = { [key: string]: string | Messages };

export const resources: Record<UiLang, Messages> = { en: en as Messages, ar: ar as Messages };

/** i18next's plural suffixes (Intl.PluralRules categories). */
export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const pluralRe = new RegExp(`_(${PLURAL_SUFFIXES.join('|')})$`);

/** Every leaf as a dotted key → string. */
export function flatten(m: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(m)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The key without its plural suffix, and the suffix (null for a plain key). */
export function splitPlural(key: string): { base: string; form: string | null } {
  const m = pluralRe.exec(key);
  return m ? { base: key.slice(0, m.index), form: m[1] } : { base: key, form: null };
}

/** Names of the `{{name}}` / `{{name, format}}` interpolations in a string, sorted, unique. */
export function interpolationVars(s: string): string[] {
  const names = new Set<string>();
  for (const m of s.matchAll(/\{\{\s*([\w.-]+)\s*(?:,[^}]*)?\}\}/g)) names.add(m[1]);
  return [...names].sort();
}

/** The plural forms a language's rules produce (Intl.PluralRules), e.g. ar → all six. */
export function pluralForms(lang: string): string[] {
  const cats = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
  return PLURAL_SUFFIXES.filter((s) => cats.includes(s));
}

/** Problems that make the resources incomplete or inconsistent; empty when all is well. */
export function checkResources(all: Record<string, Messages> = resources): string[] {
  const problems: string[] = [];
  const langs = Object.keys(all);
  // base key → language → { forms, vars used across forms }
  const table = new Map<string, Map<string, { forms: Set<string | null>; vars: Set<string> }>>();
  for (const lang of langs) {
    for (const [key, value] of flatten(all[lang])) {
      const { base, form } = splitPlural(key);
      let byLang = table.get(base);
      if (!byLang) table.set(base, (byLang = new Map()));
      let entry = byLang.get(lang);
      if (!entry) byLang.set(lang, (entry = { forms: new Set(), vars: new Set() }));
      entry.forms.add(form);
      for (const v of interpolationVars(value)) entry.vars.add(v);
      if (/\{\{\s*count\s*\}\}/.test(value)) problems.push(`${lang}: ${key} writes {{count}} without ", number"`);
    }
  }
  for (const [base, byLang] of table) {
    const ref = [...byLang.values()][0];
    const isPlural = [...ref.forms].some((f) => f !== null);
    for (const lang of langs) {
      const e = byLang.get(lang);
      if (!e) {
        problems.push(`${lang}: missing ${base}`);
        continue;
      }
      if (isPlural) {
        for (const form of pluralForms(lang)) {
          if (!e.forms.has(form)) problems.push(`${lang}: ${base} lacks the plural form _${form}`);
        }
      }
      const want = [...ref.vars].sort().join(',');
      const got = [...e.vars].sort().join(',');
      if (want !== got) problems.push(`${lang}: ${base} uses {${got}} but ${langs[0]} uses {${want}}`);
    }
  }
  return problems;
}
