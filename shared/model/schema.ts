// The annotation model, defined once with zod. Types are inferred from these schemas
// (see ./types.ts), the sidecar file is validated with them, and docs/annotation-schema.json
// is generated from them (npm run schema).
//
// OFFSETS: every `start`/`end` in this model counts Unicode code points (not UTF-16 units,
// not bytes), half-open [start, end). Use shared/text/offsets.ts to convert; never slice
// a JS string with them directly.
import { z } from 'zod';

export const FORMAT_NAME = 'muwazi-annotations';
/** major.minor: a reader refuses an unknown major, accepts a newer minor. The annotation objects are
 * loose (z.looseObject): fields a newer minor version adds pass validation and are written back. */
export const FORMAT_VERSION = '1.1';
export const OFFSET_UNIT = 'codepoint';

/** Ids are a lowercase prefix plus a number: s (source segment), t (target sentence),
 * u (alignment unit), m (mention), e (entity). Stable across saves; new ones take max+1. */
export const IdSchema = z.string().regex(/^[a-z]+[0-9]+$/, 'an id is a lowercase prefix and a number, e.g. s12');

const Offset = z.number().int().nonnegative();

/** Provenance (1.1): who last changed the item (the user name from the app's preferences) and when
 * (ISO 8601 UTC). Stamped at save time by shared/team/provenance.ts; absent on items from 1.0 files. */
const By = z.string().min(1).max(200);
/** ISO 8601 UTC as written (like `modified`, not checked further: a save never fails over a clock) */
const At = z.string().min(1).max(64);

/** A reviewer's or annotator's comment on a row (1.1). */
export const CommentSchema = z.looseObject({
  id: z.string().min(1),
  by: By,
  at: At,
  text: z.string(),
  /** 'sendBack': the reviewer returned the row to its translator */
  kind: z.enum(['note', 'sendBack']),
});

/** What the reviewer accepted (1.1): the English and the mention/link keys as they were then, so
 * review mode can show what changed since (keys: shared/review/snapshot.ts). */
export const ReviewedSchema = z.looseObject({
  by: By,
  at: At,
  en: z.string(),
  mentions: z.array(z.string()),
  links: z.array(z.string()),
});

/** A disagreement the merge driver (shared/team/merge.ts) kept both sides of (1.1); the app lists them
 * for resolution. `base` is absent when the item did not exist in the common ancestor. */
export const ConflictSchema = z.looseObject({
  id: z.string().min(1),
  kind: z.enum(['english', 'status', 'mentionType', 'mention', 'link', 'rows']),
  /** the unit the conflict is about, when it is one row's */
  unit: z.string().optional(),
  base: z.unknown().optional(),
  ours: z.unknown(),
  theirs: z.unknown(),
});

export const SideSchema = z.enum(['ar', 'en']);

export const SourceSegmentSchema = z.looseObject({
  id: IdSchema,
  /** code points into the decoded source text */
  start: Offset,
  end: Offset,
  /** the segment's text, redundant on purpose: validates offsets and lets drift re-anchoring
   * rebuild the old text when the source changes */
  text: z.string(),
  /** 'manual' segments come from the user's split/merge and survive re-segmentation */
  origin: z.enum(['auto', 'manual']).default('auto'),
});

export const TargetSentenceSchema = z.looseObject({
  id: IdSchema,
  text: z.string(),
});

export const RowStatusSchema = z.enum(['auto', 'draft', 'translated', 'reviewed']);
export const UnitOriginSchema = z.enum(['segmenter', 'manual', 'import', 'aligner']);

export const AlignmentUnitSchema = z.looseObject({
  id: IdSchema,
  /** source segment ids, in source order (0..n) */
  source: z.array(IdSchema),
  /** target sentence ids, in order (0..m) */
  target: z.array(IdSchema),
  status: RowStatusSchema,
  origin: UnitOriginSchema,
  /** the aligner's confidence in [0, 1], when the link came from it */
  confidence: z.number().min(0).max(1).optional(),
  /** a confirmed link stays fixed when the rest is realigned */
  confirmed: z.boolean().default(false),
  /** QA check ids (shared/qa) the user marked "ignore" for this row; absent when none */
  qaIgnore: z.array(z.string().min(1).max(64)).optional(),
  /** who last changed the row's status, and when (1.1) */
  by: By.optional(),
  at: At.optional(),
  /** comments on the row, oldest first (1.1) */
  comments: z.array(CommentSchema).optional(),
  /** the last accepted review of the row (1.1) */
  reviewed: ReviewedSchema.optional(),
});

export const EntitySchema = z.looseObject({
  id: IdSchema,
  type: z.string().min(1),
  /** preferred Arabic and English forms (the glossary pair) */
  ar: z.string().optional(),
  en: z.string().optional(),
  /** who last created or changed the entity (a link joins an Arabic and an English mention), and when (1.1) */
  by: By.optional(),
  at: At.optional(),
});

export const MentionSchema = z.looseObject({
  id: IdSchema,
  side: SideSchema,
  /** the segment id (side 'ar') or target sentence id (side 'en') holding the mention */
  sentence: IdSchema,
  /** side 'ar': code points into the whole source text; side 'en': into the target sentence's text */
  start: Offset,
  end: Offset,
  /** the mention's text, redundant: slice(start, end) must equal it */
  text: z.string().min(1),
  type: z.string().min(1),
  entity: IdSchema,
  /** who last created or changed the mention, and when (1.1) */
  by: By.optional(),
  at: At.optional(),
});

