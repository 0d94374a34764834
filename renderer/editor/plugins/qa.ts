// QA findings of the open report (issue 12), kept per row in plugin state.
//
// At open every row is checked once (shared/qa checkRow). After a transaction only the rows whose
// node changed are checked again: rows are compared by identity between the old and the new
// document (ProseMirror shares untouched nodes), scanning the unchanged prefix and suffix and
// looking the middle up by node, so typing re-checks one row and never converts the document.
// entity-missing reads an entity's English renderings anywhere in the report: they are counted per
// entity and updated from the changed rows; when one changes (an English mention edited), the rows
// with an Arabic mention of that entity are checked again too.
// inconsistent-translation spans rows: it is computed on request (the QA panel asks at idle,
// `refreshConsistencyTr`) from the QaRows already built here, and dropped for a row once it changes.
// Ignored checks (the row's qaIgnore attribute) are kept apart, not dropped: the panel can show them.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { checkAcrossRows, checkRow } from '../../../shared/qa/index.ts';
import type { QaContext, QaFinding, QaRow } from '../../../shared/qa/types.ts';
import { N, type RowAttrs } from '../schema.ts';
import { forEachSentenceOfRow, hasMention, runsOf } from '../entities/doc.ts';
import { allRows, forEachRow, rowsDiff } from '../rows.ts';

/** One row as last checked. */
interface RowEntry {
  /** the row node checked (identity tells whether it changed) */
  node: PMNode;
  /** what the checks read, without qaIgnore (ignored findings are kept, flagged by `ignore`) */
  row: QaRow;
  /** check ids ignored on the row */
  ignore: readonly string[];
  /** the row-local findings, ignored ones included */
  findings: readonly QaFinding[];
  /** the row's English mentions as [entity id, text]: renderings of those entities for other rows */
  enMentions: ReadonlyArray<readonly [string, string]>;
  /** entity ids of the row's Arabic mentions: the row is checked again when their renderings change */
  arEntities: readonly string[];
}

/** The plugin's state (immutable: every change makes a new value). */
export interface QaState {
  rows: readonly RowEntry[];
  ctx: QaContext;
  /** English renderings in the report per entity id: text → how many English mentions use it */
  renderings: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** entity id → its saved English form (the report's entities) */
  entityEn: ReadonlyMap<string, string>;
  /** inconsistent-translation findings by unit id, from the last computation */
  consistency: ReadonlyMap<string, readonly QaFinding[]>;
  /** rows changed since consistency was computed (or it never was) */
  consistencyStale: boolean;
}

/** Options of the qa plugin. */
export interface QaOptions {
  /** glossary and disabled checks at open (setQaContextTr changes them later) */
  ctx?: QaContext;
  /** the report's entities' English forms (entity.en), renderings for entity-missing */
  entities?: ReadonlyArray<{ id: string; en?: string }>;
  /** the row check (tests count its calls); default shared/qa checkRow */
  check?: (row: QaRow, ctx: QaContext) => QaFinding[];
}

/** Actions sent as the transaction's qaKey meta. */
export interface QaAction {
  /** new context (settings or glossary changed): every row is checked again */
  ctx?: QaContext;
  /** inconsistent-translation findings just computed */
  consistency?: readonly QaFinding[];
}

export const qaKey = new PluginKey<QaState>('muwazi-qa');

const EMPTY: readonly QaFinding[] = Object.freeze([]);

/** The QaRow of a row node at index `index` (Arabic and English joined by a space, Arabic mentions
 * with their entity's renderings) and its English mentions. */
export function qaRowOf(node: PMNode, index: number, renderingsOf: (entity: string) => string[]): { row: QaRow; enMentions: Array<[string, string]>; arEntities: string[] } {
  const ar: string[] = [];
  const en: string[] = [];
  const mentions: Array<{ text: string; type: string; renderings: string[] }> = [];
  const arEntities: string[] = [];
  forEachSentenceOfRow(node, 0, index, (s) => {
    if (s.side === 'en') {
      if (s.node.content.size) en.push(s.node.textContent); // not the "no English yet" placeholder
      return;
    }
    ar.push(s.node.textContent);
    if (!hasMention(s.node)) return;
    for (const r of runsOf(s)) {
      mentions.push({ text: r.text, type: r.attrs.type, renderings: renderingsOf(r.attrs.entity) });
      arEntities.push(r.attrs.entity);
    }
  });
  return { row: { unit: (node.attrs as RowAttrs).id, row: index, ar: ar.join(' '), en: en.join(' '), mentions }, enMentions: enMentionsOf(node), arEntities };
}

/** A row's English mentions as [entity id, text]. */
function enMentionsOf(node: PMNode): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  forEachSentenceOfRow(node, 0, 0, (s) => {
    for (const r of runsOf(s)) out.push([r.attrs.entity, r.text]);
  }, (s) => s.type.name === N.target && hasMention(s));
  return out;
}

