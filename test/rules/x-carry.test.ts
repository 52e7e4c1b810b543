/** X-CARRY: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column of table 3. */
import { describe, expect, it } from 'vitest';
import { xCarry } from '../../lib/rules/x-carry';
import { table3Path } from '../../lib/paths';
import { TABLE3_COLUMNS } from '../../lib/template';
import { table3Rows, MISSING } from '../helpers/report-builder';
import { found, recordOf, reportOf } from '../helpers/year-pair';
import type { CellSpec } from '../helpers/report-builder';
import type { PreviousYearMatch } from '../../lib/cross-year/match';

const carriedOver = (column: string) => table3Path(column, 'carriedOver');
const carriedForward = (column: string) => table3Path(column, 'carriedForward');

function check(thisYear: Record<string, CellSpec>, lastYear: Record<string, CellSpec>, match?: PreviousYearMatch) {
  const previous = recordOf(2022, lastYear);
  return xCarry.check(reportOf(2023, thisYear), { bodyText: '', previousYear: match ?? found(previous) });
}

describe('X-CARRY', () => {
  it('says nothing without a previous year, or when none was found', () => {
    const report = reportOf(2023, table3Rows({ carriedOver: [1, 0, 0, 0, 0, 0, 1] }));
    expect(xCarry.check(report, { bodyText: '' })).toEqual([]);
    expect(xCarry.check(report, { bodyText: '', previousYear: { kind: 'none', reason: 'not-found' } })).toEqual([]);
  });

  it('holds when every column carries over (the Pingtan 2021 → 2022 shape: 1 in 自然人)', () => {
    expect(check(table3Rows({ carriedOver: [1, 0, 0, 0, 0, 0, 1] }), table3Rows({ carriedForward: [1, 0, 0, 0, 0, 0, 1] }))).toEqual([]);
  });

  it('a mismatch in one column is one error on that column’s 上年结转, naming last year’s report and cell', () => {
    const findings = check(
      table3Rows({ carriedOver: [0, 2, 0, 0, 0, 0, 2] }),
      table3Rows({ carriedForward: [0, 3, 0, 0, 0, 0, 2] }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'X-CARRY',
      severity: 'error',
      outcome: 'mismatch',
      table: 'table3',
      target: carriedOver('legalPerson.commercial'),
      parts: [],
      expected: 3,
      found: 2,
      formula: '3 ≠ 2',
      previousYear: {
        report: { body: '平潭综合实验区', year: 2022, title: '平潭综合实验区2022年度政府信息公开工作年度报告', source: '2022.html' },
        cells: [carriedForward('legalPerson.commercial')],
      },
    });
    expect(findings[0].message.zh).toBe(
      '商业企业：本年“二、上年结转”为 2，上年“四、结转下年度继续办理”为 3，两者应相等（上年报告：《平潭综合实验区2022年度政府信息公开工作年度报告》 (2022.html)）',
    );
    expect(findings[0].message.en).toBe("Commercial enterprises: this year's II (carried over) is 2, last year's IV (carried forward) is 3; they should be equal (last year's report: 《平潭综合实验区2022年度政府信息公开工作年度报告》 (2022.html))");
  });

  it('is checked in all seven columns', () => {
    const findings = check(table3Rows({ carriedOver: [1, 1, 1, 1, 1, 1, 1] }), {});
    expect(findings.map((f) => f.target)).toEqual(TABLE3_COLUMNS.map((c) => carriedOver(c.key)));
    expect(findings.every((f) => f.severity === 'error' && f.expected === 0 && f.found === 1)).toBe(true);
  });

  it.each([
    ['this year blank', { this: '', last: '2' }, 'warning', 'total-blank', '2 ? □'],
    ['last year blank, this year 0', { this: '0', last: '' }, 'info', 'blanks-as-zero', '□ = 0'],
    ['last year blank, this year 2', { this: '2', last: '' }, 'warning', 'cannot-verify', '□ ? 2'],
    ['both blank', { this: '', last: '' }, 'warning', 'total-blank', '□ ? □'],
    ['last year n/a', { this: '2', last: '/' }, 'warning', 'cannot-verify', '「/」 ? 2'],
    ['this year text', { this: '2件', last: '2' }, 'warning', 'cannot-verify', '2 ? 「2件」'],
  ])('blanks are read as in the sum rules: %s → %s %s', (_case, cells, severity, outcome, formula) => {
    const findings = check({ [carriedOver('naturalPerson')]: cells.this }, { [carriedForward('naturalPerson')]: cells.last });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity, outcome, target: carriedOver('naturalPerson'), formula });
    expect(findings[0].previousYear?.cells).toEqual([carriedForward('naturalPerson')]);
  });

  it('a blank carry-over says which cell is blank in both languages', () => {
    const [finding] = check({ [carriedOver('total')]: '' }, { [carriedForward('total')]: '4' });
    expect(finding.message.zh).toContain('本年“二、上年结转”为空白，上年“四、结转下年度继续办理”为 4，无法核对');
    expect(finding.message.en).toContain("this year's II (carried over) is blank, last year's IV (carried forward) is 4; so this cannot be verified");
  });

  it('a cell missing on either side says nothing (MISSING speaks for this year; last year had its own check)', () => {
    expect(check({ [carriedOver('naturalPerson')]: MISSING }, { [carriedForward('naturalPerson')]: '5' })).toEqual([]);
    expect(check({ [carriedOver('naturalPerson')]: '5' }, { [carriedForward('naturalPerson')]: MISSING })).toEqual([]);
    expect(check({}, {}, found(recordOf(2022, {}, { table3: null })))).toEqual([]);
  });

  it('an ambiguous previous year: one info finding naming every candidate, and nothing checked', () => {
    const a = recordOf(2022, table3Rows({ carriedForward: [9, 0, 0, 0, 0, 0, 9] }));
    const b = { ...recordOf(2022), identity: { ...recordOf(2022).identity, source: 'other/2022.html' } };
    const findings = check(table3Rows({ carriedOver: [1, 0, 0, 0, 0, 0, 1] }), {}, { kind: 'ambiguous', candidates: [a, b] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'X-CARRY', severity: 'info', outcome: 'ambiguous-previous', target: null });
    expect(findings[0].message.zh).toContain('找到 2 份可能的上年（2022年）报告');
    expect(findings[0].message.zh).toContain('(2022.html)');
    expect(findings[0].message.zh).toContain('(other/2022.html)');
    expect(findings[0].message.en).toContain('none was chosen');
  });

  it('hundreds of candidates (a folder of duplicated downloads): the message names five and counts the rest', () => {
    const candidates = Array.from({ length: 300 }, (_, i) => ({ ...recordOf(2022), identity: { ...recordOf(2022).identity, source: `copy${i}.html` } }));
    const [finding] = check({}, {}, { kind: 'ambiguous', candidates });
    expect(finding.message.zh).toMatch(/找到 300 份可能的上年（2022年）报告.*\(copy4\.html\) 等 300 份$/);
    expect(finding.message.zh).not.toContain('copy5.html');
    expect(finding.message.en).toMatch(/and 295 more$/);
  });
});
