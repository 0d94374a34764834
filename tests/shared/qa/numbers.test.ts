import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkNumbers, numberTokens, unmatchedNumbers } from '../../../shared/qa/numbers.ts';
import type { QaRow } from '../../../shared/qa/types.ts';

const row = (ar: string, en: string): QaRow => ({ unit: 'u1', row: 0, ar, en, mentions: [] });
const keys = (ar: string, en: string) => checkNumbers(row(ar, en)).map((f) => `${f.messageKey} ${JSON.stringify(f.params)}`);

test('numbers are read by value across digit scripts and notations', () => {
  const v = (s: string) => numberTokens(s).map((t) => t.values[0]);
  assert.deepEqual(v('١٬٠٠٠ و ٣٫٥ و ٥٠٪'), [1000, 3.5, 50]);
  assert.deepEqual(v('۱۲۳ و ۴۵'), [123, 45]); // Persian digits
  assert.deepEqual(v('1,000 and 1000 and 3.5%'), [1000, 1000, 3.5]);
  assert.deepEqual(v('٢٠١٩–٢٠٢٠'), [2019, 2020]);
  assert.deepEqual(v('items 4,5,6'), [4, 5, 6]);
  // the token keeps the text as written (for the message)
  assert.deepEqual(numberTokens('قتل ٦٧ شخصا').map((t) => t.text), ['٦٧']);
  // alternative readings: abbreviated range end, decades, multipliers, European thousands
  assert.ok(numberTokens('2019-20')[1].values.includes(2020));
  assert.ok(numberTokens('the 1990s')[0].values.includes(90));
  assert.ok(numberTokens('3 million')[0].values.includes(3e6));
  assert.ok(numberTokens('٣ ملايين')[0].values.includes(3e6));
  assert.ok(numberTokens('1.000')[0].values.includes(1000));
});

// [Arabic, English, expected findings] — each a case translators meet
const TABLE: Array<[string, string, string[]]> = [
  ['قتل ٦٧ شخصا في الهجوم.', 'The attack killed 67 people.', []],
  ['قتل ٦٧ شخصا في الهجوم.', 'The attack killed 76 people.', ['numberDifferent {"ar":"٦٧","en":"76"}']],
  ['وقع ذلك عام ٢٠٢٠.', 'It happened last year.', ['numberMissingEn {"number":"٢٠٢٠"}']],
  ['وقع ذلك العام الماضي.', 'It happened in 2020.', ['numberMissingAr {"number":"2020"}']],
  ['بلغت الخسائر ١٬٠٠٠ دولار.', 'Losses reached $1,000.', []],
  ['بلغت الخسائر ١٬٠٠٠ دولار.', 'Losses reached $1000.', []],
  ['بلغت الخسائر 1.000 دولار.', 'Losses reached $1,000.', []],
  ['ارتفع بنسبة ٣٫٥٪.', 'It rose by 3.5%.', []],
  ['ارتفع بنسبة ٣٫٥٪.', 'It rose by 5.3%.', ['numberDifferent {"ar":"٣٫٥","en":"5.3"}']],
  ['ارتفع بنسبة ٥٠ في المئة.', 'It rose 50%.', []],
  ['بين عامي ٢٠١٩ و٢٠٢٠', 'between 2019-2020', []],
  ['في الفترة ٢٠١٩–٢٠٢٠', 'in 2019-20', []],
  ['توفي ثلاثة أشخاص.', 'Three people died.', []],
  ['توفي ثلاثة أشخاص.', '3 people died.', []],
  ['توفي ٣ أشخاص.', 'Three people died.', []],
  ['التقى الرئيسان اثنين من الوزراء.', 'The presidents met 2 ministers.', []],
  ['استمرت المفاوضات يومين.', 'Talks lasted 2 days.', []], // the dual
  ['استمرت المفاوضات خمسة عشر يوما.', 'Talks lasted 15 days.', []],
  ['حل في المركز الأول.', 'He finished 1st.', []],
  ['حل في المركز الثالث.', 'He finished 3rd.', []],
  ['قمة مجموعة العشرين', 'The G20 summit', []],
  ['بلغ العجز ٣ ملايين دولار', 'The deficit reached $3m', []],
  ['ثلاثة ملايين دولار', '$3 million', []],
  ['في التسعينيات', 'in the 1990s', []],
  ['قال إن ٢٥ شخصا أصيبوا', 'twenty-five people were hurt, he said', []],
  ['أعلنت Google عن ٣ منتجات', 'Google announced 3 products', []], // mixed script
  ['أعلنت Google عن ٣ منتجات', 'Google announced 4 products', ['numberDifferent {"ar":"٣","en":"4"}']],
  ['في ١٠:٣٠ صباحا', 'at 10:30 am', []],
  ['نحو ٤٠٠ كيلومتر و٢٠ قرية', 'some 400 km', ['numberMissingEn {"number":"٢٠"}']],
  // cases met on NTREX: an Arabic comma as thousands separator, times, construct duals, compound ordinals
  ['عبر أكثر من 30،000 شخص الحدود', 'More than 30,000 people crossed', []],
  ['الوقت المثالي هو 5:30 مساءً', 'The perfect time is 5.30pm', []],
  ['في الساعة ٤ صباحا', 'at about 04:00', []],
  ['ما لم تجمع مليوني دولار', 'unless she raised $2 million', []],
  ['بعيد مولده الحادي والعشرين', 'on his 21st birthday', []],
  ['نسبة المشاركة أكثر من النصف', 'turnout needs to be 50 percent', []],
  ['مرت أكثر من 10 سنوات', 'It has been a decade', []],
  ['خط أنابيب نورد ستريم الثانٍ', 'the Nord Stream 2 pipeline', []],
  ['وقعت 1197 حالة فرار', 'there were 1,127 defections', ['numberDifferent {"ar":"1197","en":"1,127"}']],
];

