/** T3-ROW: per row of table 3, 总计 = 自然人 + the five 法人或其他组织 columns. */
import { describe, expect, it } from 'vitest';
import { t3Row } from '../../lib/rules/t3-row';
import { table3Path } from '../../lib/paths';
import { TABLE3_APPLICANT_COLUMNS, TABLE3_ROWS } from '../../lib/template';
import { buildReport, table3Rows } from '../helpers/report-builder';
import { PINGTAN_CELLS } from '../helpers/pingtan-values';

const check = (cells: Record<string, string>) => t3Row.check(buildReport(cells), { bodyText: '' });

describe('T3-ROW', () => {
  it('holds on an all-zero table and on the real Pingtan numbers (80 + 1 = 81 …)', () => {
    expect(check({})).toEqual([]);
    expect(check(PINGTAN_CELLS)).toEqual([]);
  });

  it('is checked on all 25 rows, each finding on the row’s 总计 cell', () => {
    const cells = Object.fromEntries(TABLE3_ROWS.map((r) => [table3Path('total', r.key), '1']));
    const findings = check(cells);
    expect(findings.map((f) => f.target)).toEqual(TABLE3_ROWS.map((r) => table3Path('total', r.key)));
  });

  it('a row whose 总计 is not the sum of the six applicant columns is an error', () => {
    const [finding] = check(table3Rows({ newReceived: [80, 1, 0, 0, 0, 0, 80] }));
    expect(finding).toMatchObject({
      rule: 'T3-ROW',
      severity: 'error',
      target: 'table3.total.newReceived',
      parts: TABLE3_APPLICANT_COLUMNS.map((c) => table3Path(c.key, 'newReceived')),
      expected: 81,
      found: 80,
      formula: '80 + 1 + 0 + 0 + 0 + 0 = 81 ≠ 80',
      message: { zh: '一、本年新收政府信息公开申请数量：总计应为 81，实为 80' },
    });
  });

  it('blank 法人或其他组织 columns with only 自然人 and 总计 filled: no error, each row notes the blanks read as 0', () => {
    const blanks = (v: number) => [v, '', '', '', '', '', v];
    const findings = check(table3Rows({ newReceived: blanks(5), 'results.granted': blanks(5), 'results.totalProcessed': blanks(5) }));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => [f.target, f.outcome])).toEqual([
      ['table3.total.newReceived', 'blanks-as-zero'],
      ['table3.total.results.granted', 'blanks-as-zero'],
      ['table3.total.results.totalProcessed', 'blanks-as-zero'],
    ]);
  });

  it.each([
    ['a blank applicant cell, 自然人 already above 总计', [6, '', 0, 0, 0, 0, 5], 'error', 'mismatch'],
    ['a blank applicant cell, the rest below 总计', [4, '', 0, 0, 0, 0, 5], 'warning', 'cannot-verify'],
    ['总计 blank', [4, 1, 0, 0, 0, 0, ''], 'warning', 'total-blank'],
    ['an applicant cell with text', [4, '1件', 0, 0, 0, 0, 5], 'warning', 'cannot-verify'],
  ])('%s → %s %s', (_case, values, severity, outcome) => {
    const findings = check(table3Rows({ carriedOver: values }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity, outcome, target: 'table3.total.carriedOver' });
  });
});
