/** A table laid out on the HTML table model's slot grid. Produced by `buildGrid` in lib/grid.ts. */
export interface GridCell<Ref> {
  ref: Ref;
  text: string;
  /** Label form: all whitespace removed, full-width ASCII folded (see lib/text.ts normaliseLabel). */
  label: string;
  /** Anchor slot (top-left) and effective span after clamping to the grid. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  isHeader: boolean;
}

export interface Grid<Ref> {
  ref: Ref;
  rowCount: number;
  colCount: number;
  /** slots[r][c] is the cell covering that slot, or null where no cell covers it. */
  slots: (GridCell<Ref> | null)[][];
  /** Each cell once, in source order. */
  cells: GridCell<Ref>[];
}
