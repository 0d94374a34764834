// Move a sentence (Arabic or English) into the neighbouring row. Only the first sentence of a
// cell can move up and only the last can move down, so the order of sentences on each side never
// changes. A row left with no sentences on either side disappears.
import type { Node as PMNode } from 'prosemirror-model';
import { buildRow, cursorOf, manualAttrs, realTargets, replaceRows, sentencesOf, type Command } from './util.ts';
import { placeOfNode } from './rows.ts';
import { neighbourRow } from '../rows.ts';

function isEmptyRow(sources: PMNode[], targets: PMNode[]): boolean {
  return sources.length === 0 && targets.every((t) => t.content.size === 0);
}

function moveSentence(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    if (!c || !c.side || !c.sentence) return false;
    const at = neighbourRow(state.doc, { row: c.row, pos: c.rowPos, index: c.rowIndex }, dir);
    if (!at) return false;
    const list = sentencesOf(c.row, c.side);
    if (dir < 0 ? c.sentenceIndex !== 0 : c.sentenceIndex !== list.length - 1) return false;
    // the lone "no English yet" placeholder is not a sentence to move
    if (c.side === 'target' && c.sentence.content.size === 0 && list.length === 1) return false;
    if (dispatch) {
      const nb = at.row;
      const rest = list.filter((n) => n !== c.sentence);
      const nbList = c.side === 'source' ? sentencesOf(nb, 'source') : realTargets(nb);
      const nbNew = dir < 0 ? [...nbList, c.sentence] : [c.sentence, ...nbList];
      const nbRow = c.side === 'source'
        ? buildRow(manualAttrs(nb), nbNew, sentencesOf(nb, 'target').filter((t) => t.content.size > 0))
        : buildRow(manualAttrs(nb, { untranslated: false }), sentencesOf(nb, 'source'), nbNew);
      const curSources = c.side === 'source' ? rest : sentencesOf(c.row, 'source');
      const curTargets = c.side === 'target' ? rest : sentencesOf(c.row, 'target');
      const cur = isEmptyRow(curSources, curTargets) ? [] : [buildRow(manualAttrs(c.row), curSources, curTargets)];
      const rows = dir < 0 ? [nbRow, ...cur] : [...cur, nbRow];
      const startPos = dir < 0 ? at.pos : c.rowPos;
      dispatch(replaceRows(state, startPos, 2, rows, placeOfNode(rows, c.sentence, c.side, c.offset)));
    }
    return true;
  };
}

/** Move the first sentence of the cursor's cell to the end of the previous row's cell. */
export const moveSentenceUp: Command = moveSentence(-1);
/** Move the last sentence of the cursor's cell to the start of the next row's cell. */
export const moveSentenceDown: Command = moveSentence(1);
