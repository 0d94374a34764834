// entity-type-conflict (issue 15, defect 7), across every row given (one report, or a whole project):
// the same name tagged with two or more types (إدلب as LOC in one row, PER in another). Each row
// holding a mention of such a name gets one warning per name, naming the row's type and the others.
// "The same name" is the grouping key of entities (nameKey: harakat, hamza alefs, ة/ه, spacing and
// case folded), and a proclitic glued to a tagged word counts as that name only when the rest is
// itself a tagged name (بإدلب tagged as written is إدلب when إدلب is tagged somewhere) and the word
// is no known name starting with a clitic letter (CLITIC_NAMES: بغداد is never ب + غداد): the
// evidence rule of snapping, so a name that merely starts with a clitic letter is never cut. Arabic mentions only (the rows carry those).
import { CLITIC_NAMES } from '../entities/clitic-names.ts';
import { nameKey } from '../text/normalize.ts';
import type { QaContext, QaFinding, QaRow } from './types.ts';

type Row = QaRow & { file?: string };
type Out = QaFinding & { file?: string };

/** Proclitic sequences glued before a name, longest first (conjunction, then preposition). */
const PROCLITICS = ['وب', 'وك', 'ول', 'فب', 'فك', 'فل', 'و', 'ف', 'ب', 'ك', 'ل'];

/** The tagged name a folded mention stands for: itself, or the tagged name left after its proclitics. */
function nameOf(key: string, tagged: ReadonlySet<string>): string {
  // a name known to start with a clitic letter (بغداد, وليد, لبنان) is itself
  if (CLITIC_NAMES.has(key)) return key;
  // ل + the article, after a conjunction or not: للأمم is ل + الأمم (the article's alef dropped),
  // للاذقية is ل + اللاذقية (its alef and lam dropped before a name starting with ل)
  for (const conj of ['', 'و', 'ف']) {
    const rest = key.slice(conj.length + 1);
    if (!key.startsWith(conj + 'ل') || !rest.startsWith('ل')) continue;
    for (const name of ['ا' + rest, 'ال' + rest]) if (tagged.has(name)) return name;
  }
  for (const p of PROCLITICS) {
    const rest = key.slice(p.length);
    if (key.startsWith(p) && rest.length >= 2 && tagged.has(rest)) return rest;
  }
  return key;
}

export function checkEntityTypes(rows: ReadonlyArray<Row>, ctx: QaContext): Out[] {
  if (ctx.disabled?.includes('entity-type-conflict')) return [];
  const tagged = new Set<string>();
  for (const r of rows) for (const m of r.mentions) tagged.add(nameKey(m.text));
  // name → types, and which rows use it with which type (first mention of the name in the row)
  const types = new Map<string, Set<string>>();
  const uses: Array<{ row: Row; name: string; text: string; type: string }> = [];
  for (const row of rows) {
    const seen = new Set<string>();
    for (const m of row.mentions) {
      const name = nameOf(nameKey(m.text), tagged);
      let ts = types.get(name);
      if (!ts) types.set(name, (ts = new Set()));
      ts.add(m.type);
      if (!seen.has(name)) {
        seen.add(name);
        uses.push({ row, name, text: m.text, type: m.type });
      }
    }
  }
  const out: Out[] = [];
  for (const u of uses) {
    const ts = types.get(u.name)!;
    if (ts.size < 2 || u.row.qaIgnore?.includes('entity-type-conflict')) continue;
    const others = [...ts].filter((t) => t !== u.type).sort();
    const f: Out = {
      check: 'entity-type-conflict', severity: 'warning', unit: u.row.unit, row: u.row.row,
      messageKey: 'entityTypeConflict', params: { name: u.text, type: u.type, others: others.join(', ') }, ar: u.row.ar, en: u.row.en,
    };
    if (u.row.file !== undefined) f.file = u.row.file;
    out.push(f);
  }
  return out;
}
