/**
 * One report table printed as two <table>s one after the other (a Word paste across a page break; a CMS page with the
 * header in one <table> and the rows in the next): the two grids read as one, the second's rows below the first's.
 * The cells keep their refs, so every value still points at its own <td>.
 */
import type { Grid, GridCell } from '../grid.types';

/** True when `next` may continue `grid`: at most as wide, and narrower by no more than `narrower` columns. */
export function mayContinue<Ref>(grid: Grid<Ref>, next: Grid<Ref> | undefined, narrower = 0): next is Grid<Ref> {
  return next !== undefined && next.colCount <= grid.colCount && next.colCount >= grid.colCount - narrower;
}

/**
 * `top` with `bottom`'s rows appended. The top's cells are the very same objects (an anchor found in `top` is still
 * one in the result); the bottom's are copies moved down by top.rowCount and right by `shiftOf(their row)`, one copy
 * per cell: a continued part's rows may lack the left columns a rowspan label of the first part covered. Spans stay
 * as each table clamped them: a rowspan never reaches across the join. `bottom` is never wider (mayContinue).
 */
export function joinGrids<Ref>(top: Grid<Ref>, bottom: Grid<Ref>, shiftOf: (bottomRow: number) => number = () => 0): Grid<Ref> {
  const offset = top.rowCount;
  const width = top.colCount;
  const cells = bottom.cells.map(
    (cell): GridCell<Ref> => ({
      ref: cell.ref,
      text: cell.text,
      label: cell.label,
      row: cell.row + offset,
      col: cell.col + shiftOf(cell.row),
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      isHeader: cell.isHeader,
    }),
  );
  const slots: (GridCell<Ref> | null)[][] = Array.from({ length: bottom.rowCount }, () => new Array(width).fill(null));
  for (const cell of cells) {
    for (let r = cell.row - offset; r < cell.row - offset + cell.rowSpan && r < bottom.rowCount; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan && c < width; c++) slots[r][c] ??= cell;
    }
  }
  return { ref: top.ref, rowCount: offset + bottom.rowCount, colCount: width, slots: [...top.slots, ...slots], cells: [...top.cells, ...cells] };
}
