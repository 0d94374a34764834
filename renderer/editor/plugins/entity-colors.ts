// Per-type colours without inline styles: the app's CSP (style-src 'self') blocks `style`
// attributes, so mentions and suggestions carry only data-type, and one constructed stylesheet
// (CSSOM, which the CSP allows) maps each type to its variable --ent-<TYPE> (set on the editor's
// mount by createEditor). Rules are added once per type name.
import { cssIdent } from '../schema.ts';

let sheet: CSSStyleSheet | null = null;
const done = new Set<string>();

/** Adds `[data-type="X"] { --ent-color: var(--ent-X) }` for each type not seen before. */
export function ensureTypeColorRules(types: Iterable<string>): void {
  if (typeof document === 'undefined' || typeof CSSStyleSheet === 'undefined') return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  for (const type of types) {
    const id = cssIdent(type);
    if (done.has(id)) continue;
    done.add(id);
    sheet.insertRule(`.muwazi-editor [data-type="${CSS.escape(type)}"] { --ent-color: var(--ent-${id}, var(--ent-default)); }`, sheet.cssRules.length);
  }
}
