// The matches pane's model (pure: no DOM, testable in Node): which row the pane is about, the
// lookup for it, and what each match shows.
//
// Policy:
//   - a lookup runs when the caret ENTERS a row (another unit id), not on every keystroke in it;
//     entering rows quickly (Tab held) waits a short pause, so only the row the caret stays in is
//     looked up;
//   - an answer is applied only if the caret is still in the row it was asked for (a sequence
//     number per lookup): a late answer for a row already left is dropped;
//   - while the memory is still being built (ready false) the answer is shown and asked again after
//     a while, as long as the caret stays in that row;
//   - the row itself is excluded (it is in the memory once it has English).
import type { Result, TmMatch } from '../../shared/contract/host.ts';
import { numberLocale } from '../../shared/i18n/numbers.ts';

/** The lookup the pane needs (HostBridge.tmLookup's shape). */
export type LookupFn = (req: {
  root: string; text: string; lang?: 'ar' | 'en'; min?: number; limit?: number; exclude?: { path: string; unit: string };
}) => Promise<Result<{ matches: TmMatch[]; units: number; ready: boolean; warnings: string[] }>>;

/** The row the caret is in, as the pane needs it. */
export interface RowQuery {
  unit: string;
  /** the row's Arabic (sentences joined with a space) */
  ar: string;
}

/** What the pane shows. */
export type PaneState =
  | { kind: 'idle' }
  /** the caret's row has no Arabic to look up */
  | { kind: 'noSource'; unit: string }
  | { kind: 'loading'; unit: string }
  /** an answer: `building` when the memory was not complete yet */
  | { kind: 'matches'; unit: string; matches: TmMatch[]; building: boolean; units: number }
  | { kind: 'error'; unit: string; message: string };

/** Timers, injected (tests run them by hand). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of MatchesController. */
export interface MatchesOptions {
  lookup: LookupFn;
  /** the open folder and report (null: no lookups) */
  where: () => { root: string; path: string } | null;
  onState: (s: PaneState) => void;
  timers: Timers;
  /** pause after the caret enters a row before asking (default 80 ms) */
  settleMs?: number;
  /** ask again this long after an answer from a memory still being built (default 1500 ms) */
  retryMs?: number;
  /** most matches shown (default 5: Ctrl+1…Ctrl+5) */
  limit?: number;
}

/** Drives the pane's lookups (see the policy above). */
export class MatchesController {
  private unit: string | null = null;
  private query: RowQuery | null = null;
  private seq = 0;
  private timer: unknown = null;
  state: PaneState = { kind: 'idle' };

  constructor(private readonly o: MatchesOptions) {}

  /** The caret is in `row` (null: outside any row). Nothing happens when it is the same row with
   * the same Arabic (typing English in it); a row whose Arabic was regrouped is asked again. */
  enterRow(row: RowQuery | null): void {
    if ((row?.unit ?? null) === this.unit && (row?.ar ?? null) === (this.query?.ar ?? null)) return;
    this.unit = row?.unit ?? null;
    this.query = row;
    this.seq++;
    this.cancelTimer();
    if (!row) return this.set({ kind: 'idle' });
    if (!row.ar.trim()) return this.set({ kind: 'noSource', unit: row.unit });
    this.set({ kind: 'loading', unit: row.unit });
    this.schedule(this.o.settleMs ?? 80);
  }

  /** The n-th match shown (1-based), or null. */
  match(n: number): TmMatch | null {
    return this.state.kind === 'matches' ? this.state.matches[n - 1] ?? null : null;
  }

  dispose(): void {
    this.seq++;
    this.cancelTimer();
  }

