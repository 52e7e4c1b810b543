/** T3-BALANCE: per column of table 3, 一 + 二 = （七）总计 + 四; the badge goes on （七）总计. */
import { describe, expect, it } from 'vitest';
import { t3Balance } from '../../lib/rules/t3-balance';
import { table3Path } from '../../lib/paths';
import { TABLE3_COLUMNS } from '../../lib/template';
import { buildReport, table3Rows } from '../helpers/report-builder';
import { PINGTAN_CELLS } from '../helpers/pingtan-values';

const check = (cells: Record<string, string>, options = {}) => t3Balance.check(buildReport(cells, options), { bodyText: '' });

describe('T3-BALANCE', () => {
  it('holds on an all-zero table and on the real Pingtan numbers (80 + 0 = 80 + 0, 1 + 0 = 1 + 0, 81 + 0 = 81 + 0)', () => {
    expect(check({})).toEqual([]);
    expect(check(PINGTAN_CELLS)).toEqual([]);
  });

  it('is checked in all 7 columns, each finding on that column’s （七）总计', () => {
    const findings = check(table3Rows({ newReceived: [1, 1, 1, 1, 1, 1, 1] }));
    expect(findings.map((f) => f.target)).toEqual(TABLE3_COLUMNS.map((c) => table3Path(c.key, 'results.totalProcessed')));
    expect(findings.every((f) => f.severity === 'error' && f.expected === 1 && f.found === 0)).toBe(true);
  });

  it('a column whose handled + carried forward differ from new + carried over is an error', () => {
    const [finding] = check(
      table3Rows({
        newReceived: [0, 2, 0, 0, 0, 0, 2],
        carriedOver: [0, 1, 0, 0, 0, 0, 1],
        'results.totalProcessed': [0, 2, 0, 0, 0, 0, 3],
      }),
    );
    expect(finding).toMatchObject({
      rule: 'T3-BALANCE',
      target: 'table3.legalPerson.commercial.results.totalProcessed',
      expected: 3,
      found: 2,
      formula: '2 + 1 = 3 ≠ 2 = 2 + 0',
      message: { zh: '商业企业：（七）总计应为 3，实为 2（一+二 = 3，（七）总计+四 = 2）' },
    });
  });

  it('expected and found are about （七）总计 itself: expected = 一 + 二 − 四, found = （七）', () => {
    const [finding] = check(
      table3Rows({
        newReceived: [5, 0, 0, 0, 0, 0, 5],
        'results.totalProcessed': [3, 0, 0, 0, 0, 0, 3],
        carriedForward: [1, 0, 0, 0, 0, 0, 1],
      }),
    );
    expect(finding).toMatchObject({ target: 'table3.naturalPerson.results.totalProcessed', expected: 4, found: 3 });
  });

  it.each([
    ['四 blank, （七） = 一+二', { newReceived: '2', carriedForward: '', processed: '2' }, 'info', 'blanks-as-zero'],
    ['四 blank, （七） > 一+二', { newReceived: '2', carriedForward: '', processed: '3' }, 'error', 'mismatch'],
    ['四 blank, （七） < 一+二', { newReceived: '2', carriedForward: '', processed: '1' }, 'warning', 'cannot-verify'],
    ['（七） blank', { newReceived: '2', carriedForward: '0', processed: '' }, 'warning', 'total-blank'],
    ['（七） holds text', { newReceived: '2', carriedForward: '0', processed: '2件' }, 'warning', 'cannot-verify'],
    ['一 not applicable', { newReceived: '/', carriedForward: '0', processed: '0' }, 'warning', 'cannot-verify'],
  ])('%s → %s %s', (_case, cells, severity, outcome) => {
    const findings = check({
      'table3.naturalPerson.newReceived': cells.newReceived,
      'table3.naturalPerson.carriedForward': cells.carriedForward,
      'table3.naturalPerson.results.totalProcessed': cells.processed,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity, outcome, target: 'table3.naturalPerson.results.totalProcessed' });
  });

  it('says nothing when table 3 is not on the page', () => {
    expect(check({}, { table3: null })).toEqual([]);
  });
});
