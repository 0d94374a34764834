// Public types of the annotation model, inferred from the zod schemas so they are written once.
import type { z } from 'zod';
import type {
  AlignmentUnitSchema, AnnotationsSchema, CommentSchema, ConflictSchema, EntitySchema, LineEndingSchema, MentionSchema, OrphanSchema,
  ProjectSettingsSchema, RowStatusSchema, SideSchema, SourceInfoSchema, SourceSegmentSchema, StoredSuggestionSchema,
  ReviewedSchema, TagTypeSchema, TargetSentenceSchema, UnitOriginSchema,
} from './schema.ts';

/** 'ar' is the source side (right to left), 'en' the target side. */
export type Side = z.infer<typeof SideSchema>;
/** A sentence of the Arabic source: a span of code points into the decoded source text. */
export type SourceSegment = z.infer<typeof SourceSegmentSchema>;
/** An English sentence, free text. */
export type TargetSentence = z.infer<typeof TargetSentenceSchema>;
export type RowStatus = z.infer<typeof RowStatusSchema>;
export type UnitOrigin = z.infer<typeof UnitOriginSchema>;
/** One editor row: 0..n source segments linked to 0..m target sentences. */
export type AlignmentUnit = z.infer<typeof AlignmentUnitSchema>;
export type Entity = z.infer<typeof EntitySchema>;
/** A comment on a row (1.1). */
export type RowComment = z.infer<typeof CommentSchema>;
/** A row's last accepted review (1.1). */
export type RowReview = z.infer<typeof ReviewedSchema>;
/** A disagreement kept by the merge driver (1.1). */
export type MergeConflict = z.infer<typeof ConflictSchema>;
export type Mention = z.infer<typeof MentionSchema>;
/** A segment or mention kept aside because the source changed under it (offsets into the old text). */
export type Orphan = z.infer<typeof OrphanSchema>;
/** A suggestion kept in the sidecar (pending or rejected). */
export type StoredSuggestion = z.infer<typeof StoredSuggestionSchema>;
export type LineEnding = z.infer<typeof LineEndingSchema>;
export type SourceInfo = z.infer<typeof SourceInfoSchema>;
/** The whole sidecar, `<name>.annotations.json`. */
export type Annotations = z.infer<typeof AnnotationsSchema>;
export type TagType = z.infer<typeof TagTypeSchema>;
export type ProjectSettings = z.infer<typeof ProjectSettingsSchema>;

/** A half-open span [start, end) in code points. */
export interface Span {
  start: number;
  end: number;
}
