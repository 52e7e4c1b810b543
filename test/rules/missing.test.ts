/** MISSING: template tables, rows, columns and blocks absent from the page, one warning per group. */
import { describe, expect, it } from 'vitest';
import { missing } from '../../lib/rules/missing';
import { table3Path } from '../../lib/paths';
import { TABLE3_COLUMNS, TABLE3_ROWS } from '../../lib/template';
import { MISSING, buildReport, type CellSpec } from '../helpers/report-builder';

const check = (cells: Record<string, CellSpec>, options = {}) => missing.check(buildReport(cells, options), { bodyText: '' });

describe('MISSING', () => {
  it('a complete report has nothing missing', () => {
    expect(check({})).toEqual([]);
  });

  it('an absent table is one warning', () => {
    expect(check({}, { table3: null, table4: null })).toMatchObject([
      { rule: 'MISSING', severity: 'warning', outcome: 'missing', table: 'table3', target: null, message: { zh: '未找到表三（收到和处理政府信息公开申请情况）' } },
      { table: 'table4', message: { zh: '未找到表四（行政复议、行政诉讼情况）' } },
    ]);
  });

  it('an absent table-3 row is one warning listing its 7 cells', () => {
    const cells = Object.fromEntries(TABLE3_COLUMNS.map((c) => [table3Path(c.key, 'results.other.overdueFee'), MISSING]) as [string, CellSpec][]);
    const findings = check(cells);
    expect(findings).toHaveLength(1);
    expect(findings[0].parts).toEqual(TABLE3_COLUMNS.map((c) => table3Path(c.key, 'results.other.overdueFee')));
    expect(findings[0].message.zh).toBe(
      '表三（收到和处理政府信息公开申请情况）缺少“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”行',
    );
  });

  it('an absent table-3 column is one warning, not 25 row warnings', () => {
    const cells = Object.fromEntries(TABLE3_ROWS.map((r) => [table3Path('legalPerson.legal', r.key), MISSING]) as [string, CellSpec][]);
    const findings = check(cells);
    expect(findings).toHaveLength(1);
    expect(findings[0].message.zh).toBe('表三（收到和处理政府信息公开申请情况）缺少“法律服务机构”列');
    expect(findings[0].parts).toHaveLength(25);
  });

  it('a row with some cells absent names them', () => {
    const findings = check({ 'table3.naturalPerson.carriedOver': MISSING, 'table3.total.carriedOver': MISSING });
    expect(findings).toHaveLength(1);
    expect(findings[0].message.zh).toBe('表三（收到和处理政府信息公开申请情况）“二、上年结转政府信息公开申请数量”行缺少：自然人、总计');
  });

  it('table 4 and table 2 report per block and per item', () => {
    const findings = check({ 'table4.litigationPostReview.total': MISSING, 'table2.fees': MISSING });
    expect(findings.map((f) => f.message.zh)).toEqual([
      '表二（主动公开政府信息情况）缺少“行政事业性收费”',
      '表四（行政复议、行政诉讼情况）“行政诉讼·复议后起诉”缺少：总计',
    ]);
  });
});
