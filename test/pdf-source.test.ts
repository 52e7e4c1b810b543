/**
 * The PDF source on a real PDF: ../shared/realworld/hongze-2024.pdf (WPS, five pages) gives every value its README
 * lists, cell for cell, with a ref (page and box) for each cell; and the body text is read in order without the tables.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, type CheckedDocument } from '../lib/check';
import { cellAt, table2Path, table3Path, table4Path } from '../lib/paths';
import { readPdf, type PdfPageSize, type PdfRef } from '../lib/sources/pdf';
import type { SourceDocument } from '../lib/cell-source';
import { TABLE3_COLUMNS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../lib/template';

const HONGZE = fileURLToPath(new URL('../../shared/realworld/hongze-2024.pdf', import.meta.url));

let document: SourceDocument<PdfRef>;
let pages: PdfPageSize[];
let checked: CheckedDocument<PdfRef>;

beforeAll(async () => {
  const read = await readPdf(new Uint8Array(readFileSync(HONGZE)));
  if (!read.ok) throw new Error(read.reason.en);
  document = read.document;
  pages = read.pages;
  checked = checkDocument(document);
}, 60_000);

const value = (path: string) => {
  const cell = cellAt(checked.result.report!, path);
  return !cell || cell.kind === 'missing' ? 'missing' : cell.value;
};

/** README: 一 95/0/0/0/0/0/95; 二 0; （一） 50; （二） 9; （三） 0,0,1,0,0,1,1,0; （四） 31,1,0; （五） 1,0,0,0,0; （七） 95; 四 0. */
const NATURAL_PERSON: Record<string, number> = {
  newReceived: 95,
  carriedOver: 0,
  'results.granted': 50,
  'results.partialGrant': 9,
  'results.denied.stateSecret': 0,
  'results.denied.lawForbidden': 0,
  'results.denied.safetyStability': 1,
  'results.denied.thirdPartyRights': 0,
  'results.denied.internalAffairs': 0,
  'results.denied.processInfo': 1,
  'results.denied.enforcementCase': 1,
  'results.denied.adminQuery': 0,
  'results.unableToProvide.noInfo': 31,
  'results.unableToProvide.needCreation': 1,
  'results.unableToProvide.unclear': 0,
  'results.notProcessed.complaint': 1,
  'results.notProcessed.repeat': 0,
  'results.notProcessed.publication': 0,
  'results.notProcessed.massiveRequests': 0,
  'results.notProcessed.confirmInfo': 0,
  'results.totalProcessed': 95,
  carriedForward: 0,
};

describe('hongze-2024.pdf (real, WPS)', () => {
  it('table 2: 规章 0/0/0, 行政规范性文件 3/0/8, 许可 9487, 处罚 2776, 强制 84, 收费 7545', () => {
    const triple = (item: string) => ['made', 'repealed', 'valid'].map((c) => value(table2Path(item, c)));
    expect(triple('regulations')).toEqual([0, 0, 0]);
    expect(triple('normativeDocuments')).toEqual([3, 0, 8]);
    expect(['licensing', 'punishment', 'coercion', 'fees'].map((k) => value(table2Path(k)))).toEqual([9487, 2776, 84, 7545]);
  });

  it('table 3: every row the README lists, in 自然人 and 总计, and 0 in the five 法人 columns', () => {
    for (const [row, n] of Object.entries(NATURAL_PERSON)) {
      const expected = TABLE3_COLUMNS.map((c) => (c.key === 'naturalPerson' || c.key === 'total' ? n : 0));
      expect(TABLE3_COLUMNS.map((c) => value(table3Path(c.key, row))), row).toEqual(expected);
    }
  });

  it('table 4: 复议 1/1/0/0/2, 未经复议直接起诉 1/0/0/0/1, 复议后起诉 2/0/1/0/3', () => {
    const values = TABLE4_BLOCKS.flatMap((b) => TABLE4_COLUMNS.map((c) => value(table4Path(b.key, c.key))));
    expect(values).toEqual([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]);
  });

  it('no error; the 2021 format with （六）其他处理 as one row (0), named as a STRUCTURE deviation, nothing missing', () => {
    const { result } = checked;
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.status).toBe('ok');
    expect(result.report!.format).toBe('2021');
    for (const column of ['naturalPerson', 'total']) expect(value(table3Path(column, 'results.other'))).toBe(0);
    const structure = result.findings.filter((f) => f.rule === 'STRUCTURE');
    expect(structure.map((f) => [f.outcome, f.target])).toEqual([['one-row', 'table3.total.results.other']]);
    expect(result.findings.filter((f) => f.rule === 'MISSING')).toEqual([]);
  });

  it('its text says 受理…申请17件 against 95 new requests in table 3: a text warning, as published', () => {
    const text = checked.result.findings.filter((f) => f.rule.startsWith('TEXT-'));
    expect(text.map((f) => [f.rule, f.severity, f.found, f.expected])).toEqual([['TEXT-T3-NEW', 'warning', 17, 95]]);
  });

  it('meta: title from the printed heading, organ and year', () => {
    expect(checked.result.report!.meta).toEqual({
      title: '淮安市洪泽区人民政府 2024年政府信息公开工作年度报告',
      organ: '淮安市洪泽区人民政府',
      year: 2024,
      url: null,
    });
  });

  it('table 3 over the page break is one table; each cell ref is on its page, inside the page', () => {
    expect(checked.tableRefs.table3).toHaveLength(1);
    expect(checked.refs.get(table3Path('naturalPerson', 'newReceived'))?.page).toBe(3);
    expect(checked.refs.get(table3Path('naturalPerson', 'results.unableToProvide.noInfo'))?.page).toBe(3);
    expect(checked.refs.get(table3Path('naturalPerson', 'results.unableToProvide.needCreation'))?.page).toBe(4);
    expect(checked.refs.get(table3Path('total', 'results.totalProcessed'))?.page).toBe(4);
    expect(checked.refs.get(table4Path('litigationPostReview', 'total'))?.page).toBe(4);
    expect(pages).toHaveLength(5);
    for (const [path, ref] of checked.refs) {
      const page = pages[ref.page - 1];
      expect(ref.x >= 0 && ref.y >= 0 && ref.x + ref.width <= page.width && ref.y + ref.height <= page.height, path).toBe(true);
    }
    // The 总计 column is right of the 自然人 column, row 一 above row 二.
    const a = checked.refs.get(table3Path('naturalPerson', 'newReceived'))!;
    const b = checked.refs.get(table3Path('total', 'newReceived'))!;
    const c = checked.refs.get(table3Path('naturalPerson', 'carriedOver'))!;
    expect(b.x).toBeGreaterThan(a.x + a.width - 1);
    expect(c.y).toBeGreaterThan(a.y + a.height - 1);
  });

  it('body text: the report text in reading order, without the tables or the page numbers', () => {
    const body = document.bodyText;
    expect(body).toContain('全年收取政府信息公开信息处理费0元');
    expect(body.indexOf('一、总体情况')).toBeLessThan(body.indexOf('六、其他需要报告的事项'));
    // Lines wrapped inside a sentence join without a space: 我区在政 / 府网站 → 我区在政府网站.
    expect(body).toContain('我区在政府网站平台主动发布各类政府信息2428条');
    expect(body).toContain('受理政府信息公开申请17件');
    expect(body).not.toContain('本机关不掌握相关政府信息');
    expect(body).not.toMatch(/-\s*3\s*-/);
  });
});