function sameMentions(a: ReadonlyArray<readonly [string, string]>, b: ReadonlyArray<readonly [string, string]>): boolean {
  return a.length === b.length && a.every((x, i) => x[0] === b[i][0] && x[1] === b[i][1]);
}

/** The plugin. */
export function qa(options: QaOptions = {}): Plugin<QaState> {
  const check = options.check ?? checkRow;

  const entry = (s: Pick<QaState, 'ctx' | 'renderings' | 'entityEn'>, node: PMNode, index: number): RowEntry => {
    const renderingsOf = (entity: string) => {
      const out = [...(s.renderings.get(entity)?.keys() ?? [])];
      const saved = s.entityEn.get(entity);
      if (saved && !out.includes(saved)) out.push(saved);
      return out;
    };
    const { row, enMentions, arEntities } = qaRowOf(node, index, renderingsOf);
    const findings = check(row, s.ctx);
    return { node, row, ignore: (node.attrs as RowAttrs).qaIgnore, findings: findings.length ? findings : EMPTY, enMentions, arEntities };
  };

  /** Every row checked (at open, and when the context changes). */
  const full = (doc: PMNode, ctx: QaContext, entityEn: ReadonlyMap<string, string>): QaState => {
    const renderings = new Map<string, Map<string, number>>();
    const all = allRows(doc);
    all.forEach((node) => {
      for (const [entity, text] of enMentionsOf(node)) {
        const m = renderings.get(entity) ?? new Map<string, number>();
        m.set(text, (m.get(text) ?? 0) + 1);
        renderings.set(entity, m);
      }
    });
    const base = { ctx, renderings, entityEn };
    const rows: RowEntry[] = [];
    all.forEach((node, i) => rows.push(entry(base, node, i)));
    return { ...base, rows, consistency: new Map(), consistencyStale: true };
  };

  /** The rows of `doc` whose node is not in `prev`, checked; the others kept (re-indexed if moved). */
  const update = (prev: QaState, doc: PMNode): QaState => {
    const old = prev.rows;
    // the unchanged rows at both ends, by identity; the rows between (no array of every row)
    const { head, tail, middle: between } = rowsDiff(doc, old.length, (i) => old[i].node);
    const n = head + between.length + tail;
    const middleOld = old.slice(head, old.length - tail);
    const byNode = new Map(middleOld.map((e) => [e.node, e]));
    // renderings: take the changed rows' English mentions out, put the new ones in (copy on write)
    let renderings = prev.renderings as Map<string, Map<string, number>>;
    let copied = false;
    const bump = (entity: string, text: string, d: number) => {
      if (!copied) {
        renderings = new Map(renderings);
        copied = true;
      }
      const m = new Map(renderings.get(entity) ?? []);
      const c = (m.get(text) ?? 0) + d;
      if (c > 0) m.set(text, c);
      else m.delete(text);
      if (m.size) renderings.set(entity, m);
      else renderings.delete(entity);
    };
    const fresh: Array<{ index: number; node: PMNode }> = [];
    const middle: Array<RowEntry | null> = [];
    const sameCount = middleOld.length === n - tail - head;
    for (let i = head; i < n - tail; i++) {
      const node = between[i - head];
      let kept = byNode.get(node);
      // an attribute change (status, qaIgnore) keeps the content: nothing the checks read changed
      const was = sameCount ? middleOld[i - head] : undefined;
      if (!kept && was && byNode.get(was.node) === was && sameCells(was.node, node) && was.node.attrs.id === node.attrs.id) {
        kept = { ...was, node, ignore: (node.attrs as RowAttrs).qaIgnore };
        byNode.delete(was.node);
      } else if (kept) byNode.delete(node);
      middle.push(kept ?? null);
      if (!kept) fresh.push({ index: i, node });
    }
    // rows gone or changed: their English mentions no longer count (unless unchanged, below)
    const gone = [...byNode.values()];
    const base = { ctx: prev.ctx, renderings: renderings as ReadonlyMap<string, ReadonlyMap<string, number>>, entityEn: prev.entityEn };
    const before = gone.flatMap((g) => g.enMentions);
    const after = fresh.flatMap(({ node }) => enMentionsOf(node));
    // entities whose English renderings changed: rows with Arabic mentions of them are checked again
    const changedEntities = new Set<string>();
    if (!sameMentions(before, after)) {
      for (const [entity, text] of before) bump(entity, text, -1);
      for (const [entity, text] of after) bump(entity, text, 1);
      for (const [entity] of [...before, ...after]) {
        const was = prev.renderings.get(entity);
        const now = renderings.get(entity);
        if (!was || !now || was.size !== now.size || [...was.keys()].some((k) => !now.has(k))) changedEntities.add(entity);
      }
      base.renderings = renderings;
    }
    let f = 0;
    const rows: RowEntry[] = old.slice(0, head) as RowEntry[];
    for (let k = 0; k < middle.length; k++) {
      const index = head + k;
      const kept = middle[k];
      rows.push(kept ? reindex(kept, index) : entry(base, fresh[f++].node, index));
    }
    for (let k = 0; k < tail; k++) rows.push(reindex(old[old.length - tail + k], n - tail + k));
    // rare (an English mention's text changed): one pass over the rows' entity lists, no conversion
    if (changedEntities.size) {
      const done = new Set(fresh.map((x) => x.index));
      for (let i = 0; i < rows.length; i++) {
        if (!done.has(i) && rows[i].arEntities.some((e) => changedEntities.has(e))) rows[i] = entry(base, rows[i].node, i);
      }
    }
    // consistency findings of changed or removed rows are out of date
    let consistency = prev.consistency;
    const touched = [...gone.map((g) => g.row.unit), ...fresh.map((x) => (x.node.attrs as RowAttrs).id)];
    if (touched.some((u) => consistency.has(u))) {
      const next = new Map(consistency);
      for (const u of touched) next.delete(u);
      consistency = next;
    }
    return { ...prev, renderings: base.renderings, rows, consistency, consistencyStale: prev.consistencyStale || fresh.length > 0 || gone.length > 0 };
  };

  return new Plugin<QaState>({
    key: qaKey,
    state: {
      init: (_config, state) => full(state.doc, options.ctx ?? {}, new Map((options.entities ?? []).flatMap((e) => (e.en ? [[e.id, e.en] as const] : [])))),
      apply: (tr, prev) => {
        const action = tr.getMeta(qaKey) as QaAction | undefined;
        let s = prev;
        if (action?.ctx) s = full(tr.doc, action.ctx, prev.entityEn);
        else if (tr.docChanged) s = update(prev, tr.doc);
        if (action?.consistency) {
          const by = new Map<string, QaFinding[]>();
          for (const f of action.consistency) by.set(f.unit, [...(by.get(f.unit) ?? []), f]);
          s = { ...s, consistency: by, consistencyStale: false };
        }
        return s;
      },
    },
  });
}

