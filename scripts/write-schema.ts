// Writes public/dataset.schema.json from the zod schema, so the published schema never drifts.
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../src/core/dataset/schema';

export const SCHEMA_PATH = new URL('../public/dataset.schema.json', import.meta.url);
export const schemaText = () => JSON.stringify(manifestJsonSchema(), null, 2) + '\n';

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log('wrote public/dataset.schema.json');
}
