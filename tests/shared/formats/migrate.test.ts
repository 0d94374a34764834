import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MIGRATIONS, MINOR_MIGRATIONS, VersionError, migrateToCurrent, type Migration } from '../../../shared/formats/migrate.ts';
import { SidecarError, parseAnnotations, serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';

// A fabricated 0.9 format: `spans` instead of `segments`, `rows` instead of `units`, and offsets
// as [start, end] pairs. The migration hook must turn it into a current file.
const from09: Migration = {
  description: '0.x → 1.0: spans → segments, rows → units, [start, end] pairs → fields',
  up: (raw) => {
    const { spans, rows, ...rest } = raw as { spans: { id: string; at: [number, number]; text: string }[]; rows: unknown[] } & Record<string, unknown>;
    return { ...rest, version: '1.0', segments: spans.map((s) => ({ id: s.id, start: s.at[0], end: s.at[1], text: s.text })), units: rows };
  },
};

function fabricate09() {
  const cur = JSON.parse(serializeAnnotations(annotate(TEXT)));
  const { segments, units, ...rest } = cur;
  return { ...rest, version: '0.9', spans: segments.map((s: { id: string; start: number; end: number; text: string }) => ({ id: s.id, at: [s.start, s.end], text: s.text })), rows: units };
}

test('a fabricated 0.9 file is migrated to the current version and parses to the same annotations', () => {
  const old = fabricate09();
  const r = migrateToCurrent(old, { 0: from09 });
  assert.equal(r.from, '0.9');
  assert.deepEqual(r.applied, [from09.description, MINOR_MIGRATIONS['1.0'].description]);
  const parsed = parseAnnotations(JSON.stringify(old), { text: TEXT }, { migrations: { 0: from09 } });
  assert.equal(serializeAnnotations(parsed), serializeAnnotations(annotate(TEXT)));
});

test('an older major without a migration is refused cleanly', () => {
  assert.deepEqual(MIGRATIONS, {});
  assert.throws(() => migrateToCurrent(fabricate09()), (e: unknown) => e instanceof VersionError && e.problem === 'no-migration' && /too old/.test(e.message));
  assert.throws(() => parseAnnotations(JSON.stringify(fabricate09())), (e: unknown) => e instanceof SidecarError && e.code === 'corrupt-sidecar' && e.problem === 'no-migration');
});

test('unknown newer majors are refused; newer minors pass through untouched', () => {
  assert.throws(() => migrateToCurrent({ version: '3.1' }), (e: unknown) => e instanceof VersionError && e.problem === 'newer-version' && /3\.1/.test(e.message));
  const raw = { version: '1.4', x: 1 };
  assert.equal(migrateToCurrent(raw).value, raw);
  assert.throws(() => migrateToCurrent({}), (e: unknown) => e instanceof VersionError && e.problem === 'bad-version');
});

test('a migration that does not raise the version is an error, not a loop', () => {
  const stuck: Migration = { description: 'broken', up: (r) => r };
  assert.throws(() => migrateToCurrent({ version: '0.9' }, { 0: stuck }), (e: unknown) => e instanceof VersionError && e.problem === 'no-migration');
});

test('a 1.0 file loads unchanged as 1.1: only the version moves, every field and byte else stays', () => {
  const cur = serializeAnnotations(annotate(TEXT));
  const old = cur.replace('"version": "1.1"', '"version": "1.0"');
  const r = migrateToCurrent(JSON.parse(old));
  assert.equal(r.from, '1.0');
  assert.deepEqual(r.applied, [MINOR_MIGRATIONS['1.0'].description]);
  assert.equal(serializeAnnotations(parseAnnotations(old, { text: TEXT })), cur);
  // a 1.0 file has no provenance, comments or conflicts, and needs none
  const parsed = parseAnnotations(old, { text: TEXT });
  assert.ok(parsed.units.every((u) => u.by === undefined && u.comments === undefined));
  assert.equal(parsed.conflicts, undefined);
});

test('a minor step that does not raise the minor is an error, not a loop', () => {
  const stuck: Migration = { description: 'broken', up: (r) => r };
  assert.throws(() => migrateToCurrent({ version: '1.0' }, {}, { '1.0': stuck }), (e: unknown) => e instanceof VersionError && e.problem === 'no-migration');
});
