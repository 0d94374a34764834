// Lint: TypeScript rules plus the layering law (see README "Architecture"):
//   shared/   imports no DOM, Node or electron;
//   renderer/ imports no Node or electron;
//   electron/ only its thin entry files (main.ts, preload.ts, electron-*.ts) import electron;
//   electron/host/ and electron/cli/ (plain Node services) never import electron;
//   renderer/ui/ reaches the editor only through its handle (renderer/editor/editor.ts), never its
//   commands or plugins;
//   no import cycles anywhere (import-x/no-cycle; the code imports with explicit .ts extensions,
//   which the plugin's built-in node resolver finds; tests/lint/no-cycle.test.ts proves it fires).
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const nodeModules = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'https', 'net', 'stream', 'worker_threads', 'util', 'events', 'zlib', 'readline', 'buffer', 'process', 'module'];
const nodeImports = [...nodeModules, ...nodeModules.map((m) => `${m}/*`)];
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'docs/**', '.bench/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.json'] })],
      // the rule follows only files with these extensions, parsed by typescript-eslint's parser
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mjs', '.js'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict(['electron', 'electron/*', 'node:*', ...nodeImports], 'shared/ is pure: no Node, DOM or electron imports.'),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: restrict(['electron', 'electron/*', 'node:*', ...nodeImports], 'renderer/ never imports Node or electron: go through renderer/api.ts.'),
  },
  {
    files: ['renderer/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'node:*', ...nodeImports], message: 'renderer/ never imports Node or electron: go through renderer/api.ts.' },
          { group: ['**/editor/commands/*', '**/editor/plugins/*'], message: 'renderer/ui/ reaches the editor through its handle (renderer/editor/editor.ts), not its commands or plugins.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/electron-*.ts'],
    rules: restrict(['electron', 'electron/*'], 'Only the thin entry files (electron/main.ts, preload.ts, electron-*.ts) import electron.'),
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
