// Text pipeline figures: sentence-boundary P/R/F1 (ours and Intl.Segmenter side by side) on the
// five sample reports against the hand-made gold, on NTREX documents against their lines (with
// the misses broken down by how the line ends) and on UD PUD documents as an untuned control;
// tokenisation F1 against UD PUD Arabic (clitics split); segmentation throughput, ours and
// Intl.Segmenter per paragraph on the same text, interleaved in the same run (bench/report.ts). See docs/text-pipeline.md.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentSentences } from '../shared/text/segment.ts';
import { knownWords, tokenize, wordListWords } from '../shared/text/tokenize.ts';
import { addPrf, boundaries, boundaryPrf, intlSentenceSpans, locatePieces, sentenceStartPrf, spanPrf, type Prf } from '../shared/text/score.ts';
import type { Span } from '../shared/model/types.ts';
import { figure, paired } from './report.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.MUWAZI_DATA ?? resolve(import.meta.dirname, '../../shared/data');

const round = (x: number) => Math.round(x * 10000) / 10000;
const brief = (p: Prf) => ({ p: round(p.precision), r: round(p.recall), f1: round(p.f1), tp: p.tp, fp: p.fp, fn: p.fn });

/** The sample reports with their gold sentence spans. */
function samples(): { name: string; text: string; gold: Span[] }[] {
  const dir = join(root, 'assets/samples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.txt$/, '');
      const text = readFileSync(join(dir, f), 'utf8');
      const sentences = readFileSync(join(root, 'tests/fixtures/gold', `${name}.txt`), 'utf8').split('\n').filter((l) => l.trim());
      const gold = locatePieces(text, sentences);
      if (!gold) throw new Error(`gold for ${name} does not match the text`);
      return { name, text, gold };
    });
}

/** NTREX documents built as the issue says: headline line, then the body lines joined by spaces
 * as one paragraph; gold = where each line starts. */
export function ntrexDocuments(dir = join(DATA, 'ntrex128-ar-en')): { text: string; gold: Span[] }[] {
  const lines = readFileSync(join(dir, 'newstest2019-ref.arb.txt'), 'utf8').split(/\r\n|\n/);
  const ids = readFileSync(join(dir, 'DOCUMENT_IDS.tsv'), 'utf8').split(/\r\n|\n/);
  const docs: string[][] = [];
  for (let k = 0; k < ids.length && k < lines.length; k++) {
    if (!ids[k]) continue;
    if (k === 0 || ids[k] !== ids[k - 1]) docs.push([]);
    docs[docs.length - 1].push(lines[k].trim());
  }
  return docs.map((d) => {
    const text = d[0] + '\n' + d.slice(1).join(' ');
    const gold = locatePieces(text, d);
    if (!gold) throw new Error('NTREX document construction failed');
    return { text, gold };
  });
}

/** UD PUD Arabic: each sentence's text and its gold tokens (syntactic words, clitics split). */
function pudSentences(): { text: string; forms: string[]; doc: string }[] {
  const raw = readFileSync(join(DATA, 'ud-pud-ar-en/ar_pud-ud-test.conllu'), 'utf8');
  const out: { text: string; forms: string[]; doc: string }[] = [];
  for (const block of raw.split(/\n\s*\n/)) {
    let text = '';
    let doc = '';
    const forms: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('# sent_id = ')) doc = line.slice(12).trim().slice(0, 6);
      else if (line.startsWith('# text = ')) text = line.slice(9);
      else if (/^\d+\t/.test(line)) forms.push(line.split('\t')[1]);
    }
    if (text) out.push({ text, forms, doc });
  }
  return out;
}

/** UD PUD Arabic sentences joined with a space per document (sent_id minus its last digits):
 * a control set the rules were NOT tuned on, all sentences properly punctuated. */
function pudDocuments(): { text: string; gold: Span[] }[] {
  const raw = readFileSync(join(DATA, 'ud-pud-ar-en/ar_pud-ud-test.conllu'), 'utf8');
  const docs = new Map<string, string[]>();
  let id = '';
  for (const line of raw.split('\n')) {
    if (line.startsWith('# sent_id = ')) id = line.slice(12).trim().slice(0, 6);
    else if (line.startsWith('# text = ')) {
      const list = docs.get(id) ?? [];
      list.push(line.slice(9).trim());
      docs.set(id, list);
    }
  }
  return [...docs.values()].map((d) => {
    const text = d.join(' ');
    const gold = locatePieces(text, d);
    if (!gold) throw new Error('PUD document construction failed');
    return { text, gold };
  });
}

