// Electron security audit: runs Electronegativity (offline) over the Electron sources, a fresh build of
// the main and preload bundles, the page Electron loads and package.json, and fails on any finding
// that tests/electron/security-allowlist.json does not cover. A second run on a deliberately weakened
// copy of window.ts proves the scanner really reads the window's options (it only understands
// `new BrowserWindow({ webPreferences: { …literal… } })`, so a refactor could blind it silently).
//
// Electronegativity quirks handled here (see /work/shared/FIELD-NOTES.md, "Electron security"):
// - it always exits 0 and, when writing a report, drops parse errors: we call its API in a child
//   process, read the SARIF report and the returned errors, and fail on either;
// - it reads only .js/.ts/.html/package.json, so the .cjs bundles are scanned as .js copies;
// - `-e` (electronVersionOverride) gives the real Electron version, else version-gated checks misfire;
// - its translation download fails quietly offline (1 s timeout); its Electron release check
//   (AvailableSecurityFixesGlobalCheck) is excluded: it needs the network, so it would make this
//   test depend on GitHub and on new Electron releases. Upgrades are tracked outside the test suite.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { CSP } from '../../electron/host/csp.ts';

const require = createRequire(import.meta.url);
const ALLOWLIST_FILE = 'tests/electron/security-allowlist.json';

/** One Electronegativity finding, with project-relative paths. */
interface Finding {
  /** check id, e.g. PRELOAD_JS_CHECK */
  check: string;
  /** project path (dist bundles as dist/electron/*.cjs), or N/A for app-wide findings */
  file: string;
  /** 1-based line; 0 when the finding has no place */
  line: number;
  /** the check's description */
  description: string;
  /** SARIF level: `note` means review-only, `warning` a likely problem */
  level: string;
  /** the flagged source line, trimmed ('' when there is none) */
  code: string;
}

/** One reviewed, accepted finding. */
interface AllowEntry {
  /** check id */
  check: string;
  /** project path as in Finding.file */
  file: string;
  /** optional text the flagged line must contain, so the review stays tied to the reviewed code */
  code?: string;
  /** one sentence: why this finding is acceptable */
  reason: string;
}

/** Result of one scan. */
interface Scan {
  findings: Finding[];
  /** files Electronegativity could not parse (they would otherwise be skipped silently) */
  errors: { file: string; message: string }[];
  /** wall time of the Electronegativity run */
  ms: number;
}

// Runs in a child process: Electronegativity registers a global `__`, logs to stdout and makes
// network attempts; none of that belongs in the test process. argv: module, input, sarif, version, errors file.
const DRIVER = `
const [, mod, input, output, version, errorsFile] = process.argv;
require(mod)({
  input, output, isSarif: true, isRelative: true, electronVersionOverride: version,
  customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'], parserPlugins: [],
}).then(
  (r) => require('node:fs').writeFileSync(errorsFile, JSON.stringify(r.errors)),
  (e) => { console.error(e && e.stack || e); process.exit(1); },
);`;

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // The timeout only guards against a hang (it is no speed assertion): a normal run takes ~5 s.
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Scan path → project path: the bundles were renamed .cjs → .js for the scanner. */
function projectPath(scanPath: string): string {
  if (scanPath === 'file:///' || scanPath === 'N/A') return 'N/A';
  return scanPath.replace(/^dist\/electron\/(\w+)\.js$/, 'dist/electron/$1.cjs');
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
}

