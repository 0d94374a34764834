// The app-side wiring of the English spell check (renderer/editor/plugins/spell.ts):
//   - the dictionary: nspell + dictionary-en, loaded once in idle time (spell-dictionary.ts);
//   - the project dictionary muwazi.dictionary.txt of the open folder (host calls loadDictionary /
//     addDictionaryWord), loaded whenever a report is mounted and again when the file changes on
//     disk (a teammate's `git pull`), so a team shares one list;
//   - words ignored in this session (until the app is closed, across reports);
//   - the spelling menu (spell-menu.ts) and what its choices do; announcements for screen readers.
// A project dictionary that cannot be read (too big, not UTF-8) is reported in a notice above the
// editor; spell check goes on with the English dictionary alone.
import type { TFunction } from 'i18next';
import type { EditorView } from 'prosemirror-view';
import type { HostBridge } from '../../shared/contract/host.ts';
import { DICTIONARY_FILE } from '../../shared/formats/dictionary.ts';
import type { EditorHandle, EditorInit, Misspelling } from '../editor/editor.ts';

import { h } from './dom.ts';
import { describeFailure } from './errors.ts';
import { closeSpellMenu, openSpellMenu, type SpellMenuSpec } from './spell-menu.ts';
import { loadEnglishChecker } from './spell-dictionary.ts';

/** A createEditor-shaped factory. */
type CreateEditor = (mount: HTMLElement, init: EditorInit) => EditorHandle;

/** What the spell check needs from the app. */
export interface SpellDeps {
  host: HostBridge;
  /** the open folder, or null */
  root: () => string | null;
  /** the current translation function (the UI language can change) */
  t: () => TFunction;
  /** the context menu's commands at the caret (listed below the spelling choices) */
  commands?: () => SpellMenuSpec['commands'];
}

/** Wraps the editor factory so every mounted editor checks its English. */
export function withSpell(create: CreateEditor, deps: SpellDeps): CreateEditor {
  const ignored = new Set<string>();
  let projectWords: readonly string[] = [];
  let wordsOf: string | null = null;
  return (mount, init) => {
    const t = deps.t;
    const root = deps.root();
    if (root !== wordsOf) {
      projectWords = [];
      wordsOf = root;
    }
    const accepted = () => [...projectWords, ...ignored];
    const live = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    const notice = h('p', { class: 'spell-notice', role: 'status', hidden: true, 'data-spell-notice': '' });
    const say = (text: string) => (live.textContent = text);
    const warn = (text: string) => {
      notice.textContent = text;
      notice.hidden = false;
    };
    let editor: EditorHandle | null = null;

    const addWord = async (view: EditorView, word: string) => {
      if (!root) return;
      const res = await deps.host.addDictionaryWord({ root, word });
      if (!res.ok) return warn(t()('spell.addFailed', { message: describeFailure(t(), res) }));
      projectWords = res.value.words;
      editor?.spell.accept([word]);
      say(t()('spell.added', { word }));
    };

    const openMenu = (view: EditorView, hit: Misspelling) => {
      const a = view.coordsAtPos(hit.from);
      const b = view.coordsAtPos(hit.to);
      openSpellMenu(t(), {
        word: hit.word,
        suggestions: editor?.spell.suggestions(hit.word) ?? [],
        anchor: { left: Math.min(a.left, b.left), right: Math.max(a.right, b.right), top: a.top, bottom: Math.max(a.bottom, b.bottom) },
        replace: (s) => {
          if (editor?.spell.replace(hit, s)) say(t()('spell.replaced', { word: s }));
        },
        addToDictionary: root ? () => void addWord(view, hit.word) : undefined,
        ignore: () => {
          ignored.add(hit.word);
          editor?.spell.accept([hit.word]);
          say(t()('spell.ignored', { word: hit.word }));
        },
        closed: () => view.focus(),
        commands: deps.commands?.(),
      });
    };

    const reload = async () => {
      if (!root) return;
      const res = await deps.host.loadDictionary({ root });
      if (!editor || deps.root() !== root) return;
      if (!res.ok) return warn(t()('spell.dictionaryUnreadable', { file: DICTIONARY_FILE, message: describeFailure(t(), res) }));
      notice.hidden = true;
      projectWords = res.value.words;
      editor.spell.setAccepted(accepted());
      if (res.value.problems?.length) warn(t()('spell.dictionaryLines', { file: DICTIONARY_FILE, count: res.value.problems.length, line: res.value.problems[0].line }));
    };

    editor = create(mount, {
      ...init,
      spell: {
        loadChecker: loadEnglishChecker,
        accepted,
        openMenu,
        onError: (e) => warn(t()('spell.loadFailed', { message: e instanceof Error ? e.message : String(e) })),
      },
    });
    mount.before(notice);
    mount.after(live);
    void reload();
    const off = deps.host.on('fileChanged', (p) => {
      if (p.kind === 'other' && /[\\/]muwazi\.dictionary\.txt$/i.test(p.path)) void reload();
    });
    const handle = editor;
    return {
      ...handle,
      destroy() {
        off();
        closeSpellMenu();
        notice.remove();
        live.remove();
        editor = null;
        handle.destroy();
      },
    };
  };
}
