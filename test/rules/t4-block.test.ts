/** T4-BLOCK: per block of table 4, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
import { describe, expect, it } from 'vitest';
import { t4Block } from '../../lib/rules/t4-block';
import { buildReport, table4Values } from '../helpers/report-builder';
import { PINGTAN_CELLS } from '../helpers/pingtan-values';

const check = (values: (string | number)[], options = {}) =>
  t4Block.check(buildReport(table4Values(values), options), { bodyText: '' });

describe('T4-BLOCK', () => {
  it('holds on zeros and on the real Pingtan numbers (1+1+0+0 = 2; 4+0+0+1 = 5; 1+0+1+0 = 2)', () => {
    expect(check(Array(15).fill(0))).toEqual([]);
    expect(t4Block.check(buildReport(PINGTAN_CELLS), { bodyText: '' })).toEqual([]);
  });

  it('checks each of the three blocks on its own total', () => {
    const findings = check([1, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 3, 0, 0]);
    expect(findings.map((f) => [f.target, f.expected, f.found])).toEqual([
      ['table4.review.total', 1, 2],
      ['table4.litigationDirect.total', 1, 0],
      ['table4.litigationPostReview.total', 3, 0],
    ]);
    expect(findings[0].message).toEqual({
      zh: '行政复议：总计应为 1，实为 2',
      en: 'Administrative review: Total should be 1, found 2 (upheld + corrected + other + pending)',
    });
  });

  it.each([
    ['a blank result, the rest equal to 总计', [1, '', 1, 0, 2], 'info', 'blanks-as-zero'],
    ['a blank result, the rest above 总计', [2, '', 1, 0, 2], 'error', 'mismatch'],
    ['a blank result, the rest below 总计', [1, '', 0, 0, 2], 'warning', 'cannot-verify'],
    ['总计 blank', [1, 1, 0, 0, ''], 'warning', 'total-blank'],
    ['a result written as 无', [1, '无', 0, 0, 1], 'warning', 'cannot-verify'],
  ])('%s → %s %s', (_case, block, severity, outcome) => {
    const findings = check([...block, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity, outcome, target: 'table4.review.total' });
  });

  it('says nothing when table 4 is not on the page', () => {
    expect(t4Block.check(buildReport({}, { table4: null }), { bodyText: '' })).toEqual([]);
  });
});
