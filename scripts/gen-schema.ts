// npm run schema: writes docs/annotation-schema.json, the JSON Schema of the annotation file,
// generated from the zod schema (the one definition of the format) so other tools can validate
// sidecars. A test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AnnotationsSchema, FORMAT_VERSION } from '../shared/model/schema.ts';

export const SCHEMA_PATH = fileURLToPath(new URL('../docs/annotation-schema.json', import.meta.url));

/** The schema text: input form (fields with defaults may be omitted in a file), 2-space indent. */
export function buildSchema(): string {
  const schema = z.toJSONSchema(AnnotationsSchema, { io: 'input', target: 'draft-2020-12' });
  const doc = {
    $schema: schema.$schema,
    $id: 'https://muwazi.invalid/schema/annotations-' + FORMAT_VERSION + '.json',
    title: `Muwazi annotation file (<name>.annotations.json), format version ${FORMAT_VERSION}`,
    description:
      'All start/end offsets count Unicode code points, half-open [start, end). Mentions on side "ar" index the whole decoded source text; on side "en" the target sentence text. See docs/annotation-format.md. Cross-checks beyond this schema (ids unique, references resolve, texts equal their source slices) are done by `muwazi validate`.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, buildSchema());
  console.log('wrote ' + SCHEMA_PATH);
}
