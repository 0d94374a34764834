// Names of the host calls and events, and the browser-mode HTTP protocol constants, with no
// imports: the sandboxed preload bundle needs only these, not zod or the schemas. host.ts checks
// at compile time that CALL_NAMES lists exactly the calls it defines.

export const CALL_NAMES = [
  'appInfo', 'openFolderDialog', 'openFolder', 'recentFolders', 'openRecent', 'openSample', 'listReports', 'openReport', 'saveReport',
  'writeJournal', 'discardJournal', 'exportRun', 'exportCancel', 'setLanguage', 'readTextFile',
  'loadGlossary', 'saveGlossary', 'importMemory', 'saveCopy', 'saveSettings', 'exportGlossary',
  'tmLookup', 'tmExactMany', 'concordance', 'qaRun', 'qaExportReport',
  'loadDictionary', 'addDictionaryWord', 'loadLexicon', 'learnedLexicon',
  'projectFind', 'projectReplacePreview', 'projectReplaceApply', 'projectReplaceUndo',
  'sidecarRestoreOptions', 'restoreSidecar',
  'projectPropagatePreview', 'projectPropagateCancel', 'projectPropagateApply', 'projectPropagateUndo',
  'userName', 'setUserName', 'agreement',
] as const;

export const EVENT_NAMES = ['menu', 'exportProgress', 'fileChanged', 'propagateProgress'] as const;

/** Browser mode over HTTP: POST `${API_PREFIX}<callName>` with the request as JSON body and the
 * per-run token in TOKEN_HEADER; the response body is the Result. Events: GET `${API_PREFIX}events?token=…`
 * as server-sent events (`event: <name>`, `data: <json>`). The token reaches the page in the URL
 * fragment `#token=…` (never sent to the server by the browser on its own). */
export const API_PREFIX = '/api/';
export const TOKEN_HEADER = 'x-muwazi-token';
