/**
 * One published number in a value cell merged across several template columns or rows is read under none of them
 * as a number (lib/parse.ts), and VALUE says what was found (merged-cell); no sum states an arithmetic error from it.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import { cellAt, table2Path, table3Path, table4Path } from '../lib/paths';
import type { Report } from '../lib/report';
import { value } from '../lib/rules/value';
import { loadHtml } from '../lib/sources/cheerio';
import { page, standardPage, t3Value, t4Value, table2Html, table3Html, table4Html } from './report-html';

const check = (html: string) => checkDocument(loadHtml(html)).result;
const cellsOf = (values: number[]) => values.map((v) => `<td>${v}</td>`).join('');
const LEGAL = ['commercial', 'research', 'social', 'legal', 'other'].map((k) => `legalPerson.${k}`);

/** Table 3 of the standard page with the 法人或其他组织 cells of template row `row` replaced by one merged cell. */
function table3WithMergedLegal(row: number, text: string): string {
  const legal = cellsOf([1, 2, 3, 4, 5].map((j) => t3Value(row, j)));
  const html = table3Html();
  expect(html).toContain(legal);
  return html.replace(legal, `<td colspan="5">${text}</td>`);
}

function pageWith(t3: string, t4 = table4Html(), t2 = table2Html()): string {
  return page(`<p>二、主动公开政府信息情况</p>${t2}<p>三、收到和处理政府信息公开申请情况</p>${t3}<p>四、政府信息公开行政复议、行政诉讼情况</p>${t4}`);
}

describe('a value cell merged across template cells', () => {
  it('table 3: <td colspan=5>0</td> across 法人或其他组织 is text under each column, and VALUE names the merged cell', () => {
    const result = check(pageWith(table3WithMergedLegal(1, '0')));
    const report = result.report!;
    for (const column of LEGAL) {
      expect(cellAt(report, table3Path(column, 'carriedOver'))).toEqual({ raw: '0', kind: 'text', value: null });
    }
    // Cells of single template columns still read as numbers.
    expect(cellAt(report, table3Path('naturalPerson', 'carriedOver'))).toMatchObject({ kind: 'number', value: t3Value(1, 0) });
    const merged = result.findings.filter((f) => f.rule === 'VALUE');
    expect(merged.map((f) => f.target).sort()).toEqual(LEGAL.map((c) => table3Path(c, 'carriedOver')).sort());
    for (const f of merged) {
      expect(f).toMatchObject({ severity: 'warning', outcome: 'merged-cell', table: 'table3' });
      expect(f.message.zh).toContain('「0」');
      expect(f.message.zh).toContain('合并');
    }
  });

  it('table 3: <td colspan=5>5</td> is never summed five times: no sum states a mismatch from it', () => {
    const result = check(pageWith(table3WithMergedLegal(0, '5')));
    const fromMerged = result.findings.filter(
      (f) => f.outcome === 'mismatch' && [f.target, ...f.parts].some((p) => LEGAL.some((c) => p === table3Path(c, 'newReceived'))),
    );
    expect(fromMerged).toEqual([]);
    expect(result.findings.filter((f) => f.outcome === 'merged-cell')).toHaveLength(5);
  });

  it('table 3: a rowspan value cell across two template rows is text in both', () => {
    // 自然人 of 予以公开 (row 2) spans into 部分公开 (row 3).
    const html = table3Html();
    const rowTwo = `<td>${t3Value(2, 0)}</td>`;
    const rowThree = `<td>${t3Value(3, 0)}</td>`;
    expect(html).toContain(rowTwo);
    expect(html).toContain(rowThree);
    const t3 = html.replace(rowTwo, `<td rowspan="2">7</td>`).replace(rowThree, '');
    const result = check(pageWith(t3));
    for (const row of ['results.granted', 'results.partialGrant']) {
      expect(cellAt(result.report!, table3Path('naturalPerson', row))).toEqual({ raw: '7', kind: 'text', value: null });
    }
    expect(result.findings.filter((f) => f.outcome === 'merged-cell').map((f) => f.target).sort()).toEqual(
      [table3Path('naturalPerson', 'results.granted'), table3Path('naturalPerson', 'results.partialGrant')].sort(),
    );
  });

  it('table 4: one value across 结果维持 and 结果纠正 of 行政复议 is text in both', () => {
    const html = table4Html();
    const pair = cellsOf([t4Value(0, 0), t4Value(0, 1)]);
    expect(html).toContain(pair);
    const result = check(pageWith(table3Html(), html.replace(pair, '<td colspan="2">3</td>')));
    for (const column of ['maintain', 'correct']) {
      expect(cellAt(result.report!, table4Path('review', column))).toEqual({ raw: '3', kind: 'text', value: null });
    }
    expect(cellAt(result.report!, table4Path('review', 'other'))).toMatchObject({ kind: 'number', value: t4Value(0, 2) });
  });

  it('table 2: a count row cell across 本年制发件数 and 本年废止件数 is text in both; colspan=3 single values stay numbers', () => {
    const html = table2Html();
    const pair = cellsOf([1, 2]);
    expect(html).toContain(pair);
    const result = check(pageWith(table3Html(), table4Html(), html.replace(pair, '<td colspan="2">1</td>')));
    const report = result.report!;
    for (const column of ['made', 'repealed']) {
      expect(cellAt(report, table2Path('regulations', column))).toEqual({ raw: '1', kind: 'text', value: null });
    }
    expect(cellAt(report, table2Path('regulations', 'valid'))).toMatchObject({ kind: 'number', value: 3 });
    expect(cellAt(report, table2Path('licensing'))).toMatchObject({ kind: 'number', value: 7 });
  });

  it('the standard page has no merged cell: every value is a number and VALUE is silent', () => {
    const result = check(standardPage());
    expect(result.findings.filter((f) => f.rule === 'VALUE')).toEqual([]);
  });

  it('a merged blank stays blank (no number to misplace)', () => {
    const result = check(pageWith(table3WithMergedLegal(1, '&nbsp;')));
    expect(cellAt(result.report!, table3Path('legalPerson.other', 'carriedOver'))!.kind).toBe('blank');
    expect(result.findings.filter((f) => f.outcome === 'merged-cell')).toEqual([]);
  });
});

describe('VALUE on a number read as text', () => {
  const withCell = (path: string, raw: string): Report => {
    const report = structuredClone(check(standardPage()).report!);
    const cell = cellAt(report, path)!;
    Object.assign(cell, { raw, kind: 'text', value: null });
    return report;
  };
  const outcomes = (report: Report) => value.check(report, { bodyText: '' }).map((f) => f.outcome);

  it('is merged-cell only when the text reads as a value there; other text keeps its outcome', () => {
    const path = table3Path('naturalPerson', 'newReceived');
    expect(outcomes(withCell(path, '12'))).toEqual(['merged-cell']);
    expect(outcomes(withCell(path, '2件'))).toEqual(['not-a-number']);
    expect(outcomes(withCell(path, '3.5'))).toEqual(['not-whole']);
    expect(outcomes(withCell(table2Path('fees'), '3.5'))).toEqual(['merged-cell']);
  });
});
