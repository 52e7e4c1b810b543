/**
 * Detected tables → Report: every template cell becomes a Cell (lib/text.ts classifyCell; decimals only for the
 * fee), cells the page lacks become kind 'missing'. Refs map each found path back to its element.
 * One page cell read under several template cells (a colspan or rowspan value cell across template columns or rows)
 * holds one published number that belongs to none of them alone: each of those template cells keeps the raw text
 * with kind 'text', so no sum counts the number twice and VALUE reports the merged cell (lib/rules/value.ts).
 */
import type { Detection, DetectedTable } from './detect';
import type { GridCell } from './grid.types';
import { DECIMAL_PATHS, TABLE2_PATHS, TABLE3_PATHS, TABLE4_PATHS } from './paths';
import type { Cell, Report, TableId } from './report';
import { REPORT_SCHEMA_VERSION } from './report-constants';
import { classifyCell } from './text';

export interface ParsedReport<Ref> {
  report: Report;
  /** Cell path → the element it was read from, for every template cell found on the page. */
  refs: Map<string, Ref>;
  /** The <table> elements each report table was read from. */
  tableRefs: Partial<Record<TableId, Ref[]>>;
}

/** Each table's paths with their keys inside the table object, split once. */
const PLAN: Record<TableId, { path: string; keys: string[]; decimal: boolean }[]> = {
  table2: plan(TABLE2_PATHS),
  table3: plan(TABLE3_PATHS),
  table4: plan(TABLE4_PATHS),
};
function plan(paths: readonly string[]) {
  return paths.map((path) => ({ path, keys: path.split('.').slice(1), decimal: DECIMAL_PATHS.has(path) }));
}

export function parseReport<Ref>(detection: Detection<Ref>, meta: Report['meta']): ParsedReport<Ref> {
  const refs = new Map<string, Ref>();
  const tableRefs: Partial<Record<TableId, Ref[]>> = {};
  const read = (id: TableId) => {
    const table: DetectedTable<Ref> | null = detection[id];
    if (!table) return null;
    tableRefs[id] = table.refs;
    const root: Record<string, unknown> = {};
    const shared = cellsReadMoreThanOnce(table);
    for (const { path, keys, decimal } of PLAN[id]) {
      const gridCell = table.cells.get(path);
      let cell: Cell;
      if (gridCell) {
        cell = classifyCell(gridCell.text, { decimal });
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
    table2: read('table2'),
    table3: read('table3'),
    table4: read('table4'),
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
