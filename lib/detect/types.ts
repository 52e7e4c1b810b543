import type { GridCell } from '../grid.types';

/** One report table as found on the page. */
export interface DetectedTable<Ref> {
  /** The <table> elements it was read from, in document order (table 2 may be four). */
  refs: Ref[];
  /** Template cell path → the grid cell holding it. Paths not in the map are missing on the page. */
  cells: Map<string, GridCell<Ref>>;
}

export interface Detection<Ref> {
  /** '2019' when the trial format is recognised (第二十条第（九）项, 本年新制作数量, one-row 其他处理). */
  format: '2021' | '2019';
  table2: DetectedTable<Ref> | null;
  table3: DetectedTable<Ref> | null;
  table4: DetectedTable<Ref> | null;
}