/** Whether two rows hold the very same cells (an attribute step rebuilds the row, not its cells). */
function sameCells(a: PMNode, b: PMNode): boolean {
  return a.childCount === b.childCount && a.content.content.every((c, i) => c === b.child(i));
}

/** An entry at a new row index: the same object when the index did not change. */
function reindex(e: RowEntry, index: number): RowEntry {
  if (e.row.row === index) return e;
  return { ...e, row: { ...e.row, row: index }, findings: e.findings.length ? e.findings.map((f) => ({ ...f, row: index })) : EMPTY };
}

/** A transaction giving the checks a new context (Project Settings, glossary): every row re-checked. */
export function setQaContextTr(state: EditorState, ctx: QaContext): Transaction {
  return state.tr.setMeta(qaKey, { ctx } satisfies QaAction).setMeta('addToHistory', false);
}

/** A transaction with inconsistent-translation computed now over the rows already built (no
 * document conversion); null when nothing changed since the last computation. */
export function refreshConsistencyTr(state: EditorState, check: typeof checkAcrossRows = checkAcrossRows): Transaction | null {
  const s = qaKey.getState(state);
  if (!s || !s.consistencyStale) return null;
  const consistency = check(s.rows.map((e) => e.row), s.ctx);
  return state.tr.setMeta(qaKey, { consistency } satisfies QaAction).setMeta('addToHistory', false);
}

/** Which findings to list: the open ones (default) or the ignored ones. */
export type QaFilter = 'open' | 'ignored';

/** The report's findings in row order (row-local, then consistency, per row). */
export function qaFindings(state: EditorState, filter: QaFilter = 'open'): QaFinding[] {
  const s = qaKey.getState(state);
  if (!s) return [];
  const out: QaFinding[] = [];
  for (const e of s.rows) {
    const cons = s.consistency.get(e.row.unit);
    for (const list of cons ? [e.findings, cons] : [e.findings]) {
      for (const f of list) {
        const ignored = e.ignore.includes(f.check);
        if (ignored === (filter === 'ignored')) out.push(cons === list && f.row !== e.row.row ? { ...f, row: e.row.row } : f);
      }
    }
  }
  return out;
}

/** Start positions of rows with an open finding in [from, to), ascending (F8's stops). */
export function qaRowPositions(state: EditorState, from = 0, to = state.doc.content.size): number[] {
  const s = qaKey.getState(state);
  if (!s) return [];
  const out: number[] = [];
  // rows in [from, to) in document order, their entries by the same global index
  forEachRow(state.doc, (_row, pos, i) => {
    const e = s.rows[i];
    if (pos < from || !e) return;
    const open = (list: readonly QaFinding[] | undefined) => !!list?.some((f) => !e.ignore.includes(f.check));
    if (open(e.findings) || open(s.consistency.get(e.row.unit))) out.push(pos);
  }, from, to);
  return out;
}
