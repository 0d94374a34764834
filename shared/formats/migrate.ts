// Format versions. A sidecar carries `version: "major.minor"`. Within the current major, a newer
// minor only adds optional fields, so it is read as is. An older major is upgraded step by step by
// the migrations registered below (keyed by the major they upgrade FROM); a newer major is refused,
// because this build cannot know what its fields mean and saving would lose them.
import { FORMAT_VERSION } from '../model/schema.ts';

/** A raw JSON object as read from disk, before schema validation. */
export type RawSidecar = Record<string, unknown>;

/** One upgrade step: takes a file of major `from` and returns one of a higher major. */
export interface Migration {
  /** human description, listed in the migration log */
  description: string;
  /** the transformation; must set `version` to the new major.minor */
  up: (raw: RawSidecar) => RawSidecar;
}

/** Migrations keyed by the major version they upgrade from. No 0.x files were ever released, so
 * this is empty today; tests register a fabricated 0.9 step to prove the hook works. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Steps within the current major, keyed by the exact "major.minor" they upgrade from. A minor only
 * adds optional fields, so a step changes nothing but `version`: the file loads unchanged, and the
 * next save writes the version whose fields it may now carry. */
export const MINOR_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '1.0': {
    description: '1.0 → 1.1: adds optional provenance (by, at) on units, mentions and entities, row comments and reviews, merge conflicts; nothing to convert',
    up: (raw) => ({ ...raw, version: '1.1' }),
  },
};

export type VersionProblem = 'bad-version' | 'newer-version' | 'no-migration';

export class VersionError extends Error {
  constructor(
    /** why the version cannot be read */
    readonly problem: VersionProblem,
    message: string,
  ) {
    super(message);
    this.name = 'VersionError';
  }
}

/** Parsed "major.minor". */
export function parseVersion(v: unknown): { major: number; minor: number } | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d+)\.(\d+)$/.exec(v);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/** What migrateToCurrent did. */
export interface MigrationResult {
  /** the file, upgraded to the current major (the input itself when no step applied) */
  value: RawSidecar;
  /** version found in the file */
  from: string;
  /** descriptions of the steps applied, in order; empty when the file was current */
  applied: string[];
}

/**
 * Brings a raw sidecar to the current major version, or throws VersionError: 'bad-version' (no
 * or malformed version), 'newer-version' (a later major), 'no-migration' (an older major without a
 * registered step). `registry` is injectable for tests.
 */
export function migrateToCurrent(
  raw: RawSidecar,
  registry: Readonly<Record<number, Migration>> = MIGRATIONS,
  minors: Readonly<Record<string, Migration>> = MINOR_MIGRATIONS,
): MigrationResult {
  const current = parseVersion(FORMAT_VERSION)!;
  const from = raw.version;
  const v = parseVersion(from);
  if (!v) throw new VersionError('bad-version', `The file's "version" is ${JSON.stringify(from) ?? 'missing'}; expected "major.minor", e.g. "${FORMAT_VERSION}".`);
  if (v.major > current.major) {
    throw new VersionError(
      'newer-version',
      `This file was written by a newer Muwazi (format version ${from}); this version reads ${current.major}.x. Update Muwazi to open it; the file was left untouched.`,
    );
  }
  const applied: string[] = [];
  let value = raw;
  let major = v.major;
  while (major < current.major) {
    const step = registry[major];
    if (!step) throw new VersionError('no-migration', `Format version ${from} is too old: no migration from ${major}.x is known.`);
    value = step.up(value);
    applied.push(step.description);
    const next = parseVersion(value.version);
    if (!next || next.major <= major) throw new VersionError('no-migration', `The migration from ${major}.x did not produce a newer version.`);
    major = next.major;
  }
  // then the minor steps of the current major, each from its exact version
  for (let step = minors[String(value.version)]; step; step = minors[String(value.version)]) {
    const before = parseVersion(value.version)!;
    value = step.up(value);
    applied.push(step.description);
    const next = parseVersion(value.version);
    if (!next || next.major !== before.major || next.minor <= before.minor) throw new VersionError('no-migration', `The migration from ${String(before.major)}.${String(before.minor)} did not produce a newer minor version.`);
  }
  return { value, from: String(from), applied };
}
