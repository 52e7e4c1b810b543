/**
 * Reports for rule tests, built from compact specs: every template cell filled with one raw text (default `0`), then
 * chosen cells set by path to raw strings, classified exactly as the parser does (lib/text.ts classifyCell).
 *
 *   buildReport({ 'table3.naturalPerson.newReceived': '3', 'table4.review.total': '' })
 *   buildReport({}, { table4: null })            // no table 4 on the page
 *   buildReport({ [path]: MISSING })              // the cell is not on the page
 *   buildReport({}, { layout: { format: '2019', otherOneRow: true } })   // the 2019 template's cells
 */
import type { Cell, Report, TableId } from '../../lib/report';
import { REPORT_SCHEMA_VERSION, ReportSchema } from '../../lib/report';
import { TABLE4_PATHS, table2Cells, table3Path, layoutOf, templatePaths, type Layout } from '../../lib/paths';
import { classifyCell } from '../../lib/text';
import { TABLE3_COLUMNS } from '../../lib/template';

/** A cell value meaning "this template cell is not on the page". */
export const MISSING = Symbol('missing');
export type CellSpec = string | typeof MISSING;

/** Per layout: each table's paths, and all of them as a set (cached: property tests build thousands of reports). */
const PLANS = new Map<string, { tables: Record<TableId, readonly string[]>; all: ReadonlySet<string> }>();
function planOf(layout: Layout) {
  const key = `${layout.format}/${layout.otherOneRow}`;
  let plan = PLANS.get(key);
  if (!plan) {
    const paths = templatePaths(layout);
    const of = (table: TableId) => paths.filter((path) => path.startsWith(`${table}.`));
    plan = { tables: { table2: of('table2'), table3: of('table3'), table4: of('table4') }, all: new Set(paths) };
    PLANS.set(key, plan);
  }
  return plan;
}
const OPTIONS = new Map([...table2Cells('2021'), ...table2Cells('2019')].map(({ path, options }) => [path, options]));

function makeCell(spec: CellSpec, path = ''): Cell {
  if (spec === MISSING) return { raw: '', kind: 'missing', value: null };
  return classifyCell(spec, OPTIONS.get(path) ?? {});
}

/** Sets the cell at `path` (creating the objects on the way). Throws for a path outside the layout's template. */
function setCell(report: Report, layout: Layout, path: string, spec: CellSpec): void {
  if (!planOf(layout).all.has(path)) throw new Error(`not a template cell path: ${path}`);
  const keys = path.split('.');
  let node = report as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || node[key] === undefined) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = makeCell(spec, path);
}

export interface BuildOptions {
  /** Raw text of every cell not named in `cells` (default `0`). */
  fill?: CellSpec;
  /** Set a table to null to leave it off the page. */
  table2?: null;
  table3?: null;
  table4?: null;
  /** The template to build (default the 2021 one, （六） as three leaves). */
  layout?: Layout;
}

export function buildReport(cells: Record<string, CellSpec> = {}, options: BuildOptions = {}): Report {
  const layout = options.layout ?? { format: '2021', otherOneRow: false };
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    format: layout.format,
    meta: { title: null, organ: null, year: null, url: null },
    table2: null,
    table3: null,
    table4: null,
  };
  const fill = options.fill ?? '0';
  for (const table of ['table2', 'table3', 'table4'] as const) {
    if (options[table] === null) continue;
    for (const path of planOf(layout).tables[table]) setCell(report, layout, path, fill);
  }
  for (const [path, spec] of Object.entries(cells)) {
    const table = path.split('.')[0] as TableId;
    if (options[table] === null) throw new Error(`cell ${path} set on a table left off the page`);
    setCell(report, layout, path, spec);
  }
  return ReportSchema.parse(report);
}

/** A copy of `report` with some cells set (e.g. a real page's report with one number changed). */
export function withCells(report: Report, cells: Record<string, CellSpec>): Report {
  const copy = structuredClone(report);
  const layout = layoutOf(copy);
  for (const [path, spec] of Object.entries(cells)) setCell(copy, layout, path, spec);
  return copy;
}

/** A report from a path → raw-text map (e.g. a seed's values); paths not in the map are missing cells. */
export function reportFromValues(values: Record<string, string>): Report {
  return buildReport(values, { fill: MISSING });
}

/** Table-3 cells from rows of 7 values in TABLE3_COLUMNS order, e.g. `{ newReceived: [80, 1, 0, 0, 0, 0, 81] }`. */
export function table3Rows(rows: Record<string, readonly (string | number)[]>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [rowKey, values] of Object.entries(rows)) {
    if (values.length !== TABLE3_COLUMNS.length) throw new Error(`row ${rowKey}: ${values.length} values, expected 7`);
    TABLE3_COLUMNS.forEach((col, i) => (cells[table3Path(col.key, rowKey)] = String(values[i])));
  }
  return cells;
}

/** Table-4 cells from the 15 values in reading order (复议, 直接起诉, 复议后起诉 × 维持, 纠正, 其他, 尚未审结, 总计). */
export function table4Values(values: readonly (string | number)[]): Record<string, string> {
  if (values.length !== TABLE4_PATHS.length) throw new Error(`table 4: ${values.length} values, expected 15`);
  return Object.fromEntries(TABLE4_PATHS.map((path, i) => [path, String(values[i])]));
}