/** Missed NTREX boundaries by how the line before them ends: no final punctuation at all (no
 * punctuation-based rule can find these), a closing quote without a stop, anything else. */
function missedByLineEnd(docs: { text: string; gold: Span[] }[], predict: (t: string) => Span[]): Record<string, number> {
  const out = { noFinalPunctuation: 0, quoteWithoutStop: 0, other: 0 };
  for (const d of docs) {
    const cps = Array.from(d.text);
    const predicted = new Set(boundaries(predict(d.text)));
    for (let k = 1; k < d.gold.length; k++) {
      if (predicted.has(d.gold[k].start)) continue;
      const last = cps[d.gold[k - 1].end - 1];
      const before = cps[d.gold[k - 1].end - 2] ?? '';
      if (/[\p{L}\p{M}\p{N}]/u.test(last)) out.noFinalPunctuation++;
      else if (/["”“»']/u.test(last) && !/[.!?؟…]/u.test(before)) out.quoteWithoutStop++;
      else out.other++;
    }
  }
  return out;
}

function segmentationScores() {
  const sample = samples().map((s) => ({
    name: s.name,
    ours: boundaryPrf(s.gold, segmentSentences(s.text, { lang: 'ar' })),
    intl: boundaryPrf(s.gold, intlSentenceSpans(s.text, 'ar')),
  }));
  const docs = ntrexDocuments();
  const ntrexOurs = addPrf(docs.map((d) => boundaryPrf(d.gold, segmentSentences(d.text, { lang: 'ar' }))));
  const ntrexIntl = addPrf(docs.map((d) => boundaryPrf(d.gold, intlSentenceSpans(d.text, 'ar'))));
  // the same, counting each document's first sentence start as a boundary too (1997 instead of 1874)
  const ntrexStartsOurs = addPrf(docs.map((d) => sentenceStartPrf(d.gold, segmentSentences(d.text, { lang: 'ar' }))));
  const ntrexStartsIntl = addPrf(docs.map((d) => sentenceStartPrf(d.gold, intlSentenceSpans(d.text, 'ar'))));
  const pud = pudDocuments();
  const pudOurs = addPrf(pud.map((d) => boundaryPrf(d.gold, segmentSentences(d.text, { lang: 'ar' }))));
  const pudIntl = addPrf(pud.map((d) => boundaryPrf(d.gold, intlSentenceSpans(d.text, 'ar'))));
  return {
    samples: {
      ours: brief(addPrf(sample.map((s) => s.ours))),
      intlSegmenter: brief(addPrf(sample.map((s) => s.intl))),
      perFile: Object.fromEntries(sample.map((s) => [s.name, { ours: round(s.ours.f1), intl: round(s.intl.f1) }])),
    },
    ntrex: {
      documents: docs.length,
      ours: brief(ntrexOurs),
      intlSegmenter: brief(ntrexIntl),
      oursMissedByLineEnd: missedByLineEnd(docs, (t) => segmentSentences(t, { lang: 'ar' })),
      intlMissedByLineEnd: missedByLineEnd(docs, (t) => intlSentenceSpans(t, 'ar')),
      countingDocumentStarts: { ours: brief(ntrexStartsOurs), intlSegmenter: brief(ntrexStartsIntl) },
    },
    udPudControl: { documents: pud.length, ours: brief(pudOurs), intlSegmenter: brief(pudIntl) },
  };
}

function tokenScores() {
  let unaligned = 0;
  const parts = { clitics: [] as Prf[], noClitics: [] as Prf[], whitespace: [] as Prf[], enclitics: [] as Prf[], encliticsReport: [] as Prf[], wordList: [] as Prf[], wordListDocument: [] as Prf[], wordListReport: [] as Prf[] };
  const sentences = pudSentences();
  // the vocabulary of the whole text, as the CoNLL export uses a report's own words (raw text only)
  const vocabulary = new Set<string>();
  for (const s of sentences) knownWords(s.text, vocabulary);
  // per PUD document (sent_id less its last digits: a few sentences each)
  const documents = new Map<string, Set<string>>();
  for (const s of sentences) documents.set(s.doc, knownWords(s.text, documents.get(s.doc)));
  // issue 15: the app's word list (assets/lexicon/ar-en.tsv headwords), what the export has
  const dictionary = wordListWords(readFileSync(join(root, 'assets/lexicon/ar-en.tsv'), 'utf8'));
  for (const s of sentences) {
    const gold = locatePieces(s.text, s.forms);
    if (!gold) {
      unaligned++; // forms that are not substrings of the text (rare normalisations in UD)
      continue;
    }
    parts.clitics.push(spanPrf(gold, tokenize(s.text, { lang: 'ar', clitics: true })));
    parts.noClitics.push(spanPrf(gold, tokenize(s.text, { lang: 'ar' })));
    parts.enclitics.push(spanPrf(gold, tokenize(s.text, { lang: 'ar', clitics: true, enclitics: true })));
    parts.encliticsReport.push(spanPrf(gold, tokenize(s.text, { lang: 'ar', clitics: true, enclitics: true, known: vocabulary })));
    parts.wordList.push(spanPrf(gold, tokenize(s.text, { lang: 'ar', clitics: true, enclitics: true, dictionary })));
    parts.wordListDocument.push(spanPrf(gold, tokenize(s.text, { lang: 'ar', clitics: true, enclitics: true, known: documents.get(s.doc), dictionary })));
    parts.wordListReport.push(spanPrf(gold, tokenize(s.text, { lang: 'ar', clitics: true, enclitics: true, known: vocabulary, dictionary })));
    const ws = locatePieces(s.text, s.text.split(/\s+/u).filter(Boolean)) ?? [];
    parts.whitespace.push(spanPrf(gold, ws));
  }
  return {
    sentences: parts.clitics.length,
    unalignedSentences: unaligned,
    clitics: brief(addPrf(parts.clitics)),
    noClitics: brief(addPrf(parts.noClitics)),
    // issue 15: pronouns split too; known words from the sentence alone / from the whole text
    encliticsSentenceWords: brief(addPrf(parts.enclitics)),
    encliticsTextWords: brief(addPrf(parts.encliticsReport)),
    // + the word list as known words: the sentence's / its PUD document's / the whole text's words
    wordListSentenceWords: brief(addPrf(parts.wordList)),
    wordListDocumentWords: brief(addPrf(parts.wordListDocument)),
    wordListTextWords: brief(addPrf(parts.wordListReport)),
    target: { f1: 0.95, baseline: 0.882 },
    whitespaceBaseline: brief(addPrf(parts.whitespace)),
  };
}

/** Real Arabic text of at least `mb` MB (UTF-8): the NTREX Arabic lines and the UD PUD Arabic
 * sentences, one paragraph each, repeated until the size is reached. */
function arabicText(mb: number): { text: string; paragraphs: string[]; mb: number } {
  const base = [readFileSync(join(DATA, 'ntrex128-ar-en/newstest2019-ref.arb.txt'), 'utf8'), readFileSync(join(DATA, 'ud-pud-ar-en/pud.ar.txt'), 'utf8')]
    .join('\n')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const paragraphs: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * 1e6; i++) {
    const p = base[i % base.length];
    paragraphs.push(p);
    bytes += Buffer.byteLength(p) + 1;
  }
  return { text: paragraphs.join('\n'), paragraphs, mb: bytes / 1e6 };
}

/** Throughput at 1, 10 and 50 MB: our segmenter over the whole text beside Intl.Segmenter('ar',
 * sentence) applied per paragraph (ICU is superlinear on one big string, see FIELD-NOTES; the
 * paragraphs are split before timing, in its favour), interleaved pair by pair. */
async function speed() {
  const intl = new Intl.Segmenter('ar', { granularity: 'sentence' });
  const out: Record<string, unknown> = {
    data: 'NTREX-128 Arabic lines + UD PUD Arabic sentences (one paragraph each), repeated to the size',
  };
  for (const [mb, runs] of [[1, 9], [10, 5], [50, 3]] as const) {
    const { text, paragraphs, mb: size } = arabicText(mb);
    let sentences = 0;
    const t = await paired(
      runs,
      () => void (sentences = segmentSentences(text, { lang: 'ar' }).length),
      () => {
        let n = 0;
        for (const p of paragraphs) for (const _ of intl.segment(p)) n++;
        return n;
      },
    );
    const mbps = (xs: number[]) => xs.map((ms) => size / (ms / 1000));
    out[`${mb} MB`] = {
      sentences,
      MBps: figure({ unit: 'MB/s', ours: mbps(t.ours), baseline: mbps(t.baseline), baselineWhat: 'Intl.Segmenter per paragraph', target: { minRatio: 1 } }),
    };
  }
  return out;
}

export async function run(): Promise<Record<string, unknown>> {
  return { segmentation: segmentationScores(), tokenization: tokenScores(), throughput: await speed() };
}
