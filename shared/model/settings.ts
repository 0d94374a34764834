// Project settings (muwazi.project.json) beyond their shape: the checks that keep a tag set and
// the abbreviation lists usable, a schema that runs them (the host validates saveSettings with
// it), the deterministic file text, and which abbreviations the source segmenter gets.
//
// ProjectSettingsSchema itself stays as loose as files written so far need (it is what a folder
// is opened with); these checks apply to what the app writes.
import { z } from 'zod';
import { ProjectSettingsSchema } from './schema.ts';
import type { ProjectSettings } from './types.ts';
import type { SegmentRules } from '../text/segment.ts';

/** Keys the editor uses with Alt for other commands (Alt+A tag all, Alt+K link): a tag type
 * with one of them would shadow that command (tag keys are matched first). */
export const RESERVED_TAG_KEYS: readonly string[] = ['a', 'k'];
/** Limits that keep the settings file and the dialog small. */
export const MAX_TAG_TYPES = 26;
export const MAX_ABBREVIATIONS = 2000;
export const MAX_ABBREVIATION_LENGTH = 40;
export const MAX_EXCEPTIONS = 500;
export const MAX_EXCEPTION_LENGTH = 80;
/** Characters that can end a sentence: an exception without one could never change anything. */
const SENTENCE_END = /[.!?؟۔…‼⁇⁈⁉"'”’»)\]]/u;
export const MAX_LABEL_LENGTH = 80;
export const MAX_TAG_NAME_LENGTH = 32;

/** Why settings cannot be saved; `code` names the i18n message (settings.problems.<code>). */
export interface SettingsProblem {
  code: 'duplicate-name' | 'duplicate-key' | 'reserved-key' | 'key-not-letter' | 'name-too-long' | 'label-too-long' | 'too-many-types'
    | 'bad-abbreviation' | 'duplicate-abbreviation' | 'too-many-abbreviations'
    | 'bad-exception' | 'exception-without-stop' | 'duplicate-exception' | 'too-many-exceptions';
  /** where, as a zod-style path (e.g. ['tagSet', 2, 'key']) */
  path: (string | number)[];
  /** English message for logs and the host's error */
  message: string;
  /** values for the translated message (type name, key, abbreviation, other type) */
  params: Record<string, string | number>;
}

/** Every problem of settings that already have the right shape (ProjectSettingsSchema). */
export function settingsProblems(s: Pick<ProjectSettings, 'tagSet' | 'segmentation'>): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  const add = (code: SettingsProblem['code'], path: (string | number)[], message: string, params: Record<string, string | number> = {}) =>
    out.push({ code, path, message, params });
  if (s.tagSet.length > MAX_TAG_TYPES) add('too-many-types', ['tagSet'], `At most ${MAX_TAG_TYPES} tag types.`, { max: MAX_TAG_TYPES });
  const names = new Map<string, number>();
  const keys = new Map<string, string>();
  s.tagSet.forEach((t, i) => {
    if (names.has(t.name)) add('duplicate-name', ['tagSet', i, 'name'], `The type ${t.name} is defined twice.`, { name: t.name });
    else names.set(t.name, i);
    if (t.name.length > MAX_TAG_NAME_LENGTH) add('name-too-long', ['tagSet', i, 'name'], `The type name ${t.name} is longer than ${MAX_TAG_NAME_LENGTH} characters.`, { name: t.name, max: MAX_TAG_NAME_LENGTH });
    if ((t.label ?? '').length > MAX_LABEL_LENGTH) add('label-too-long', ['tagSet', i, 'label'], `The label of ${t.name} is longer than ${MAX_LABEL_LENGTH} characters.`, { name: t.name, max: MAX_LABEL_LENGTH });
    // the editor matches tag keys by Latin letter (or the physical key of one on other layouts)
    const k = t.key.toLowerCase();
    if (!/^[a-z]$/.test(k)) {
      add('key-not-letter', ['tagSet', i, 'key'], `The key of ${t.name} must be one Latin letter (a–z), not “${t.key}”.`, { name: t.name, key: t.key });
      return;
    }
    if (RESERVED_TAG_KEYS.includes(k)) add('reserved-key', ['tagSet', i, 'key'], `The key “${t.key}” of ${t.name} is taken by another command (Alt+${k.toUpperCase()}).`, { name: t.name, key: t.key });
    const other = keys.get(k);
    if (other !== undefined) add('duplicate-key', ['tagSet', i, 'key'], `The key “${t.key}” is used by both ${other} and ${t.name}.`, { name: t.name, key: t.key, other });
    else keys.set(k, t.name);
  });
  for (const lang of ['ar', 'en'] as const) {
    const list = s.segmentation.abbreviations[lang] ?? [];
    if (list.length > MAX_ABBREVIATIONS) add('too-many-abbreviations', ['segmentation', 'abbreviations', lang], `At most ${MAX_ABBREVIATIONS} abbreviations per language.`, { max: MAX_ABBREVIATIONS, lang });
    const seen = new Set<string>();
    list.forEach((a, i) => {
      const path = ['segmentation', 'abbreviations', lang, i];
      // one word (internal dots allowed: أ.د, u.s), as the segmenter compares the word before a stop
      if (a.length === 0 || a.length > MAX_ABBREVIATION_LENGTH || /[\s]/u.test(a) || a.replace(/\.$/, '') === '') {
        add('bad-abbreviation', path, `“${a}” is not an abbreviation: one word without spaces, at most ${MAX_ABBREVIATION_LENGTH} characters.`, { abbreviation: a, lang });
        return;
      }
      const key = a.replace(/\.$/, '').toLowerCase();
      if (seen.has(key)) add('duplicate-abbreviation', path, `“${a}” is listed twice.`, { abbreviation: a, lang });
      seen.add(key);
    });
    const exceptions = s.segmentation.exceptions?.[lang] ?? [];
    if (exceptions.length > MAX_EXCEPTIONS) add('too-many-exceptions', ['segmentation', 'exceptions', lang], `At most ${MAX_EXCEPTIONS} exceptions per language.`, { max: MAX_EXCEPTIONS, lang });
    const seenEx = new Set<string>();
    exceptions.forEach((e, i) => {
      const path = ['segmentation', 'exceptions', lang, i];
      if (e.trim() === '' || e.length > MAX_EXCEPTION_LENGTH || /[\n\r\u2028\u2029\u0085]/u.test(e)) {
        add('bad-exception', path, `“${e}” is not an exception: one line of text, at most ${MAX_EXCEPTION_LENGTH} characters.`, { exception: e, lang, max: MAX_EXCEPTION_LENGTH });
        return;
      }
      if (!SENTENCE_END.test(e.trim().slice(0, -1))) {
        add('exception-without-stop', path, `“${e}” has no sentence-ending punctuation before its last character, so it could never keep a sentence together.`, { exception: e, lang });
        return;
      }
      const key = e.trim().replace(/\s+/gu, ' ').toLowerCase();
      if (seenEx.has(key)) add('duplicate-exception', path, `“${e}” is listed twice.`, { exception: e, lang });
      seenEx.add(key);
    });
  }
  return out;
}

