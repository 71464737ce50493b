import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SCHEMA_PATH, schemaText } from './write-schema';

it('public/dataset.schema.json matches the schema the studio validates with (run `npm run schema`)', () => {
  expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaText());
});
