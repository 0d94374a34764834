// When and how the open report is saved. No DOM: timers and host calls are injected, so the
// policy is unit-tested in Node. Policy (issue 2 item 3, issue 5 items 2–3):
// - every change bumps a version; the report is dirty while version ≠ the last saved version;
// - autosave after `autosaveMs` of idle (each change restarts the wait); `flush()` saves now
//   (Ctrl+S, switching report, window blur, before unload);
// - unsaved edits are journaled at most `journalMs` after the first unjournaled change (throttled,
//   not debounced, so continuous typing is still journaled every ~second);
// - a save never runs twice at once: a save requested meanwhile runs after it, with fresh content;
// - a failure keeps the edits (memory + journal) and reports the failure; 'conflict' is handed to
//   the app, which asks the user (keep mine / take theirs / keep both).
import type { SaveStamps } from '../../shared/team/provenance.ts';
import type { Failure, HostApi } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';

/** What the status bar shows. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict';

/** Injected timers (window's in the app, fakes in tests). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SaveControllerOptions {
  /** the report's .txt path (the host's key for the sidecar and the journal) */
  path: string;
  /** hash of the sidecar as loaded (null: none on disk yet); sent with each save to detect conflicts */
  sidecarHash: string | null;
  /** the editor's current content */
  getAnnotations: () => Annotations;
  host: Pick<HostApi, 'saveReport' | 'writeJournal' | 'discardJournal'>;
  timers: Timers;
  /** idle time before an autosave, ms (default 1500) */
  autosaveMs?: number;
  /** longest delay between a change and its journal entry, ms (default 800) */
  journalMs?: number;
  /** called on every state change; `failure` is set for 'error' and 'conflict' */
  onState: (state: SaveState, failure?: Failure) => void;
  /** called after a successful save with exactly what was saved (the sidebar updates this report's
   * progress from it instead of rescanning the folder) */
  onSaved?: (annotations: Annotations, saved: { savedAt: string; stamped?: SaveStamps }) => void;
  /** called after a successful journal write (the status bar exposes it; e2e tests wait on it) */
  onJournal?: (version: number) => void;
}

export class SaveController {
  private version = 0;
  private savedVersion = 0;
  private journaledVersion = 0;
  private hash: string | null;
  private autosaveTimer: unknown = null;
  private journalTimer: unknown = null;
  private inFlight: Promise<boolean> | null = null;
  private again = false;
  private disposed = false;
  private current: SaveState = 'saved';
  private readonly autosaveMs: number;
  private readonly journalMs: number;

  constructor(private readonly o: SaveControllerOptions) {
    this.hash = o.sidecarHash;
    this.autosaveMs = o.autosaveMs ?? 1500;
    this.journalMs = o.journalMs ?? 800;
  }

  /** True while there are edits not yet on disk. */
  get dirty(): boolean {
    return this.version !== this.savedVersion;
  }

  get state(): SaveState {
    return this.current;
  }

  /** The failure of the last save that failed ('error' or 'conflict'); cleared by a good save. */
  get lastFailure(): Failure | undefined {
    return this.failure;
  }

  /** The sidecar hash the next save will send. */
  get sidecarHash(): string | null {
    return this.hash;
  }

  /** The editor changed. */
  changed(): void {
    if (this.disposed) return;
    this.version++;
    if (this.current !== 'saving' && this.current !== 'conflict') this.setState('unsaved');
    if (this.autosaveTimer !== null) this.o.timers.clearTimeout(this.autosaveTimer);
    // while a conflict is pending the user must choose first; no autosave
    if (this.current !== 'conflict') this.autosaveTimer = this.o.timers.setTimeout(() => {
      this.autosaveTimer = null;
      void this.flush();
    }, this.autosaveMs);
    this.scheduleJournal();
  }

  /** Saves now if dirty; resolves true when everything is on disk. */
  flush(): Promise<boolean> {
    if (this.disposed) return Promise.resolve(!this.dirty);
    if (this.autosaveTimer !== null) {
      this.o.timers.clearTimeout(this.autosaveTimer);
      this.autosaveTimer = null;
    }
    if (this.inFlight) {
      this.again = true;
      return this.inFlight.then(() => this.flush());
    }
    if (!this.dirty) return Promise.resolve(true);
    if (this.current === 'conflict') return Promise.resolve(false);
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight.then((ok) => {
      if (ok && this.again && this.dirty) {
        this.again = false;
        return this.flush();
      }
      this.again = false;
      return ok;
    });
  }

