/**
 * Value columns from header positions (lib/sources/pdf-stream.ts): each header's extent widened to the middle of the
 * gaps beside it; a value goes to the one column whose extent holds it. A value that straddles two extents, or a
 * second value in a column of one row, is not placed: the caller leaves the cell out and says why.
 */
import type { Piece } from './pdf-glyphs-layout';

export interface Column {
  x0: number;
  x1: number;
}

/** Header extents (left to right) → column extents that meet in the middle of each gap. */
export function columnsFrom(headers: readonly { x0: number; x1: number }[], size: number): Column[] {
  const gaps = headers.slice(1).map((h, i) => h.x0 - headers[i].x1);
  const sortedGaps = [...gaps].sort((a, b) => a - b);
  const outer = Math.max(size, (sortedGaps[Math.floor(sortedGaps.length / 2)] ?? 2 * size) / 2);
  return headers.map((h, i) => ({
    x0: i === 0 ? h.x0 - outer : (headers[i - 1].x1 + h.x0) / 2,
    x1: i === headers.length - 1 ? h.x1 + outer : (h.x1 + headers[i + 1].x0) / 2,
  }));
}

/** A value not placed: why (English; the caller words the note), the pieces printed, and the columns it may belong to. */
export interface LeftOut {
  why: string;
  pieces: Piece[];
  columns: number[];
  /** Printed left of the first column: `columns` is the first column, the nearest it may belong to. */
  leftOfColumns?: true;
}

export interface Placement {
  /** Per column, the value placed there, or null. */
  cells: (Piece | null)[];
  left: LeftOut[];
}

export function placeValues(values: readonly Piece[], columns: readonly Column[]): Placement {
  const cells: (Piece | null)[] = columns.map(() => null);
  const crowded = new Set<number>();
  const left: LeftOut[] = [];
  for (const v of values) {
    if (v.x1 <= columns[0].x0 + 0.5) {
      left.push({ why: `"${v.text}" lies left of the first column, outside every column`, pieces: [v], columns: [0], leftOfColumns: true });
      continue;
    }
    const holders = columns.map((c, i) => (v.x0 >= c.x0 - 0.5 && v.x1 <= c.x1 + 0.5 ? i : -1)).filter((i) => i >= 0);
    if (holders.length !== 1) {
      const overlapped = columns.map((c, i) => (v.x0 < c.x1 && v.x1 > c.x0 ? i : -1)).filter((i) => i >= 0);
      left.push({ why: `"${v.text}" lies across two columns or outside them`, pieces: [v], columns: overlapped });
      continue;
    }
    const i = holders[0];
    if (cells[i]) {
      crowded.add(i);
      left.push({ why: `two values ("${cells[i]!.text}", "${v.text}") in one column of one row`, pieces: [cells[i]!, v], columns: [i] });
    } else cells[i] = v;
  }
  for (const i of crowded) cells[i] = null;
  return { cells, left };
}
