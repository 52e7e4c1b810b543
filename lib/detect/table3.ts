/**
 * Table 3 (收到和处理政府信息公开申请情况). Columns come from the header: the 自然人 cell, the 总计 cell to its right
 * and, between them, the 法人或其他组织 sub-headers (商业企业…其他); extra columns (a 法人或其他组织 subtotal) are ignored.
 * Rows come from the label cells left of 自然人: a row's label is its group (（三）不予公开… in a rowspan cell or in a
 * row of its own above the leaves) plus its leaf label. Group subtotal rows are accepted and ignored.
 * A one-row （六）其他处理 (no 1./2./3. leaves: the 2019 template, and some later reports) is read as the row
 * `results.other`. A table 3 split over consecutive <table>s
 * (header apart from the rows, or the rows over two) is read as one (./join.ts).
 */
import type { Grid, GridCell } from '../grid.types';
import { looksNumeric } from '../text';
import { table3PathOf } from '../paths';
import { TABLE3_COLUMNS, TABLE3_OTHER_ROW, TABLE3_ROWS, type Table3Row } from '../template';
import { alignSpans, valueColumns } from './align';
import { joinGrids, mayContinue } from './join';
import { lazy } from '../lazy';
import { cellsInRow, KeyCache, leadingNumber, matchScore, templateKey } from './labels';
import type { DetectedTable } from './types';

/** The anchor of table 3: its 自然人 header cell. */
export const naturalPerson = lazy(() => templateKey(TABLE3_COLUMNS[0].zh));
const TOTAL_KEYS = ['总计', '合计'];
const legalColumns = lazy(() => TABLE3_COLUMNS.slice(1, 6).map((c) => ({ column: c, key: templateKey(c.zh) })));
/** Words that make a top-level row recognisable even when the rest of its label differs. */
const ROW_ALIASES: Partial<Record<string, string>> = {
  newReceived: '新收',
  carriedOver: '上年结转',
  carriedForward: '结转下年',
};
const topRows = lazy(() => TABLE3_ROWS.filter((r) => !r.group).map((row) => ({ row, key: templateKey(row.zh) })));
interface RowGroup {
  key: string;
  leaves: { row: Table3Row; key: string }[];
}
const groups = lazy((): RowGroup[] =>
  [...new Set(TABLE3_ROWS.map((r) => r.group).filter((g): g is string => !!g))].map((zh) => ({
    key: templateKey(zh),
    leaves: TABLE3_ROWS.filter((r) => r.group === zh).map((row) => ({ row, key: templateKey(row.zh) })),
  })),
);
const otherGroup = lazy(() => groups().find((g) => g.key === '其他处理')!);
const TABLE4_WORDS = ['行政复议', '行政诉讼'];
const HEADER_ROWS_ABOVE = 2;

export interface Table3Detection<Ref> {
  table: DetectedTable<Ref> | null;
  /** （六）其他处理 is one row (read under `results.other`), not three leaves. */
  otherOneRow: boolean;
}

/** What one reading of the grids found: a table 3 with at least one cell. */
type Table3Read<Ref> = Table3Detection<Ref> & { table: DetectedTable<Ref> };

export function detectTable3<Ref>(grids: Grid<Ref>[], keys: KeyCache<Ref>): Table3Detection<Ref> {
  const anchorKey = naturalPerson();
  for (let i = 0; i < grids.length; i++) {
    const grid = grids[i];
    for (const anchor of grid.cells) {
      if (!anchor.label.includes(anchorKey) || matchScore(keys.of(anchor), anchorKey) < 2) continue;
      const found = readAcrossTables(grids, i, anchor, keys);
      if (found) return found;
    }
  }
  return { table: null, otherOneRow: false };
}

/**
 * Table 3 from grids[start] and, while it has not reached its last row (结转下年度继续办理), the grids right after it
 * that are no wider (narrower by at most LABEL_COLUMNS_LOST): a header in one <table> and the rows in the next, or the
 * rows split over two. A following grid is kept only when it adds template cells.
 */
