/** The two pages in ../shared/realworld, checked against every value their README lists. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import { cellAt, table2Path, table3Path, table4Path } from '../lib/paths';
import { ReportSchema, type Report } from '../lib/report';
import { loadHtml } from '../lib/sources/cheerio';
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../lib/template';

const REALWORLD = fileURLToPath(new URL('../../shared/realworld/', import.meta.url));
const check = (file: string) => checkDocument(loadHtml(readFileSync(REALWORLD + file, 'utf8')));

const valueAt = (report: Report, path: string) => {
  const cell = cellAt(report, path);
  if (!cell) throw new Error(`no cell at ${path}`);
  return cell.value;
};

/** table 3 as { rowKey: [7 values in TABLE3_COLUMNS order] } → the report's values in the same shape. */
function table3Values(report: Report, rows: Record<string, number[]>) {
  return Object.fromEntries(
    Object.keys(rows).map((rowKey) => [rowKey, TABLE3_COLUMNS.map((c) => valueAt(report, table3Path(c.key, rowKey)))]),
  );
}
const table4Values = (report: Report) =>
  TABLE4_BLOCKS.flatMap((b) => TABLE4_COLUMNS.map((c) => valueAt(report, table4Path(b.key, c.key))));

function expectTable2(report: Report, expected: { regulations: number[]; normativeDocuments: number[]; single: number[] }) {
  const triple = (item: string) => ['made', 'repealed', 'valid'].map((c) => valueAt(report, table2Path(item, c)));
  expect(triple('regulations')).toEqual(expected.regulations);
  expect(triple('normativeDocuments')).toEqual(expected.normativeDocuments);
  expect(['licensing', 'punishment', 'coercion', 'fees'].map((k) => valueAt(report, table2Path(k)))).toEqual(expected.single);
}

const zeros = () => [0, 0, 0, 0, 0, 0, 0];

describe('pingtan-2023.html (real page)', () => {
  const { result, refs, tableRefs } = check('pingtan-2023.html');
  const report = result.report!;

  it('is found, parsed and valid against the schema', () => {
    expect(result.status).toBe('ok');
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.format).toBe('2021');
    expect(tableRefs.table2).toHaveLength(1);
    expect(tableRefs.table3).toHaveLength(1);
    expect(tableRefs.table4).toHaveLength(1);
    expect(refs.size).toBe(10 + 175 + 15);
  });

  it('meta: title from <title>, organ and year', () => {
    expect(report.meta).toEqual({ title: '平潭综合实验区2023年度政府信息公开工作年度报告', organ: '平潭综合实验区', year: 2023, url: null });
  });

  it('table 2', () => {
    expectTable2(report, { regulations: [0, 0, 0], normativeDocuments: [77, 132, 470], single: [2629, 1330, 54, 5949.088667] });
    expect(report.table2!.fees).toEqual({ raw: '5949.088667', kind: 'number', value: 5949.088667 });
  });

  it('table 3: every row and column', () => {
    const rows: Record<string, number[]> = Object.fromEntries(TABLE3_ROWS.map((r) => [r.key, zeros()]));
    const nonZero: Record<string, [number, number, number]> = {
      newReceived: [80, 1, 81],
      'results.granted': [22, 0, 22],
      'results.partialGrant': [19, 1, 20],
      'results.denied.thirdPartyRights': [1, 0, 1],
      'results.denied.processInfo': [1, 0, 1],
      'results.denied.enforcementCase': [1, 0, 1],
      'results.denied.adminQuery': [2, 0, 2],
      'results.unableToProvide.noInfo': [31, 0, 31],
      'results.notProcessed.repeat': [1, 0, 1],
      'results.other.overdueCorrection': [1, 0, 1],
      'results.other.otherReasons': [1, 0, 1],
      'results.totalProcessed': [80, 1, 81],
    };
    for (const [key, [natural, commercial, total]] of Object.entries(nonZero)) rows[key] = [natural, commercial, 0, 0, 0, 0, total];
    expect(table3Values(report, rows)).toEqual(rows);
    for (const path of Object.keys(rows).flatMap((r) => TABLE3_COLUMNS.map((c) => table3Path(c.key, r)))) {
      expect(['number', 'zero']).toContain(cellAt(report, path)!.kind);
    }
  });

  it('table 3 category subtotals in the 总计 column', () => {
    const sum = (group: string) =>
      TABLE3_ROWS.filter((r) => r.group === group).reduce((s, r) => s + (valueAt(report, table3Path('total', r.key)) ?? 0), 0);
    expect([sum('（三）不予公开'), sum('（四）无法提供'), sum('（五）不予处理'), sum('（六）其他处理')]).toEqual([5, 31, 1, 2]);
  });

  it('table 4', () => {
    expect(table4Values(report)).toEqual([1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]);
  });

  it('no rule gives an error; the text-vs-table 393 ≠ 470 disagreement is a warning', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const valid = result.findings.filter((f) => f.target === 'table2.normativeDocuments.valid');
    expect(valid.map((f) => ({ rule: f.rule, severity: f.severity, expected: f.expected, found: f.found }))).toEqual([
      { rule: 'TEXT-T2-VALID', severity: 'warning', expected: 470, found: 393 },
    ]);
  });
});

