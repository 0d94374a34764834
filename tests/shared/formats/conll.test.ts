import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import { entitySentences } from '../../../shared/formats/entity-sentences.ts';
import { DedupeSet } from '../../../shared/formats/rows.ts';
import { ExportStats } from '../../../shared/formats/writer.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

const report = buildAnnotatedReport({ name: 'r' });

/** CoNLL text → documents → sentences → [token, tag][]. */
function readConll(text: string): [string, string][][][] {
  const docs: [string, string][][][] = [];
  for (const block of text.split(/\n\n+/)) {
    const rows = block.split('\n').filter(Boolean).map((l) => l.split('\t') as [string, string]);
    if (!rows.length) continue;
    assert.ok(rows.every((r) => r.length === 2 && r[0] !== '' && /^(O|[BI]-\S+)$/.test(r[1])), block);
    if (rows[0][0] === '-DOCSTART-') docs.push([]);
    else docs.at(-1)!.push(rows);
  }
  return docs;
}

/** Spans rebuilt from tokens found in order in the sentence: [start, end) in code points. */
function spansFromTokens(sentence: string, tokens: [string, string][]): { start: number; end: number; label: string }[] {
  const cps = Array.from(sentence);
  const text = cps.join('');
  const out: { start: number; end: number; label: string }[] = [];
  let cursor = 0;
  for (const [tok, tag] of tokens) {
    const u = text.indexOf(tok, cursor);
    assert.ok(u >= 0, `token ${tok} not found in order in: ${sentence}`);
    const start = Array.from(text.slice(0, u)).length;
    const end = start + Array.from(tok).length;
    cursor = u + tok.length;
    if (tag.startsWith('B-')) out.push({ start, end, label: tag.slice(2) });
    else if (tag.startsWith('I-')) out.at(-1)!.end = end;
  }
  return out;
}

