import type { GridCell } from '../grid.types';
import type { ReportFormat } from '../template';

/** One report table as found on the page. */
export interface DetectedTable<Ref> {
  /** The <table> elements it was read from, in document order (table 2 may be four). */
  refs: Ref[];
  /** Template cell path → the grid cell holding it. Paths not in the map are missing on the page. */
  cells: Map<string, GridCell<Ref>>;
}

export interface Detection<Ref> {
  /**
   * Named from table 2, the one table whose template differs: '2019' when it has the trial format's columns
   * (本年新制作数量…, 上一年项目数量/本年增/减) or its 第二十条第（九）项 block. A one-row （六） alone does not make it 2019.
   */
  format: ReportFormat;
  /** Table 3 prints （六）其他处理 as one row: its cells are at `table3.<column>.results.other`. */
  otherOneRow: boolean;
  table2: DetectedTable<Ref> | null;
  table3: DetectedTable<Ref> | null;
  table4: DetectedTable<Ref> | null;
}
