// The last sidecar each report was read or written as, so a save can stamp provenance against it
// (shared/team/provenance.ts) without reading the file again. Keyed by sidecar path and valid only
// for the hash it was seen with: a save that expects another hash reads the file (or fails its
// compare-and-swap anyway). Opening keeps the text and parses it only when a save needs it; a save
// keeps the model it wrote. Small: a handful of reports are open at once.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { parseAnnotations } from '../../shared/formats/sidecar.ts';
import type { Annotations } from '../../shared/model/types.ts';

const MAX_ENTRIES = 8;
const entries = new Map<string, { hash: string; json?: string; model?: Annotations }>();

function remember(scPath: string, entry: { hash: string; json?: string; model?: Annotations }): void {
  entries.delete(scPath);
  entries.set(scPath, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

/** What a report was opened with: the sidecar's text (parsed when a save needs it), or the model
 * itself when the opener never mutates it (OpenOptions.keep). */
export function rememberLoaded(scPath: string, hash: string, loaded: { json: string } | { model: Annotations }): void {
  remember(scPath, { hash, ...loaded });
}

/** The model a save wrote (the caller must not mutate it afterwards). */
export function rememberSaved(scPath: string, hash: string, model: Annotations): void {
  remember(scPath, { hash, model });
}

/** The saved model whose file has `hash`; null when there is none (a new report) or it cannot be read. */
export async function previousSaved(scPath: string, hash: string | null): Promise<Annotations | null> {
  if (hash === null) return null;
  const e = entries.get(scPath);
  try {
    if (e?.hash === hash) {
      e.model ??= parseAnnotations(e.json!, undefined, { check: false });
      e.json = undefined;
      return e.model;
    }
    const json = await readFile(scPath, 'utf8');
    if (createHash('sha256').update(json).digest('hex') !== hash) return null;
    const model = parseAnnotations(json, undefined, { check: false });
    remember(scPath, { hash, model });
    return model;
  } catch {
    // unreadable or damaged: everything counts as new, nothing is lost
    return null;
  }
}
