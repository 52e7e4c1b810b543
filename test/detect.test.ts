import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectTables, type Detection } from '../lib/detect';
import { buildGrid } from '../lib/grid';
import { table2Path, table3Path, table4Path, TABLE2_PATHS, TABLE3_PATHS, TABLE4_PATHS } from '../lib/paths';
import { loadHtml } from '../lib/sources/cheerio';
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../lib/template';
import { classifyCell } from '../lib/text';
import type { SourceTable } from '../lib/cell-source';
import {
  METADATA_TABLE,
  page,
  standardPage,
  t3Value,
  t4Value,
  table2Blocks,
  table2Html,
  table2Trial2019Html,
  table3Html,
  table3Rows,
  table4Html,
  table4Rows,
  T2_VALUES,
  type Table3Options,
} from './report-html';

function detect(html: string) {
  const doc = loadHtml(html);
  return { doc, detection: detectTables(doc.tables.map(buildGrid)) };
}
type D = Detection<unknown>;
const valueOf = (d: D, table: 'table2' | 'table3' | 'table4', path: string, decimal = false) => {
  const cell = d[table]?.cells.get(path);
  return cell ? classifyCell(cell.text, { decimal }).value : undefined;
};

function expectTable2(d: D) {
  const triple = (item: 'regulations' | 'normativeDocuments') =>
    ['made', 'repealed', 'valid'].map((c) => valueOf(d, 'table2', table2Path(item, c)));
  expect(triple('regulations')).toEqual(T2_VALUES.regulations);
  expect(triple('normativeDocuments')).toEqual(T2_VALUES.normativeDocuments);
  expect(['licensing', 'punishment', 'coercion'].map((k) => valueOf(d, 'table2', table2Path(k)))).toEqual([
    T2_VALUES.licensing,
    T2_VALUES.punishment,
    T2_VALUES.coercion,
  ]);
  expect(valueOf(d, 'table2', 'table2.fees', true)).toBe(Number(T2_VALUES.fees));
}

function expectTable3(d: D, options: Table3Options = {}) {
  const skip = (row: (typeof TABLE3_ROWS)[number]) => options.trial2019 && row.group === '（六）其他处理';
  TABLE3_ROWS.forEach((row, i) => {
    TABLE3_COLUMNS.forEach((col, j) => {
      const path = table3Path(col.key, row.key);
      const cell = d.table3?.cells.get(path);
      if (skip(row)) return expect(cell, path).toBeUndefined();
      if (options.blankLegal && j >= 1 && j <= 5) return expect(classifyCell(cell!.text).kind, path).toBe('blank');
      expect(cell && classifyCell(cell.text).value, path).toBe(t3Value(i, j));
    });
  });
}

function expectTable4(d: D) {
  const values = TABLE4_BLOCKS.flatMap((b) => TABLE4_COLUMNS.map((c) => valueOf(d, 'table4', table4Path(b.key, c.key))));
  expect(values).toEqual(TABLE4_BLOCKS.flatMap((_, b) => TABLE4_COLUMNS.map((__, c) => t4Value(b, c))));
}

