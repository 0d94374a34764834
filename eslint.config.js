// Lint: TypeScript rules plus the layering law (see README "Architecture"):
//   shared/   imports no DOM, Node or electron;
//   renderer/ imports no Node or electron;
//   electron/ only its thin entry files (main.ts, preload.ts, electron-*.ts) import electron;
//   electron/host/ and electron/cli/ (plain Node services) never import electron.
import tseslint from 'typescript-eslint';

const nodeModules = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'https', 'net', 'stream', 'worker_threads', 'util', 'events', 'zlib', 'readline', 'buffer', 'process', 'module'];
const nodeImports = [...nodeModules, ...nodeModules.map((m) => `${m}/*`)];
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'docs/**', '.bench/**'] },
  ...tseslint.configs.recommended,
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
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/electron-*.ts'],
    rules: restrict(['electron', 'electron/*'], 'Only the thin entry files (electron/main.ts, preload.ts, electron-*.ts) import electron.'),
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
