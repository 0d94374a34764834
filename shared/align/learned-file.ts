// The per-project learned word list file, `muwazi.learned-lexicon.tsv` beside muwazi.project.json
// (docs/alignment.md, "Learned word list"). Derived data, safe to delete: it holds, per report, the
// sidecar hash it was counted from and the keys of the report's known rows (learned.ts RowKeys), so
// only reports whose sidecar changed are read and tokenised again; the table itself is recounted
// from the keys (cheap). Tab-separated UTF-8 lines:
//   # …                                 comments (the header says what the file is)
//   muwazi-learned-lexicon<TAB>1         format line, first non-comment line
//   report<TAB><path><TAB><sha256>       a report (path relative to the project, forward slashes)
//   row<TAB><ar keys><TAB><en stems>     one known row of the report above (keys space-separated)
// Anything else makes the file corrupt: the caller rebuilds it, the user never sees an error.
import type { RowKeys } from './learned.ts';

/** The file's name, beside the project's muwazi.project.json. */
export const LEARNED_LEXICON_FILE = 'muwazi.learned-lexicon.tsv';

const MAGIC = 'muwazi-learned-lexicon';
const VERSION = '1';

/** One report's evidence. */
export interface LearnedReport {
  /** sha256 of the sidecar bytes the rows were read from */
  hash: string;
  /** keys of the report's known rows */
  rows: RowKeys[];
}

/** The file's content: reports by path relative to the project (forward slashes). */
export type LearnedFile = Map<string, LearnedReport>;

const HEADER = [
  '# Muwazi learned word list: DERIVED DATA, safe to delete (Muwazi rebuilds it; `muwazi lexicon --learn <folder>` does it now).',
  '# Learned from the rows of this project\'s reports that are confirmed, translated or reviewed; the aligner adds it to the',
  '# general word list when it imports or aligns a translation of a report in this folder. Do not edit: see docs/alignment.md.',
];

const clean = (k: string) => !/[\t\n\r ]/.test(k) && k.length > 0;

export function serializeLearnedFile(file: LearnedFile): string {
  const lines = [...HEADER, `${MAGIC}\t${VERSION}`];
  for (const path of [...file.keys()].sort()) {
    const r = file.get(path)!;
    lines.push(`report\t${path}\t${r.hash}`);
    for (const [as, es] of r.rows) lines.push(`row\t${as.filter(clean).join(' ')}\t${es.filter(clean).join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

/** The file's reports, or null when the text is not such a file (corrupt, other format or version). */
export function parseLearnedFile(text: string): LearnedFile | null {
  const file: LearnedFile = new Map();
  let seenMagic = false;
  let current: LearnedReport | null = null;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (!seenMagic) {
      if (f[0] !== MAGIC || f[1] !== VERSION || f.length !== 2) return null;
      seenMagic = true;
    } else if (f[0] === 'report' && f.length === 3 && f[1] && /^[0-9a-f]{64}$/.test(f[2])) {
      if (file.has(f[1])) return null;
      current = { hash: f[2], rows: [] };
      file.set(f[1], current);
    } else if (f[0] === 'row' && f.length === 3 && current) {
      const words = (s: string) => (s ? s.split(' ') : []);
      current.rows.push([words(f[1]), words(f[2])]);
    } else return null;
  }
  return seenMagic ? file : null;
}
