// Replacing the whole report's content as ONE undoable edit (translation import, memory import):
// unlike setAnnotations, which starts a fresh state, the history is kept, so Undo brings back
// the rows as they were before the import.
import { closeHistory } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Annotations } from '../../shared/model/types.ts';
import { schema } from './schema.ts';
import { annotationsToDoc } from './convert.ts';
import { ROW_OP } from './plugins/status-draft.ts';
import { RESHAPE_SOURCE } from './plugins/source-readonly.ts';

/** A transaction that replaces the document with `a` (over the same source text) in one step. */
export function replaceAnnotationsTr(state: EditorState, a: Annotations, sourceText: string): Transaction {
  const doc = annotationsToDoc(schema, a, sourceText);
  const tr = state.tr.replaceWith(0, state.doc.content.size, doc.content);
  // its own undo step; not typing (rows keep the statuses the import gave them); an import may merge
  // rows, which re-cuts source sentences on purpose (the filter still checks every sentence's text)
  return closeHistory(tr).setMeta(ROW_OP, true).setMeta(RESHAPE_SOURCE, true);
}