describe('hangzhou-style.html (synthetic, nested <html>)', () => {
  const { result } = check('hangzhou-style.html');
  const report = result.report!;

  it('is found, parsed and valid against the schema', () => {
    expect(result.status).toBe('ok');
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('meta', () => {
    expect(report.meta).toEqual({ title: '测试市2025年政府信息公开工作年度报告', organ: '测试市', year: 2025, url: null });
  });

  it('table 2', () => {
    expectTable2(report, { regulations: [3, 5, 74], normativeDocuments: [564, 984, 4185], single: [11398889, 6937489, 166105, 316441] });
  });

  it('table 3: every row and column', () => {
    const rows: Record<string, number[]> = {
      newReceived: [13612, 252, 0, 45, 128, 32, 14069],
      carriedOver: [535, 6, 0, 1, 18, 0, 560],
      'results.granted': [5345, 129, 0, 41, 19, 14, 5548],
      'results.partialGrant': [2120, 39, 0, 1, 6, 2, 2168],
      'results.denied.stateSecret': [13, 0, 0, 0, 0, 0, 13],
      'results.denied.lawForbidden': [30, 0, 0, 0, 0, 0, 30],
      'results.denied.safetyStability': [11, 0, 0, 0, 0, 0, 11],
      'results.denied.thirdPartyRights': [49, 2, 0, 0, 0, 0, 51],
      'results.denied.internalAffairs': [103, 1, 0, 0, 0, 0, 104],
      'results.denied.processInfo': [84, 1, 0, 0, 0, 0, 85],
      'results.denied.enforcementCase': [282, 4, 0, 0, 0, 0, 286],
      'results.denied.adminQuery': [147, 0, 0, 0, 1, 2, 150],
      'results.unableToProvide.noInfo': [3075, 50, 0, 0, 89, 8, 3222],
      'results.unableToProvide.needCreation': [177, 3, 0, 0, 0, 0, 180],
      'results.unableToProvide.unclear': [19, 0, 0, 0, 0, 0, 19],
      'results.notProcessed.complaint': [199, 1, 0, 0, 3, 0, 203],
      'results.notProcessed.repeat': [147, 1, 0, 0, 0, 0, 148],
      'results.notProcessed.publication': [0, 0, 0, 0, 0, 0, 0],
      'results.notProcessed.massiveRequests': [100, 1, 0, 0, 0, 0, 101],
      'results.notProcessed.confirmInfo': [5, 0, 0, 0, 0, 0, 5],
      'results.other.overdueCorrection': [315, 3, 0, 0, 0, 0, 318],
      'results.other.overdueFee': [202, 0, 0, 1, 0, 0, 203],
      'results.other.otherReasons': [941, 17, 0, 1, 3, 3, 965],
      'results.totalProcessed': [13364, 252, 0, 44, 121, 29, 13810],
      carriedForward: [783, 6, 0, 2, 25, 3, 819],
    };
    expect(Object.keys(rows)).toEqual(TABLE3_ROWS.map((r) => r.key));
    expect(table3Values(report, rows)).toEqual(rows);
  });

  it('table 4', () => {
    expect(table4Values(report)).toEqual([376, 97, 196, 121, 790, 16, 1, 12, 27, 56, 74, 1, 30, 51, 156]);
  });

  it('no rule gives an error', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
