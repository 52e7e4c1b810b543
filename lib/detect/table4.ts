/**
 * Table 4 (行政复议、行政诉讼情况): no row labels; three blocks (行政复议 | 未经复议直接起诉 | 复议后起诉) of five
 * columns (结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计) and one row of values under the headers. Blocks are found by
 * their header cells; sub-header rows may use rowspan (Pingtan) or empty placeholder cells (hangzhou-style). The
 * value row may sit in the next <table> (./join.ts).
 */
import type { Grid, GridCell } from '../grid.types';
import { table4Path } from '../paths';
import { TABLE4_BLOCKS, TABLE4_COLUMNS } from '../template';
import { joinGrids, mayContinue } from './join';
import { KeyCache } from './labels';
import type { DetectedTable } from './types';

type BlockKey = (typeof TABLE4_BLOCKS)[number]['key'];
const BLOCK_WIDTH = TABLE4_COLUMNS.length;
/** Words that name each sub-header, tolerant of 结果 dropped and 合计 for 总计. */
const COLUMN_WORDS: readonly (readonly string[])[] = [['维持'], ['纠正'], ['其他'], ['审结'], ['总计', '合计']];
const SUB_HEADER_DEPTH = 4;
/** Only cells whose label holds one of these can head a block; a grid without them has no table 4. */
export const BLOCK_WORDS = ['复议', '起诉', '诉讼'];
const mayHeadBlock = <Ref>(cell: GridCell<Ref>) => BLOCK_WORDS.some((w) => cell.label.includes(w));

/** Which block a header cell names; a heading typo such as 行政法复议 still ends in 复议. */
function blockOf(key: string): BlockKey | null {
  if (key.includes('直接起诉') || key.includes('未经复议')) return 'litigationDirect';
  if (key.includes('复议后')) return 'litigationPostReview';
  if (key.endsWith('复议') && key.length <= 6) return 'review';
  return null;
}

function columnOf(key: string): number {
  return COLUMN_WORDS.findIndex((words) => words.some((w) => key.includes(w)));
}

/** The columns a block header covers and the row its sub-headers start at. */
interface BlockSpan {
  col: number;
  width: number;
  start: number;
}

function spanOf<Ref>(header: GridCell<Ref>): BlockSpan {
  return { col: header.col, width: Math.max(header.colSpan, BLOCK_WIDTH), start: header.row + header.rowSpan };
}

export function detectTable4<Ref>(grids: Grid<Ref>[], keys: KeyCache<Ref>): DetectedTable<Ref> | null {
  for (let i = 0; i < grids.length; i++) {
    const grid = grids[i];
    const found = readTable4(grid, keys, [grid.ref]) ?? readWithValuesBelow(grid, grids[i + 1], keys);
    if (found) return found;
  }
  return null;
}

/** The headers in one <table> and the value row in the next (same column count, no block header of its own). */
function readWithValuesBelow<Ref>(grid: Grid<Ref>, next: Grid<Ref> | undefined, keys: KeyCache<Ref>): DetectedTable<Ref> | null {
  if (!mayContinue(grid, next) || next.cells.some(mayHeadBlock)) return null;
  return readTable4(joinGrids(grid, next), keys, [grid.ref, next.ref]);
}

function readTable4<Ref>(grid: Grid<Ref>, keys: KeyCache<Ref>, refs: Ref[]): DetectedTable<Ref> | null {
  const blocks = new Map<BlockKey, BlockSpan>();
  let litigation: GridCell<Ref> | null = null;
  for (const cell of grid.cells) {
    if (!mayHeadBlock(cell)) continue;
    const key = keys.of(cell);
    const block = blockOf(key);
    if (block && !blocks.has(block)) blocks.set(block, spanOf(cell));
    if (!litigation && key.endsWith('行政诉讼')) litigation = cell;
  }
  if (!blocks.has('review')) return null;
  // 行政诉讼 over ten sub-headers without the 未经复议直接起诉 / 复议后起诉 split: the template's order.
  if (litigation && litigation.colSpan >= 2 * BLOCK_WIDTH && !blocks.has('litigationDirect') && !blocks.has('litigationPostReview')) {
    const start = litigation.row + litigation.rowSpan;
    blocks.set('litigationDirect', { col: litigation.col, width: BLOCK_WIDTH, start });
    blocks.set('litigationPostReview', { col: litigation.col + BLOCK_WIDTH, width: BLOCK_WIDTH, start });
  }

  // For every block column, the sub-header cell under the block header.
  const columns: { path: string; col: number }[] = [];
  let valueRow = 0;
  for (const { key: blockKey } of TABLE4_BLOCKS) {
    const span = blocks.get(blockKey);
    if (!span) continue;
    const { col: first, width, start } = span;
    for (let col = first; col < first + width && col < grid.colCount; col++) {
      for (let r = start; r < Math.min(grid.rowCount, start + SUB_HEADER_DEPTH); r++) {
        const cell = grid.slots[r][col];
        if (!cell || cell.col !== col) continue;
        const index = columnOf(keys.of(cell));
        if (index < 0) continue;
        columns.push({ path: table4Path(blockKey, TABLE4_COLUMNS[index].key), col });
        valueRow = Math.max(valueRow, cell.row + cell.rowSpan);
        break;
      }
    }
  }
  if (columns.length === 0 || valueRow >= grid.rowCount) return null;

  const cells = new Map<string, GridCell<Ref>>();
  for (const { path, col } of columns) {
    const cell = grid.slots[valueRow][col];
    if (cell && !cells.has(path) && columnOf(keys.of(cell)) < 0) cells.set(path, cell);
  }
  return cells.size > 0 ? { refs, cells } : null;
}
