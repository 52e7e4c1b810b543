/**
 * Table 2 (主动公开政府信息情况): one 4-column table or four small ones. Each item row is found by its label
 * (规章, 行政规范性文件 or 规范性文件, 行政许可…); its values are read from the columns of the header row above it
 * (本年制发件数 · 本年废止件数 · 现行有效件数, or 本年处理决定数量 / 本年收费金额), else from the cells to its right.
 */
import type { Grid, GridCell } from '../grid.types';
import { table2Path } from '../paths';
import { TABLE2_COUNT_COLUMNS, TABLE2_ITEMS } from '../template';
import { normaliseLabel } from '../text';
import { cellsInRow, KeyCache, matchScore, templateKey } from './labels';
import type { DetectedTable } from './types';

type Item = (typeof TABLE2_ITEMS)[number];

const ITEM_KEYS: { item: Item; keys: string[] }[] = TABLE2_ITEMS.map((item) => ({
  item,
  keys: item.key === 'normativeDocuments' ? [templateKey(item.zh), '规范性文件'] : [templateKey(item.zh)],
}));
const COUNT_KEYS = TABLE2_COUNT_COLUMNS.map((c) => templateKey(c.zh));
/** Single-value headers: 本年处理决定数量 (2019: 处理决定数量) and 本年收费金额（单位：万元）. */
const SINGLE_VALUE_HEADERS = ['处理决定数量', '收费金额'];
const HEADER_MARKS = ['信息内容', ...COUNT_KEYS, ...SINGLE_VALUE_HEADERS, '本年新制作数量'];
/** Marks of a table-2 grid: the block captions and headers (plain words, found in normalised labels as is). */
export const GRID_MARKS = ['第二十条', '信息内容', ...COUNT_KEYS];
/** The 2019 trial format's table 2. */
const TRIAL_MARKS = ['第二十条第(九)项', '本年新制作数量', '本年新公开数量', '政府集中采购'].map(normaliseLabel);
const HEADER_SEARCH_ROWS = 5;

export interface Table2Detection<Ref> {
  table: DetectedTable<Ref> | null;
  trial2019: boolean;
}

export function detectTable2<Ref>(grids: Grid<Ref>[], keys: KeyCache<Ref>): Table2Detection<Ref> {
  const cells = new Map<string, GridCell<Ref>>();
  const refs: Ref[] = [];
  const found = new Set<string>();
  let trial2019 = false;

  for (const grid of grids) {
    // Marks are plain words, so the cheap normalised label is enough to skip unrelated grids.
    if (!grid.cells.some((c) => GRID_MARKS.some((m) => c.label.includes(m)))) continue;
    if (grid.cells.some((c) => TRIAL_MARKS.some((m) => c.label.includes(m)))) trial2019 = true;
    let used = false;
    for (let r = 0; r < grid.rowCount; r++) {
      const row = cellsInRow(grid, r);
      const labelIndex = row.findIndex((cell) => itemOf(keys.of(cell)) !== null);
      if (labelIndex < 0) continue;
      const item = itemOf(keys.of(row[labelIndex]))!;
      if (found.has(item.key)) continue;
      found.add(item.key);
      used = true;
      const label = row[labelIndex];
      const header = headerAbove(grid, r, keys);
      const right = row.slice(labelIndex + 1);
      if (item.multi) {
        TABLE2_COUNT_COLUMNS.forEach((column, i) => {
          const headerCol = header ? columnOf(header, COUNT_KEYS[i], keys) : null;
          // A 2019 header (本年新制作数量…) means other quantities: leave them missing rather than misread.
          const value = headerCol !== null ? valueAt(grid, r, headerCol, label) : trial2019 ? null : right[i];
          if (value) cells.set(table2Path(item.key, column.key), value);
        });
      } else {
        const headerCol = header ? SINGLE_VALUE_HEADERS.map((h) => columnOf(header, h, keys)).find((c) => c !== null) : null;
        const value = headerCol != null ? valueAt(grid, r, headerCol, label) : trial2019 ? null : right[0];
        if (value) cells.set(table2Path(item.key), value);
      }
    }
    if (used) refs.push(grid.ref);
  }
  return { table: cells.size > 0 ? { refs, cells } : null, trial2019 };
}

function itemOf(key: string): Item | null {
  for (const { item, keys } of ITEM_KEYS) if (keys.some((k) => matchScore(key, k) >= 2 && key.length <= k.length + 6)) return item;
  return null;
}

/** The nearest header row above `r` (信息内容 | 本年制发件数 …) in the same grid, as its cells. */
function headerAbove<Ref>(grid: Grid<Ref>, r: number, keys: KeyCache<Ref>): GridCell<Ref>[] | null {
  for (let h = r - 1; h >= 0 && h >= r - HEADER_SEARCH_ROWS; h--) {
    const row = cellsInRow(grid, h);
    if (row.some((cell) => HEADER_MARKS.some((m) => keys.of(cell).includes(m)) && cell.row + cell.rowSpan <= r)) {
      return row;
    }
  }
  return null;
}

function columnOf<Ref>(header: GridCell<Ref>[], target: string, keys: KeyCache<Ref>): number | null {
  const cell = header.find((c) => keys.of(c).includes(target));
  return cell ? cell.col : null;
}

/** The value cell in row `r` under a header column; not the label itself. */
function valueAt<Ref>(grid: Grid<Ref>, r: number, col: number, label: GridCell<Ref>): GridCell<Ref> | null {
  const cell = grid.slots[r]?.[col] ?? null;
  return cell === label ? null : cell;
}
