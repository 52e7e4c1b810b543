/**
 * Placed tables: cell boxes with their text, possibly over several pages, and how they become the engine's
 * SourceTable (rows of cells with row and column spans).
 *
 * A table that runs over a page break is drawn as two tables, the second at the top of the next page. They are one
 * table when nothing but margin text (a page number) lies between them and their outer edges line up; the second's
 * header rows are dropped when they repeat the first's, and a merged label cell the break cut in two is one cell
 * again: below it on the new page, in the same columns, an empty cell or the rest of its label (`（四）无` + `法提供`,
 * not a label of its own such as `（五）…`, nor a number), where either part spans rows.
 */
import type { SourceCell, SourceRow, SourceTable } from '../cell-source';
import { looksNumeric, normaliseLabel } from '../text';
import type { Box } from './pdf-lattice';
import { joinsIntoLabel } from './pdf-labels';
import type { PdfRef } from './pdf-types';

export interface PlacedCell {
  page: number;
  /** The box on its page. */
  box: Box;
  /** Top and bottom in flow units: pages stacked one under the other, so rows of a continued table follow on. */
  top: number;
  bottom: number;
  text: string;
}

export interface PlacedTable {
  page: number;
  box: Box;
  /** The page (and box on it) where the table ends. */
  lastPage: number;
  lastBox: Box;
  cells: PlacedCell[];
}

/** Two edges this close (PDF units) are the same column edge. */
const EDGE = 3;
/**
 * Two row edges this close are one: no row of text is this low, but a browser printing a row cut by a page break
 * draws a sliver of border there.
 */
const ROW_EDGE = 8;

/**
 * May `next` (first table of its page) continue `table` (last table of the page before)? Their right edges line up,
 * and so do their left edges, or `next` starts at one of `table`'s column edges (a browser does not draw the rest of a
 * merged label column on the next page).
 */
export function lineUp(table: PlacedTable, next: PlacedTable): boolean {
  if (Math.abs(table.box.x1 - next.box.x1) > EDGE) return false;
  return Math.abs(table.box.x0 - next.box.x0) <= EDGE || (next.box.x0 > table.box.x0 && table.cells.some((c) => Math.abs(c.box.x0 - next.box.x0) <= EDGE));
}

/** `next`'s rows appended below `table`'s; see the top of this file. */
export function joinTables(table: PlacedTable, next: PlacedTable): PlacedTable {
  const rest = dropRepeatedHeader(table, next.cells);
  if (rest.length === 0) return table;
  const lastBottom = Math.max(...table.cells.map((c) => c.bottom));
  // The continuation's rows follow on directly: no gap row for the page margins in between.
  const shift = lastBottom - Math.min(...rest.map((c) => c.top));
  const moved = rest.map((c) => ({ ...c, top: c.top + shift, bottom: c.bottom + shift })).sort((a, b) => a.top - b.top);
  // Cells the page break cut: the last row's cells that span rows, or whose continuation below does.
  const open = table.cells.filter((c) => c.bottom >= lastBottom - 0.5);
  const kept: PlacedCell[] = [];
  const firstRow = moved.filter((c) => c.top <= lastBottom + ROW_EDGE);
  const splitRow = rowCutInTwo(open, firstRow);
  for (const cell of moved) {
    const part = splitRow?.get(cell);
    if (part) {
      part.bottom = Math.max(part.bottom, cell.bottom);
      if (cell.text.trim() !== '') part.text = part.text.trim() === '' ? cell.text : `${part.text}\n${cell.text}`;
      continue;
    }
    const above =
      continuesLabel(cell.text)
        ? open.find(
            (c) =>
              Math.abs(c.bottom - cell.top) <= ROW_EDGE &&
              Math.abs(c.box.x0 - cell.box.x0) <= EDGE &&
              Math.abs(c.box.x1 - cell.box.x1) <= EDGE &&
              (rowsSpanned(c, table.cells) > 1 || rowsSpanned(cell, moved) > 1 || c.bottom > lastBottom + 0.5),
          )
        : undefined;
    if (above) {
      above.bottom = Math.max(above.bottom, cell.bottom);
      if (cell.text.trim() !== '') above.text += `\n${cell.text}`;
    } else kept.push(cell);
  }
  return { page: table.page, box: table.box, lastPage: next.lastPage, lastBox: next.lastBox, cells: [...table.cells, ...kept] };
}

const sameColumns = (a: PlacedCell, b: PlacedCell) => Math.abs(a.box.x0 - b.box.x0) <= EDGE && Math.abs(a.box.x1 - b.box.x1) <= EDGE;
const blank = (c: PlacedCell) => c.text.trim() === '';

/**
 * One row the page break cut in two (Word and browsers split a tall row): below the break, the cells that sit in the
 * same columns as a cell above it continue that cell when no column has text on both sides except a label whose two
 * parts make a template label (`4.无正当理由大` + `量反复申请`, `自然` + `人`), and the cut shows: such a label, or
 * text that is only above in one column and only below in another (a label above, its numbers below).
 * Returns each lower part's upper part.
 */
function rowCutInTwo(above: PlacedCell[], below: PlacedCell[]): Map<PlacedCell, PlacedCell> | null {
  const pairs = new Map<PlacedCell, PlacedCell>();
  let joined = false;
  let onlyAbove = false;
  let onlyBelow = false;
  for (const b of below) {
    const a = above.find((c) => sameColumns(c, b));
    if (!a) continue;
    if (!blank(a) && !blank(b)) {
      if (!joinsIntoLabel(a.text, b.text)) return null;
      joined = true;
    } else if (!blank(a)) onlyAbove = true;
    else if (!blank(b)) onlyBelow = true;
    pairs.set(b, a);
  }
  return joined || (onlyAbove && onlyBelow) ? pairs : null;
}

