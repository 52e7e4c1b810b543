/**
 * Real-shaped inputs for the export tests: a CheckResult built the way the parser builds one (every template
 * cell classified from its raw text by lib/text.ts), from a map of path → raw text.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { CheckResult, Finding } from '../lib/findings';
import { ALL_PATHS } from '../lib/paths';
import type { Cell, Report } from '../lib/report';
import { REPORT_SCHEMA_VERSION } from '../lib/report';
import { classifyCell } from '../lib/text';
import { exportJsonSchema } from '../lib/export/schema';
import { groupByCause } from '../lib/causes';

/** A Report holding `values` (path → raw text); a path left out is `missing`. */
export function reportFromRaw(values: Record<string, string>, meta: Partial<Report['meta']> = {}): Report {
  const report: Record<string, unknown> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    format: '2021',
    meta: { title: null, organ: null, year: null, url: null, ...meta },
    table2: null,
    table3: null,
    table4: null,
  };
  for (const path of ALL_PATHS) {
    const raw = values[path];
    const cell: Cell =
      raw === undefined ? { raw: '', kind: 'missing', value: null } : classifyCell(raw, { decimal: path === 'table2.fees' });
    setAt(report, path, cell);
  }
  return report as Report;
}

function setAt(root: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = root;
  for (const part of parts.slice(0, -1)) {
    if (node[part] === null || node[part] === undefined) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** Seed 004's table 3 (template-2021.md): 自然人 leaves sum to 3 but （七）总计 is 1; 总计 leaves 4 vs 2. */
export function seed004Values(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const path of ALL_PATHS) values[path] = '0';
  const set = (col: string, row: string, raw: string) => (values[`table3.${col}.${row}`] = raw);
  set('naturalPerson', 'newReceived', '1');
  set('naturalPerson', 'results.denied.internalAffairs', '1');
  set('naturalPerson', 'results.unableToProvide.noInfo', '2');
  set('naturalPerson', 'results.totalProcessed', '1');
  set('legalPerson.commercial', 'newReceived', '1');
  set('legalPerson.commercial', 'results.granted', '1');
  set('legalPerson.commercial', 'results.totalProcessed', '1');
  set('total', 'newReceived', '2');
  set('total', 'results.granted', '1');
  set('total', 'results.denied.internalAffairs', '1');
  set('total', 'results.unableToProvide.noInfo', '2');
  set('total', 'results.totalProcessed', '2');
  return values;
}

/** A result as the engine would give it for these findings: causes grouped by the engine's own lib/causes.ts. */
export function resultFor(report: Report, findings: Finding[] = []): CheckResult {
  const causes = groupByCause(report, findings);
  return { status: 'ok', report, findings, causes, suspects: [], timings: { detect: 0, parse: 0, check: 0 } };
}

/** An ajv validator for the published schema. */
export function schemaValidator() {
  const Ajv = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(exportJsonSchema());
}
