// The entity plugins in one factory (added to the editor's plugin list by setup.ts).
import type { Plugin } from 'prosemirror-state';
import { entityStatePlugin, type EntityOptions } from './entity-state.ts';
import { entityKeys } from './entity-keys.ts';

export type { EntityOptions } from './entity-state.ts';

/** Entity state (suggestions, link mode, messages) and entity keys; put them before the
 * editor's keymaps so tag keys win in the Arabic cells. */
export function entityPlugins(options: EntityOptions = {}): Plugin[] {
  return [entityStatePlugin(options), entityKeys()];
}
