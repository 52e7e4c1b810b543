/**
 * Detected tables → Report: every template cell of the detected layout (the format's table 2; table 3 with （六） as
 * three leaves or one row) becomes a Cell (lib/text.ts classifyCell, read as its column says: decimals only for the fee
 * and the procurement amount, signs only for 本年增/减), cells the page lacks become kind 'missing'. Refs map each found path back to its element.
 * One page cell read under several template cells (a colspan or rowspan value cell across template columns or rows)
 * holds one published number that belongs to none of them alone: each of those template cells keeps the raw text
 * with kind 'text', so no sum counts the number twice and VALUE reports the merged cell (lib/rules/value.ts).
 */
import type { Detection, DetectedTable } from './detect';
import type { GridCell } from './grid.types';
import { lazy } from './lazy';
import { TABLE3_PATHS, TABLE4_PATHS, table2Cells, table3Paths } from './paths';
import type { Cell, Report, TableId } from './report';
import { REPORT_SCHEMA_VERSION } from './report-constants';
import { classifyCell, type ClassifyOptions } from './text';

export interface ParsedReport<Ref> {
  report: Report;
  /** Cell path → the element it was read from, for every template cell found on the page. */
  refs: Map<string, Ref>;
  /** The <table> elements each report table was read from. */
  tableRefs: Partial<Record<TableId, Ref[]>>;
}

type Plan = { path: string; keys: string[]; options: ClassifyOptions }[];
const COUNT: ClassifyOptions = {};
/** Each table's paths in each layout, with their keys inside the table object (split once) and how values are read. */
const PLANS = {
  table2: { '2021': lazy(() => plan(table2Cells('2021'))), '2019': lazy(() => plan(table2Cells('2019'))) },
  table3: { leaves: lazy(() => plan(TABLE3_PATHS.map(count))), oneRow: lazy(() => plan(table3Paths(true).map(count))) },
  table4: lazy(() => plan(TABLE4_PATHS.map(count))),
};
function count(path: string) {
  return { path, options: COUNT };
}
function plan(cells: readonly { path: string; options: ClassifyOptions }[]): Plan {
  return cells.map(({ path, options }) => ({ path, keys: path.split('.').slice(1), options }));
}

export function parseReport<Ref>(detection: Detection<Ref>, meta: Report['meta']): ParsedReport<Ref> {
  const refs = new Map<string, Ref>();
  const tableRefs: Partial<Record<TableId, Ref[]>> = {};
  const read = (id: TableId, plan: Plan) => {
    const table: DetectedTable<Ref> | null = detection[id];
    if (!table) return null;
    tableRefs[id] = table.refs;
    const root: Record<string, unknown> = {};
    const shared = cellsReadMoreThanOnce(table);
    for (const { path, keys, options } of plan) {
      const gridCell = table.cells.get(path);
      let cell: Cell;
      if (gridCell) {
        cell = classifyCell(gridCell.text, options);
        if (shared.has(gridCell)) cell = mergedValue(cell);
        refs.set(path, gridCell.ref);
      } else {
        cell = { raw: '', kind: 'missing', value: null };
      }
      setAt(root, keys, cell);
    }
    return root;
  };
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    format: detection.format,
    meta,
    table2: read('table2', PLANS.table2[detection.format]()),
    table3: read('table3', detection.otherOneRow ? PLANS.table3.oneRow() : PLANS.table3.leaves()),
    table4: read('table4', PLANS.table4()),
  } as Report;
  return { report, refs, tableRefs };
}

/** The page cells a table maps to more than one template path. */
function cellsReadMoreThanOnce<Ref>(table: DetectedTable<Ref>): Set<GridCell<Ref>> {
  const seen = new Set<GridCell<Ref>>();
  const shared = new Set<GridCell<Ref>>();
  for (const cell of table.cells.values()) (seen.has(cell) ? shared : seen).add(cell);
  return shared;
}

/**
 * A number from a merged cell is not any one template cell's value: kind 'text', the raw kept. Blank, n/a and text
 * cells say the same thing under each template cell, so they stay as they are.
 */
function mergedValue(cell: Cell): Cell {
  return cell.kind === 'number' || cell.kind === 'zero' ? { raw: cell.raw, kind: 'text', value: null } : cell;
}

function setAt(root: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = root;
  for (let i = 0; i < keys.length - 1; i++) {
    node = (node[keys[i]] ??= {}) as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
