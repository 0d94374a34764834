// Boot: find the host (Electron preload or browser-mode HTTP), set up i18n (which sets
// <html lang dir>), mount the app shell with the editor, open the first workspace, then signal
// readiness with <html data-ready="true"> (end-to-end tests and the Electron smoke test wait on it).
import './fonts.css';
import './editor/editor.css';
import './app.css';
import './ui/entity.css';
import './ui/glossary.css';
import './ui/spell.css';
import './ui/workbench.css';
import './ui/qa.css';
import './ui/review.css';
import './ui/commands.css';
import './ui/project-propagate.css';
import type { TFunction } from 'i18next';
import { getHost } from './api.ts';
import { initI18n } from './i18n.ts';
import { App } from './ui/app.ts';
import { createEditor } from './editor/editor.ts';
import { SHORTCUTS } from './editor/keymap.ts';
import { importTranslation } from '../shared/align/import.ts';
import { withLexicon } from './ui/lexicon-import.ts';
import { ENTITY_SHORTCUTS, tagShortcuts } from './editor/plugins/entity-keys.ts';
import { entityContext, learnWorkspace, loadProjectGlossary, withEntities } from './ui/entity-panel.ts';
import { watchWorkspace } from './ui/workspace-watch.ts';
import { openGlossaryPanel } from './ui/glossary-panel.ts';
import { withSpell } from './ui/spell.ts';
import { SPELL_MENU_KEY } from './editor/plugins/spell.ts';
import { withWorkbench } from './ui/workbench.ts';
import { createQa } from './ui/qa-panel.ts';
import { createReview, REVIEW_KEYS } from './ui/review-panel.ts';
import { applyCssTexts } from './ui/css-texts.ts';

async function boot(): Promise<void> {
  // entity tagging learns the workspace (root, tag set) from the host's workspace answers; the
  // project glossary is loaded before each report opens (App's beforeOpenReport, below)
  const entityCtx = entityContext();
  let tr: TFunction | null = null;
  // QA learns the project's disabled checks from the same host answers
  const qa = createQa(watchWorkspace(getHost(), (ws) => learnWorkspace(entityCtx, ws)), () => tr!, entityCtx);
  const host = qa.host;
  // review opens the other copy's folder (curation) on the plain host: the workspace watcher above
  // must not take that folder's settings for the open project's
  const review = createReview(getHost(), () => tr!);
  const infoRes = await host.appInfo({});
  const info = infoRes.ok ? infoRes.value : null;
  const i18n = await initI18n(info?.systemLanguage);
  tr = i18n.t.bind(i18n) as TFunction;
  applyCssTexts(tr);
  i18n.on('languageChanged', () => {
    qa.relabel();
    review.relabel();
    applyCssTexts(i18n.t.bind(i18n) as TFunction);
  });
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html lacks #app');
  if (!infoRes.ok) {
    // no host (e.g. the token is missing): say so instead of showing an empty window
    root.textContent = `${i18n.t('errors.title')}: ${infoRes.message}`;
    document.documentElement.dataset.ready = 'error';
    return;
  }
  // the context menu's commands below the spelling choices (the app exists by the time a menu opens)
  let app: App | null = null;
  const spellCommands = () => (app ? { items: app.commands.contextItems(), run: (id: string) => app!.runById(id) } : undefined);
  app = new App({
    host,
    i18n,
    info,
    // spell check inside, the entity panel around it, QA and the matches pane docked beside the panel
    createEditor: withWorkbench(
      review.wrap(qa.wrap(withEntities(
        withSpell(createEditor, { host, root: () => entityCtx.root, t: () => i18n.t.bind(i18n) as TFunction, commands: spellCommands }),
        entityCtx, host, () => i18n.t.bind(i18n), i18n,
      ))),
      { host, i18n, mac: /Mac|iPhone|iPad/.test(navigator.platform) },
    ),
    qa: qa.hooks,
    review: review.hooks,
    // given the word list (ui/lexicon-import.ts) and the project's abbreviations (ui/project-import.ts)
    importTranslation: withLexicon(importTranslation, host, (state) => { document.documentElement.dataset.lexicon = state; }, () => entityCtx.root),
    editorShortcuts: () => SHORTCUTS.flatMap((s) => s.keys.map((keys) => ({
      keys,
      label: i18n.t(`shortcuts.cmd.${s.command}`, { defaultValue: s.description }),
    }))).concat(tagShortcuts(entityCtx.tagSet).map((s) => ({
      keys: s.keys, label: i18n.t('shortcuts.entities.tag', { type: s.id.slice(4), defaultValue: s.description }),
    })), ENTITY_SHORTCUTS.map((s) => ({ keys: s.keys, label: i18n.t(`shortcuts.entities.${s.id}`, { defaultValue: s.description }) })),
    [{ keys: SPELL_MENU_KEY, label: i18n.t('spell.shortcut') }],
    [{ keys: REVIEW_KEYS.accept, label: i18n.t('review.keys.accept') }, { keys: REVIEW_KEYS.sendBack, label: i18n.t('review.keys.sendBack') }]),
    reviewCommands: { next: 'nextLowConfidence', previous: 'previousLowConfidence' },
    openGlossary: () => openGlossaryPanel({ t: i18n.t.bind(i18n) as TFunction, host, ctx: entityCtx }),
    // the glossary first, so the editor mounted for the report is pre-annotated from it
    beforeOpenReport: () => loadProjectGlossary(entityCtx, host),
  });
  const open = new URLSearchParams(location.hash.replace(/^#/, '')).get('open');
  await app.start(root, open);
}

void boot();
