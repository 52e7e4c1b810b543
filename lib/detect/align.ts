/**
 * Header-to-data column alignment. A Word paste can print header cells whose spans do not line up with the value
 * cells below them (pingtan-2021: 自然人 colspan 2 over one value cell, 商业企业 colspan 2 shifted one column right
 * of its colspan-2 values). So the value columns are taken from the data rows themselves (where most rows start a
 * cell), and each header is matched to the value column it overlaps, keeping left-to-right order.
 */
import type { Grid } from '../grid.types';

/** A run of grid columns [start, end). */
export interface Span {
  start: number;
  end: number;
}

/**
 * The value columns of `rows` right of `from`: a grid column starts one where at least half of the rows start a cell
 * there, and it runs to the next such start. Rows with fewer than two value cells (group labels, notes) do not vote.
 */
export function valueColumns<Ref>(grid: Grid<Ref>, rows: readonly number[], from: number): Span[] {
  const starts = new Array<number>(grid.colCount).fill(0);
  let voters = 0;
  for (const r of rows) {
    const row = grid.slots[r];
    if (!row) continue;
    const cellStarts: number[] = [];
    for (let c = from; c < grid.colCount; c++) {
      const cell = row[c];
      if (cell && cell.col === c && cell.row <= r) cellStarts.push(c);
    }
    if (cellStarts.length < 2) continue;
    voters++;
    for (const c of cellStarts) starts[c]++;
  }
  if (voters === 0) return [];
  const columns: number[] = [];
  for (let c = from; c < grid.colCount; c++) if (starts[c] * 2 >= voters) columns.push(c);
  return columns.map((start, i) => ({ start, end: columns[i + 1] ?? grid.colCount }));
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * For each header span (in left-to-right order), the index of the value column it heads, or -1. The alignment keeps
 * order and pairs only overlapping spans; among those it takes the most pairs, then the most overlapping columns.
 */
export function alignSpans(headers: readonly Span[], columns: readonly Span[]): number[] {
  const n = headers.length;
  const m = columns.length;
  // best[i][j]: [pairs, overlap] using headers[0, i) and columns[0, j).
  const best: [number, number][][] = Array.from({ length: n + 1 }, () => Array.from({ length: m + 1 }, () => [0, 0] as [number, number]));
  const better = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let candidate = better(best[i - 1][j], best[i][j - 1]) ? best[i - 1][j] : best[i][j - 1];
      const shared = overlap(headers[i - 1], columns[j - 1]);
      if (shared > 0) {
        const paired: [number, number] = [best[i - 1][j - 1][0] + 1, best[i - 1][j - 1][1] + shared];
        if (better(paired, candidate)) candidate = paired;
      }
      best[i][j] = candidate;
    }
  }
  const result = new Array<number>(n).fill(-1);
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const shared = overlap(headers[i - 1], columns[j - 1]);
    const here = best[i][j];
    const diagonal = best[i - 1][j - 1];
    if (shared > 0 && here[0] === diagonal[0] + 1 && here[1] === diagonal[1] + shared) {
      result[i - 1] = j - 1;
      i--;
      j--;
    } else if (here[0] === best[i - 1][j][0] && here[1] === best[i - 1][j][1]) i--;
    else j--;
  }
  return result;
}
