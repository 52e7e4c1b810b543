/**
 * Lays a table's rows out on a slot grid following the HTML table model (WHATWG "forming a table"):
 * - colspan 0, missing or unparsable → 1; colspan > 1000 → 1000;
 * - rowspan missing or unparsable → 1; rowspan 0 → down to the last row (the table's rows are one row group);
 *   rowspan > 65534 → 65534, and a span never reaches past the table's last row (as browsers render it);
 * - a cell starts at the first free slot of its row, so cells spanned into from above push later cells right;
 * - where a cell's span runs into a slot already taken (the spec's "table model error"), the earlier cell keeps it;
 * - short rows leave null slots.
 * Never throws. The layout is made on first read of colCount, slots or cells, and a cell's label on first read:
 * detection drops unrelated tables by their texts alone (gridTexts), so they are never laid out.
 */
import type { SourceTable } from './cell-source';
import type { Grid, GridCell } from './grid.types';
import { normaliseLabel } from './text';

export const MAX_COLSPAN = 1000;
export const MAX_ROWSPAN = 65534;

/** The colspan the grid uses for a declared one: 0, missing or unparsable → 1; above MAX_COLSPAN → MAX_COLSPAN. */
export function colSpanOf(declared: number): number {
  const n = Math.floor(declared);
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(n, MAX_COLSPAN);
}

/** 0 means "to the end of the row group". */
function rowSpanOf(declared: number, rowsLeft: number): number {
  const n = Math.floor(declared);
  if (n === 0) return rowsLeft;
  if (!Number.isFinite(n) || n < 0) return 1;
  return Math.min(n, MAX_ROWSPAN, rowsLeft);
}

/** A grid cell whose label is computed when first read (same value as normaliseLabel(text), then cached). */
class SlotCell<Ref> implements GridCell<Ref> {
  private normalised: string | undefined = undefined;
  constructor(
    readonly ref: Ref,
    readonly text: string,
    readonly row: number,
    readonly col: number,
    readonly rowSpan: number,
    readonly colSpan: number,
    readonly isHeader: boolean,
  ) {}

  get label(): string {
    if (this.normalised === undefined) this.normalised = normaliseLabel(this.text);
    return this.normalised;
  }
}

/** What layOut computes: the part of a Grid beyond its ref and row count. */
type Layout<Ref> = Pick<Grid<Ref>, 'colCount' | 'slots' | 'cells'>;

/** A Grid laid out when first needed (the same values as an eager layout). */
class LazyGrid<Ref> implements Grid<Ref> {
  readonly ref: Ref;
  readonly rowCount: number;
  private layout: Layout<Ref> | null = null;
  constructor(readonly source: SourceTable<Ref>) {
    this.ref = source.ref;
    this.rowCount = source.rows.length;
  }
  private laidOut(): Layout<Ref> {
    if (this.layout === null) this.layout = layOut(this.source);
    return this.layout;
  }
  get colCount(): number {
    return this.laidOut().colCount;
  }
  get slots(): (GridCell<Ref> | null)[][] {
    return this.laidOut().slots;
  }
  get cells(): GridCell<Ref>[] {
    return this.laidOut().cells;
  }
}

export function buildGrid<Ref>(table: SourceTable<Ref>): Grid<Ref> {
  return new LazyGrid(table);
}

/** How many cells a grid has (= grid.cells.length), without laying it out. */
export function cellCount<Ref>(grid: Grid<Ref>): number {
  if (!(grid instanceof LazyGrid)) return grid.cells.length;
  let count = 0;
  for (const row of grid.source.rows) count += row.cells.length;
  return count;
}

/** The texts of a grid's cells in source order (= grid.cells' texts), without laying the grid out if not yet done. */
export function gridTexts<Ref>(grid: Grid<Ref>): string[] {
  if (!(grid instanceof LazyGrid)) return grid.cells.map((cell) => cell.text);
  const texts: string[] = [];
  for (const row of grid.source.rows) for (const cell of row.cells) texts.push(cell.text);
  return texts;
}

function layOut<Ref>(table: SourceTable<Ref>): Layout<Ref> {
  const rowCount = table.rows.length;
  const slots: (GridCell<Ref> | null)[][] = [];
  for (let r = 0; r < rowCount; r++) slots.push([]);
  const cells: GridCell<Ref>[] = [];
  let colCount = 0;

  for (let r = 0; r < rowCount; r++) {
    const row = slots[r];
    let x = 0;
    for (const source of table.rows[r].cells) {
      while (row[x]) x++;
      const colSpan = colSpanOf(source.colSpan);
      const rowSpan = rowSpanOf(source.rowSpan, rowCount - r);
      const cell: GridCell<Ref> = new SlotCell(source.ref, source.text, r, x, rowSpan, colSpan, source.isHeader);
      cells.push(cell);
      const xEnd = x + colSpan;
      for (let y = r; y < r + rowSpan; y++) {
        const target = slots[y];
        for (let c = x; c < xEnd; c++) if (!target[c]) target[c] = cell;
      }
      if (xEnd > colCount) colCount = xEnd;
      x = xEnd;
    }
  }

  // Fill holes (sparse array entries and short rows) with null so every row has colCount slots.
  for (const row of slots) {
    for (let c = 0; c < colCount; c++) if (!row[c]) row[c] = null;
  }
  return { colCount, slots, cells };
}
