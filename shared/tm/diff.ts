// A match's differences from the query, word by word (shared/diff/myers.ts on the tokens' keys).
// The pieces cover the match's ORIGINAL text: 'same' and 'del' pieces, concatenated, give it back
// exactly (the white space and punctuation after a token belong to its piece; text before the first
// token to the first piece). 'ins' pieces hold the query's words that the match lacks, at their
// place, as written in the query.
import { diffSequences } from '../diff/myers.ts';
import { cpSlice } from '../text/offsets.ts';
import type { TmToken } from './tokens.ts';

/** One piece of the diff. */
export interface DiffPiece {
  op: 'same' | 'del' | 'ins';
  text: string;
}

/** The diff of `match` (its text and tokens) against `query` (its text and tokens). */
export function diffMatch(matchText: string, match: readonly TmToken[], queryText: string, query: readonly TmToken[]): DiffPiece[] {
  const out: DiffPiece[] = [];
  const push = (op: DiffPiece['op'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  // a run of query tokens, as written between the first's start and the last's end
  const qRun = (from: number, to: number) => (from < to ? cpSlice(queryText, query[from].start, query[to - 1].end) : '');
  if (match.length === 0) {
    // no words on either side (punctuation, emoji): nothing differs word by word
    push(query.length === 0 ? 'same' : 'del', matchText);
    push('ins', qRun(0, query.length));
    return out;
  }
  const cps = Array.from(matchText);
  // match token i's piece: from its start (0 for the first) to the next token's start (the end for the last)
  const piece = (i: number) => cps.slice(i === 0 ? 0 : match[i].start, i + 1 < match.length ? match[i + 1].start : cps.length).join('');
  let i = 0;
  let j = 0;
  const gapTo = (a: number, b: number) => {
    // deletions first, then the query's words: they replace what was deleted
    for (; i < a; i++) push('del', piece(i));
    push('ins', qRun(j, b));
    j = b;
  };
  diffSequences(match.length, query.length, (a, b) => match[a].key === query[b].key, (len, a, b) => {
    gapTo(a, b);
    for (let k = 0; k < len; k++, i++, j++) push('same', piece(i));
  });
  gapTo(match.length, query.length);
  return out;
}