test('number-mismatch: table of Arabic/English rows', () => {
  for (const [ar, en, want] of TABLE) assert.deepEqual(keys(ar, en), want, `${ar} | ${en}`);
});

test('number-mismatch is an error, and an untranslated row is left to the untranslated check', () => {
  const fs = checkNumbers(row('قتل ٦٧ شخصا', 'killed 76 people'));
  assert.equal(fs[0].severity, 'error');
  assert.equal(fs[0].check, 'number-mismatch');
  assert.deepEqual(checkNumbers(row('قتل ٦٧ شخصا', '')), []);
});

/** A number written in one of the notations a translator may use for its value. */
function writeNumber(n: number, style: number): string {
  const indic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
  const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
  const grouped = n.toLocaleString('en-US');
  switch (style % 6) {
    case 0: return String(n);
    case 1: return grouped;
    case 2: return indic(String(n));
    case 3: return indic(grouped.replace(/,/g, '٬'));
    case 4: return persian(String(n));
    default: return indic(String(n)) + '٪';
  }
}

test('property: an English copying the Arabic numbers by value (any script or notation) never yields number-mismatch', () => {
  const num = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99_999 }).map((n) => n / 100));
  fc.assert(
    fc.property(fc.array(fc.tuple(num, fc.nat(5), fc.nat(5)), { minLength: 1, maxLength: 5 }), (items) => {
      const arParts = items.map(([n, s]) => (Number.isInteger(n) ? writeNumber(n, s) : String(n).replace('.', '٫').replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))));
      const enParts = items.map(([n, , s]) => (Number.isInteger(n) ? writeNumber(n, s % 2) : String(n)));
      const ar = 'قال التقرير إن ' + arParts.join(' و ') + ' حالة سجلت.';
      const en = 'The report said ' + enParts.join(' and ') + ' cases were recorded.';
      assert.deepEqual(checkNumbers(row(ar, en)), [], `${ar} | ${en}`);
    }),
    { numRuns: 300 },
  );
});

test('property: a changed number (different value) is always found', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 100_000 }), fc.integer({ min: 2, max: 100_000 }), (a, b) => {
      fc.pre(a !== b);
      const u = unmatchedNumbers(`بلغ العدد ${writeNumber(a, 2)} شخصا`, `The number reached ${b} people`);
      assert.equal(u.ar.length + u.en.length > 0, true);
    }),
  );
});