/** Runs Electronegativity on `input` (a prepared folder), writing its report into `work`. */
async function electronegativity(input: string, work: string, electronVersion: string): Promise<Scan> {
  const sarifFile = join(work, 'electronegativity.sarif');
  const errorsFile = join(work, 'errors.json');
  const started = performance.now();
  const r = await runNode(['-e', DRIVER, require.resolve('@doyensec/electronegativity'), input, sarifFile, electronVersion, errorsFile], {
    ...process.env,
    // its release cache goes to os.tmpdir(): keep it inside our folder; fixed locale for its messages
    TMPDIR: work,
    LANG: 'en-US',
  });
  const ms = performance.now() - started;
  assert.equal(r.code, 0, `Electronegativity failed:\n${r.output}`);
  const sarif = JSON.parse(await readFile(sarifFile, 'utf8')) as { runs: { results: SarifResult[] }[] };
  const findings: Finding[] = [];
  for (const res of sarif.runs[0].results) {
    const loc = res.locations?.[0]?.physicalLocation;
    const scanPath = loc?.artifactLocation.uri ?? 'N/A';
    const line = projectPath(scanPath) === 'N/A' ? 0 : (loc?.region?.startLine ?? 0);
    let code = '';
    if (projectPath(scanPath) !== 'N/A' && line > 0) {
      code = (await readFile(join(input, scanPath), 'utf8')).split('\n')[line - 1]?.trim() ?? '';
    }
    findings.push({ check: res.ruleId, file: projectPath(scanPath), line, description: res.message.text, level: res.level, code });
  }
  const errors = (JSON.parse(await readFile(errorsFile, 'utf8')) as { file: string; message: string }[]).map((e) => ({
    file: e.file.startsWith(input) ? e.file.slice(input.length + 1) : e.file,
    message: e.message,
  }));
  return { findings, errors, ms };
}

/** Copies what Electron runs into `dir`, laid out like the project: sources, fresh bundles, page, manifest. */
async function prepareScanTree(dir: string, opts: { bundles: boolean }): Promise<void> {
  await mkdir(join(dir, 'electron'), { recursive: true });
  for (const f of (await readdir('electron')).filter((f) => f.endsWith('.ts'))) await cp(join('electron', f), join(dir, 'electron', f));
  await mkdir(join(dir, 'renderer'), { recursive: true });
  await cp('renderer/index.html', join(dir, 'renderer', 'index.html'));
  await cp('package.json', join(dir, 'package.json'));
  if (!opts.bundles) return;
  // The same esbuild options as scripts/build.mjs, built here rather than read from dist/: dist may be
  // stale, and rebuilding dist would race the other test files that read it.
  for (const name of ['main', 'preload']) {
    await build({
      entryPoints: [`electron/${name}.ts`], outfile: join(dir, 'dist', 'electron', `${name}.js`),
      bundle: true, format: 'cjs', platform: 'node', target: 'node20', external: ['electron'], logLevel: 'warning', legalComments: 'none',
    });
  }
}

