import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchorWords, gridMentions, mayHoldReportTable, SMALL_GRID } from '../lib/detect/anchors';
import { detectTables } from '../lib/detect';
import { buildGrid, cellCount, gridTexts } from '../lib/grid';
import { loadHtml } from '../lib/sources/cheerio';
import { normaliseLabel } from '../lib/text';
import type { SourceTable } from '../lib/cell-source';
import { standardPage } from './report-html';

const tableOf = (texts: string[][]): SourceTable<string> => ({
  ref: 'table',
  rows: texts.map((row) => ({ cells: row.map((text) => ({ ref: text, text, rowSpan: 1, colSpan: 1, isHeader: false })) })),
});

describe('anchor-word prefilter', () => {
  it('anchor words come from the detectors: table 2 marks, 自然人, 复议', () => {
    for (const word of ['第二十条', '信息内容', '本年制发件数', '自然人', '复议', '起诉', '诉讼']) expect(anchorWords()).toContain(word);
  });

  it.each([
    ['small grid', 0],
    ['large grid', SMALL_GRID],
  ])('a grid mentions a word exactly when one of its cell labels contains it: %s', (_name, padding) => {
    // Pieces of anchor words with whitespace of every kind, full-width letters and quotes between them.
    const piece = fc.constantFrom('自', '然', '人', '复议', '诉', '讼', '起', '第二十条', '信息', '内容', ' ', '\u3000', '\u00a0', '\u200b', '\n', 'Ａ', '“', '1', '');
    const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const grid = buildGrid(tableOf([...rows, Array.from({ length: padding }, () => '12')]));
        const byLabels = grid.cells.some((cell) => anchorWords().some((w) => normaliseLabel(cell.text).includes(w)));
        expect(gridMentions(grid, anchorWords())).toBe(byLabels);
      }),
      { numRuns: 500 },
    );
  });

  it('a word split over two cells is not a mention', () => {
    const filler = Array.from({ length: SMALL_GRID }, () => '12');
    for (const padding of [[], filler]) {
      expect(gridMentions(buildGrid(tableOf([['自然', '人'], padding])), ['自然人'])).toBe(false);
      expect(gridMentions(buildGrid(tableOf([['自 然\u3000人'], padding])), ['自然人'])).toBe(true);
    }
  });

  it('only a large grid without anchor words is dropped', () => {
    const rows = (n: number, text: string) => [Array.from({ length: n }, () => text)];
    expect(mayHoldReportTable(buildGrid(tableOf(rows(SMALL_GRID, '附件'))))).toBe(true);
    expect(mayHoldReportTable(buildGrid(tableOf(rows(SMALL_GRID + 1, '附件'))))).toBe(false);
    expect(mayHoldReportTable(buildGrid(tableOf([...rows(SMALL_GRID + 1, '附件'), ['行政 复议']])))).toBe(true);
  });

  it('unrelated tables before, between and after the report change nothing', () => {
    const filler = `<table>${'<tr><td>附件</td><td>编号</td><td>12</td></tr>'.repeat(SMALL_GRID / 2)}</table>`;
    const plain = loadHtml(standardPage());
    const padded = loadHtml(standardPage().replace(/<table/g, `${filler}<table`).replace('</body>', `${filler}</body>`));
    const view = (tables: typeof plain.tables) => {
      const d = detectTables(tables.map(buildGrid));
      return (['table2', 'table3', 'table4'] as const).map((t) => [...(d[t]?.cells ?? [])].map(([path, cell]) => [path, cell.text]));
    };
    expect(padded.tables.length).toBeGreaterThan(plain.tables.length);
    expect(view(padded.tables)).toEqual(view(plain.tables));
    expect(view(plain.tables)[1].length).toBeGreaterThan(0);
  });
});

describe('lazy layout and labels', () => {
  it('gridTexts gives the texts of grid.cells, before and after the layout', () => {
    const spans = fc.record({ text: fc.string({ maxLength: 3 }), rowSpan: fc.integer({ min: 0, max: 3 }), colSpan: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(fc.array(spans, { maxLength: 4 }), { maxLength: 4 }), (rows) => {
        const source: SourceTable<string> = {
          ref: 't',
          rows: rows.map((cells) => ({ cells: cells.map((c) => ({ ref: c.text, ...c, isHeader: false })) })),
        };
        const before = gridTexts(buildGrid(source));
        const grid = buildGrid(source);
        expect(before).toEqual(grid.cells.map((c) => c.text));
        expect(gridTexts(grid)).toEqual(before);
        expect(cellCount(buildGrid(source))).toBe(grid.cells.length);
      }),
    );
  });


  it('a cell label is normaliseLabel of its text, read any number of times', () => {
    const grid = buildGrid(tableOf([['（一）商业\u3000企业', '“其他”'], ['１２', '']]));
    expect(grid.cells.map((c) => c.label)).toEqual(['(一)商业企业', '"其他"', '12', '']);
    expect(grid.cells.map((c) => c.label)).toEqual(['(一)商业企业', '"其他"', '12', '']);
  });
});
