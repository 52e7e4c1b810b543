import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaFileText } from '../scripts/write-schema';
import { ExportDocumentSchema } from '../lib/export/schema';
import { REPORT_SCHEMA_VERSION } from '../lib/report';
import { schemaValidator } from './export-fixture';

describe('published JSON Schema (schema/report.schema.json)', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing lib/report.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText());
  });

  it('is a draft 2020-12 schema with the version, named definitions and no unknown keys allowed', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.schemaVersion.const).toBe(REPORT_SCHEMA_VERSION);
    expect(Object.keys(schema.$defs)).toEqual(
      expect.arrayContaining(['Cell', 'Table2', 'Table3', 'Table3Column', 'Table4', 'Finding', 'Equation', 'Cause', 'Suspect']),
    );
    expect(schema.$defs.Cell.properties.kind.enum).toEqual(['number', 'zero', 'blank', 'na', 'text', 'missing']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['schemaVersion', 'scope', 'status', 'report', 'findings', 'causes', 'suspects']);
  });

  it('compiles in strict ajv and rejects documents that break it', () => {
    const validate = schemaValidator();
    expect(validate({})).toBe(false);
    expect(validate({ schemaVersion: 2, scope: 'report', status: 'ok', report: null, findings: [], suspects: [] })).toBe(
      false,
    );
  });

  it('agrees with zod on what a document is', () => {
    const bad = { schemaVersion: 1, scope: 'whole', status: 'ok', report: null, findings: [], suspects: [] };
    expect(ExportDocumentSchema.safeParse(bad).success).toBe(false);
    expect(schemaValidator()(bad)).toBe(false);
  });
});
