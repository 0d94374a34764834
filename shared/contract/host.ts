// The host contract: every call the renderer makes to the host (Electron main process or the
// browser-mode server), typed once. Both sides derive their types from here; the host validates
// every request against `request` at run time before doing anything.
import { z } from 'zod';
import { AnnotationsSchema, ProjectSettingsSchema, StoredSuggestionSchema, TagTypeSchema } from '../model/schema.ts';
import { ValidProjectSettingsSchema } from '../model/settings.ts';
import { API_PREFIX, CALL_NAMES, EVENT_NAMES, TOKEN_HEADER } from './names.ts';

/** Why a call failed, for expected failures. The message is for the user, already specific. */
export const ErrorCodeSchema = z.enum([
  'invalid-request', // payload did not match the contract
  'forbidden', // unknown sender or missing token
  'outside-workspace', // a path not under a folder the user opened
  'not-found',
  'permission-denied',
  'binary-file',
  'too-large',
  'unknown-encoding',
  'corrupt-sidecar', // invalid JSON or schema
  'newer-version', // sidecar written by a newer major version
  'source-missing',
  'disk-full',
  'conflict', // the sidecar changed on disk since it was loaded
  'cancelled',
  'unavailable', // e.g. a native dialog in browser mode
  'invalid-memory', // a translation memory that is not readable TMX, or Moses files that are not parallel
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export type Failure = { ok: false; code: ErrorCode; message: string; details?: unknown };
export type Result<T> = { ok: true; value: T } | Failure;

export const LangSchema = z.enum(['en', 'ar']);

export const ReportSummarySchema = z.object({
  /** absolute path of the .txt source */
  path: z.string(),
  /** path relative to the workspace root, with forward slashes */
  relPath: z.string(),
  name: z.string(),
  rows: z.number().int().nonnegative(),
  translated: z.number().int().nonnegative(),
  entities: z.number().int().nonnegative(),
  hasAnnotations: z.boolean(),
  /** set when the report or its sidecar cannot be read; the sidebar shows it */
  problem: z.string().optional(),
  /** an annotation file whose .txt is missing (`path` is where the .txt should be) */
  sourceMissing: z.boolean().optional(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const WorkspaceSchema = z.object({
  root: z.string(),
  name: z.string(),
  isSample: z.boolean(),
  reports: z.array(ReportSummarySchema),
  settings: ProjectSettingsSchema,
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WarningSchema = z.object({ code: z.string(), message: z.string() });

export const OpenedReportSchema = z.object({
  path: z.string(),
  name: z.string(),
  /** the decoded source text (never modified) */
  text: z.string(),
  annotations: AnnotationsSchema,
  /** new: no sidecar yet; loaded: from disk; drifted: source changed and spans were re-anchored */
  state: z.enum(['new', 'loaded', 'drifted']),
  /** sha256 of the sidecar bytes as loaded (null when new); sent back on save to detect conflicts */
  sidecarHash: z.string().nullable(),
  warnings: z.array(WarningSchema),
  /** unsaved edits found in the crash-recovery journal, newer than the sidecar */
  recovered: AnnotationsSchema.nullable(),
});
export type OpenedReport = z.infer<typeof OpenedReportSchema>;

export const ExportFormatSchema = z.enum(['tmx', 'xliff', 'xliff12', 'moses', 'tsv', 'jsonl', 'conll', 'brat', 'spans']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportOptionsSchema = z.object({
  /** keep only rows whose status is at least this */
  minStatus: z.enum(['auto', 'draft', 'translated', 'reviewed']).optional(),
  onlyOneToOne: z.boolean().optional(),
  dedupe: z.boolean().optional(),
  /** keep rows without English (parallel formats; the entity formats conll, brat, spans always keep them) */
  keepUntranslated: z.boolean().optional(),
  normalizeArabic: z.boolean().optional(),
  clitics: z.boolean().optional(),
  /** entity formats, folder export: also write reports in which no entity was ever tagged (all-O data) */
  includeUnannotated: z.boolean().optional(),
  /** with `clitics` (conll): also split enclitic pronouns (حياته → حيات + ه) */
  enclitics: z.boolean().optional(),
});
export type ExportOptions = z.infer<typeof ExportOptionsSchema>;

export const ExportRequestSchema = z.object({
  /** a report (.txt) or a folder */
  path: z.string(),
  format: ExportFormatSchema,
  /** output file or folder; defaults to an `export/` folder inside the workspace */
  out: z.string().optional(),
  options: ExportOptionsSchema.default({}),
  /** id for progress events and cancel */
  jobId: z.string().min(1).max(64),
});
export type ExportRequest = z.input<typeof ExportRequestSchema>;

export const ExportSummarySchema = z.object({
  files: z.array(z.string()),
  reports: z.number().int(),
  rows: z.number().int(),
  skipped: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  warnings: z.array(z.string()),
  /** bidi control characters (LRM, RLM, ALM, embeddings, isolates) written unchanged */
  bidiControls: z.number().int().nonnegative().optional(),
});
export type ExportSummary = z.infer<typeof ExportSummarySchema>;

/** One glossary pair (shared/entities/glossary.ts GlossaryEntry). */
export const GlossaryEntrySchema = z.object({
  ar: z.string().max(1000),
  en: z.string().max(1000),
  type: z.string().min(1).max(64),
  count: z.number().int().nonnegative(),
  note: z.string().max(10_000).optional(),
}).strict();

/** A translation memory to seed a report from: a TMX file, or a Moses corpus (two line-parallel files). */
export const MemorySourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tmx'), path: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('moses'), ar: z.string().min(1), en: z.string().min(1) }).strict(),
]);
export type MemorySource = z.infer<typeof MemorySourceSchema>;

export const MemoryImportRequestSchema = z.object({
  /** the report (.txt) */
  path: z.string().min(1),
  memory: MemorySourceSchema,
  /** the editor's current annotations to import into (unsaved edits included); default: the saved sidecar */
  annotations: AnnotationsSchema.optional(),
}).strict();
export type MemoryImportRequest = z.input<typeof MemoryImportRequestSchema>;

export const MemoryImportResponseSchema = z.object({
  /** the seeded annotations, NOT saved: the renderer applies them as one editor change */
  annotations: AnnotationsSchema,
  /** pairs read from the memory */
  pairs: z.number().int().nonnegative(),
  /** rows filled from a memory pair whose Arabic matched (exactly or after normalisation); confirmed */
  matched: z.array(z.string()),
  /** rows that received English from the aligner (memory English that matched no row) */
  aligned: z.array(z.string()),
  /** aligner rows below the confidence threshold, for stepping through */
  lowConfidence: z.array(z.string()),
  /** memory pairs no row used */
  unusedPairs: z.number().int().nonnegative(),
  /** unused pairs handed to the aligner (those near the matches) */
  alignedPairs: z.number().int().nonnegative(),
  /** rows merged into a neighbour because their joined Arabic matched one memory unit */
  mergedRows: z.number().int().nonnegative(),
  /** English mentions removed with replaced English */
  droppedMentions: z.number().int().nonnegative(),
  /** rows after the import */
  rows: z.number().int().nonnegative(),
  /** rows with English after the import */
  rowsWithEnglish: z.number().int().nonnegative(),
});
export type MemoryImportResponse = z.infer<typeof MemoryImportResponseSchema>;

// ---- translator's workbench (issue 11): project translation memory and concordance ----------------

/** Where a memory unit comes from: a report row of the project, or a TMX file in the project's `tm/`. */
export const TmOriginSchema = z.object({
  kind: z.enum(['report', 'tmx']),
  /** the report (.txt) or the TMX file, relative to the project folder, forward slashes */
  file: z.string(),
  /** 0-based row in the report's row order (kind 'report'); the unit's index in the file (kind 'tmx') */
  row: z.number().int().nonnegative(),
});

/** One fuzzy match of a translation-memory lookup. */
export const TmMatchSchema = z.object({
  /** similarity in [0, 1] on the normalised text; 1 only for identical normalised text */
  score: z.number().min(0).max(1),
  /** the memory unit's source and translation */
  ar: z.string(),
  en: z.string(),
  /** `en` with the match's numbers replaced by the query's where that is safe (OmegaT's placeables);
   * null when no number differs or a replacement would be ambiguous */
  enPlaced: z.string().nullable(),
  origin: TmOriginSchema,
  /** the match's source against the query, word by word: 'same', 'del' (only in the match),
   * 'ins' (only in the query); the pieces of 'same' and 'del' concatenated give `ar` (or `en` for an English lookup) */
  diff: z.array(z.object({ op: z.enum(['same', 'del', 'ins']), text: z.string() })),
  /** numbers whose values differ between query and match (null: missing on that side) */
  numbers: z.array(z.object({ query: z.string().nullable(), match: z.string().nullable() })),
});
export type TmMatch = z.infer<typeof TmMatchSchema>;

export const TmLookupRequestSchema = z.object({
  /** an opened folder */
  root: z.string().min(1),
  /** the sentence to find matches for */
  text: z.string().max(20_000),
  /** which side `text` is (default 'ar') */
  lang: z.enum(['ar', 'en']).optional(),
  /** lowest score returned (default 0.5) */
  min: z.number().min(0).max(1).optional(),
  /** most matches returned, best first (default 5) */
  limit: z.number().int().min(1).max(50).optional(),
  /** leave out this row's own unit (the row being translated is itself in the memory) */
  exclude: z.object({ path: z.string().min(1), unit: z.string().min(1) }).strict().optional(),
}).strict();

export const TmLookupResponseSchema = z.object({
  matches: z.array(TmMatchSchema),
  /** translation units in the memory when answered */
  units: z.number().int().nonnegative(),
  /** false while the memory is still being built on opening the folder (matches may be incomplete) */
  ready: z.boolean(),
  /** named problems met building the memory (a corrupt sidecar skipped, a malformed TMX with its line) */
  warnings: z.array(z.string()),
});

/** One row of the project holding a concordance term (the CLI's `concordance --json` shape plus `path`, `unit`). */
export const ConcordanceHitSchema = z.object({
  /** report relative to the project folder, forward slashes */
  file: z.string(),
  /** the report's absolute path (to open it) */
  path: z.string(),
  /** 0-based row in the report's row order, and its unit id */
  row: z.number().int().nonnegative(),
  unit: z.string(),
  side: z.enum(['ar', 'en']),
  /** code points into that side's sentence text (the row's sentences joined with a space) */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** the text found (slice of that side's text) */
  text: z.string(),
  /** the row's Arabic and English */
  ar: z.string(),
  en: z.string(),
});
export type ConcordanceHit = z.infer<typeof ConcordanceHitSchema>;

// ---- find and replace across the project (issue 11) ---------------------------------------------

/** What to look for: the find bar's query and options (shared/text/search.ts SearchOptions). */
export const ProjectSearchSchema = z.object({
  query: z.string().min(1).max(1000),
  options: z.object({ matchCase: z.boolean().optional(), exactLetters: z.boolean().optional(), regex: z.boolean().optional() }).strict().default({}),
}).strict();

/** One hit of a project find: its row, side, and the sentence holding it. */
export const ProjectHitSchema = z.object({
  /** 0-based row in the report's row order, and its unit id (to open the report there) */
  row: z.number().int().nonnegative(),
  unit: z.string(),
  side: z.enum(['ar', 'en']),
  /** code points into `context` */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** the sentence holding the hit */
  context: z.string(),
});

/** One before → after line of a replace preview. */
export const ReplaceSampleSchema = z.object({ row: z.number().int(), before: z.string(), after: z.string() });

// ---- QA (issue 12) -----------------------------------------------------------------------------

export const QaSeveritySchema = z.enum(['error', 'warning', 'info']);

/** One QA finding of a folder run (the CLI's `qa --json` shape plus the report's absolute path and unit). */
export const QaFindingJsonSchema = z.object({
  file: z.string(),
  path: z.string(),
  row: z.number().int().nonnegative(),
  unit: z.string(),
  check: z.string(),
  severity: QaSeveritySchema,
  message: z.string(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  ar: z.string(),
  en: z.string(),
});
export type QaFindingJson = z.infer<typeof QaFindingJsonSchema>;

/** One report of a project tag-all preview: new suggestions, of which low confidence and type conflicts. */
export const PropagatePlanSchema = z.object({
  path: z.string(),
  file: z.string(),
  suggestions: z.number().int().nonnegative(),
  low: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
});

/** A folder the user chose, as main's recent list keeps it. */
export const RecentFolderSchema = z.object({ id: z.string(), path: z.string(), name: z.string(), openedAt: z.string() });

const Empty = z.object({}).strict();
const PathReq = z.object({ path: z.string().min(1) }).strict();

/** Where a damaged annotation file's replacement comes from: the two save backups or the journal. */
export const RestoreSourceSchema = z.enum(['bak', 'bak2', 'journal']);
/** One replacement on offer: its source, date (ISO) and row count. */
export const RestoreOptionSchema = z.object({ source: RestoreSourceSchema, date: z.string(), rows: z.number().int().nonnegative() });

/** The name provenance is stamped with, and whether it is the OS user's (none set in Settings). */
export const UserNameSchema = z.object({ name: z.string(), isDefault: z.boolean() });

/** Agreement figures (shared/team/agree.ts); null where a figure is not defined. */
const Ratio = z.number().nullable();
export const AgreementFiguresSchema = z.object({
  entities: z.object({
    f1: Ratio, kappa: Ratio, mentions: z.tuple([z.number(), z.number()]), tokens: z.number(),
    byType: z.record(z.string(), z.object({ f1: Ratio, kappa: Ratio })),
  }),
  entityLinks: z.object({ f1: Ratio }),
  alignment: z.object({ linkF1: Ratio }),
  status: z.object({ agreement: Ratio, kappa: Ratio, rows: z.number() }),
});

function call<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

/** Every host call: name → request and response schemas. */
export const hostCalls = {
  appInfo: call(Empty, z.object({ version: z.string(), mode: z.enum(['electron', 'browser']), systemLanguage: z.string(), dataDir: z.string() })),
  /** native folder picker (Electron); `unavailable` in browser mode, where the UI asks for a path */
  openFolderDialog: call(Empty, WorkspaceSchema.nullable()),
  /** opens a folder by path: one the user chose before (dialog, command line, recent list), or in browser
   * mode a typed path under the home or temp folder (electron/host/folder-access.ts); 'forbidden' otherwise */
  openFolder: call(PathReq, WorkspaceSchema),
  /** the folders the user chose, most recent first (main keeps the list; the page reopens them by id) */
  recentFolders: call(Empty, z.object({ folders: z.array(RecentFolderSchema) })),
  /** reopens a folder of the recent list */
  openRecent: call(z.object({ id: z.string().min(1).max(64) }).strict(), WorkspaceSchema),
  openSample: call(Empty, WorkspaceSchema),
  listReports: call(z.object({ root: z.string().min(1) }).strict(), WorkspaceSchema),
  /** `ignoreSidecar`: open read-only past a damaged annotation file (fresh rows from the source, no
   * journal; the file is not read, and a save is refused by the hash check until the user replaces it) */
  openReport: call(z.object({ path: z.string().min(1), ignoreSidecar: z.boolean().optional() }).strict(), OpenedReportSchema),
  saveReport: call(
    z.object({ path: z.string().min(1), annotations: AnnotationsSchema, sidecarHash: z.string().nullable() }).strict(),
    z.object({
      sidecarHash: z.string(), savedAt: z.string(),
      /** provenance this save stamped anew (format 1.1): the app writes it into its model, so the
       * next request carries it (shared/team/provenance.ts SaveStamps) */
      stamped: z.object({ by: z.string(), units: z.array(z.string()), mentions: z.array(z.string()), entities: z.array(z.string()) }).optional(),
    }),
  ),
  /** crash-recovery journal of unsaved edits; cleared by a successful save or on discard */
  writeJournal: call(z.object({ path: z.string().min(1), annotations: AnnotationsSchema }).strict(), z.object({})),
  discardJournal: call(PathReq, z.object({})),
  /** a damaged annotation file's way out (electron/host/sidecar-restore.ts): the readable backups
   * (.bak, .bak.2) and the recovery journal of a report, each with its date and row count */
  sidecarRestoreOptions: call(PathReq, z.object({ options: z.array(RestoreOptionSchema) })),
  /** replaces a report's annotation file with a backup or the journal; the file replaced is copied
   * aside first as `<name>.annotations.damaged-<timestamp>.json` (its path, null when there was none) */
  restoreSidecar: call(z.object({ path: z.string().min(1), source: RestoreSourceSchema }).strict(), z.object({ aside: z.string().nullable() })),
  exportRun: call(ExportRequestSchema, ExportSummarySchema),
  exportCancel: call(z.object({ jobId: z.string() }).strict(), z.object({})),
  /** the user's name for provenance (format 1.1), app-wide: the one set in Settings, else the OS user */
  userName: call(Empty, UserNameSchema),
  /** sets the user's name (an empty one goes back to the OS user); returns the name now in use */
  setUserName: call(z.object({ name: z.string().max(200) }).strict(), UserNameSchema),
  /** inter-annotator agreement between the opened folder `root` and another copy `other` (a folder the
   * user chose before, or in browser mode a typed one within folder-access's rule), per report and overall */
  agreement: call(
    z.object({ root: z.string().min(1), other: z.string().min(1).max(4096) }).strict(),
    z.object({
      reports: z.array(z.object({ name: z.string(), figures: AgreementFiguresSchema })),
      overall: AgreementFiguresSchema,
      skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
    }),
  ),
  /** tell the host the UI language so native menus are rebuilt; `tagSet`: the open project's tag
   * types for the native Entities → Tag As menu (absent: the default tag set) */
  setLanguage: call(z.object({ lang: LangSchema, tagSet: z.array(TagTypeSchema.pick({ name: true, key: true, label: true }).strict()).max(64).optional() }).strict(), z.object({})),
  /** read a text file the user picked (translation import); decoded like a report */
  readTextFile: call(PathReq, z.object({ text: z.string(), encoding: z.string() })),
  /** "keep both" after a conflict: writes the given annotations beside the report as
   * `<name>.annotations.mine-<timestamp>.json` (never overwriting; the sidecar is untouched) */
  saveCopy: call(z.object({ path: z.string().min(1), annotations: AnnotationsSchema }).strict(), z.object({ path: z.string() })),
  /** seed a report's translations from a TMX or Moses memory (files under an opened folder); not saved */
  importMemory: call(MemoryImportRequestSchema, MemoryImportResponseSchema),
  /** the project glossary (muwazi.glossary.tsv) refreshed from every sidecar of an opened folder */
  loadGlossary: call(z.object({ root: z.string().min(1) }).strict(), z.object({
    entries: z.array(GlossaryEntrySchema),
    /** glossary lines that could not be read (dropped on the next save) */
    problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
    /** whether the glossary file exists */
    exists: z.boolean(),
  })),
  /** writes muwazi.project.json of an opened folder (checked: unique tag names and keys, Latin-letter
   * keys, #rrggbb colours); answers the folder rescanned with the new settings */
  saveSettings: call(z.object({ root: z.string().min(1), settings: ValidProjectSettingsSchema }).strict(), WorkspaceSchema),
  /** writes the project glossary file of an opened folder */
  saveGlossary: call(z.object({ root: z.string().min(1), entries: z.array(GlossaryEntrySchema).max(100_000) }).strict(), z.object({})),
  /** writes the glossary as TSV to a chosen .tsv file under an opened folder (atomically): `entries`
   * when given (the panel's, saved or not), else the folder's glossary refreshed from its sidecars */
  exportGlossary: call(
    z.object({ root: z.string().min(1), out: z.string().min(1), entries: z.array(GlossaryEntrySchema).max(100_000).optional() }).strict(),
    z.object({ path: z.string(), entries: z.number().int().nonnegative() }),
  ),
  /** the project dictionary (muwazi.dictionary.txt) of an opened folder: words the English spell check accepts */
  /** the aligner's Arabic→English word list (assets/lexicon/ar-en.tsv), null when it is absent */
  /** the word list for the page: its prebuilt index (`index`, with the list's `sha256` it must name)
   * when that matches the list, else the list's text; text null and no index: there is none */
  loadLexicon: call(Empty, z.object({ text: z.string().nullable(), index: z.string().optional(), sha256: z.string().optional() })),
  /** the opened folder's learned word list (muwazi.learned-lexicon.tsv, issue 13): Arabic key → English stems, learned
   * from its reports' confirmed, translated and reviewed rows; waits for a refresh in progress */
  learnedLexicon: call(z.object({ root: z.string().min(1) }).strict(), z.object({ entries: z.array(z.tuple([z.string(), z.array(z.string())])) })),
  loadDictionary: call(z.object({ root: z.string().min(1) }).strict(), z.object({
    words: z.array(z.string()),
    /** whether the file exists */
    exists: z.boolean(),
    /** lines left out because they are not words */
    problems: z.array(z.object({ line: z.number().int(), message: z.string() })).optional(),
  })),
  /** adds one word (no spaces, at most 100 characters) to the project dictionary; answers its words */
  addDictionaryWord: call(z.object({ root: z.string().min(1), word: z.string().min(1).max(400) }).strict(), z.object({ words: z.array(z.string()) })),
  /** translation-memory lookup in an opened folder's project memory (reports' rows + tm/*.tmx) */
  tmLookup: call(TmLookupRequestSchema, TmLookupResponseSchema),
  /** exact (score 1) matches for many sentences at once (Edit → Fill exact matches): one entry per text, null when none */
  tmExactMany: call(
    z.object({ root: z.string().min(1), texts: z.array(z.string().max(20_000)).max(50_000), path: z.string().min(1).optional() }).strict(),
    z.object({ matches: z.array(TmMatchSchema.nullable()) }),
  ),
  /** every row of an opened folder's reports holding a word or phrase (Arabic-aware as find) */
  concordance: call(
    z.object({ root: z.string().min(1), term: z.string().min(1).max(1000), lang: z.enum(['ar', 'en']).optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
    z.object({ hits: z.array(ConcordanceHitSchema), truncated: z.boolean() }),
  ),
  /** find in every report of an opened folder (Arabic-aware as the editor's find, or a regular expression):
   * hits grouped by report with counts; `truncated` when more hits than listed or the search ran out of time */
  projectFind: call(
    z.object({ root: z.string().min(1), search: ProjectSearchSchema, limit: z.number().int().min(1).max(10_000).optional() }).strict(),
    z.object({
      reports: z.array(z.object({ path: z.string(), file: z.string(), count: z.number().int().nonnegative(), hits: z.array(ProjectHitSchema) })),
      /** reports skipped, named with why (a corrupt sidecar) */
      warnings: z.array(z.string()),
      truncated: z.boolean(),
    }),
  ),
  /** what replacing in the English of every report (but `exclude`: the open report, replaced in the
   * editor) would do; nothing is written. Each report's sidecar hash goes back to projectReplaceApply. */
  projectReplacePreview: call(
    z.object({ root: z.string().min(1), search: ProjectSearchSchema, replacement: z.string().max(10_000), exclude: z.array(z.string().min(1)).max(10_000).optional() }).strict(),
    z.object({
      reports: z.array(z.object({
        path: z.string(), file: z.string(), sidecarHash: z.string(),
        replacements: z.number().int().nonnegative(), skippedArabic: z.number().int().nonnegative(), droppedMentions: z.number().int().nonnegative(),
        samples: z.array(ReplaceSampleSchema),
      })),
      warnings: z.array(z.string()),
    }),
  ),
  /** replaces in the English of the previewed reports, each saved atomically against its previewed hash
   * (a report changed since is refused as 'conflict', never overwritten); the host keeps each one's
   * previous annotations for projectReplaceUndo */
  projectReplaceApply: call(
    z.object({
      root: z.string().min(1), search: ProjectSearchSchema, replacement: z.string().max(10_000),
      reports: z.array(z.object({ path: z.string().min(1), sidecarHash: z.string().min(1) }).strict()).min(1).max(10_000),
    }).strict(),
    z.object({
      results: z.array(z.object({
        path: z.string(), file: z.string(), status: z.enum(['replaced', 'conflict', 'failed']),
        replacements: z.number().int().nonnegative(), message: z.string().optional(), sidecarHash: z.string().optional(),
      })),
    }),
  ),
  /** restores a report's sidecar from before projectReplaceApply, if it was not changed since ('conflict' otherwise) */
  projectReplaceUndo: call(PathReq, z.object({ sidecarHash: z.string() })),
  /** QA over every report of an opened folder (or one report): findings, counts per check and per report */
  qaRun: call(
    z.object({ root: z.string().min(1), path: z.string().min(1).optional(), checks: z.array(z.string()).optional() }).strict(),
    z.object({
      findings: z.array(QaFindingJsonSchema),
      reports: z.number().int().nonnegative(),
      /** reports skipped with why (corrupt sidecar, …) */
      warnings: z.array(z.string()),
      /** reports without a sidecar yet (relative paths), not checked */
      notStarted: z.array(z.string()).optional(),
      /** findings per checked report (relative path), every checked report listed */
      perReport: z.array(z.object({ file: z.string(), findings: z.number().int().nonnegative() })).optional(),
    }),
  ),
  /** writes the folder QA report as HTML (Arabic right to left) or JSON to a file under an opened folder */
  qaExportReport: call(
    z.object({ root: z.string().min(1), out: z.string().min(1), format: z.enum(['html', 'json']), lang: LangSchema.optional() }).strict(),
    z.object({ path: z.string(), findings: z.number().int().nonnegative() }),
  ),
  // ---- tag all occurrences across the project (issue 15; electron/host/project-propagate.ts) ----
  /** what tagging every project name in every report would add (pending suggestions, never mentions);
   * nothing is written. Progress as `propagateProgress` events with `jobId`; projectPropagateCancel stops it.
   * `open`: the report open in the editor, planned apart (its suggestions go through the editor) */
  projectPropagatePreview: call(
    z.object({ root: z.string().min(1), jobId: z.string().min(1).max(64), open: z.string().min(1).optional() }).strict(),
    z.object({
      /** every report with an annotation file but the open one; its hash goes back to projectPropagateApply */
      reports: z.array(PropagatePlanSchema.extend({ sidecarHash: z.string() })),
      /** the open report's planned suggestions, to add through the editor (null: none open, or it was skipped) */
      open: PropagatePlanSchema.extend({ list: z.array(StoredSuggestionSchema) }).nullable(),
      /** reports skipped, with why (a damaged annotation file, a missing source, unsaved edits) */
      problems: z.array(z.object({ file: z.string(), message: z.string() })),
      /** reports without an annotation file yet: nothing is added to them */
      notStarted: z.array(z.string()),
    }),
  ),
  projectPropagateCancel: call(z.object({ jobId: z.string().min(1).max(64) }).strict(), z.object({})),
  /** writes a preview's suggestions into the given reports' annotation files (pending), each against the
   * hash the preview handed out: a report changed since is refused as 'conflict', never overwritten;
   * progress as `propagateProgress` events with the preview's `jobId` */
  projectPropagateApply: call(
    z.object({
      root: z.string().min(1), jobId: z.string().min(1).max(64),
      reports: z.array(z.object({ path: z.string().min(1), sidecarHash: z.string().min(1) }).strict()).min(1).max(10_000),
    }).strict(),
    z.object({
      results: z.array(z.object({
        path: z.string(), file: z.string(), status: z.enum(['written', 'conflict', 'failed']),
        suggestions: z.number().int().nonnegative(), message: z.string().optional(), sidecarHash: z.string().optional(),
      })),
    }),
  ),
  /** puts a report's annotation file back byte for byte as it was before projectPropagateApply, if it was not changed since ('conflict' otherwise) */
  projectPropagateUndo: call(PathReq, z.object({ sidecarHash: z.string() })),
};


export type HostCalls = typeof hostCalls;
export type CallName = keyof HostCalls;
export type CallRequest<K extends CallName> = z.input<HostCalls[K]['request']>;
export type CallResponse<K extends CallName> = z.output<HostCalls[K]['response']>;

/** What the renderer sees: one async method per call. */
export type HostApi = { [K in CallName]: (req: CallRequest<K>) => Promise<Result<CallResponse<K>>> };

/** Events the host pushes to the renderer. */
export interface HostEvents {
  /** a menu item was chosen (native menu); the id names a renderer command */
  menu: { command: string };
  exportProgress: { jobId: string; done: number; total: number; current?: string };
  /** a file in the open workspace changed on disk */
  fileChanged: { path: string; kind: 'source' | 'sidecar' | 'other' };
  /** progress of projectPropagatePreview (`total` counts each report twice: read, then planned) and of
   * projectPropagateApply (reports written), under the request's `jobId` */
  propagateProgress: { jobId: string; done: number; total: number; current?: string };
}
export type EventName = keyof HostEvents;

export const callNames: CallName[] = [...CALL_NAMES];

// CALL_NAMES (names.ts, import-free for the preload) must list exactly the calls defined here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _namesMatch: Same<(typeof CALL_NAMES)[number], CallName> = true;
void _namesMatch;

/**
 * What the preload exposes as the page's `muwazi` global (and what the browser-mode client implements): one
 * named method per call, plus a subscription to host events. Never a generic send.
 */
export type HostBridge = HostApi & {
  on<E extends EventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
};

export const eventNames: EventName[] = [...EVENT_NAMES];
export { API_PREFIX, TOKEN_HEADER };