function readAcrossTables<Ref>(grids: Grid<Ref>[], start: number, natural: GridCell<Ref>, keys: KeyCache<Ref>): Table3Read<Ref> | null {
  let grid = grids[start];
  let refs = [grid.ref];
  let best = readTable3(grid, natural, keys, refs);
  for (let next = start + 1; !(best && reachedLastRow(best)) && mayContinue(grid, grids[next], LABEL_COLUMNS_LOST); next++) {
    const joined = joinGrids(grid, grids[next], labelShift(grids[next], natural.col, keys));
    const joinedRefs = [...refs, grids[next].ref];
    const more = readTable3(joined, natural, keys, joinedRefs);
    if (!more || more.table.cells.size <= (best?.table.cells.size ?? 0)) break;
    [grid, refs, best] = [joined, joinedRefs, more];
  }
  return best;
}

/**
 * How far right a continued part's row moves: a row whose labels end before the value columns (`labelEnd`) lacks the
 * left label columns a rowspan of the first part covered (三、本年度办理结果), so its labels move to end at labelEnd.
 * Decided by the labels only, never by how many values a row has.
 */
function labelShift<Ref>(grid: Grid<Ref>, labelEnd: number, keys: KeyCache<Ref>): (row: number) => number {
  return (row) => {
    let end = 0;
    for (const cell of cellsInRow(grid, row)) {
      if (keys.of(cell) === '' || looksNumeric(cell.text)) break;
      end = cell.col + cell.colSpan;
    }
    const shift = labelEnd - end;
    return end > 0 && shift > 0 && shift <= LABEL_COLUMNS_LOST ? shift : 0;
  };
}

/** How many label columns on the left a continued part may lack (its rowspan labels stayed in the first part). */
const LABEL_COLUMNS_LOST = 2;
const lastRowPaths = lazy(() => TABLE3_COLUMNS.map((c) => table3PathOf(c.key, 'carriedForward')));
function reachedLastRow<Ref>(found: Table3Read<Ref>): boolean {
  return lastRowPaths().some((path) => found.table.cells.has(path));
}

function readTable3<Ref>(grid: Grid<Ref>, natural: GridCell<Ref>, keys: KeyCache<Ref>, refs: Ref[]): Table3Read<Ref> | null {
  const labelEnd = natural.col;
  if (labelEnd === 0) return null;
  const headerTop = Math.max(0, natural.row - HEADER_ROWS_ABOVE);
  const firstData = firstDataRow(grid, natural, keys);
  if (firstData < 0) return null;

  const labelled = labelledRows(grid, firstData, labelEnd, keys);
  const columns = mapColumns(grid, natural, headerTop, firstData, labelled.map((row) => row.r), keys);
  const cells = new Map<string, GridCell<Ref>>();
  const done = new Set<string>();
  let otherRow = -1;
  let group: RowGroup | null = null;

  for (const { r, parts, partKeys } of labelled) {
    const last = partKeys[partKeys.length - 1];
    // A group label starts with the group's words (不予公开…); `3.其他` is a leaf, not the 其他处理 group.
    const ownGroup = groups().find((g) => partKeys.some((k) => k.startsWith(g.key))) ?? null;
    const lastIsGroup = ownGroup !== null && last.startsWith(ownGroup.key);
    let row: Table3Row | null = null;
    if (lastIsGroup) {
      // A group row of its own: a subtotal with numbers, the label above its leaves, or （六） printed as one row.
      group = ownGroup;
      if (ownGroup === otherGroup() && otherRow < 0) otherRow = r;
    } else if (ownGroup) {
      group = ownGroup;
      row = matchLeaf(ownGroup, parts[parts.length - 1], last);
    } else {
      row = matchTop(last);
      if (row) group = null;
      else if (group) row = matchLeaf(group, parts[parts.length - 1], last);
    }
    if (!row || done.has(row.key)) continue;
    done.add(row.key);
    for (const { key, col } of columns) {
      const value = grid.slots[r][col];
      if (value && value.col >= labelEnd) cells.set(table3PathOf(key, row.key), value);
    }
    if (row.key === 'carriedForward') break;
  }

  const otherOneRow = otherRow >= 0 && !otherGroup().leaves.some((l) => done.has(l.row.key));
  if (otherOneRow) {
    for (const { key, col } of columns) {
      const value = grid.slots[otherRow][col];
      if (value && value.col >= labelEnd) cells.set(table3PathOf(key, TABLE3_OTHER_ROW.key), value);
    }
  }
  if (cells.size === 0) return null;
  return { table: { refs, cells }, otherOneRow };
}