/** ProjectSettingsSchema plus settingsProblems: what may be saved. */
export const ValidProjectSettingsSchema = ProjectSettingsSchema.superRefine((s, ctx) => {
  for (const p of settingsProblems(s)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});

/** Settings as the app writes them: keys in a fixed order, optional empty fields left out. */
export function canonicalSettings(s: ProjectSettings): ProjectSettings {
  const ab = s.segmentation.abbreviations;
  const ex = s.segmentation.exceptions;
  return {
    format: s.format,
    version: s.version,
    tagSet: s.tagSet.map((t) => ({ name: t.name, color: t.color.toLowerCase(), key: t.key, ...(t.label ? { label: t.label } : {}) })),
    segmentation: {
      abbreviations: { ar: [...(ab.ar ?? [])], en: [...(ab.en ?? [])] },
      // written only when used, so files of projects without exceptions stay as they were
      ...(ex?.ar?.length || ex?.en?.length ? { exceptions: { ar: [...(ex.ar ?? [])], en: [...(ex.en ?? [])] } } : {}),
    },
    // QA checks switched off: written only when some are, each once, in the order given
    ...(s.qa?.disabled.length ? { qa: { disabled: [...new Set(s.qa.disabled)] } } : {}),
  };
}

/** The text of muwazi.project.json: canonical order, 2-space indentation, final newline. */
export function serializeSettings(s: ProjectSettings): string {
  return JSON.stringify(canonicalSettings(s), null, 2) + '\n';
}

/** The project's extra abbreviations for segmenting a source: Arabic and English alike, since
 * the segmenter's rules follow the script around each stop and reports hold Latin captions. */
export function sourceAbbreviations(s: Pick<ProjectSettings, 'segmentation'> | null | undefined): string[] {
  const ab = s?.segmentation?.abbreviations;
  return [...(ab?.ar ?? []), ...(ab?.en ?? [])];
}

/** The project's segmentation rules for a source or a translation: abbreviations and exceptions of
 * both languages together (the rules follow the script around each stop, see sourceAbbreviations). */
export function sourceSegmentRules(s: Pick<ProjectSettings, 'segmentation'> | null | undefined): Required<SegmentRules> {
  const ex = s?.segmentation?.exceptions;
  return { abbreviations: sourceAbbreviations(s), exceptions: [...(ex?.ar ?? []), ...(ex?.en ?? [])] };
}

/** Input type of the valid settings (defaults not yet applied). */
export type ProjectSettingsInput = z.input<typeof ProjectSettingsSchema>;
