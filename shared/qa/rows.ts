// The rows the checks read, built from a sidecar: one per alignment unit, in unit (= row) order.
import type { Annotations } from '../model/types.ts';
import type { QaRow } from './types.ts';

/** QaRows of a report: Arabic segments and English sentences joined with a space; each Arabic
 * mention with the English renderings of its entity (entity.en, then its English mentions' texts). */
export function qaRowsOf(a: Annotations): QaRow[] {
  const seg = new Map(a.segments.map((s) => [s.id, s.text]));
  const tgt = new Map(a.targets.map((t) => [t.id, t.text]));
  const renderings = new Map<string, string[]>();
  const addRendering = (entity: string, text: string | undefined) => {
    if (!text) return;
    const list = renderings.get(entity);
    if (!list) renderings.set(entity, [text]);
    else if (!list.includes(text)) list.push(text);
  };
  for (const e of a.entities) addRendering(e.id, e.en);
  for (const m of a.mentions) if (m.side === 'en') addRendering(m.entity, m.text);
  const arMentions = new Map<string, Array<{ text: string; type: string; renderings: readonly string[] }>>();
  for (const m of a.mentions) {
    if (m.side !== 'ar') continue;
    const list = arMentions.get(m.sentence) ?? [];
    list.push({ text: m.text, type: m.type, renderings: renderings.get(m.entity) ?? [] });
    arMentions.set(m.sentence, list);
  }
  return a.units.map((u, row) => {
    const r: QaRow = {
      unit: u.id,
      row,
      ar: u.source.map((id) => seg.get(id) ?? '').join(' '),
      en: u.target.map((id) => tgt.get(id) ?? '').join(' '),
      mentions: u.source.flatMap((id) => arMentions.get(id) ?? []),
    };
    if (u.qaIgnore?.length) r.qaIgnore = u.qaIgnore;
    return r;
  });
}
