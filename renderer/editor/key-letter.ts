// The letter a key event stands for, on any keyboard layout: shared by the entity keys
// (plugins/entity-keys.ts) and the app's menu accelerators (renderer/ui/commands.ts).

/** The letter a key event stands for: the Latin letter typed, or the physical key's letter (an
 * Arabic layout gives 'ح' for KeyP). */
export function keyLetter(ev: Pick<KeyboardEvent, 'key' | 'code'>): string | null {
  if (/^[a-z]$/i.test(ev.key)) return ev.key.toLowerCase();
  const m = /^Key([A-Z])$/.exec(ev.code ?? '');
  return m ? m[1].toLowerCase() : null;
}
