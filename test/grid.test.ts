import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellsInRow } from '../lib/detect/labels';
import { buildGrid } from '../lib/grid';
import type { SourceTable } from '../lib/cell-source';

type Spec = [text: string, rowSpan?: number, colSpan?: number];
function table(rows: Spec[][]): SourceTable<string> {
  return {
    ref: 'table',
    rows: rows.map((cells) => ({
      cells: cells.map(([text, rowSpan = 1, colSpan = 1]) => ({ ref: text, text, rowSpan, colSpan, isHeader: false })),
    })),
  };
}
/** The grid as text, '.' for an empty slot. */
const layout = (rows: Spec[][]) =>
  buildGrid(table(rows)).slots.map((row) => row.map((c) => (c ? c.text : '.')).join(' '));

describe('buildGrid', () => {
  it('places rowspans and colspans like the HTML table model', () => {
    expect(layout([[['a', 2], ['b', 1, 2]], [['c'], ['d']]])).toEqual(['a b b', 'a c d']);
  });
  it('rowspan 0 extends to the last row', () => {
    expect(layout([[['a', 0], ['b']], [['c']], [['d']]])).toEqual(['a b', 'a c', 'a d']);
  });
  it('colspan 0 counts as 1, NaN and negatives as 1', () => {
    expect(layout([[['a', 1, 0], ['b', NaN, -3]]])).toEqual(['a b']);
  });
  it('clamps colspan to 1000 and rowspan to the rows present', () => {
    const grid = buildGrid(table([[['a', 70000, 5000]], [['b']]]));
    expect(grid.rowCount).toBe(2);
    expect(grid.cells[0].rowSpan).toBe(2);
    expect(grid.cells[0].colSpan).toBe(1000);
    expect(grid.slots[1][1000 - 1]?.text).toBe('a');
    expect(grid.cells[1].col).toBe(1000);
    expect(grid.colCount).toBe(1001);
  });
  it('ragged rows leave null slots', () => {
    expect(layout([[['a'], ['b'], ['c']], [['d']]])).toEqual(['a b c', 'd . .']);
  });
  it('keeps the earlier cell where a colspan runs into a rowspan (table model error)', () => {
    // b covers column 1 of rows 0–1; c in row 1 starts at column 0 with colspan 3 and runs into b.
    const grid = buildGrid(table([[['a'], ['b', 2]], [['c', 1, 3]]]));
    expect(grid.slots[1].map((c) => c?.text)).toEqual(['c', 'b', 'c']);
    expect(cellsInRow(grid, 1).map((c) => c.text)).toEqual(['c', 'b']);
  });
  it('normalises labels', () => {
    const grid = buildGrid(table([[['商业\n企\u00a0业']]]));
    expect(grid.cells[0].label).toBe('商业企业');
  });
  it('handles an empty table', () => {
    const grid = buildGrid(table([]));
    expect(grid).toMatchObject({ rowCount: 0, colCount: 0, slots: [], cells: [] });
  });

  it('property: never throws, every cell at its anchor, slots consistent', () => {
    const span = fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constant(NaN), fc.constant(0), fc.constant(2000));
    const rows = fc.array(fc.array(fc.tuple(fc.string({ maxLength: 3 }), span, span), { maxLength: 6 }), { maxLength: 8 });
    fc.assert(
      fc.property(rows, (spec) => {
        const grid = buildGrid(table(spec as Spec[][]));
        expect(grid.rowCount).toBe(spec.length);
        expect(grid.slots.length).toBe(grid.rowCount);
        for (const row of grid.slots) expect(row.length).toBe(grid.colCount);
        expect(grid.cells.length).toBe(spec.reduce((n, r) => n + r.length, 0));
        for (const cell of grid.cells) {
          expect(grid.slots[cell.row][cell.col]).toBe(cell);
          expect(cell.row + cell.rowSpan).toBeLessThanOrEqual(grid.rowCount);
          expect(cell.col + cell.colSpan).toBeLessThanOrEqual(grid.colCount);
          expect(cell.rowSpan).toBeGreaterThanOrEqual(1);
          expect(cell.colSpan).toBeGreaterThanOrEqual(1);
        }
        // A slot holds at most one cell by construction; check each holder really spans that slot.
        let strays = 0;
        grid.slots.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (!cell) return;
            const inside = r >= cell.row && r < cell.row + cell.rowSpan && c >= cell.col && c < cell.col + cell.colSpan;
            if (!inside) strays++;
          }),
        );
        expect(strays).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
