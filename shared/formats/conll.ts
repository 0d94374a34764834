// CoNLL BIO, one file per language (CoNLL-2003 shape): `token<TAB>tag` per line, a blank line
// after each sentence, and a `-DOCSTART-<TAB>O` line (plus blank line) opening each report.
// Tokens come from the text pipeline's tokeniser, with Arabic clitics split when options.clitics
// is set (known words: the report's own words and the app's word list; the edges of its mentions cut a word after a
// proclitic or before a pronoun, so بإدلب tagged on إدلب is ب O + إدلب B-LOC), enclitic pronouns
// too with options.enclitics. A token is tagged when it overlaps a mention: B- on the first such
// token, I- after. Mentions whose edges still fall inside a token (always without clitic
// splitting, e.g. "بإدلب") tag the whole token: each is reported once as a warning, and the
// export ends with one warning saying how many mentions were widened. Bidi controls are white space to
// the tokeniser, so they are not in any token (CoNLL has no place for them) and not counted.
import type { Side } from '../model/types.ts';
import { knownWords, tokenize } from '../text/tokenize.ts';
import { OffsetMap } from '../text/offsets.ts';
import { rowLabel, DedupeSet } from './rows.ts';
import { entitySentences, type EntitySentence } from './entity-sentences.ts';
import type { Chunk, ExportReport, FormatWriter, WriterContext } from './writer.ts';

/** A token with its BIO tag. */
export interface TaggedToken {
  /** code points into the sentence */
  start: number;
  end: number;
  text: string;
  /** O, B-TYPE or I-TYPE */
  tag: string;
}

/** How Arabic clitics are split (see the header). */
export interface CliticOptions {
  /** also split enclitic pronouns */
  enclitics?: boolean;
  /** words known to stand alone (default: the sentence's own words) */
  known?: ReadonlySet<string>;
  /** headwords of a word list (see TokenizeOptions.dictionary) */
  dictionary?: ReadonlySet<string>;
}

/** Tokenises one sentence and tags its tokens from the sentence's spans. */
export function bioTag(
  s: Pick<EntitySentence, 'text' | 'lang' | 'spans'>,
  clitics: boolean,
  onMisaligned?: (mention: string) => void,
  how: CliticOptions = {},
): TaggedToken[] {
  const map = new OffsetMap(s.text);
  const split = s.lang === 'ar' && clitics;
  const cuts = split ? s.spans.flatMap((sp) => [sp.start, sp.end]) : undefined;
  const tokens = tokenize(s.text, { lang: s.lang, clitics: split, enclitics: how.enclitics, known: how.known, dictionary: how.dictionary, cuts })
    .map((t) => ({ start: t.start, end: t.end, text: map.slice(t.start, t.end) }))
    // a CoNLL token is one non-empty field: no white space inside
    .filter((t) => t.text.trim() !== '');
  const out: TaggedToken[] = [];
  let k = 0;
  let inside = -1;
  for (const t of tokens) {
    while (k < s.spans.length && s.spans[k].end <= t.start) k++;
    const sp = s.spans[k];
    if (sp && sp.start < t.end) {
      if ((t.start < sp.start && sp.start < t.end) || (t.start < sp.end && sp.end < t.end)) onMisaligned?.(sp.mention);
      out.push({ ...t, text: t.text.replace(/\s/g, '_'), tag: (inside === k ? 'I-' : 'B-') + sp.label });
      inside = k;
    } else {
      out.push({ ...t, text: t.text.replace(/\s/g, '_'), tag: 'O' });
      inside = -1;
    }
  }
  return out;
}

export function conllWriter(ctx: WriterContext): FormatWriter {
  const dedupe = new DedupeSet();
  const clitics = Boolean(ctx.options.clitics);
  const enclitics = Boolean(ctx.options.enclitics);
  let widened = 0;
  return {
    format: 'conll',
    layout: { kind: 'pair', suffixes: { ar: '.ar.conll', en: '.en.conll' } },
    header: () => [],
    *report(r: ExportReport): Iterable<Chunk> {
      const lines: Record<Side, string[]> = { ar: ['-DOCSTART-\tO\n\n'], en: ['-DOCSTART-\tO\n\n'] };
      const known = clitics ? knownWords(r.text) : undefined;
      for (const s of entitySentences(r, ctx, dedupe, 'both', false)) {
        const warned = new Set<string>();
        const tagged = bioTag(s, clitics, (m) => {
          if (warned.has(m)) return;
          warned.add(m);
          widened++;
          ctx.stats.warn(`${rowLabel(s.row)}, mention ${m}: its edges fall inside a token; the whole token is tagged`);
        }, { enclitics, known, dictionary: ctx.wordList });
        if (!tagged.length) continue;
        const block = tagged.map((t) => `${t.text}\t${t.tag}\n`).join('') + '\n';
        ctx.stats.countBidi(block);
        lines[s.lang].push(block);
      }
      yield { out: 'ar', text: lines.ar.join('') };
      yield { out: 'en', text: lines.en.join('') };
    },
    footer: () => {
      if (widened) ctx.stats.warn(`${widened} ${widened === 1 ? 'mention was' : 'mentions were'} widened to whole tokens${clitics ? '' : ' (turn on "Split Arabic clitics" to keep the clitic boundary)'}`);
      return [];
    },
  };
}