  private schedule(ms: number): void {
    const seq = this.seq;
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = null;
      if (seq === this.seq) void this.ask(seq);
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.o.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async ask(seq: number): Promise<void> {
    const q = this.query;
    const where = this.o.where();
    if (!q) return;
    if (!where) return this.set({ kind: 'error', unit: q.unit, message: '' });
    let res: Awaited<ReturnType<LookupFn>>;
    try {
      res = await this.o.lookup({
        root: where.root, text: q.ar, lang: 'ar', limit: this.o.limit ?? 5, exclude: { path: where.path, unit: q.unit },
      });
    } catch (e) {
      res = { ok: false, code: 'internal', message: e instanceof Error ? e.message : String(e) };
    }
    // the caret moved on (or a newer lookup started): this answer is stale
    if (seq !== this.seq) return;
    if (!res.ok) return this.set({ kind: 'error', unit: q.unit, message: res.message });
    const v = res.value;
    this.set({ kind: 'matches', unit: q.unit, matches: v.matches.slice(0, this.o.limit ?? 5), building: !v.ready, units: v.units });
    if (!v.ready) this.schedule(this.o.retryMs ?? 1500);
  }

  private set(s: PaneState): void {
    this.state = s;
    this.o.onState(s);
  }
}

// ---- what a match shows ---------------------------------------------------------------------

/** A score in [0, 1] as a whole percentage in the UI language's digits ('87%', '٨٧٪'). Rounded
 * down, so only an exact match (score 1) shows 100%. */
export function formatPercent(score: number, lang: string): string {
  // (the epsilon keeps 0.29 at 29%: 0.29 * 100 is 28.999…)
  const whole = score >= 1 ? 1 : Math.min(99, Math.floor(Math.max(0, score) * 100 + 1e-9)) / 100;
  return new Intl.NumberFormat(numberLocale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(whole);
}

/** One piece of the match's source as the pane marks it. */
export interface DiffPiece {
  /** 'same': shared with the current sentence; 'del': only in the match; 'ins': only in the current sentence */
  op: 'same' | 'del' | 'ins';
  text: string;
}

/** The diff pieces to draw: adjacent pieces of one kind merged, empty ones dropped. */
export function diffPieces(diff: TmMatch['diff']): DiffPiece[] {
  const out: DiffPiece[] = [];
  for (const d of diff) {
    if (!d.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === d.op) last.text += d.text;
    else out.push({ op: d.op, text: d.text });
  }
  return out;
}

/** The pieces with a space around each 'ins' piece where its neighbours have none: 'ins' words are
 * not part of the match's text, so nothing separates them from it (the source stays rebuildable). */
export function spacedPieces(pieces: readonly DiffPiece[]): DiffPiece[] {
  return pieces.map((p, i) => {
    if (p.op !== 'ins') return p;
    const before = pieces[i - 1];
    const after = pieces[i + 1];
    const pre = before && !/\s$/u.test(before.text) && !/^\s/u.test(p.text) ? ' ' : '';
    const post = after && !/^\s/u.test(after.text) && !/\s$/u.test(p.text) ? ' ' : '';
    return { op: p.op, text: pre + p.text + post };
  });
}

/** The match's source rebuilt from its diff ('same' + 'del' pieces): equals `match.ar` for an Arabic lookup. */
export function matchSource(diff: TmMatch['diff']): string {
  return diff.filter((d) => d.op !== 'ins').map((d) => d.text).join('');
}

/** What inserting the match puts in the row: the English with the query's numbers placed when the memory could. */
export function insertText(m: TmMatch): string {
  return m.enPlaced ?? m.en;
}

/** The origin's display name: the report's or the TMX file's name (without folders). */
export function originName(m: TmMatch): string {
  const base = m.origin.file.split('/').pop() ?? m.origin.file;
  return m.origin.kind === 'report' ? base.replace(/\.txt$/i, '') : base;
}

/** The screen-reader summary of an answer: i18n key and values ('N matches, best 87%'). */
export function announcement(s: PaneState, lang: string): { key: string; count: number; best?: string } | null {
  if (s.kind !== 'matches') return null;
  if (!s.matches.length) return { key: 'workbench.matches.announceNone', count: 0 };
  return { key: 'workbench.matches.announce', count: s.matches.length, best: formatPercent(s.matches[0].score, lang) };
}
