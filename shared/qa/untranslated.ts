// untranslated: a row with Arabic and no English (warning: a draft may be unfinished on purpose,
// and export already leaves such rows out unless asked).
// source-copied: the English is the Arabic copied over (error), or Arabic script was left in the
// English (warning: a gloss like "Allah (الله)" can be intended). Rows whose Arabic holds no
// Arabic letters (a number, a URL, a Latin caption) may rightly be identical and are not flagged.
import { finding } from './finding.ts';
import type { QaFinding, QaRow } from './types.ts';

/** Arabic letters (not digits or punctuation, which `punctuation` and numbers look at). */
const L = '[\\u0621-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF]';
/** harakat, superscript alef, tatweel: kept with their letter */
const M = '[\\u0640\\u064B-\\u065F\\u0670]*';
/** A run of Arabic words (letters with their marks, separated by spaces). */
const ARABIC_LETTERS = new RegExp(`${L}${M}(?:\\s*${L}${M})*`, 'u');

export function hasArabicLetters(text: string): boolean {
  return ARABIC_LETTERS.test(text);
}

/** Collapsed white space, for comparing the two sides. */
const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();

export function checkUntranslated(row: QaRow): QaFinding[] {
  if (row.ar.trim() !== '' && row.en.trim() === '') return [finding(row, 'untranslated', 'warning', 'untranslated')];
  return [];
}

export function checkSourceCopied(row: QaRow): QaFinding[] {
  if (row.en.trim() === '' || !hasArabicLetters(row.ar)) return [];
  if (squash(row.en) === squash(row.ar)) return [finding(row, 'source-copied', 'error', 'sameAsSource')];
  const m = ARABIC_LETTERS.exec(row.en);
  if (m) return [finding(row, 'source-copied', 'warning', 'arabicInEnglish', { text: m[0].length > 40 ? m[0].slice(0, 40) + '…' : m[0] })];
  return [];
}
