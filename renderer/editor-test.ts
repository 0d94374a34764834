// The editor test page's script: exposes the editor and a bare ProseMirror editor (for the
// benchmark's baseline) on window.muwaziTest, then sets window.muwaziTestReady.
import './editor/editor.css';
import { Schema } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { createEditor, type EditorHandle } from './editor/editor.ts';
import { commands } from './editor/commands/index.ts';
import { rowAt, type RowAt } from './editor/rows.ts';
import type { Annotations } from '../shared/model/types.ts';
import type { EntityOptions } from './editor/plugins/entity-setup.ts';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../shared/i18n/resources.ts';
import { EntityToast } from './ui/entity-messages.ts';

// the app's English messages, so entity messages show as in the app (renderer/ui/entity-messages.ts)
const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', initAsync: false, resources: { en: { translation: resources.en } }, interpolation: { escapeValue: false } });
let toast: EntityToast | null = null;

/** A minimal schema for the baseline: paragraphs of text. */
const bareSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'text*', toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    text: {},
  },
});

/** What the page offers to tests. */
export interface MuwaziTest {
  /** the mounted editor, after mount() */
  editor: EditorHandle | null;
  /** mount the editor in #editor (entity options, e.g. a glossary, optional) */
  mount(annotations: Annotations, sourceText: string, tagColors?: Record<string, string>, entities?: EntityOptions): EditorHandle;
  /** the bare editor, after mountBare() */
  bare: EditorView | null;
  /** mount a bare ProseMirror editor (paragraphs) in #bare */
  mountBare(paragraphs: string[]): EditorView;
  /** the command names */
  commandNames: string[];
  /** the current selection head's sentence id and offset inside it */
  caret(): { id: string | null; offset: number; dir: string | null };
  /** the mounted editor's row at global index `index` with its position (rows sit in groups) */
  rowAt(index: number): RowAt | null;
}

const api: MuwaziTest = {
  editor: null,
  bare: null,
  mount(annotations, sourceText, tagColors, entities) {
    api.editor?.destroy();
    toast?.destroy();
    const mount = document.getElementById('editor')!;
    toast = new EntityToast(() => mount, () => i18n.t.bind(i18n) as TFunction);
    api.editor = createEditor(mount, { annotations, sourceText, tagColors, entities: { onMessage: (m) => toast!.show(m), ...entities } });
    return api.editor;
  },
  mountBare(paragraphs) {
    const p = bareSchema.nodes.paragraph;
    const doc = bareSchema.nodes.doc.create(null, paragraphs.map((t) => p.create(null, t ? bareSchema.text(t) : null)));
    api.bare?.destroy();
    api.bare = new EditorView(document.getElementById('bare')!, {
      state: EditorState.create({ doc, plugins: [history(), keymap(baseKeymap)] }),
    });
    return api.bare;
  },
  commandNames: Object.keys(commands),
  rowAt: (index) => rowAt(api.editor!.view.state.doc, index),
  caret() {
    const view = api.editor!.view;
    const $h = view.state.selection.$head;
    const dom = view.domAtPos($h.pos).node;
    const el = (dom.nodeType === 1 ? dom : dom.parentElement) as HTMLElement;
    return { id: $h.parent.isTextblock ? ($h.parent.attrs.id as string) : null, offset: $h.parentOffset, dir: el.closest('[dir]')?.getAttribute('dir') ?? null };
  },
};

(window as unknown as { muwaziTest: MuwaziTest }).muwaziTest = api;
(window as unknown as { muwaziTestReady: boolean }).muwaziTestReady = true;
