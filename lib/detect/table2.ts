/**
 * Table 2 (主动公开政府信息情况): one table or one small table per block. The format is named first, from the whole
 * table: the 2019 trial format's columns (本年新制作数量…, 上一年项目数量, 本年增/减) or its 第二十条第（九）项 block mean
 * '2019'. Then each item row of that format's template (lib/template.ts TABLE2_BLOCKS) is found by its label (规章,
 * 行政规范性文件 or 规范性文件, 行政许可…), and its values are read from the columns of the header row above it, each
 * header aligned with the row's own value cells (./align.ts: header spans may straddle them). Without such a header a
 * 2021 row's values are the cells to its right.
 */
import type { Grid, GridCell } from '../grid.types';
import { table2Path } from '../paths';
import { TABLE2_BLOCKS, TABLE2_COUNT_COLUMNS, type ReportFormat, type Table2Block, type Table2Item } from '../template';
import { normaliseLabel } from '../text';
import { alignSpans, valueColumns } from './align';
import { lazy, lazyPerKey } from '../lazy';
import { cellsInRow, KeyCache, matchScore, templateKey } from './labels';
import type { DetectedTable } from './types';

/** The 2021 single-value headers: 本年处理决定数量 and 本年收费金额（单位：万元）. */
const SINGLE_VALUE_HEADERS = ['处理决定数量', '收费金额'];
/** Marks of a table-2 grid: the block captions and headers (plain words, found in normalised labels as is). */
export const gridMarks = lazy(() => ['第二十条', '信息内容', ...TABLE2_COUNT_COLUMNS.map((c) => templateKey(c.zh))]);
/** Table 2 of the 2019 trial format: its own columns and its 第二十条第（九）项 block. */
const trialMarks = lazy(() =>
  ['第二十条第(九)项', '政府集中采购', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量'].map(normaliseLabel),
);
const HEADER_SEARCH_ROWS = 5;

interface ItemOf {
  block: Table2Block;
  item: Table2Item;
  keys: string[];
}
/** Labels that name each format's items; 规范性文件 and 行政规范性文件 name the same row in both. */
const ITEMS = lazyPerKey(itemsOf);
function itemsOf(format: ReportFormat): ItemOf[] {
  return TABLE2_BLOCKS[format].flatMap((block) =>
    block.items.map((item) => ({
      block,
      item,
      keys: item.key === 'normativeDocuments' ? ['行政规范性文件', '规范性文件'] : [templateKey(item.zh)],
    })),
  );
}
/** Per block: the words a header cell of each column holds, and every word that marks the block's header row. */
const headers = lazy(
  () =>
    new Map<Table2Block, { columns: string[][]; marks: string[] }>(
      (['2021', '2019'] as const).flatMap((format) =>
        TABLE2_BLOCKS[format].map((block) => {
          const columns = block.columns.map(({ key, zh }) => (key === null ? SINGLE_VALUE_HEADERS : [templateKey(zh)]));
          return [block, { columns, marks: ['信息内容', ...columns.flat()] }] as const;
        }),
      ),
    ),
);

export interface Table2Detection<Ref> {
  table: DetectedTable<Ref> | null;
  format: ReportFormat;
}

export function detectTable2<Ref>(grids: Grid<Ref>[], keys: KeyCache<Ref>): Table2Detection<Ref> {
  // Marks are plain words, so the cheap normalised label is enough to skip unrelated grids.
  const marks = gridMarks();
  const trial = trialMarks();
  const tableGrids = grids.filter((grid) => grid.cells.some((c) => marks.some((m) => c.label.includes(m))));
  const format: ReportFormat = tableGrids.some((grid) => grid.cells.some((c) => trial.some((m) => c.label.includes(m))))
    ? '2019'
    : '2021';
  const cells = new Map<string, GridCell<Ref>>();
  const refs: Ref[] = [];
  const found = new Set<string>();

  for (const grid of tableGrids) {
    let used = false;
    for (let r = 0; r < grid.rowCount; r++) {
      const row = cellsInRow(grid, r);
      const labelIndex = row.findIndex((cell) => itemOf(format, keys.of(cell)) !== null);
      if (labelIndex < 0) continue;
      const { block, item } = itemOf(format, keys.of(row[labelIndex]))!;
      if (found.has(item.key)) continue;
      found.add(item.key);
      used = true;
      const label = row[labelIndex];
      const columns = valueCellsOf(grid, r, label, block, keys);
      const right = row.slice(labelIndex + 1);
      block.columns.forEach((column, i) => {
        // Without a header the 2021 row's values are the cells to its right; a 2019 row's are not guessed.
        const value = columns ? columns[i] : format === '2021' ? right[i] : null;
        if (value) cells.set(table2Path(item.key, column.key ?? undefined), value);
      });
    }
    if (used) refs.push(grid.ref);
  }
  return { table: cells.size > 0 ? { refs, cells } : null, format };
}

function itemOf(format: ReportFormat, key: string): ItemOf | null {
  for (const entry of ITEMS(format)) if (entry.keys.some((k) => matchScore(key, k) >= 2 && key.length <= k.length + 6)) return entry;
  return null;
}

/**
 * The value cell of each of the block's columns in row `r`, from the header row above (null entries where the header
 * lacks a column); null when there is no header row. Headers are aligned with the row's value cells.
 */
function valueCellsOf<Ref>(grid: Grid<Ref>, r: number, label: GridCell<Ref>, block: Table2Block, keys: KeyCache<Ref>) {
  const words = headers().get(block)!;
  const header = headerAbove(grid, r, words.marks, keys);
  if (!header) return null;
  const named = words.columns.map((column) => header.find((cell) => column.some((w) => keys.of(cell).includes(w))) ?? null);
  const present = named.filter((cell): cell is GridCell<Ref> => cell !== null);
  const labelEnd = label.col + label.colSpan;
  const valueCols = valueColumns(grid, [r], labelEnd);
  const aligned = alignSpans(
    present.map((cell) => ({ start: cell.col, end: cell.col + cell.colSpan })),
    valueCols,
  );
  return named.map((cell) => {
    if (!cell) return null;
    const i = aligned[present.indexOf(cell)];
    const value = grid.slots[r]?.[i >= 0 ? valueCols[i].start : cell.col] ?? null;
    return value === label ? null : value;
  });
}

/** The nearest header row above `r` (信息内容 | the block's column names) in the same grid, as its cells. */
function headerAbove<Ref>(grid: Grid<Ref>, r: number, marks: readonly string[], keys: KeyCache<Ref>): GridCell<Ref>[] | null {
  for (let h = r - 1; h >= 0 && h >= r - HEADER_SEARCH_ROWS; h--) {
    const row = cellsInRow(grid, h);
    if (row.some((cell) => marks.some((m) => keys.of(cell).includes(m)) && cell.row + cell.rowSpan <= r)) return row;
  }
  return null;
}
