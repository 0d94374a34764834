// QA over a folder (or one report): reads each report's sidecar, runs shared/qa with the project's
// glossary and settings, and writes the folder report as HTML or JSON. Plain Node, no electron.
//
// Never fatal for one report: a report without a sidecar is "not started" (skipped, counted), a
// sidecar that cannot be read, is corrupt or comes from a newer version is skipped with a warning
// naming the file. Which checks run: `checks` when given (the CLI's --checks), else every check
// but the project's `qa.disabled` (muwazi.project.json).
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, resolve, sep } from 'node:path';
import type { QaFindingJson } from '../../shared/contract/host.ts';
import { collectRenderings, mergeGlossary, type AnnotatedReport } from '../../shared/entities/glossary.ts';
import { parseAnnotations } from '../../shared/formats/sidecar.ts';
import type { UiLang } from '../../shared/i18n/languages.ts';
import type { Annotations, ProjectSettings } from '../../shared/model/types.ts';
import { checkProject, QA_CHECKS, SEVERITY_ORDER, isQaCheckId, type QaCheckId, type QaSeverity } from '../../shared/qa/index.ts';
import { atomicWriteFile } from './atomic-write.ts';
import { HostError } from './errors.ts';
import { loadGlossary } from './glossary.ts';
import { findProjectRoot } from './project-settings.ts';
import { renderQaMessage, qaT } from './qa-messages.ts';
import { sidecarPath } from './report-store.ts';
import { findReports, isReportFile, mapLimit, readSettings, relPath } from './workspace.ts';

/** Options of runQa. */
export interface QaRunOptions {
  /** the checks to run (overrides the project settings); every known id */
  checks?: readonly QaCheckId[];
  /** the folder file names are relative to (default: the folder, or the project folder of a file) */
  root?: string;
}

/** The outcome of a QA run. */
export interface QaRunResult {
  /** the folder `file` names are relative to (absolute) */
  root: string;
  /** findings sorted by file, row and check; `message` in English */
  findings: QaFindingJson[];
  /** reports checked (with a readable sidecar) */
  reports: number;
  /** reports without a sidecar yet (relative paths) */
  notStarted: string[];
  /** reports skipped, with why ("<file>: <reason>") and other problems worth saying */
  warnings: string[];
  /** per report (relative path) the number of findings, every checked report listed */
  perReport: Array<{ file: string; findings: number }>;
}

/** The checks a project runs: every check except its `qa.disabled` (unknown ids ignored). */
export function enabledChecks(settings: Pick<ProjectSettings, 'qa'> | null | undefined): QaCheckId[] {
  const off = new Set(settings?.qa?.disabled ?? []);
  return QA_CHECKS.filter((c) => !off.has(c));
}

