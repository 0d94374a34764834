// Issue 17 item 3: the entity plugin's decorations after fast actions (a tag removes the
// suggestions under it and adds the English span suggestion; tag-all adds; typing maps the set;
// nothing is rebuilt) equal those of a plugin state rebuilt from scratch over the same document
// and the same pending suggestions. Property test over random tags, tag-alls and edits on an
// Arabic report (harakat, Arabic-Indic digits, an emoji, clitic-attached names, Latin inside).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { schema } from '../../../renderer/editor/schema.ts';
import { annotationsToDoc } from '../../../renderer/editor/convert.ts';
import { editorPlugins } from '../../../renderer/editor/setup.ts';
import { tagAllOccurrences, tagSelection } from '../../../renderer/editor/commands/entities.ts';
import { sentencesOf, storedOf } from '../../../renderer/editor/entities/doc.ts';
import { entityKey, suggestionsOf } from '../../../renderer/editor/entities/state.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import { cpLength, OffsetMap } from '../../../shared/text/offsets.ts';
import type { GlossaryEntry } from '../../../shared/entities/glossary.ts';

const A = ['قُتل ٦٧ مقاتلاً في إدلب 😀 أمس.', 'وقالت مصادر بإدلب إن القصف طال «سراقب» وReuters.', 'وزار أردوغان إدلب وسراقب.', 'وقال أردوغانُ إن دمشق بعيدة.'];
const E = ['Fighters 😀 were killed in Idlib yesterday.', 'Sources in Idlib said the shelling hit Saraqib and Reuters.', 'Erdogan visited Idlib and Saraqib.', ''];
const TEXT = A.join(' ');
const GLOSSARY: GlossaryEntry[] = [
  { ar: 'إدلب', en: 'Idlib', type: 'LOC', count: 2 }, { ar: 'سراقب', en: 'Saraqib', type: 'LOC', count: 1 },
  { ar: 'أردوغان', en: 'Erdogan', type: 'PER', count: 1 }, { ar: 'دمشق', en: 'Damascus', type: 'LOC', count: 1 },
];

function annotations() {
  const map = new OffsetMap(TEXT);
  let at = 0;
  const spans = A.map((s) => {
    const u = TEXT.indexOf(s, at);
    at = u + s.length;
    return { start: map.toCodePoint(u), end: map.toCodePoint(u + s.length) };
  });
  const a = createAnnotations(
    { file: 'r.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(TEXT), language: 'ar' },
    TEXT, spans, '2024-01-01T00:00:00.000Z',
  );
  a.targets = E.flatMap((text, i) => (text ? [{ id: `t${i + 1}`, text }] : []));
  a.units.forEach((u, i) => { u.target = E[i] ? [`t${i + 1}`] : []; });
  return a;
}

const plugins = (glossary: GlossaryEntry[], stored: Parameters<typeof editorPlugins>[0]['entities'] = {}) =>
  editorPlugins({ sourceText: TEXT, entities: { glossary, ...stored } });

/** The decorations the view is given by the entity plugin, without ids (a rebuild numbers anew);
 * no confidence means high (the sidecar writes it out on reload). */
function shown(state: EditorState): string[] {
  const p = state.plugins.find((x) => (x as unknown as { key: string }).key.startsWith('muwazi-entities'))!;
  const set = p.props.decorations!.call(p, state) as DecorationSet;
  return set.find().map((d) => {
    const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    return `${d.from}-${d.to} ${attrs.class} ${attrs['data-type']} ${attrs['data-confidence'] ?? 'high'} ${attrs['data-conflict'] ?? ''}`;
  }).sort();
}

/** The same document with a plugin state built from scratch: the current suggestions given as the
 * sidecar's pending ones (nothing pre-annotated again, so only what the state holds is compared). */
function rebuilt(state: EditorState, glossary: GlossaryEntry[]): EditorState {
  const stored = suggestionsOf(state).map((g) => storedOf(state.doc, g, 'pending')).filter((g) => g !== null);
  return EditorState.create({ doc: state.doc, plugins: plugins(glossary, { preAnnotate: false, stored }) });
}

function apply(state: EditorState, cmd: Command): EditorState {
  let next = state;
  cmd(state, (tr: Transaction) => { next = state.apply(tr); });
  return next;
}

type Step = { kind: 'tag'; sentence: number; word: number; type: string } | { kind: 'tagAll' } | { kind: 'type'; sentence: number };

test('decorations after fast tags, tag-alls and typing equal those of a rebuilt plugin state', () => {
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('tag' as const), sentence: fc.nat(6), word: fc.nat(8), type: fc.constantFrom('PER', 'LOC', 'ORG') }),
    fc.constant({ kind: 'tagAll' as const }),
    fc.record({ kind: fc.constant('type' as const), sentence: fc.nat(6) }),
  );
  fc.assert(fc.property(fc.subarray(GLOSSARY), fc.array(step, { minLength: 1, maxLength: 6 }), (glossary, steps) => {
    let s = EditorState.create({ doc: annotationsToDoc(schema, annotations(), TEXT), plugins: plugins(glossary) });
    for (const st of steps) {
      const sentences = sentencesOf(s.doc).filter((x) => x.node.content.size > 0);
      if (st.kind === 'tagAll') {
        s = apply(s, tagAllOccurrences);
        continue;
      }
      const sen = sentences[st.sentence % sentences.length];
      if (st.kind === 'type') {
        // typing in the English shifts everything after it (the set is mapped, not rebuilt)
        const en = sentencesOf(s.doc).find((x) => x.side === 'en' && x.row >= sen.row && x.node.content.size > 0);
        if (en) s = s.apply(s.tr.insertText('Many ', en.start));
        continue;
      }
      const words = [...sen.node.textContent.matchAll(/[\p{L}\p{M}]+/gu)];
      if (!words.length) continue;
      const w = words[st.word % words.length];
      const at = TextSelection.create(s.doc, sen.start + w.index!, sen.start + w.index! + w[0].length);
      s = apply(s.apply(s.tr.setSelection(at)), tagSelection(st.type));
    }
    assert.ok(entityKey.getState(s));
    assert.deepEqual(shown(s), shown(rebuilt(s, glossary)));
  }), { numRuns: 120 });
});
