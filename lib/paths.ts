/**
 * Cell paths: the one way findings, refs, overlays and exports name a cell,
 * e.g. `table3.legalPerson.commercial.results.denied.stateSecret`, `table4.review.total`, `table2.fees`.
 */
import type { Cell, Report } from './report';
import {
  TABLE2_COUNT_COLUMNS,
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
} from './template';

export const table3Path = (columnKey: string, rowKey: string) => `table3.${columnKey}.${rowKey}`;
export const table4Path = (blockKey: string, columnKey: string) => `table4.${blockKey}.${columnKey}`;
export const table2Path = (itemKey: string, columnKey?: string) =>
  columnKey ? `table2.${itemKey}.${columnKey}` : `table2.${itemKey}`;

/** Each path's keys, split once: the rules read ~1,000 cells per check, and splitting dominated their time. */
const KEYS = new Map<string, readonly string[]>();

/** The cell at a path, or undefined when the path or its table is absent. */
export function cellAt(report: Report, path: string): Cell | undefined {
  let keys = KEYS.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    KEYS.set(path, keys);
  }
  let node: unknown = report;
  for (let i = 0; i < keys.length; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[keys[i]];
  }
  return isCell(node) ? node : undefined;
}

/** The number a cell holds (a number or zero cell), or null for blank, na, text and missing cells. */
export function knownValue(cell: Cell | undefined): number | null {
  return cell && (cell.kind === 'number' || cell.kind === 'zero') ? cell.value : null;
}

function isCell(node: unknown): node is Cell {
  return node !== null && typeof node === 'object' && 'kind' in node && 'raw' in node;
}

/** Every template cell path of table 2, in reading order. */
export const TABLE2_PATHS: readonly string[] = TABLE2_ITEMS.flatMap((item) =>
  item.multi ? TABLE2_COUNT_COLUMNS.map((c) => table2Path(item.key, c.key)) : [table2Path(item.key)],
);
/** The table-2 paths that may hold a decimal (the fee, 万元); every other statistic cell is a count. */
export const DECIMAL_PATHS: ReadonlySet<string> = new Set(
  TABLE2_ITEMS.filter((item) => item.decimal).map((item) => table2Path(item.key)),
);
/** Every template cell path of table 3, row by row. */
export const TABLE3_PATHS: readonly string[] = TABLE3_ROWS.flatMap((row) =>
  TABLE3_COLUMNS.map((col) => table3Path(col.key, row.key)),
);
/**
 * table3Path for template keys, handing out the very strings of TABLE3_PATHS: detection asks for ~200 per check,
 * and a string already used as a Map key is neither joined nor hashed again.
 */
const TABLE3_PATH_OF = new Map<string, Map<string, string>>(
  TABLE3_COLUMNS.map((col, c) => [col.key, new Map(TABLE3_ROWS.map((row, r) => [row.key, TABLE3_PATHS[r * TABLE3_COLUMNS.length + c]]))]),
);
export function table3PathOf(columnKey: string, rowKey: string): string {
  return TABLE3_PATH_OF.get(columnKey)?.get(rowKey) ?? table3Path(columnKey, rowKey);
}
/** Every template cell path of table 4, in reading order. */
export const TABLE4_PATHS: readonly string[] = TABLE4_BLOCKS.flatMap((block) =>
  TABLE4_COLUMNS.map((col) => table4Path(block.key, col.key)),
);
export const ALL_PATHS: readonly string[] = [...TABLE2_PATHS, ...TABLE3_PATHS, ...TABLE4_PATHS];
