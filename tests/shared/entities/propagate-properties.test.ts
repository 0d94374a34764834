// Issue 15: invariants of propagation and snapping (fast-check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findOccurrences } from '../../../shared/entities/propagate.ts';
import { propagateReport } from '../../../shared/entities/propagate-report.ts';
import { snapSelection } from '../../../shared/entities/snap.ts';
import { addMention } from '../../../shared/entities/mentions.ts';
import { nameKey } from '../../../shared/text/normalize.ts';
import { cpLength, cpSlice } from '../../../shared/text/offsets.ts';
import { makeReport } from '../../fixtures/annotated-report.ts';

const NAMES = ['إدلب', 'حزب الله', 'الله', 'الأمم المتحدة', 'اللاذقية', 'إسرائيل', 'مصطفى', 'حماة', 'الشرق الأوسط', 'أنقرة', 'واشنطن', 'بغداد', 'كاليفورنيا', 'علي'];
const FILLER = ['قال', 'في', 'على', 'إن', 'وزير', 'الخارجية', 'أمس', '،', '.', '😀', '٢٠٢٠', 'Idlib'];
const PREFIXES = ['', 'و', 'ف', 'ب', 'ك', 'ل', 'وب', 'وك', 'ول', 'فب', 'فك', 'فل'];

test('property: a proposal never overlaps an accepted mention, nor another proposal', () => {
  const word = fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...FILLER), fc.tuple(fc.constantFrom(...PREFIXES.slice(1)), fc.constantFrom(...NAMES)).map(([p, n]) => p + n));
  const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 6 }), (lines, picks) => {
      const { text, annotations } = makeReport(lines, lines.map(() => 'The text.'));
      let a = annotations;
      // tag a few occurrences of names (skipping any that would overlap)
      const occ = NAMES.flatMap((n) => findOccurrences([{ key: '', text }], n));
      for (const p of picks) {
        if (occ.length === 0) break;
        const o = occ[p % occ.length];
        const seg = a.segments.find((s) => s.start <= o.start && o.end <= s.end);
        if (!seg || a.mentions.some((m) => m.start < o.end && o.start < m.end)) continue;
        a = addMention(a, { side: 'ar', sentence: seg.id, start: o.start, end: o.end, type: 'LOC' }).annotations;
      }
      const sug = propagateReport(a, text).filter((s) => s.side === 'ar');
      for (const s of sug) {
        assert.equal(cpSlice(text, s.start, s.end), s.text);
        for (const m of a.mentions) assert.ok(s.end <= m.start || m.end <= s.start, `${s.text} overlaps ${m.text}`);
      }
      for (let i = 0; i < sug.length; i++) for (let j = i + 1; j < sug.length; j++) assert.ok(sug[i].end <= sug[j].start || sug[j].end <= sug[i].start);
    }),
    { numRuns: 200 },
  );
});

test('property: snapping never removes a letter from a glossary or tagged name', () => {
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى';
  const randomName = fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 8 }).map((l) => l.join(''));
  const name = fc.oneof(fc.constantFrom(...NAMES, 'وليد', 'فالنسيا', 'كوفي انان', 'بطولة', 'كوما', 'لبنان', 'وهبة'), randomName);
  fc.assert(
    fc.property(name, fc.constantFrom(...PREFIXES), fc.constantFrom('', '،', '.', '»', '"'), fc.array(fc.constantFrom(...FILLER), { maxLength: 4 }), (n, p, junk, ctx) => {
      const before = ctx.join(' ') + (ctx.length ? ' ' : '');
      const t = before + p + n + junk + ' ' + ctx.join(' ');
      const s = cpLength(before);
      const nameStart = s + cpLength(p);
      const nameEnd = nameStart + cpLength(n);
      const r = snapSelection(t, s, nameEnd + cpLength(junk), { known: new Set([nameKey(n)]) });
      assert.ok(r, 'snapped to nothing');
      assert.ok(r.start <= nameStart && r.end >= nameEnd, `${p}+${n} → ${cpSlice(t, r.start, r.end)}`);
    }),
    { numRuns: 1000 },
  );
});

/** A spelling variant of `name` allowed by the one-way rules, with random harakat. */
const variantOf = (name: string) =>
  fc.array(fc.tuple(fc.boolean(), fc.constantFrom('', '', '\u064e', '\u064f', '\u0650', '\u0651', '\u064b', '\u0652')), { minLength: name.length, maxLength: name.length }).map((choices) => {
    const cs = [...name];
    return cs
      .map((c, i) => {
        const [flip, mark] = choices[i];
        const wordStart = i === 0 || cs[i - 1] === ' ';
        const wordEnd = i + 1 === cs.length || cs[i + 1] === ' ';
        let out = c;
        if (flip && 'أإآ'.includes(c)) out = 'ا';
        else if (flip && c === 'ا' && wordStart) out = 'أ';
        else if (flip && c === 'ى' && wordEnd) out = 'ي';
        else if (flip && c === 'ة') out = 'ه';
        return c === ' ' ? out : out + mark;
      })
      .join('');
  });

test('property: normalised matching finds every spelling variant of a seed in any clitic combination', () => {
  const seeds = ['إدلب', 'الأمم المتحدة', 'اللاذقية', 'إسرائيل', 'اسرائيل', 'مصطفى', 'حماة', 'الشرق الأوسط', 'الاتحاد الأوروبي', 'أنقرة', 'الله', 'القاهرة'];
  fc.assert(
    fc.property(fc.constantFrom(...seeds).chain((s) => fc.tuple(fc.constant(s), variantOf(s))), fc.constantFrom(...PREFIXES), fc.constantFrom('', '،', '.'), ([seed, variant], p, after) => {
      // documented one-way rule: no clitic before an initial alef that lost its hamza (ك + ان is كان)
      fc.pre(!(p && 'أإآ'.includes(seed[0]) && variant[0] === 'ا'));
      let body = variant;
      // ل before the article drops its alef (للأمم), and before الل its alef and lam (للاذقية)
      if (p.endsWith('ل') && seed.startsWith('ال')) body = seed.startsWith('الل') ? variant.replace(/^ا[\u064b-\u0652]*ل[\u064b-\u0652]*/u, '') : variant.replace(/^ا[\u064b-\u0652]*/u, '');
      const t = 'قال ' + p + body + after + ' أمس';
      const start = cpLength('قال ' + p);
      const occ = findOccurrences([{ key: '', text: t }], seed);
      assert.equal(occ.length, 1, `${seed} in ${t}`);
      assert.equal(occ[0].start, start);
      assert.equal(occ[0].text, body);
    }),
    { numRuns: 1500 },
  );
});