for (const clitics of [false, true]) {
  test(`CoNLL BIO (clitics ${clitics}) reads back into the same sentences and spans per language`, () => {
    const { outputs, stats } = exportToStrings('conll', [report, buildAnnotatedReport({ name: 'r2', sample: 1 })], { clitics });
    for (const lang of ['ar', 'en'] as const) {
      const docs = readConll(outputs[lang]);
      assert.equal(docs.length, 2);
      const want = [...entitySentences(report, { options: {}, stats: new ExportStats() }, new DedupeSet(), lang)];
      assert.equal(docs[0].length, want.length);
      docs[0].forEach((tokens, i) => {
        const s = want[i];
        // the tokens are the sentence's text in order, without white space (bidi controls count as such)
        assert.equal(tokens.map((t) => t[0]).join(''), s.text.replace(/[\s\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, ''));
        const got = spansFromTokens(s.text, tokens);
        assert.equal(got.length, s.spans.length, s.text);
        got.forEach((g, k) => {
          const m = s.spans[k];
          assert.equal(g.label, m.label);
          // a token-aligned mention comes back exactly; one inside a token comes back as that token
          assert.ok(g.start <= m.start && g.end >= m.end, `${s.text}: ${m.text}`);
          if (g.start === m.start && g.end === m.end) assert.equal(Array.from(s.text).slice(g.start, g.end).join(''), m.text);
        });
      });
    }
    assert.equal(stats.bidiControls, 0);
    const misaligned = stats.warnings.some((w) => /row 1 \(u1\), mention m1: its edges fall inside a token/.test(w));
    if (clitics) {
      // "بإدلب" (the headline) tagged on إدلب: the clitic is its own token, tagged O
      assert.ok(!misaligned, stats.warnings.join('\n'));
      assert.match(outputs.ar, /\nب\tO\nإدلب\tB-LOC\n/);
    } else {
      // one token carries the tag: warned, never silently, and counted in the summary
      assert.ok(misaligned);
      assert.match(outputs.ar, /\nبإدلب\tB-LOC\n/);
      assert.ok(stats.warnings.some((w) => /^\d+ mentions? (?:was|were) widened to whole tokens \(turn on "Split Arabic clitics"/.test(w)), stats.warnings.join('\n'));
    }
  });
}

test('CoNLL with clitics: a mention after ب ك ل و ف is cut from its clitic; enclitic pronouns on request', async () => {
  const { bioTag } = await import('../../../shared/formats/conll.ts');
  const text = 'قصف بإدلب ووصل لحلب وكدمشق وحياته';
  const at = (w: string, skip = 0) => Array.from(text).join('').indexOf(w) + skip;
  const spans = [
    { start: at('بإدلب', 1), end: at('بإدلب', 5), label: 'LOC', mention: 'm1', entity: 'e1', text: 'إدلب' },
    { start: at('لحلب', 1), end: at('لحلب', 4), label: 'LOC', mention: 'm2', entity: 'e2', text: 'حلب' },
    { start: at('وكدمشق', 2), end: at('وكدمشق', 6), label: 'LOC', mention: 'm3', entity: 'e3', text: 'دمشق' },
  ];
  let warned = 0;
  const tags = bioTag({ text, lang: 'ar', spans }, true, () => warned++).map((t) => `${t.text}/${t.tag}`);
  assert.deepEqual(tags, ['قصف/O', 'ب/O', 'إدلب/B-LOC', 'و/O', 'وصل/O', 'ل/O', 'حلب/B-LOC', 'و/O', 'ك/O', 'دمشق/B-LOC', 'و/O', 'حياته/O']);
  assert.equal(warned, 0);
  const enc = bioTag({ text: 'ذكرت حياته ثم حياة أخرى', lang: 'ar', spans: [] }, true, undefined, { enclitics: true }).map((t) => t.text);
  assert.deepEqual(enc, ['ذكرت', 'حيات', 'ه', 'ثم', 'حياة', 'أخرى']);
  // without splitting the token carries the tag
  const whole = bioTag({ text, lang: 'ar', spans }, false, () => warned++).map((t) => `${t.text}/${t.tag}`);
  assert.deepEqual(whole.slice(1, 2), ['بإدلب/B-LOC']);
  assert.equal(warned, 3);
});

test('CoNLL tags mark harakat-bearing and emoji-adjacent mentions; exact token match when aligned', () => {
  const { outputs } = exportToStrings('conll', [report], { clitics: true });
  assert.match(outputs.ar, /\nحلبَ\tB-LOC\n/);
  assert.match(outputs.ar, /\nإدلب\tB-LOC\n🙂\tO\n/);
  assert.match(outputs.ar, /\nGoogle\tB-ORG\n/);
  assert.match(outputs.en, /\nSyrian\tB-ORG\nObservatory\tI-ORG\nfor\tI-ORG\nHuman\tI-ORG\nRights\tI-ORG\n/);
});

test('CoNLL with clitics uses the app word list as known words (WriterContext.wordList)', async () => {
  const { conllWriter } = await import('../../../shared/formats/conll.ts');
  const { wordListWords } = await import('../../../shared/text/tokenize.ts');
  const { makeReport } = await import('../../fixtures/annotated-report.ts');
  const { text, annotations } = makeReport(['قال باستخدام ٣ طائرات 😀.'], ['He said using 3 planes.']);
  const arOf = (wordList?: ReadonlySet<string>) => {
    const w = conllWriter({ options: { clitics: true }, stats: new ExportStats(), wordList });
    return [...w.report({ name: 'r', text, annotations })].find((c) => c.out === 'ar')!.text.split('\n').filter((l) => l && !l.startsWith('-DOCSTART-')).map((l) => l.split('\t')[0]);
  };
  assert.deepEqual(arOf(), ['قال', 'باستخدام', '٣', 'طائرات', '😀', '.']);
  assert.deepEqual(arOf(wordListWords('الاستخدام\tuse\n')), ['قال', 'ب', 'استخدام', '٣', 'طائرات', '😀', '.']);
});