/** A proposed mention kept in the sidecar (shared/entities/propagate-report.ts): `pending` ones are
 * shown as suggestions when the report opens, `rejected` ones are never proposed again. Advisory:
 * one whose text no longer equals the source slice is ignored, never an error. */
export const StoredSuggestionSchema = z.looseObject({
  side: SideSchema,
  /** the segment id (side 'ar') or target sentence id (side 'en') */
  sentence: IdSchema,
  /** as in a mention: side 'ar' into the whole source text, side 'en' into the target sentence */
  start: Offset,
  end: Offset,
  /** the span's text when it was proposed */
  text: z.string().min(1),
  type: z.string().min(1),
  /** the entity the mention would join, when it is one of this report's */
  entity: IdSchema.optional(),
  status: z.enum(['pending', 'rejected']),
  /** 'low': held back from "accept all" (a common word, a missing English rendering, history) */
  confidence: z.enum(['high', 'low']).optional(),
  /** the string is tagged with several types in the project: all of them, sorted */
  conflict: z.array(z.string().min(1)).optional(),
});

export const LineEndingSchema = z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']);

export const SourceInfoSchema = z.looseObject({
  /** file name only, relative to the sidecar's folder */
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** encoding label the source was decoded with (utf-8, utf-16le, windows-1256, ...) */
  encoding: z.string().min(1),
  bom: z.boolean().default(false),
  lineEnding: LineEndingSchema,
  /** length of the decoded text in code points */
  length: Offset,
  language: z.string().default('ar'),
});

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A span kept after the source changed and it could not be re-anchored (see shared/formats/drift.ts):
 * never dropped, shown to the user, its offsets still point into the OLD source text. */
export const OrphanSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('segment'),
    /** sha256 of the source text the segment's offsets refer to */
    sourceSha256: Sha256,
    /** why it could not be mapped, for the user */
    reason: z.string(),
    segment: SourceSegmentSchema,
  }),
  z.object({
    kind: z.literal('mention'),
    /** sha256 of the source text the mention's offsets refer to (side 'ar') */
    sourceSha256: Sha256,
    /** why it could not be mapped, for the user */
    reason: z.string(),
    mention: MentionSchema,
  }),
]);

export const AnnotationsSchema = z.looseObject({
  format: z.literal(FORMAT_NAME),
  version: z.string().regex(/^\d+\.\d+$/),
  tool: z.looseObject({ name: z.string(), version: z.string() }),
  offsetUnit: z.literal(OFFSET_UNIT),
  source: SourceInfoSchema,
  target: z.looseObject({ language: z.string().default('en') }),
  created: z.string(),
  modified: z.string(),
  segments: z.array(SourceSegmentSchema),
  targets: z.array(TargetSentenceSchema),
  units: z.array(AlignmentUnitSchema),
  entities: z.array(EntitySchema),
  mentions: z.array(MentionSchema),
  /** spans that could not be re-anchored after the source changed; absent when none */
  orphans: z.array(OrphanSchema).optional(),
  /** proposed mentions not yet accepted (pending) or turned down (rejected); absent when none */
  suggestions: z.array(StoredSuggestionSchema).optional(),
  /** disagreements recorded by the git merge driver, to be resolved in the app (1.1); absent when none */
  conflicts: z.array(ConflictSchema).optional(),
});

/** A tag type of the project's tag set. */
export const TagTypeSchema = z.object({
  name: z.string().regex(/^[A-Z][A-Z0-9_-]*$/),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** single key that applies the tag (e.g. "p") */
  key: z.string().length(1),
  label: z.string().optional(),
});

/** muwazi.project.json, in the opened folder: per-project settings. */
export const ProjectSettingsSchema = z.object({
  format: z.literal('muwazi-project'),
  version: z.string().regex(/^\d+\.\d+$/),
  tagSet: z.array(TagTypeSchema).min(1),
  segmentation: z
    .object({
      /** extra abbreviations (without the final dot) that never end a sentence */
      abbreviations: z.object({ ar: z.array(z.string()), en: z.array(z.string()) }).partial().default({}),
      /** exceptions: phrases inside which no sentence ends (`Yahoo! News`); optional, added in 1.0 files
       * without a version change since older readers ignore it */
      exceptions: z.object({ ar: z.array(z.string()), en: z.array(z.string()) }).partial().optional(),
    })
    .default({ abbreviations: {} }),
  /** QA (shared/qa): check ids switched off for the project; optional, written only when used
   * (unknown ids are kept and ignored, so a file from a newer version with more checks still opens) */
  qa: z.object({ disabled: z.array(z.string().min(1).max(64)).max(64) }).optional(),
});

export const DEFAULT_TAG_SET: z.infer<typeof TagTypeSchema>[] = [
  { name: 'PER', color: '#d9480f', key: 'p', label: 'Person' },
  { name: 'ORG', color: '#1971c2', key: 'o', label: 'Organisation' },
  { name: 'LOC', color: '#2f9e44', key: 'l', label: 'Location' },
  { name: 'MISC', color: '#9c36b5', key: 'm', label: 'Miscellaneous' },
];
