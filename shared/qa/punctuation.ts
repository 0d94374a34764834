// punctuation, in the English, each judged against the Arabic so a source that opens a quotation
// in one paragraph and closes it in the next (usual in news) is not blamed on the translation:
//   - unbalanced brackets ( ) [ ] { } when the Arabic's brackets balance (warning);
//   - an odd number of double quotes (" or “ ”) when the Arabic has quotes (" “ ” « ») and they are
//     even (warning);
//   - the Arabic is a question (؟ or ?) and the English has no "?" (info: reported questions are
//     often rightly turned into statements);
//   - leftovers: ",." ",," ".." (not "..."), ".," after a word that is no abbreviation (etc., U.S.,
//     Inc., are fine), and Arabic punctuation ، ؛ ؟ in the English (warning).
// Single quotes are not counted: the apostrophe makes them undecidable.
import { finding } from './finding.ts';
import type { QaFinding, QaRow } from './types.ts';

/** The first bracket that has no partner, or null. */
export function unbalancedBracket(text: string): string | null {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') stack.push(ch);
    else if (ch in pairs) {
      if (stack.length === 0 || stack[stack.length - 1] !== pairs[ch]) return ch;
      stack.pop();
    }
  }
  return stack[0] ?? null;
}

/** Whether the double quotes of a text pair up (curly ones by direction, straight ones by count). */
function quotesBalanced(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const open = (text.match(/[“«]/g) ?? []).length;
  const close = (text.match(/[”»]/g) ?? []).length;
  // some writers close with “ (Arabic keyboards): curly quotes balance by total count
  return straight % 2 === 0 && (open + close) % 2 === 0;
}

/** What may end in "." before a comma: a short capitalised word (Inc., La., Calif.), etc, vs,
 * initials (U.S., O.K.) */
const ABBREVIATION = /(?:^|[\s("“])(?:[A-Z][a-z]{0,4}|[A-Za-z]|etc|vs|[A-Za-z](?:\.[A-Za-z])+)$/;

/** A leftover punctuation artefact in the English, or null. */
function artefact(en: string): string | null {
  for (const m of en.matchAll(/,\.|,,|(?<!\.)\.\.(?!\.)|\.,/g)) {
    if (m[0] === '.,' && ABBREVIATION.test(en.slice(0, m.index))) continue;
    return m[0];
  }
  return null;
}

export function checkPunctuation(row: QaRow): QaFinding[] {
  const { ar, en } = row;
  if (en.trim() === '') return [];
  const out: QaFinding[] = [];
  const b = unbalancedBracket(en);
  if (b && !unbalancedBracket(ar)) out.push(finding(row, 'punctuation', 'warning', 'unbalancedBracket', { char: b }));
  // an Arabic without quotation marks says nothing (translators often drop them, and news quotes
  // run over several paragraphs)
  if (!quotesBalanced(en) && /["“”«»]/u.test(ar) && quotesBalanced(ar)) out.push(finding(row, 'punctuation', 'warning', 'unbalancedQuote'));
  if (/[؟?]/u.test(ar) && !en.includes('?')) out.push(finding(row, 'punctuation', 'info', 'questionLost'));
  const a = artefact(en);
  if (a) out.push(finding(row, 'punctuation', 'warning', 'artefact', { text: a }));
  const arabic = /[،؛؟]/u.exec(en);
  if (arabic) out.push(finding(row, 'punctuation', 'warning', 'arabicPunctuation', { char: arabic[0] }));
  return out;
}
