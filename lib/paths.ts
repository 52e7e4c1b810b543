/**
 * Cell paths: the one way findings, refs, overlays and exports name a cell,
 * e.g. `table3.legalPerson.commercial.results.denied.stateSecret`, `table4.review.total`, `table2.fees`.
 */
import type { Cell, Report } from './report';
import type { ClassifyOptions } from './text';
import {
  OTHER_ONE_ROW,
  TABLE2_BLOCKS,
  TABLE2_COUNT_COLUMNS,
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE3_ROWS_EVERY_LAYOUT,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
  table3RowsWith,
  type ReportFormat,
  type Table3ResultGroup,
} from './template';
import { lazy, lazyPerKey } from './lazy';

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
/** Every template cell path of table 3, row by row. */
export const TABLE3_PATHS: readonly string[] = TABLE3_ROWS.flatMap((row) =>
  TABLE3_COLUMNS.map((col) => table3Path(col.key, row.key)),
);
/**
 * table3Path for template keys, handing out the very strings of TABLE3_PATHS: detection asks for ~200 per check,
 * and a string already used as a Map key is neither joined nor hashed again.
 */
const table3PathMap = lazy(
  () =>
    new Map<string, Map<string, string>>(
      TABLE3_COLUMNS.map((col, c) => [col.key, new Map(TABLE3_ROWS.map((row, r) => [row.key, TABLE3_PATHS[r * TABLE3_COLUMNS.length + c]]))]),
    ),
);
export function table3PathOf(columnKey: string, rowKey: string): string {
  return table3PathMap().get(columnKey)?.get(rowKey) ?? table3Path(columnKey, rowKey);
}
/** Every template cell path of table 4, in reading order. */
export const TABLE4_PATHS: readonly string[] = TABLE4_BLOCKS.flatMap((block) =>
  TABLE4_COLUMNS.map((col) => table4Path(block.key, col.key)),
);
export const ALL_PATHS: readonly string[] = [...TABLE2_PATHS, ...TABLE3_PATHS, ...TABLE4_PATHS];

// ---------- Layouts: the 2019 trial format and a one-row （六） ----------

/** What a report's tables follow: the format (table 2's template) and whether table 3 prints （六） as one row. */
export interface Layout {
  format: ReportFormat;
  otherOneRow: boolean;
}

/** The layout a parsed report follows: its format, and （六） as the report holds it (one Cell, or three leaves). */
export function layoutOf(report: Report): Layout {
  const other = report.table3?.total.results.other;
  return { format: report.format, otherOneRow: other !== undefined ? isCell(other) : OTHER_ONE_ROW[report.format] };
}

/** Table 2's paths in a format, in reading order, with how each value is read (lib/text.ts classifyCell options). */
export function table2Cells(format: ReportFormat): readonly { path: string; options: ClassifyOptions }[] {
  return TABLE2_CELLS(format);
}
const TABLE2_CELLS = lazyPerKey(table2CellsOf);
function table2CellsOf(format: ReportFormat) {
  return TABLE2_BLOCKS[format].flatMap((block) =>
    block.items.flatMap((item) =>
      block.columns.map((col) => ({
        path: table2Path(item.key, col.key ?? undefined),
        options: { decimal: col.decimal ?? false, signed: col.signed ?? false, units: col.units },
      })),
    ),
  );
}

const table3PathsOtherOneRow = lazy((): readonly string[] =>
  table3RowsWith(true).flatMap((row) => TABLE3_COLUMNS.map((col) => table3PathOf(col.key, row.key))),
);
/** Table 3's paths, row by row, with （六） as three leaves or as one row. */
export function table3Paths(otherOneRow: boolean): readonly string[] {
  return otherOneRow ? table3PathsOtherOneRow() : TABLE3_PATHS;
}

/** Every template cell path of a layout, in reading order (tables 2, 3, 4). */
export function templatePaths(layout: Layout): readonly string[] {
  const key = `${layout.format}/${layout.otherOneRow}`;
  let paths = TEMPLATE_PATHS.get(key);
  if (!paths) {
    paths = [...table2Cells(layout.format).map((c) => c.path), ...table3Paths(layout.otherOneRow), ...TABLE4_PATHS];
    TEMPLATE_PATHS.set(key, paths);
  }
  return paths;
}
const TEMPLATE_PATHS = new Map<string, readonly string[]>();

/** Every path of every layout, in reading order (the overlay sorts badges by it). */
export const everyLayoutPath = lazy((): readonly string[] => [
  ...new Set([
    ...TABLE2_PATHS,
    ...table2Cells('2019').map((c) => c.path),
    ...TABLE3_ROWS_EVERY_LAYOUT.flatMap((row) => TABLE3_COLUMNS.map((col) => table3PathOf(col.key, row.key))),
    ...TABLE4_PATHS,
  ]),
]);

/**
 * The table-3 cells of one result group (（一）…（六）) in one column, whatever the layout: the group's leaves, or
 * the one row where the page prints （六）其他处理 as one row. The sum rules add these; the text rules compare
 * 「其他处理N件」 with them.
 */
export function resultGroupPaths(report: Report | Layout, group: Table3ResultGroup, columnKey = 'total'): readonly string[] {
  const layout = 'otherOneRow' in report ? report : layoutOf(report);
  return groupPathsIn(layout.otherOneRow, group, columnKey);
}
function groupPathsIn(otherOneRow: boolean, group: Table3ResultGroup, columnKey: string): readonly string[] {
  const key = `${otherOneRow}/${group}/${columnKey}`;
  let paths = GROUP_PATHS.get(key);
  if (!paths) {
    const prefix = `results.${group}`;
    paths = table3RowsWith(otherOneRow)
      .filter((row) => row.leaf && (row.key === prefix || row.key.startsWith(`${prefix}.`)))
      .map((row) => table3PathOf(columnKey, row.key));
    GROUP_PATHS.set(key, paths);
  }
  return paths;
}
const GROUP_PATHS = new Map<string, readonly string[]>();
