// Allocation per tag on the editor bench's 10,000-row report with 2,000 mentions, in Node (no view):
// V8's sampling heap profiler with collected objects kept, so it counts garbage, not what survives.
//   node --import tsx bench/profile-entity-alloc.ts
// Session 5: 4.4 MB per tag before the sentence walk lost its per-row closures, 1.3 MB after.
import { Session } from 'node:inspector/promises';
import { EditorState, TextSelection } from 'prosemirror-state';
import { buildReport, withMentions } from './editor.bench.ts';
import { schema } from '../renderer/editor/schema.ts';
import { annotationsToDoc } from '../renderer/editor/convert.ts';
import { editorPlugins } from '../renderer/editor/setup.ts';
import { tagSelection } from '../renderer/editor/commands/entities.ts';
import { rowAt } from '../renderer/editor/rows.ts';

const r = buildReport();
const ent = withMentions(r);
let state = EditorState.create({ doc: annotationsToDoc(schema, ent.annotations, r.text), plugins: editorPlugins({ sourceText: r.text }) });
function place(row: number): boolean {
  const at = rowAt(state.doc, row)!;
  const cell = at.row.child(0); if (!cell.childCount) return false;
  const text = cell.child(0).textContent;
  const m = /(?<![\p{L}\p{M}])[\u0621-\u064A]{4,}/u.exec(text); if (!m) return false;
  const pos = at.pos + 3 + m.index + 1;
  if (state.doc.resolve(pos).marks().length) return false;
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
  return true;
}
const session = new Session(); session.connect();
await session.post('HeapProfiler.enable');
for (let row = 5101, n = 0; n < 3; row += 100) if (place(row)) { tagSelection('PER')(state, (tr) => { state = state.apply(tr); }); n++; }
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
let ops = 0;
for (let row = 5401; ops < 20; row += 100) if (place(row)) { tagSelection('PER')(state, (tr) => { state = state.apply(tr); }); ops++; }
const { profile } = await session.post('HeapProfiler.stopSampling') as { profile: { head: ProfileNode } };
interface ProfileNode { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: ProfileNode[] }
const by = new Map<string, number>();
let total = 0;
(function walk(n: ProfileNode) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; by.set(k, (by.get(k) ?? 0) + n.selfSize); total += n.selfSize; n.children.forEach(walk); })(profile.head);
console.log('per op KB', (total / ops / 1024).toFixed(0));
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / ops / 1024).toFixed(0).padStart(6), 'KB', k);
