/** Header-to-data column alignment (lib/detect/align.ts) on the shapes real Word pastes print. */
import { describe, expect, it } from 'vitest';
import { alignSpans, valueColumns } from '../lib/detect/align';
import { buildGrid } from '../lib/grid';
import type { SourceTable } from '../lib/cell-source';

const span = (start: number, width = 1) => ({ start, end: start + width });

/** A table of rows of [text, colSpan] cells (no rowspans). */
function table(rows: [string, number][][]): SourceTable<null> {
  return { ref: null, rows: rows.map((cells) => ({ cells: cells.map(([text, colSpan]) => ({ ref: null, text, rowSpan: 1, colSpan, isHeader: false })) })) };
}

describe('alignSpans', () => {
  it('pingtan-2021: 自然人 colspan 2 over one value cell, 商业企业 colspan 2 one column right of its colspan-2 values', () => {
    const headers = [span(3, 2), span(4, 2), span(6), span(7), span(8), span(9), span(10)];
    const columns = [span(3), span(4, 2), span(6), span(7), span(8), span(9), span(10)];
    expect(alignSpans(headers, columns)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('shanghai-2019 table 2: 上一年项目数量 over the left half of a colspan-2 value, 本年增/减 colspan 2 over the rest', () => {
    expect(alignSpans([span(1), span(2, 2), span(4)], [span(1, 2), span(3), span(4)])).toEqual([0, 1, 2]);
  });

  it('keeps order, pairs only overlapping spans, and leaves a header over no value column unpaired', () => {
    expect(alignSpans([span(0), span(5), span(2)], [span(0), span(2)])).toEqual([0, -1, 1]);
    expect(alignSpans([span(0), span(1, 2)], [span(1, 2)])).toEqual([-1, 0]);
    expect(alignSpans([], [span(0)])).toEqual([]);
  });
});

describe('valueColumns', () => {
  it('takes the columns where most data rows start a cell; a row with one value cell does not vote', () => {
    const grid = buildGrid(
      table([
        [['label', 1], ['1', 1], ['2', 2], ['3', 1]],
        [['label', 1], ['1', 1], ['2', 2], ['3', 1]],
        [['label', 1], ['merged across all', 4]],
        [['label', 1], ['1', 1], ['2', 1], ['2b', 1], ['3', 1]],
      ]),
    );
    expect(valueColumns(grid, [0, 1, 2, 3], 1)).toEqual([span(1), span(2, 2), span(4)]);
  });
});
