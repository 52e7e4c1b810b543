/** BLANK: every empty statistic cell is a warning on that cell (a blank is not a 0). */
import { describe, expect, it } from 'vitest';
import { blank } from '../../lib/rules/blank';
import { ALL_PATHS } from '../../lib/paths';
import { buildReport } from '../helpers/report-builder';

const check = (cells: Record<string, string>, fill?: string) => blank.check(buildReport(cells, { fill }), { bodyText: '' });

describe('BLANK', () => {
  it('a filled report has no blank cells', () => {
    expect(check({})).toEqual([]);
  });

  it('each blank cell is one warning on that cell, whatever whitespace it holds', () => {
    const findings = check({ 'table2.fees': '', 'table3.legalPerson.research.carriedOver': '\u00a0', 'table4.review.other': '\u3000 ' });
    expect(findings.map((f) => [f.target, f.table, f.severity, f.outcome])).toEqual([
      ['table2.fees', 'table2', 'warning', 'blank'],
      ['table3.legalPerson.research.carriedOver', 'table3', 'warning', 'blank'],
      ['table4.review.other', 'table4', 'warning', 'blank'],
    ]);
    expect(findings[1].message.zh).toBe('表三 科研机构 · 二、上年结转政府信息公开申请数量：空白，未填数字（应填 0 时也应写 0）');
  });

  it('an all-blank report: one warning per template cell (200)', () => {
    expect(check({}, '')).toHaveLength(ALL_PATHS.length);
  });

  it('na, text and zero are not blanks', () => {
    expect(check({ 'table2.fees': '/', 'table2.coercion': '无', 'table2.licensing': '0' })).toEqual([]);
  });
});
