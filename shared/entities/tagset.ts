// The project's tag set (muwazi.project.json → tagSet): lookups by key and name, and checks that
// keep it usable (unique names and keys). Defaults: PER ORG LOC MISC, the CoNLL-2003/ANERcorp types.
import { DEFAULT_TAG_SET } from '../model/schema.ts';
import type { TagType } from '../model/types.ts';

/** The tag set to use: the project's, or the default one. */
export function tagSetOf(settings?: { tagSet?: TagType[] } | null): TagType[] {
  return settings?.tagSet && settings.tagSet.length > 0 ? settings.tagSet : DEFAULT_TAG_SET;
}

/** The tag type a key applies (case-insensitive), if any. */
export function tagByKey(tagSet: readonly TagType[], key: string): TagType | undefined {
  const k = key.toLowerCase();
  return tagSet.find((t) => t.key.toLowerCase() === k);
}

/** The tag type named `name`, if any. */
export function tagByName(tagSet: readonly TagType[], name: string): TagType | undefined {
  return tagSet.find((t) => t.name === name);
}

/** Problems that make a tag set unusable (duplicate names or keys), for the settings dialog. */
export function tagSetProblems(tagSet: readonly TagType[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const keys = new Map<string, string>();
  for (const t of tagSet) {
    if (names.has(t.name)) problems.push(`The type ${t.name} is defined twice.`);
    names.add(t.name);
    const k = t.key.toLowerCase();
    const other = keys.get(k);
    if (other) problems.push(`The key “${t.key}” is used by both ${other} and ${t.name}.`);
    else keys.set(k, t.name);
  }
  return problems;
}

/** The colour of a type (grey for a type not in the set, e.g. from an imported file). */
export function tagColor(tagSet: readonly TagType[], name: string): string {
  return tagByName(tagSet, name)?.color ?? '#868e96';
}