/** Weakenings applied to window.ts for the canary scan (last occurrence), each with the check that must catch it. */
const WEAKENINGS: { from: string; to: string; check: string }[] = [
  { from: 'sandbox: true,', to: 'sandbox: false,', check: 'SANDBOX_JS_CHECK' },
  { from: 'contextIsolation: true,', to: 'contextIsolation: false,', check: 'CONTEXT_ISOLATION_JS_CHECK' },
  { from: "disableBlinkFeatures: 'Auxclick',", to: '', check: 'AUXCLICK_JS_CHECK' },
  { from: 'session.setPermissionRequestHandler(', to: 'void (', check: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK' },
];

function matches(entry: AllowEntry, f: Finding): boolean {
  return entry.check === f.check && entry.file === f.file && (entry.code === undefined || f.code.includes(entry.code));
}

function describe(f: Finding): string {
  const where = f.line > 0 ? `${f.file}:${f.line}` : f.file;
  return `  ${f.check} [${f.level}] ${where}\n    ${f.description}${f.code ? `\n    > ${f.code.slice(0, 200)}` : ''}`;
}

let work = '';
let electronVersion = '';
let allowlist: AllowEntry[] = [];
let audit: Scan;
let canary: Scan;
const canaryMissing: string[] = [];

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'muwazi-audit-'));
  electronVersion = (JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  allowlist = JSON.parse(await readFile(ALLOWLIST_FILE, 'utf8')) as AllowEntry[];

  const auditIn = join(work, 'audit', 'in');
  await prepareScanTree(auditIn, { bundles: true });
  const canaryIn = join(work, 'canary', 'in');
  await prepareScanTree(canaryIn, { bundles: false });
  let weak = await readFile(join(canaryIn, 'electron', 'window.ts'), 'utf8');
  for (const w of WEAKENINGS) {
    // the last occurrence: the window literal comes after hardenedWebPreferences()
    const at = weak.lastIndexOf(w.from);
    if (at < 0) canaryMissing.push(w.from);
    else weak = weak.slice(0, at) + w.to + weak.slice(at + w.from.length);
  }
  await writeFile(join(canaryIn, 'electron', 'window.ts'), weak);

  // Both runs at once: most of each run is waiting for its (failing) translation download.
  [audit, canary] = await Promise.all([
    electronegativity(auditIn, dirname(auditIn), electronVersion),
    electronegativity(canaryIn, dirname(canaryIn), electronVersion),
  ]);
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test('Electronegativity parses every scanned file', (t) => {
  t.diagnostic(`Electronegativity ${require('@doyensec/electronegativity/package.json').version} with Electron ${electronVersion}: ${(audit.ms / 1000).toFixed(1)} s (canary run in parallel ${(canary.ms / 1000).toFixed(1)} s)`);
  assert.deepEqual(audit.errors, [], 'files Electronegativity could not parse are skipped silently; make them parseable (its TypeScript parser is old)');
  assert.deepEqual(canary.errors, []);
});

test('Electronegativity finds nothing outside the reviewed allow-list', (t) => {
  const accepted = audit.findings.filter((f) => allowlist.some((e) => matches(e, f)));
  const fresh = audit.findings.filter((f) => !allowlist.some((e) => matches(e, f)));
  t.diagnostic(`${audit.findings.length} findings, ${accepted.length} reviewed in ${ALLOWLIST_FILE}`);
  assert.equal(
    fresh.length,
    0,
    `Electronegativity reported ${fresh.length} new finding(s); fix the code or, after review, add an entry {check, file, code, reason} to ${ALLOWLIST_FILE}:\n${fresh.map(describe).join('\n')}`,
  );
});

test('every allow-list entry is well formed and still matches a finding', () => {
  assert.ok(Array.isArray(allowlist) && allowlist.length > 0);
  for (const e of allowlist) {
    const label = `${e.check} ${e.file}`;
    assert.match(e.check, /^[A-Z0-9_]+_CHECK$/, label);
    assert.equal(typeof e.file, 'string', label);
    assert.ok(e.code === undefined || (typeof e.code === 'string' && e.code.length > 0), label);
    // one sentence: non-trivial, a single full stop at the end
    assert.match(e.reason, /^[^\n]{20,300}\.$/, `${label}: reason must be one sentence`);
    assert.ok(
      audit.findings.some((f) => matches(e, f)),
      `${label}${e.code ? ` (${e.code})` : ''} matches no finding any more: remove it from ${ALLOWLIST_FILE}`,
    );
  }
});

test('the audit reads the real window options: a weakened window.ts is caught', () => {
  assert.deepEqual(canaryMissing, [], 'window.ts changed: update WEAKENINGS so the canary still weakens it');
  const found = new Set(canary.findings.filter((f) => f.file === 'electron/window.ts' || f.file === 'N/A').map((f) => f.check));
  for (const w of WEAKENINGS) assert.ok(found.has(w.check), `removing "${w.from}" was not reported as ${w.check}:\n${canary.findings.map(describe).join('\n')}`);
  // and the preload review finding the allow-list expects comes from that same window literal
  assert.ok(audit.findings.some((f) => f.check === 'PRELOAD_JS_CHECK' && f.file === 'electron/window.ts'));
  assert.ok(audit.findings.some((f) => f.check === 'PRELOAD_JS_CHECK' && f.file === 'dist/electron/main.cjs'));
});

test("the page's meta CSP (what the audit evaluates) is the CSP the app:// protocol sends", async () => {
  const html = await readFile('renderer/index.html', 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'renderer/index.html has no meta CSP');
  // frame-ancestors is ignored in a meta CSP, so only the header carries it
  const header = CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  assert.equal(meta[1], header);
});