  /** After the user resolved a conflict or the content was replaced from disk: adopt `hash`;
   * `clean` marks the current content as the saved one (take theirs / reload), otherwise it stays
   * dirty and is saved against the new hash (keep mine). */
  adopt(hash: string | null, clean: boolean): void {
    this.hash = hash;
    if (clean) {
      this.savedVersion = this.version;
      this.cancelJournal();
      this.setState('saved');
    } else {
      this.setState(this.dirty ? 'unsaved' : 'saved');
    }
  }

  /** The app learned of a conflict on its own (the folder watcher saw the sidecar change under
   * unsaved edits): no autosave until the user chose (adopt), and flush() refuses meanwhile. */
  markConflict(): void {
    if (this.disposed) return;
    if (this.autosaveTimer !== null) this.o.timers.clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
    this.setState('conflict');
  }

  /** Resolves once no save is in flight (the user's choice after a conflict must not race one). */
  async idle(): Promise<void> {
    while (this.inFlight) await this.inFlight.catch(() => false);
  }

  /** Stops timers; nothing is saved after this. */
  dispose(): void {
    this.disposed = true;
    if (this.autosaveTimer !== null) this.o.timers.clearTimeout(this.autosaveTimer);
    this.cancelJournal();
  }

  private async saveOnce(): Promise<boolean> {
    const v = this.version;
    let annotations: Annotations;
    try {
      annotations = this.o.getAnnotations();
    } catch (e) {
      this.setState('error', { ok: false, code: 'internal', message: e instanceof Error ? e.message : String(e) });
      return false;
    }
    this.setState('saving');
    const res = await this.o.host.saveReport({ path: this.o.path, annotations, sidecarHash: this.hash });
    if (this.disposed) return res.ok;
    if (res.ok) {
      this.hash = res.value.sidecarHash;
      this.savedVersion = v;
      // the host clears the journal on a successful save; a newer edit journals again
      if (this.journaledVersion <= v) this.journaledVersion = v;
      if (!this.dirty) this.cancelJournal();
      this.o.onSaved?.(annotations, res.value);
      this.setState(this.dirty ? 'unsaved' : 'saved');
      if (this.dirty && this.autosaveTimer === null) this.changedAgainLater();
      return true;
    }
    this.setState(res.code === 'conflict' ? 'conflict' : 'error', res);
    // make sure the edits are in the journal even if its timer has not fired yet
    if (this.journaledVersion !== this.version) void this.writeJournal();
    return false;
  }

  /** Edits arrived during a save: autosave them after the usual pause. */
  private changedAgainLater(): void {
    this.autosaveTimer = this.o.timers.setTimeout(() => {
      this.autosaveTimer = null;
      void this.flush();
    }, this.autosaveMs);
  }

  private scheduleJournal(): void {
    if (this.journalTimer !== null) return;
    this.journalTimer = this.o.timers.setTimeout(() => {
      this.journalTimer = null;
      if (this.dirty && this.journaledVersion !== this.version) void this.writeJournal();
    }, this.journalMs);
  }

  private cancelJournal(): void {
    if (this.journalTimer !== null) this.o.timers.clearTimeout(this.journalTimer);
    this.journalTimer = null;
  }

  private async writeJournal(): Promise<void> {
    const v = this.version;
    let annotations: Annotations;
    try {
      annotations = this.o.getAnnotations();
    } catch {
      return; // the save path reports conversion errors
    }
    const res = await this.o.host.writeJournal({ path: this.o.path, annotations });
    if (!res.ok || this.disposed) return;
    if (this.savedVersion >= v) {
      // a save of this content (or newer) finished while the entry was on its way: the host's
      // clear may have run before the entry landed, and a stale entry would be offered as "unsaved
      // work" at the next open. Clear it; newer edits, if any, are journaled again.
      await this.o.host.discardJournal({ path: this.o.path });
      if (this.dirty && !this.disposed) this.scheduleJournal();
      return;
    }
    this.journaledVersion = Math.max(this.journaledVersion, v);
    this.o.onJournal?.(v);
  }

  private failure: Failure | undefined;

  private setState(s: SaveState, failure?: Failure): void {
    this.current = s;
    if (failure || s === 'saved') this.failure = failure;
    this.o.onState(s, failure);
  }
}
