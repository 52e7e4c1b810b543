/** The pages in ../shared/realworld, checked against every value their README lists. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import { cellAt, table2Path, table3Path, table4Path, templatePaths } from '../lib/paths';
import { ReportSchema, type Report } from '../lib/report';
import { loadHtml } from '../lib/sources/cheerio';
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS, table3RowsWith } from '../lib/template';

const REALWORLD = fileURLToPath(new URL('../../shared/realworld/', import.meta.url));
const check = (file: string) => checkDocument(loadHtml(readFileSync(REALWORLD + file, 'utf8')));

const valueAt = (report: Report, path: string) => {
  const cell = cellAt(report, path);
  if (!cell) throw new Error(`no cell at ${path}`);
  return cell.value;
};

/** table 3 as { rowKey: [7 values in TABLE3_COLUMNS order] } → the report's values in the same shape. */
function table3Values(report: Report, rows: Record<string, (number | null)[]>) {
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

/**
 * The whole published pages of ../shared/realworld/README.md ("Whole published pages"): the rows it lists, cell for
 * cell (`null` is a blank cell), and the outcome it says the checker must give.
 */
interface Listed {
  file: string;
  /** 一 新收 · 二 上年结转 · （七）总计 · 四 结转下年度, each in TABLE3_COLUMNS order. */
  table3: Record<'newReceived' | 'carriedOver' | 'results.totalProcessed' | 'carriedForward', (number | null)[]>;
  table4: number[];
  table2: { regulations?: number[]; normativeDocuments: number[]; single: number[] };
}
const seven = (n: number) => [n, n, n, n, n, n, n];
const blankLegal = (natural: number, total: number) => [natural, null, null, null, null, null, total];
const LISTED: Listed[] = [
  {
    file: 'pingtan-2021.html',
    table3: {
      newReceived: [64, 0, 0, 2, 0, 4, 70],
      carriedOver: seven(0),
      'results.totalProcessed': [63, 0, 0, 2, 0, 4, 69],
      carriedForward: [1, 0, 0, 0, 0, 0, 1],
    },
    table4: [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0],
    table2: { regulations: [0, 0, 0], normativeDocuments: [69, 3, 665], single: [2293, 1282, 42, 24252.311082] },
  },
  {
    file: 'pingtan-2022.html',
    table3: {
      newReceived: [71, 3, 0, 0, 0, 0, 74],
      carriedOver: [1, 0, 0, 0, 0, 0, 1],
      'results.totalProcessed': [72, 3, 0, 0, 0, 0, 75],
      carriedForward: seven(0),
    },
    table4: [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
    table2: { normativeDocuments: [88, 55, 698], single: [10690, 2113, 0, 9116.36] },
  },
  {
    file: 'pingtan-2024.html',
    table3: {
      newReceived: [217, 1, 0, 0, 0, 0, 218],
      carriedOver: seven(0),
      'results.totalProcessed': [217, 1, 0, 0, 0, 0, 218],
      carriedForward: seven(0),
    },
    table4: [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19],
    table2: { normativeDocuments: [62, 33, 440], single: [4529, 1100, 65, 18651.06] },
  },
  {
    file: 'pingtan-2025.html',
    table3: {
      newReceived: [151, 3, 0, 0, 0, 0, 154],
      carriedOver: seven(0),
      'results.totalProcessed': [147, 1, 0, 0, 0, 0, 148],
      carriedForward: [4, 2, 0, 0, 0, 0, 6],
    },
    table4: [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3],
    table2: { normativeDocuments: [58, 45, 546], single: [2418, 644, 64, 4166.241619] },
  },
  {
    file: 'shuyang-2023.html',
    table3: {
      newReceived: blankLegal(26, 26),
      carriedOver: blankLegal(0, 0),
      'results.totalProcessed': blankLegal(26, 26),
      carriedForward: blankLegal(0, 0),
    },
    table4: [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    table2: { normativeDocuments: [8, 0, 18], single: [0, 0, 0, 0] },
  },
];

describe.each(LISTED)('$file (whole published page)', (listed) => {
  const { result, refs } = check(listed.file);
  const report = result.report!;

  it('the 2021 format, valid against the schema, every table-3 cell read (175)', () => {
    expect(result.status).toBe('ok');
    expect(report.format).toBe('2021');
    expect(ReportSchema.safeParse(report).success).toBe(true);
    const table3 = TABLE3_ROWS.flatMap((r) => TABLE3_COLUMNS.map((c) => table3Path(c.key, r.key)));
    expect(table3.filter((path) => refs.has(path))).toHaveLength(175);
  });

  it('the values the README lists, cell for cell', () => {
    expect(table3Values(report, listed.table3)).toEqual(listed.table3);
    expect(table4Values(report)).toEqual(listed.table4);
    const triple = (item: string) => ['made', 'repealed', 'valid'].map((c) => valueAt(report, table2Path(item, c)));
    if (listed.table2.regulations) expect(triple('regulations')).toEqual(listed.table2.regulations);
    expect(triple('normativeDocuments')).toEqual(listed.table2.normativeDocuments);
    expect(['licensing', 'punishment', 'coercion', 'fees'].map((k) => valueAt(report, table2Path(k)))).toEqual(listed.table2.single);
  });

  it('no error and no MISSING finding', () => {
    expect(result.findings.filter((f) => f.severity === 'error' || f.rule === 'MISSING')).toEqual([]);
  });
});

describe('pingtan-2021.html: table 3 under a Word-paste header whose spans straddle the value columns', () => {
  const { result } = check('pingtan-2021.html');

  it('every one of the 175 table-3 cells holds a number, and no rule has anything to say about table 3', () => {
    for (const r of TABLE3_ROWS) for (const c of TABLE3_COLUMNS) expect(['number', 'zero']).toContain(cellAt(result.report!, table3Path(c.key, r.key))!.kind);
    expect(result.findings.filter((f) => f.table === 'table3' && f.severity !== 'info')).toEqual([]);
  });
});

describe('shuyang-2023.html: five blank 法人或其他组织 columns', () => {
  const { result } = check('shuyang-2023.html');

  it('each of the 125 blank cells has its own BLANK warning, and the filled parts equal the totals (no error)', () => {
    const blanks = result.findings.filter((f) => f.rule === 'BLANK');
    const expected = TABLE3_ROWS.flatMap((r) => TABLE3_COLUMNS.slice(1, 6).map((c) => table3Path(c.key, r.key)));
    expect(blanks.map((f) => f.target).sort()).toEqual(expected.sort());
    expect(blanks.every((f) => f.severity === 'warning')).toBe(true);
    expect(result.findings.filter((f) => f.rule === 'T3-ROW').map((f) => f.outcome)).toEqual(Array(25).fill('blanks-as-zero'));
  });
});

describe('shanghai-2019.html: the 2019 trial format, checked by its own template', () => {
  const { result, refs } = check('shanghai-2019.html');
  const report = result.report!;
  const value = (path: string) => cellAt(report, path)?.value;

  it('is named the 2019 format, valid against the schema, every cell of the 2019 template read', () => {
    expect(result.status).toBe('trial-2019');
    expect(result.reason!.zh).toBe('2019年试行格式：按2019年试行模板核对');
    expect(report.format).toBe('2019');
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(refs.size).toBe(22 + 23 * 7 + 15);
    expect(result.findings.filter((f) => f.rule === 'MISSING' || f.rule === 'STRUCTURE')).toEqual([]);
  });

  it('table 2 by the 2019 blocks and columns (本年新制作数量…, 上一年项目数量/本年增/减, 第（九）项)', () => {
    const row = (item: string, columns: string[]) => columns.map((c) => value(`table2.${item}.${c}`));
    const published = ['newlyMade', 'newlyPublished', 'totalPublished'];
    expect(row('regulations', published)).toEqual([13, 13, 524]);
    expect(row('normativeDocuments', published)).toEqual([60, 60, 368]);
    for (const item of ['licensing', 'otherServices', 'punishment', 'coercion']) expect(row(item, ['previousItems', 'change', 'decisions'])).toEqual([0, 0, 0]);
    expect(row('fees', ['previousItems', 'change'])).toEqual([0, 0]);
    expect(row('procurement', ['projects', 'totalAmount'])).toEqual([6, 251000]);
    expect(cellAt(report, 'table2.procurement.totalAmount')).toEqual({ raw: '251000元', kind: 'number', value: 251000 });
  });

  it('table 3 with （六）其他处理 as one row: the totals the README lists, and the 总计 column blank on the detail rows', () => {
    expect(TABLE3_COLUMNS.map((c) => value(table3Path(c.key, 'newReceived')))).toEqual([821, 35, null, null, 2, 1, 859]);
    expect(value(table3Path('total', 'carriedOver'))).toBe(18);
    expect(TABLE3_COLUMNS.map((c) => value(table3Path(c.key, 'results.totalProcessed')))).toEqual([767, 35, null, null, 2, 1, 805]);
    expect(value(table3Path('total', 'carriedForward'))).toBe(72);
    expect(cellAt(report, table3Path('naturalPerson', 'results.other'))?.kind).toBe('blank');
    const detailRows = table3RowsWith(true).filter((r) => r.leaf);
    expect(detailRows).toHaveLength(19);
    for (const row of detailRows) expect(cellAt(report, table3Path('total', row.key))?.kind, row.key).toBe('blank');
  });

  it('table 4 as in 2021', () => {
    expect(table4Values(report)).toEqual([5, null, null, 2, 7, 8, null, null, 1, 9, null, null, null, null, null]);
  });

  it('the blank one-row （六） is grouped with the other blank rows, and its cells with the blank columns', () => {
    const targetsOf = (kind: string) =>
      result.causes.filter((c) => c.kind === kind).flatMap((c) => c.findings.map((i) => result.findings[i].target));
    expect(targetsOf('blank-rows')).toContain(table3Path('naturalPerson', 'results.other'));
    expect(targetsOf('blank-columns')).toContain(table3Path('legalPerson.research', 'results.other'));
  });

  it('no error; every blank statistic cell reported as BLANK; the sums over the 2019 leaves hold where they can be verified', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const blanks = templatePaths({ format: '2019', otherOneRow: true }).filter((p) => cellAt(report, p)?.kind === 'blank');
    expect(blanks.length).toBeGreaterThan(100);
    expect(result.findings.filter((f) => f.rule === 'BLANK').map((f) => f.target)).toEqual(blanks);
    // 自然人: the 11 filled result rows add up to 767 = （七）总计; with blanks read as 0 it holds, and says so.
    const natural = result.findings.find((f) => f.rule === 'T3-RESULTS' && f.target === table3Path('naturalPerson', 'results.totalProcessed'))!;
    expect([natural.severity, natural.outcome, natural.expected, natural.found]).toEqual(['info', 'blanks-as-zero', 767, 767]);
    expect(natural.parts).toContain(table3Path('naturalPerson', 'results.other'));
  });
});
