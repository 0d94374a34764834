// The lint rules of eslint.config.js that guard the editor's structure really fire: import-x/no-cycle
// resolves our explicit `.ts` imports (two temporary files importing each other are reported), and
// renderer/ui/ may not import the editor's commands or plugins (only its handle).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
// inside the project, so the project's config applies; removed afterwards
const dir = mkdtempSync(join(root, 'tests', 'lint', 'tmp-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('import-x/no-cycle reports two modules importing each other through .ts specifiers', async () => {
  writeFileSync(join(dir, 'a.ts'), "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n");
  writeFileSync(join(dir, 'b.ts'), "import { a } from './a.ts';\nexport const b = (): number => (a.length ? 1 : 0);\n");
  writeFileSync(join(dir, 'c.ts'), "import { b } from './b.ts';\nexport const c = (): number => b();\n");
  const results = await eslint.lintFiles([join(dir, 'a.ts'), join(dir, 'b.ts'), join(dir, 'c.ts')]);
  const cycles = (name: string) => results.find((r) => r.filePath.endsWith(name))!.messages.filter((m) => m.ruleId === 'import-x/no-cycle');
  assert.equal(cycles('a.ts').length, 1, 'a → b → a');
  assert.equal(cycles('b.ts').length, 1, 'b → a → b');
  assert.equal(cycles('c.ts').length, 0, 'c only imports into the cycle');
});

test('renderer/ui/ may import the editor handle but not its commands or plugins', async () => {
  const lint = async (code: string) => (await eslint.lintText(code, { filePath: join(root, 'renderer', 'ui', 'lint-probe.ts') }))[0].messages
    .filter((m) => m.ruleId === 'no-restricted-imports').length;
  assert.equal(await lint("import { tagSelection } from '../editor/commands/entities.ts';\nexport const x = tagSelection;\n"), 1);
  assert.equal(await lint("import { entityKeys } from '../editor/plugins/entity-keys.ts';\nexport const x = entityKeys;\n"), 1);
  assert.equal(await lint("import { createEditor } from '../editor/editor.ts';\nexport const x = createEditor;\n"), 0);
});