/** A row label starts with its number: （四）, 三、, 2. A cut cell's rest (`法提供`) or an empty one does not. */
const NUMBERED = /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+\s*[.．、])/;

function continuesLabel(text: string): boolean {
  return text.trim() === '' || !(NUMBERED.test(text) || looksNumeric(text));
}

function rowsSpanned(cell: PlacedCell, cells: PlacedCell[]): number {
  const edges = new Set<number>();
  for (const c of cells) if (c.top > cell.top + 0.5 && c.top < cell.bottom - 0.5) edges.add(Math.round(c.top));
  return edges.size + 1;
}

/** The continuation without the rows that repeat the first part's header (same texts, row by row). */
function dropRepeatedHeader(table: PlacedTable, cells: PlacedCell[]): PlacedCell[] {
  const rowsOf = (list: PlacedCell[]) => {
    const tops = [...new Set(list.map((c) => Math.round(c.top)))].sort((a, b) => a - b);
    return tops.map((top) => ({
      top,
      key: list
        .filter((c) => Math.round(c.top) === top)
        .sort((a, b) => a.box.x0 - b.box.x0)
        .map((c) => normaliseLabel(c.text))
        .join('|'),
    }));
  };
  const first = rowsOf(table.cells);
  const next = rowsOf(cells);
  let repeated = 0;
  while (repeated < next.length - 1 && repeated < first.length && next[repeated].key === first[repeated].key && next[repeated].key.replace(/\|/g, '') !== '') repeated++;
  if (repeated === 0) return cells;
  const cut = next[repeated].top;
  return cells.filter((c) => Math.round(c.top) >= cut);
}

/** Pages stacked in flow units: a page's y plus this much per page before it (no PDF page is this tall). */
const PAGE_STRIDE = 20_000;

export const flowY = (page: number, y: number) => (page - 1) * PAGE_STRIDE + y;

/**
 * The engine's view of a placed table: rows by the distinct cell edges, spans by the edges a cell covers. Each row's
 * cells come left to right as the HTML table model would place them; a slot no cell covers (edges that do not quite
 * meet) gets an empty cell, so no cell slides left into another column.
 */
export function toSourceTable(table: PlacedTable): SourceTable<PdfRef> {
  const xs = edges(table.cells.flatMap((c) => [c.box.x0, c.box.x1]));
  const ys = edges(table.cells.flatMap((c) => [c.top, c.bottom]), ROW_EDGE);
  const rowCount = Math.max(ys.length - 1, 0);
  const colCount = Math.max(xs.length - 1, 0);
  const owner: (number | null)[][] = Array.from({ length: rowCount }, () => new Array(colCount).fill(null));
  const placed = table.cells.map((cell) => {
    const r0 = nearest(ys, cell.top);
    const c0 = nearest(xs, cell.box.x0);
    return { cell, r0, c0, rowSpan: Math.max(1, nearest(ys, cell.bottom) - r0), colSpan: Math.max(1, nearest(xs, cell.box.x1) - c0) };
  });
  placed.forEach((p, i) => {
    if (p.r0 >= rowCount || p.c0 >= colCount || owner[p.r0][p.c0] !== null) return;
    for (let r = p.r0; r < Math.min(rowCount, p.r0 + p.rowSpan); r++) {
      for (let c = p.c0; c < Math.min(colCount, p.c0 + p.colSpan); c++) owner[r][c] ??= i;
    }
  });
  const rows: SourceRow<PdfRef>[] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells: SourceCell<PdfRef>[] = [];
    for (let c = 0; c < colCount; c++) {
      const i = owner[r][c];
      if (i === null) {
        cells.push({ ref: fillerRef(table, placed, r, xs[c], xs[c + 1]), text: '', rowSpan: 1, colSpan: 1, isHeader: false });
        continue;
      }
      const p = placed[i];
      if (p.r0 !== r || p.c0 !== c) continue;
      cells.push({ ref: refOf(p.cell.page, p.cell.box), text: p.cell.text, rowSpan: p.rowSpan, colSpan: p.colSpan, isHeader: false });
    }
    rows.push({ cells });
  }
  return { ref: refOf(table.page, table.box), rows };
}

/** Where an uncovered slot is: between its column edges, at the height of a cell that starts in its row. */
function fillerRef(table: PlacedTable, placed: { cell: PlacedCell; r0: number }[], r: number, x0: number, x1: number): PdfRef {
  const beside = placed.find((p) => p.r0 === r)?.cell;
  if (!beside) return refOf(table.page, table.box);
  return refOf(beside.page, { x0, x1, y0: beside.box.y0, y1: beside.box.y1 });
}

function nearest(list: number[], value: number): number {
  let best = 0;
  for (let i = 1; i < list.length; i++) if (Math.abs(list[i] - value) < Math.abs(list[best] - value)) best = i;
  return best;
}

export function refOf(page: number, box: Box): PdfRef {
  return { page, x: round(box.x0), y: round(box.y0), width: round(box.x1 - box.x0), height: round(box.y1 - box.y0) };
}

const round = (n: number) => Math.round(n * 100) / 100;

function edges(values: number[], snap = EDGE): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1] > snap) out.push(v);
  return out;
}
