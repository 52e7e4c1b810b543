/** Every template statistic cell with what the per-cell rules (VALUE, BLANK) need to know about it. */
import type { TableId } from '../report';
import { DECIMAL_PATHS, TABLE2_PATHS, TABLE3_PATHS, TABLE4_PATHS } from '../paths';

export interface StatisticCell {
  path: string;
  table: TableId;
  /** The fee (万元) may be a decimal; every other cell is a count. */
  decimal: boolean;
}

export const STATISTIC_CELLS: readonly StatisticCell[] = [
  ...TABLE2_PATHS.map((path) => ({ path, table: 'table2' as const, decimal: DECIMAL_PATHS.has(path) })),
  ...TABLE3_PATHS.map((path) => ({ path, table: 'table3' as const, decimal: false })),
  ...TABLE4_PATHS.map((path) => ({ path, table: 'table4' as const, decimal: false })),
];