/** The rows from `first` on that carry a label left of the value columns, up to a table-4 header (a merged table). */
function labelledRows<Ref>(grid: Grid<Ref>, first: number, labelEnd: number, keys: KeyCache<Ref>) {
  const rows: { r: number; parts: GridCell<Ref>[]; partKeys: string[] }[] = [];
  for (let r = first; r < grid.rowCount; r++) {
    const parts = cellsInRow(grid, r, 0, labelEnd).filter((c) => keys.of(c) !== '');
    if (parts.length === 0) continue;
    const partKeys = parts.map((c) => keys.of(c));
    if (partKeys.some((k) => TABLE4_WORDS.some((w) => k.includes(w)))) break;
    rows.push({ r, parts, partKeys });
  }
  return rows;
}

/** The first row below the header whose label cells are not header cells (the corner cell spans the header). */
function firstDataRow<Ref>(grid: Grid<Ref>, natural: GridCell<Ref>, keys: KeyCache<Ref>): number {
  const headerCells = new Set(cellsInRow(grid, natural.row, 0, natural.col));
  for (let r = natural.row + 1; r < grid.rowCount; r++) {
    const labels = cellsInRow(grid, r, 0, natural.col).filter((c) => !headerCells.has(c) && keys.of(c) !== '');
    if (labels.length > 0) return r;
  }
  return -1;
}

/**
 * Template column key → grid column. The headers (rows [top, end)) name the columns; each is then aligned with the
 * value column of the data rows it overlaps (./align.ts), since Word pastes print header spans that straddle the
 * value cells. A header over no value column keeps its own column.
 */
function mapColumns<Ref>(
  grid: Grid<Ref>,
  natural: GridCell<Ref>,
  top: number,
  end: number,
  dataRows: readonly number[],
  keys: KeyCache<Ref>,
) {
  const header: GridCell<Ref>[] = [];
  for (let r = top; r < end; r++) {
    for (const cell of cellsInRow(grid, r, natural.col + 1)) if (!header.includes(cell)) header.push(cell);
  }
  const totals = header.filter((c) => TOTAL_KEYS.some((t) => matchScore(keys.of(c), t) >= 2));
  const total = totals.length ? totals.reduce((a, b) => (b.col > a.col ? b : a)) : null;
  const limit = total ? total.col : grid.colCount;
  const named: { key: string; cell: GridCell<Ref> }[] = [{ key: TABLE3_COLUMNS[0].key, cell: natural }];
  for (const { column, key } of legalColumns()) {
    let best: GridCell<Ref> | null = null;
    let bestScore = 0;
    for (const cell of header) {
      if (cell.col >= limit) continue;
      const score = matchScore(keys.of(cell), key);
      if (score > bestScore) [best, bestScore] = [cell, score];
    }
    if (best && bestScore >= 2) named.push({ key: column.key, cell: best });
  }
  if (total) named.push({ key: TABLE3_COLUMNS[6].key, cell: total });

  const valueCols = valueColumns(grid, dataRows, natural.col);
  const aligned = alignSpans(
    named.map(({ cell }) => ({ start: cell.col, end: cell.col + cell.colSpan })),
    valueCols,
  );
  return named.map(({ key, cell }, i) => ({ key, col: aligned[i] >= 0 ? valueCols[aligned[i]].start : cell.col }));
}

function matchTop(key: string): Table3Row | null {
  let best: Table3Row | null = null;
  let bestScore = 0;
  for (const { row, key: target } of topRows()) {
    let score = matchScore(key, target);
    const alias = ROW_ALIASES[row.key];
    if (score === 0 && alias !== undefined && key.includes(alias)) score = 1;
    if (score > bestScore) [best, bestScore] = [row, score];
  }
  return best;
}

/** The leaf of `group` a row label names: by its words, else by its number (1. … 8.). */
function matchLeaf<Ref>(group: RowGroup, cell: GridCell<Ref>, key: string): Table3Row | null {
  let best: Table3Row | null = null;
  let bestScore = 0;
  for (const { row, key: target } of group.leaves) {
    const score = matchScore(key, target);
    if (score > bestScore) [best, bestScore] = [row, score];
  }
  if (best) return best;
  const n = leadingNumber(cell.label);
  return n !== null && n >= 1 && n <= group.leaves.length ? group.leaves[n - 1].row : null;
}
