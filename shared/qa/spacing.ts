// spacing (severity info: invisible to a reader, cheap to fix): in the English only, double spaces,
// white space at the start or end, and a space before , . ; : ! ? or a closing bracket. Not flagged:
// an ellipsis after a space (" ...") and a decimal written ".5", which are normal; the Arabic, whose
// spacing is the source's.
import { finding } from './finding.ts';
import type { QaFinding, QaRow } from './types.ts';

export function checkSpacing(row: QaRow): QaFinding[] {
  const en = row.en;
  if (en.trim() === '') return [];
  const out: QaFinding[] = [];
  if (/^\s|\s$/u.test(en)) out.push(finding(row, 'spacing', 'info', 'edgeSpace'));
  const doubles = en.trim().match(/[^\S\n]{2,}/gu)?.length ?? 0;
  if (doubles) out.push(finding(row, 'spacing', 'info', 'doubleSpace', { count: doubles }));
  const before = /\S[^\S\n]+([,;:!?)\]]|\.(?![.\d]))/u.exec(en);
  if (before) out.push(finding(row, 'spacing', 'info', 'spaceBeforePunct', { char: before[1] }));
  return out;
}
