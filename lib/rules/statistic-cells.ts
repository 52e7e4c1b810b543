/** Every template statistic cell of a report's layout with what the per-cell rules (VALUE, BLANK) need to know about it. */
import type { Report, TableId } from '../report';
import { layoutOf, table2Cells, table3Paths, TABLE4_PATHS, type Layout } from '../paths';

export interface StatisticCell {
  path: string;
  table: TableId;
  /** The fee (万元) and the 2019 procurement amount may be decimals; every other cell is a count. */
  decimal: boolean;
  /** The 2019 format's 本年增/减 may be negative. */
  signed: boolean;
  /** Units the value may be written with (`251000元`). */
  units?: readonly string[];
}

function cellsOf({ format, otherOneRow }: Layout): readonly StatisticCell[] {
  return [
    ...table2Cells(format).map(({ path, options }) => ({
      path,
      table: 'table2' as const,
      decimal: options.decimal ?? false,
      signed: options.signed ?? false,
      units: options.units,
    })),
    ...table3Paths(otherOneRow).map((path) => ({ path, table: 'table3' as const, decimal: false, signed: false })),
    ...TABLE4_PATHS.map((path) => ({ path, table: 'table4' as const, decimal: false, signed: false })),
  ];
}

const BY_LAYOUT = new Map<string, readonly StatisticCell[]>();

/** The statistic cells of the report's layout (its format's table 2; table 3 with （六） as it is printed). */
export function statisticCells(report: Report): readonly StatisticCell[] {
  const layout = layoutOf(report);
  const key = `${layout.format}/${layout.otherOneRow}`;
  let cells = BY_LAYOUT.get(key);
  if (!cells) BY_LAYOUT.set(key, (cells = cellsOf(layout)));
  return cells;
}
