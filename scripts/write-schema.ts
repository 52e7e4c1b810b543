/** `npm run schema`: writes the JSON Schema of the exported document to schema/report.schema.json. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportJsonSchema } from '../lib/export/schema';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));

export function schemaFileText(): string {
  return JSON.stringify(exportJsonSchema(), null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, schemaFileText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
