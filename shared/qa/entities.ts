// entity-missing:
//   - a tagged Arabic mention whose entity has English renderings (its preferred English form or
//     the text of its English mentions in the report) none of which is in the row's English
//     (warning: a pronoun can rightly stand for a name);
//   - a project glossary term found in the Arabic (whole words, after و ف ب ل ك ال clitics) whose
//     glossary renderings are all absent from the English (info: the glossary is a suggestion and
//     the Arabic match can be a homograph). Terms the row already tags are left to the first rule.
// Both sides are compared with the name folding of entity matching (case, diacritics, spacing).
import type { GlossaryEntry } from '../entities/glossary.ts';
import { nameKey } from '../text/normalize.ts';
import { finding } from './finding.ts';
import type { QaContext, QaFinding, QaRow } from './types.ts';

/** Glossary terms by the folded form of their first Arabic word. */
interface GlossaryIndex {
  byFirst: Map<string, Array<{ words: string[]; ar: string; renderings: string[] }>>;
}

const indexes = new WeakMap<readonly GlossaryEntry[], GlossaryIndex>();

/** The index of a glossary (built once per glossary array). */
function indexOf(glossary: readonly GlossaryEntry[]): GlossaryIndex {
  let idx = indexes.get(glossary);
  if (idx) return idx;
  const terms = new Map<string, { words: string[]; ar: string; renderings: string[] }>();
  for (const e of glossary) {
    if (!e.ar || !e.en) continue;
    const k = nameKey(e.ar);
    if (k.replace(/\s/g, '').length < 2) continue;
    let t = terms.get(k);
    if (!t) terms.set(k, (t = { words: k.split(' '), ar: e.ar, renderings: [] }));
    if (!t.renderings.includes(e.en)) t.renderings.push(e.en);
  }
  idx = { byFirst: new Map() };
  for (const t of terms.values()) {
    const list = idx.byFirst.get(t.words[0]) ?? [];
    list.push(t);
    idx.byFirst.set(t.words[0], list);
  }
  indexes.set(glossary, idx);
  return idx;
}

const CLITIC = /^(?:[وف]?(?:[بلك]|لل)?(?:ال)?)/u;

/** A word as written and without its proclitics (وبالقاهرة → قاهره after folding). */
function variants(word: string): string[] {
  const bare = word.replace(CLITIC, '');
  return bare && bare !== word ? [word, bare] : [word];
}

/** Whether a rendering (folded) occurs in the folded English. */
const rendered = (enKey: string, renderings: readonly string[]) => renderings.some((r) => enKey.includes(nameKey(r)));

export function checkEntities(row: QaRow, ctx: QaContext): QaFinding[] {
  if (row.en.trim() === '' || row.ar.trim() === '') return [];
  const enKey = nameKey(row.en);
  const out: QaFinding[] = [];
  const seen = new Set<string>();
  for (const m of row.mentions) {
    const renderings = m.renderings.filter((r) => r.trim() !== '');
    const k = nameKey(m.text);
    if (renderings.length === 0 || seen.has(k)) continue;
    seen.add(k);
    if (!rendered(enKey, renderings)) out.push(finding(row, 'entity-missing', 'warning', 'entityMissing', { name: m.text, en: renderings.join(' / ') }));
  }
  if (ctx.glossary?.length) {
    const idx = indexOf(ctx.glossary);
    const words = nameKey(row.ar).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      for (const v of variants(words[i])) {
        for (const t of idx.byFirst.get(v) ?? []) {
          if (seen.has(nameKey(t.ar)) || !t.words.every((w, j) => j === 0 || words[i + j] === w)) continue;
          seen.add(nameKey(t.ar));
          if (!rendered(enKey, t.renderings)) out.push(finding(row, 'entity-missing', 'info', 'glossaryMissing', { name: t.ar, en: t.renderings.join(' / ') }));
        }
      }
    }
  }
  return out;
}
