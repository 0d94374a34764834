import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GlossaryModel, matchesQuery } from '../../../renderer/ui/glossary-model.ts';
import { glossaryFromTsv, glossaryToTsv, type GlossaryEntry } from '../../../shared/entities/glossary.ts';

const ENTRIES: GlossaryEntry[] = [
  { ar: 'إدلب', en: 'Idlib', type: 'LOC', count: 3 },
  { ar: 'ادلب', en: 'Edlib', type: 'LOC', count: 1 },
  { ar: 'أردوغانُ', en: 'Erdoğan', type: 'PER', count: 2, note: 'الرئيس التركي 🇹🇷' },
  { ar: 'الأمم المتحدة', en: 'United Nations', type: 'ORG', count: 5 },
  { ar: 'سراقب', en: 'Saraqib', type: 'LOC', count: 0 },
  { ar: 'القرار ٢٢٥٤', en: 'Resolution 2254', type: 'MISC', count: 1 },
];

const arOf = (rows: readonly { entry: GlossaryEntry }[]) => rows.map((r) => r.entry.ar);

test('the filter folds Arabic and Latin: hamza forms, harakat, case, diacritics, digits', () => {
  const m = new GlossaryModel(ENTRIES);
  const all = { onlyInconsistent: false };
  assert.deepEqual(arOf(m.filter({ ...all, query: 'إدلب' })), ['إدلب', 'ادلب'], 'إدلب finds ادلب');
  assert.deepEqual(arOf(m.filter({ ...all, query: 'ادلب' })), ['إدلب', 'ادلب'], 'and the reverse');
  assert.deepEqual(arOf(m.filter({ ...all, query: 'اردوغان' })), ['أردوغانُ'], 'harakat and hamza ignored');
  assert.deepEqual(arOf(m.filter({ ...all, query: 'ERDOGAN' })), ['أردوغانُ'], 'case and ğ ignored');
  assert.deepEqual(arOf(m.filter({ ...all, query: 'التركي' })), ['أردوغانُ'], 'the note is searched');
  assert.deepEqual(arOf(m.filter({ ...all, query: '2254' })), ['القرار ٢٢٥٤'], 'Arabic-Indic digits match ASCII');
  assert.deepEqual(arOf(m.filter({ ...all, query: 'الامم  nations' })), ['الأمم المتحدة'], 'every word, any field');
  assert.deepEqual(arOf(m.filter({ ...all, query: 'org' })), ['الأمم المتحدة'], 'the type');
  assert.equal(m.filter({ ...all, query: '   ' }).length, ENTRIES.length, 'blank query shows all');
  assert.equal(m.filter({ ...all, query: 'دمشق' }).length, 0);
  assert.equal(matchesQuery(ENTRIES[0], 'idl'), true, 'substring of a word');
});

test('inconsistent renderings of one Arabic form are flagged, and the filter can show only them', () => {
  const m = new GlossaryModel(ENTRIES);
  const flags = m.inconsistent();
  const flagged = m.rows.filter((r) => flags.has(r.id));
  assert.deepEqual(arOf(flagged), ['إدلب', 'ادلب'], 'إدلب/ادلب are one Arabic form, rendered Idlib and Edlib');
  assert.deepEqual(flags.get(flagged[0].id), ['Idlib', 'Edlib'], 'most used rendering first');
  assert.deepEqual(arOf(m.filter({ query: '', onlyInconsistent: true })), ['إدلب', 'ادلب']);
  assert.deepEqual(arOf(m.filter({ query: 'edlib', onlyInconsistent: true })), ['ادلب']);
  // fixing the rendering clears the flag; a case-only difference is not an inconsistency
  m.update(flagged[1].id, 'en', 'IDLIB');
  assert.equal(m.inconsistent().size, 0);
  // the same Arabic form under another type is a different entity
  m.add({ ar: 'إدلب', en: 'Idlib Governorate', type: 'ORG' });
  assert.equal(m.inconsistent().size, 0);
});

test('edit, add and delete rows; entries() is what is saved and survives the TSV round trip', () => {
  const m = new GlossaryModel(ENTRIES);
  assert.equal(m.dirty, false);
  const ids = m.rows.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');

  // edit: trimmed, type upper-cased and defaulted, empty note removed, no-op edits do not dirty
  assert.equal(m.update(ids[4], 'en', 'Saraqib'), false, 'unchanged');
  assert.equal(m.dirty, false);
  assert.ok(m.update(ids[4], 'en', '  Saraqeb '));
  assert.equal(m.row(ids[4])!.entry.en, 'Saraqeb');
  assert.ok(m.update(ids[4], 'type', 'gpe'));
  assert.equal(m.row(ids[4])!.entry.type, 'GPE');
  assert.ok(m.update(ids[4], 'type', ''));
  assert.equal(m.row(ids[4])!.entry.type, 'MISC');
  assert.ok(m.update(ids[2], 'note', ''));
  assert.equal('note' in m.row(ids[2])!.entry, false);
  assert.ok(m.update(ids[2], 'note', 'tab\there\nnewline'));
  assert.equal(m.dirty, true);
  assert.equal(m.update(999, 'ar', 'x'), false, 'unknown row');

  // add: at the top, typed by hand (count 0); an untouched added row is not saved
  const blank = m.add();
  assert.equal(m.rows[0].id, blank.id);
  assert.deepEqual(blank.entry, { ar: '', en: '', type: 'MISC', count: 0 });
  assert.equal(m.entries().length, ENTRIES.length, 'the empty row is left out');
  m.update(blank.id, 'ar', 'بِنِشّ');
  m.update(blank.id, 'en', 'Binnish');
  m.update(blank.id, 'type', 'LOC');

  // delete
  assert.ok(m.remove(ids[3]));
  assert.equal(m.remove(ids[3]), false);
  const out = m.entries();
  assert.deepEqual(out.map((e) => e.ar), ['بِنِشّ', 'إدلب', 'ادلب', 'أردوغانُ', 'سراقب', 'القرار ٢٢٥٤']);
  assert.deepEqual(out[0], { ar: 'بِنِشّ', en: 'Binnish', type: 'LOC', count: 0 });
  // entries() returns copies: editing them does not touch the model
  out[0].en = 'changed';
  assert.equal(m.rows[0].entry.en, 'Binnish');
  // what the panel saves reads back the same
  assert.deepEqual(glossaryFromTsv(glossaryToTsv(m.entries())), { entries: m.entries(), problems: [] });
  m.markSaved();
  assert.equal(m.dirty, false);
});

test('the model does not alias the entries it was given', () => {
  const given = ENTRIES.map((e) => ({ ...e }));
  const m = new GlossaryModel(given);
  m.update(m.rows[0].id, 'en', 'Idleb');
  assert.equal(given[0].en, 'Idlib');
});