describe('detectTables', () => {
  it('reads the Pingtan shape: rowspan headers and rowspan group labels', () => {
    const { doc, detection } = detect(standardPage());
    expect(detection.format).toBe('2021');
    expectTable2(detection);
    expectTable3(detection);
    expectTable4(detection);
    expect(detection.table2!.refs).toEqual([doc.tables[0].ref]);
    expect(detection.table3!.refs).toEqual([doc.tables[1].ref]);
    expect(detection.table4!.refs).toEqual([doc.tables[2].ref]);
  });

  it('reads the hangzhou shape: empty placeholder cells instead of rowspan', () => {
    const { detection } = detect(standardPage({ t3: { header: 'placeholder' }, t4: { header: 'placeholder' } }));
    expectTable3(detection);
    expectTable4(detection);
  });

  it('reads Word paste: labels split over <p>/<span>/<font> with &nbsp;, U+3000, <o:p>', () => {
    const word = { word: true };
    const html = standardPage({ t2: word, t3: word, t4: word });
    expect(html).toContain('<o:p></o:p>');
    const { detection } = detect(html);
    expectTable2(detection);
    expectTable3(detection);
    expectTable4(detection);
  });

  it('ignores a metadata table before the report', () => {
    const { doc, detection } = detect(standardPage({ metadata: true }));
    expect(doc.tables).toHaveLength(4);
    expect(detection.table2!.refs).toEqual([doc.tables[1].ref]);
    expectTable2(detection);
    expectTable3(detection);
  });

  it('reads table 2 published as four small tables', () => {
    const { doc, detection } = detect(standardPage({ t2: { split: true } }));
    expect(detection.table2!.refs).toEqual(doc.tables.slice(0, 4).map((t) => t.ref));
    expect(detection.table2!.cells.size).toBe(TABLE2_PATHS.length);
    expectTable2(detection);
  });

  it('reads 规范性文件 for 行政规范性文件 and the heading typo 行政法复议', () => {
    const { detection } = detect(standardPage({ t2: { shortNormative: true }, t4: { typo: true } }));
    expectTable2(detection);
    expectTable4(detection);
  });

  it('reads table 4 whose 行政诉讼 header is not split into 未经复议直接起诉 / 复议后起诉', () => {
    const sub = TABLE4_COLUMNS.map((c) => `<td>${c.zh}</td>`).join('');
    const values = TABLE4_BLOCKS.flatMap((_, b) => TABLE4_COLUMNS.map((__, c) => `<td>${t4Value(b, c)}</td>`)).join('');
    const html = page(`<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr><tr>${sub}${sub}${sub}</tr><tr>${values}</tr></table>`);
    expectTable4(detect(html).detection);
  });

  it('reads tables 3 and 4 merged into one <table>', () => {
    const { doc, detection } = detect(page(table2Html() + `<table>${[...table3Rows(), ...table4Rows()].join('')}</table>`));
    expect(doc.tables).toHaveLength(2);
    expect(detection.table3!.refs).toEqual([doc.tables[1].ref]);
    expect(detection.table4!.refs).toEqual([doc.tables[1].ref]);
    expectTable3(detection);
    expectTable4(detection);
  });

  it('reads tables 2, 3 and 4 all in one <table>', () => {
    const rows = [...table2Blocks().flat(), ...table3Rows({ header: 'placeholder' }), ...table4Rows()];
    const { doc, detection } = detect(page(`<table>${rows.join('')}</table>`));
    expect(doc.tables).toHaveLength(1);
    expectTable2(detection);
    expectTable3(detection);
    expectTable4(detection);
  });

  it('accepts and ignores group subtotal rows and a 法人或其他组织 subtotal column', () => {
    const options: Table3Options = { groups: 'ownRow', legalSubtotal: true };
    const { detection } = detect(page(table3Html(options)));
    expectTable3(detection, options);
    expect(detection.table3!.cells.size).toBe(TABLE3_PATHS.length);
    const mapped = [...detection.table3!.cells.values()].map((c) => Number(c.text));
    expect(mapped.filter((v) => v >= 800)).toEqual([]);
    expect(detection.format).toBe('2021');
  });

  it('maps blank 法人或其他组织 columns to their (blank) cells', () => {
    const options: Table3Options = { blankLegal: true };
    const { detection } = detect(page(table3Html(options)));
    expectTable3(detection, options);
  });

  it('reads a one-row 其他处理 as the row results.other; alone it does not make the 2019 format (a hybrid layout)', () => {
    const options: Table3Options = { trial2019: true };
    const { detection } = detect(page(table3Html(options)));
    expect(detection.format).toBe('2021');
    expect(detection.otherOneRow).toBe(true);
    expectTable3(detection, options);
    for (const column of TABLE3_COLUMNS) expect(detection.table3!.cells.has(table3Path(column.key, 'results.other')), column.key).toBe(true);
  });

  it('names the 2019 format from table 2 and reads its blocks by the 2019 template, not as 2021 cells', () => {
    const { detection } = detect(page(table2Trial2019Html()));
    expect(detection.format).toBe('2019');
    // 本年新制作数量 is not 本年制发件数; 上一年项目数量 is not a fee amount: no 2021 path is read.
    expect(detection.table2!.cells.has(table2Path('regulations', 'made'))).toBe(false);
    expect(detection.table2!.cells.has('table2.fees')).toBe(false);
    expect(valueOf(detection, 'table2', 'table2.regulations.newlyMade')).toBe(1);
    expect(valueOf(detection, 'table2', 'table2.licensing.decisions')).toBe(7);
    expect(valueOf(detection, 'table2', 'table2.fees.previousItems')).toBe(3);
    expect(valueOf(detection, 'table2', 'table2.procurement.projects')).toBe(2);
  });

  it('finds nothing on a page with only a metadata table', () => {
    const { detection } = detect(page(METADATA_TABLE + '<p>一、总体情况</p>'));
    expect(detection).toMatchObject({ table2: null, table3: null, table4: null, format: '2021' });
  });

  it('finds table 3 alone when it is the only table', () => {
    const { detection } = detect(page(table3Html()));
    expect(detection.table2).toBeNull();
    expect(detection.table4).toBeNull();
    expectTable3(detection);
  });

  it('property: never throws on random tables made of report labels', () => {
    const words = ['自然人', '总计', '商业企业', '其他', '行政复议', '复议后起诉', '结果维持', '规章', '第二十条第（一）项',
      '（三）不予公开', '1.属于国家秘密', '一、本年新收政府信息公开申请数量', '信息内容', '本年制发件数', '3', '', '/'];
    const cell = fc.record({
      text: fc.constantFrom(...words),
      rowSpan: fc.integer({ min: 0, max: 4 }),
      colSpan: fc.integer({ min: 0, max: 4 }),
    });
    const tables = fc.array(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 10 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(tables, (spec) => {
        const sources: SourceTable<number>[] = spec.map((rows, t) => ({
          ref: t,
          rows: rows.map((cells) => ({ cells: cells.map((c) => ({ ...c, ref: t, isHeader: false })) })),
        }));
        const detection = detectTables(sources.map(buildGrid));
        expect(['2021', '2019']).toContain(detection.format);
        // Every cell found is a template cell of its table, read from one of the tables the detection names.
        const paths = { table2: TABLE2_PATHS, table3: TABLE3_PATHS, table4: TABLE4_PATHS };
        for (const id of ['table2', 'table3', 'table4'] as const) {
          for (const [path, cell] of detection[id]?.cells ?? []) {
            expect(paths[id]).toContain(path);
            expect(detection[id]!.refs).toContain(cell.ref);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
