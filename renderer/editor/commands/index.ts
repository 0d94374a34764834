// The editor's commands by name (for EditorHandle.runCommand, menus and the keymap).
import { redo, undo } from 'prosemirror-history';
import type { Command } from './util.ts';
import { insertTargetRow, leaveUntranslated, mergeRowNext, mergeRowPrevious, splitRow } from './rows.ts';
import { moveSentenceDown, moveSentenceUp } from './move.ts';
import { mergeSourceNext, mergeTargetNext, splitSource, splitTarget } from './sentences.ts';
import { confirmRow, cycleStatus, setStatus, unconfirmRow } from './status.ts';
import { firstRowTarget, lastRowTarget, nextLowConfidence, nextRowTarget, previousLowConfidence, previousRowTarget } from './navigate.ts';
import { findCurrent, findNext, findPrevious } from '../plugins/find.ts';
import { nextChangedRow, previousChangedRow } from './review.ts';

export type { Command } from './util.ts';

/** Every named command. Names are stable: the app's menus and help refer to them. */
export const commands = {
  splitRow,
  mergeRowNext,
  mergeRowPrevious,
  moveSentenceUp,
  moveSentenceDown,
  insertTargetRow,
  leaveUntranslated,
  splitTarget,
  mergeTargetNext,
  splitSource,
  mergeSourceNext,
  cycleStatus,
  setStatusAuto: setStatus('auto'),
  setStatusDraft: setStatus('draft'),
  setStatusTranslated: setStatus('translated'),
  setStatusReviewed: setStatus('reviewed'),
  confirmRow,
  unconfirmRow,
  nextRowTarget,
  previousRowTarget,
  firstRowTarget,
  lastRowTarget,
  nextLowConfidence,
  previousLowConfidence,
  nextChangedRow,
  previousChangedRow,
  findNext,
  findPrevious,
  findCurrent,
  undo: undo as Command,
  redo: redo as Command,
} satisfies Record<string, Command>;

/** A command's name. */
export type CommandName = keyof typeof commands;
