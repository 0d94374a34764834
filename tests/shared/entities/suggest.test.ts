import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestEnglishSpans } from '../../../shared/entities/suggest.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';

const best = (ar: string, en: string, opts = {}) => suggestEnglishSpans(ar, en, opts)[0];

test('transliteration picks the name in the row: Idlib, Saraqib, Erdogan, Damascus, Hama, al-Raqqa', () => {
  const cases: Array<[string, string, string]> = [
    ['إدلب', 'Regime forces began a ground offensive in Idlib on Thursday.', 'Idlib'],
    ['سراقب', 'Rebels shelled the strategic town of Saraqib in Idlib province.', 'Saraqib'],
    ['أردوغان', "Turkish President Recep Tayyip Erdogan's spokesman said Ankara would respond.", 'Erdogan'],
    ['دمشق', 'The government in Damascus said the road was secured.', 'Damascus'],
    ['حماة', 'Fighting spread to the countryside of Hama and Aleppo.', 'Hama'],
    ['الرقة', 'They fled al-Raqqa last year.', 'al-Raqqa'],
    ['بشار الأسد', 'President Bashar al-Assad visited the front.', 'Bashar al-Assad'],
    ['حلب', 'حلب ↔ 😀 Aleppo, 2020.', 'Aleppo'],
  ];
  for (const [ar, en, want] of cases) {
    const c = best(ar, en);
    assert.ok(c, `${ar}: no candidate`);
    assert.equal(c.text, want, ar);
    assert.equal(cpSlice(en, c.start, c.end), want);
    assert.equal(c.reason, 'transliteration');
  }
});

test('glossary renderings win (exonyms), taken spans are skipped, weak candidates dropped', () => {
  const en = 'Clashes near Cairo and in Giza.';
  const c = best('القاهرة', en, { renderings: ['Cairo'] });
  assert.deepEqual([c.text, c.score, c.reason], ['Cairo', 1, 'glossary']);
  assert.equal(best('سراقب', 'Rebels shelled Saraqib.', { taken: [{ start: 15, end: 22 }] }), undefined);
  assert.deepEqual(suggestEnglishSpans('سراقب', 'Nothing relevant here at all.'), []);
  const ranked = suggestEnglishSpans('إدلب', 'Idlib and Edlib and Adlib', { minScore: 0 });
  assert.ok(ranked.length >= 2);
  for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1].score >= ranked[i].score);
});