/** Parses a comma-separated --checks list; throws HostError('invalid-request') naming an unknown id. */
export function parseCheckList(list: readonly string[]): QaCheckId[] {
  const out: QaCheckId[] = [];
  for (const raw of list) {
    const id = raw.trim();
    if (id === '') continue;
    if (!isQaCheckId(id)) throw new HostError('invalid-request', `Unknown QA check '${id}' (checks: ${QA_CHECKS.join(', ')}).`);
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

const rel = relPath;

/** QA of a folder or of one report (.txt, or its .annotations.json). Throws HostError('not-found')
 * when the target does not exist or a folder holds no report. */
export async function runQa(target: string, opts: QaRunOptions = {}): Promise<QaRunResult> {
  const abs = resolve(target);
  const st = await stat(abs).catch(() => null);
  if (!st) throw new HostError('not-found', `Nothing to check: ${target} does not exist.`);
  let txts: string[];
  let root: string;
  if (st.isDirectory()) {
    root = opts.root ?? abs;
    txts = await findReports(abs);
  } else {
    const txt = abs.replace(/\.annotations\.json$/i, '.txt');
    if (!isReportFile(txt.split(sep).pop() ?? '')) throw new HostError('invalid-request', `Not a report (.txt) or its annotation file: ${target}`);
    root = opts.root ?? (await findProjectRoot(txt)) ?? dirname(txt);
    txts = [txt];
  }
  const warnings: string[] = [];
  let settings: ProjectSettings | null = null;
  try {
    settings = await readSettings(root);
  } catch (e) {
    warnings.push(`muwazi.project.json: ${(e as Error).message} (every check runs)`);
  }
  const checks = opts.checks ?? enabledChecks(settings);
  const disabled = QA_CHECKS.filter((c) => !checks.includes(c));

  const notStarted: string[] = [];
  const reports: Array<AnnotatedReport & { path: string }> = [];
  type Read = { file: string; txt: string } & ({ annotations: Annotations } | { notStarted: true } | { problem: string });
  const read = await mapLimit(txts, 16, async (txt): Promise<Read> => {
    const file = rel(root, txt);
    try {
      const json = await readFile(sidecarPath(txt), 'utf8');
      return { file, txt, annotations: parseAnnotations(json) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file, txt, notStarted: true };
      return { file, txt, problem: e instanceof Error ? e.message : String(e) };
    }
  });
  for (const r of read) {
    if ('annotations' in r) reports.push({ report: r.file, annotations: r.annotations, path: r.txt });
    else if ('notStarted' in r) notStarted.push(r.file);
    else warnings.push(`skipped ${r.file}: ${r.problem}`);
  }

  // the project glossary: the saved one refreshed with the reports' own renderings (as the app shows it)
  let glossary = collectRenderings(reports);
  if (!disabled.includes('entity-missing')) {
    const saved = await loadGlossary(root).catch((e: Error) => {
      warnings.push(`muwazi.glossary.tsv: ${e.message}`);
      return { entries: [], problems: [], exists: false };
    });
    glossary = mergeGlossary(saved.entries, glossary);
  }
  const pathOf = new Map(reports.map((r) => [r.report, r.path]));
  const findings = checkProject(reports.map((r) => ({ file: r.report, annotations: r.annotations })), { glossary, disabled }).map(
    (f): QaFindingJson => ({
      file: f.file, path: pathOf.get(f.file) ?? '', row: f.row, unit: f.unit, check: f.check, severity: f.severity,
      message: renderQaMessage(f), messageKey: f.messageKey, params: f.params, ar: f.ar, en: f.en,
    }),
  );
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.file, (counts.get(f.file) ?? 0) + 1);
  return { root, findings, reports: reports.length, notStarted, warnings, perReport: reports.map((r) => ({ file: r.report, findings: counts.get(r.report) ?? 0 })) };
}

/** The CLI's `--json` element: exactly these keys, in this order. */
export interface QaCliFinding {
  file: string;
  row: number;
  check: string;
  severity: QaSeverity;
  message: string;
  ar: string;
  en: string;
}

/** The `muwazi qa --json` array (also the JSON folder report). */
export function cliJson(findings: readonly QaFindingJson[]): QaCliFinding[] {
  return findings.map((f) => ({ file: f.file, row: f.row, check: f.check, severity: f.severity, message: f.message, ar: f.ar, en: f.en }));
}

/** Whether a finding reaches a severity (`error` < `warning` < `info` in seriousness order). */
export function reaches(severity: QaSeverity, level: QaSeverity): boolean {
  return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(level);
}

/** Findings per check, in QA_CHECKS order, only checks with findings. */
export function countsPerCheck(findings: ReadonlyArray<Pick<QaFindingJson, 'check' | 'severity'>>): Array<{ check: string; error: number; warning: number; info: number; total: number }> {
  return QA_CHECKS.map((check) => {
    const c = { check, error: 0, warning: 0, info: 0, total: 0 };
    for (const f of findings) if (f.check === check) {
      c[f.severity]++;
      c.total++;
    }
    return c;
  }).filter((c) => c.total > 0);
}

// ---- HTML report ------------------------------------------------------------------------------

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
body{font-family:system-ui,"Noto Naskh Arabic","Segoe UI",sans-serif;margin:2rem;color:#1b1b1b;line-height:1.5}
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top;text-align:start}
th{background:#f0f0f0}td[lang=ar]{font-size:1.1em}.sev-error{font-weight:bold}.sev-warning{font-style:italic}
h2{margin-top:2rem}caption{text-align:start;font-weight:bold}
`;

/** The folder QA report as one self-contained HTML page (labels and messages in `lang`). */
export function qaReportHtml(result: QaRunResult, opts: { lang?: UiLang; generated?: string } = {}): string {
  const lang = opts.lang ?? 'en';
  const t = qaT(lang);
  const e = escapeHtml;
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const sev = (s: string) => t(`qa.severity.${s}`);
  const checkName = (c: string) => t(`qa.check.${c}`);
  const out: string[] = [];
  out.push(`<!DOCTYPE html>\n<html lang="${lang}" dir="${dir}">\n<head>\n<meta charset="utf-8">\n<title>${e(t('qa.report.title'))}</title>\n<style>${CSS}</style>\n</head>\n<body>`);
  out.push(`<h1>${e(t('qa.report.title'))}</h1>`);
  out.push(`<p>${e(t('qa.report.folder'))}: <bdi>${e(result.root)}</bdi>${opts.generated ? ` · ${e(t('qa.report.generated'))}: <bdi>${e(opts.generated)}</bdi>` : ''}</p>`);
  out.push(`<p>${e(t('qa.report.summary', { count: result.findings.length, reports: result.reports }))}</p>`);
  const perCheck = countsPerCheck(result.findings);
  if (perCheck.length) {
    out.push(`<h2>${e(t('qa.report.perCheck'))}</h2>\n<table>\n<tr><th>${e(t('qa.report.check'))}</th><th>${e(sev('error'))}</th><th>${e(sev('warning'))}</th><th>${e(sev('info'))}</th><th>${e(t('qa.report.total'))}</th></tr>`);
    for (const c of perCheck) out.push(`<tr><td>${e(checkName(c.check))} <code>${e(c.check)}</code></td><td>${c.error}</td><td>${c.warning}</td><td>${c.info}</td><td>${c.total}</td></tr>`);
    out.push('</table>');
  }
  out.push(`<h2>${e(t('qa.report.perReport'))}</h2>\n<table>\n<tr><th>${e(t('qa.report.report'))}</th><th>${e(t('qa.report.count'))}</th></tr>`);
  for (const r of result.perReport) out.push(`<tr><td><bdi>${e(r.file)}</bdi></td><td>${r.findings}</td></tr>`);
  out.push('</table>');
  if (result.notStarted.length || result.warnings.length) {
    out.push(`<h2>${e(t('qa.report.skipped'))}</h2>\n<ul>`);
    for (const w of [...result.warnings, ...result.notStarted]) out.push(`<li><bdi>${e(w)}</bdi></li>`);
    out.push('</ul>');
  }
  out.push(`<h2>${e(t('qa.report.findings'))}</h2>`);
  if (result.findings.length === 0) out.push(`<p>${e(t('qa.report.none'))}</p>`);
  let file: string | null = null;
  for (const f of result.findings) {
    if (f.file !== file) {
      if (file !== null) out.push('</table>');
      file = f.file;
      out.push(`<table>\n<caption><bdi>${e(f.file)}</bdi></caption>\n<tr><th>${e(t('qa.report.row'))}</th><th>${e(t('qa.report.check'))}</th><th>${e(t('qa.report.severity'))}</th><th>${e(t('qa.report.message'))}</th><th>${e(t('qa.report.arabic'))}</th><th>${e(t('qa.report.english'))}</th></tr>`);
    }
    const msg = lang === 'en' ? f.message : renderQaMessage(f, lang);
    out.push(`<tr><td>${f.row + 1}</td><td>${e(checkName(f.check))}</td><td class="sev-${f.severity}">${e(sev(f.severity))}</td><td>${e(msg)}</td><td dir="rtl" lang="ar">${e(f.ar)}</td><td dir="ltr" lang="en">${e(f.en)}</td></tr>`);
  }
  if (file !== null) out.push('</table>');
  out.push('</body>\n</html>\n');
  return out.join('\n');
}

/** Writes the folder QA report of `root` to `out` (atomically, no backup): HTML or the CLI's JSON
 * array. `out` must end in .html/.htm (html) or .json (json) and must not be a folder, so a report,
 * a sidecar or the project file can never be overwritten. Confinement is the caller's (host service). */
export async function exportQaReport(root: string, out: string, format: 'html' | 'json', opts: QaRunOptions & { lang?: UiLang } = {}): Promise<{ path: string; findings: number }> {
  const ext = extname(out).toLowerCase();
  if (format === 'html' ? !['.html', '.htm'].includes(ext) : ext !== '.json') {
    throw new HostError('invalid-request', `The QA report is written as ${format === 'html' ? 'an .html' : 'a .json'} file: ${out}`);
  }
  if (/\.annotations\.json$/i.test(out)) throw new HostError('invalid-request', `This name is reserved for annotation files: ${out}`);
  const st = await stat(out).catch(() => null);
  if (st?.isDirectory()) throw new HostError('invalid-request', `This is a folder, not a file: ${out}`);
  const result = await runQa(root, opts);
  const text = format === 'html'
    ? qaReportHtml(result, { lang: opts.lang, generated: new Date().toISOString() })
    : JSON.stringify(cliJson(result.findings), null, 2) + '\n';
  // the default <root>/export may not exist yet (as the glossary export does; `out` is confined already)
  await mkdir(dirname(out), { recursive: true });
  await atomicWriteFile(out, text, { backup: false });
  return { path: out, findings: result.findings.length };
}
