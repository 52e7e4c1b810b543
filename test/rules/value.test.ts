/** VALUE: counts are non-negative whole numbers; the fee (万元) is a non-negative decimal. */
import { describe, expect, it } from 'vitest';
import { value } from '../../lib/rules/value';
import { buildReport } from '../helpers/report-builder';
import { PINGTAN_CELLS } from '../helpers/pingtan-values';

const check = (cells: Record<string, string>) => value.check(buildReport(cells), { bodyText: '' });
const only = (path: string, raw: string) => {
  const findings = check({ [path]: raw });
  expect(findings).toHaveLength(1);
  return findings[0];
};

describe('VALUE', () => {
  it('numbers and zeros pass, including 零, full-width digits, 1,234 and the Pingtan fee 5949.088667', () => {
    expect(check(PINGTAN_CELLS)).toEqual([]);
    expect(check({ 'table2.licensing': '1,234', 'table2.punishment': '１２', 'table2.coercion': '零' })).toEqual([]);
  });

  it('text is an error saying what was found', () => {
    expect(only('table3.naturalPerson.newReceived', '2件')).toMatchObject({
      rule: 'VALUE',
      severity: 'error',
      outcome: 'not-a-number',
      table: 'table3',
      target: 'table3.naturalPerson.newReceived',
      message: { zh: '表三 自然人 · 一、本年新收政府信息公开申请数量：填的是「2件」，不是数字' },
    });
    expect(only('table2.fees', '详见附件').message.zh).toContain('「详见附件」');
  });

  it('a negative count is an error', () => {
    expect(only('table4.review.total', '-3')).toMatchObject({ severity: 'error', outcome: 'negative', table: 'table4' });
  });

  it('a decimal in a count is an error; in the fee it is normal', () => {
    expect(only('table2.licensing', '3.5')).toMatchObject({ severity: 'error', outcome: 'not-whole' });
    expect(check({ 'table2.fees': '3.5' })).toEqual([]);
  });

  it.each(['/', '—', '无', '不适用'])('“%s” (not applicable) in a statistic cell is a warning', (raw) => {
    expect(only('table2.regulations.made', raw)).toMatchObject({ severity: 'warning', outcome: 'na' });
  });

  it('blank and missing cells are left to BLANK and MISSING', () => {
    expect(check({ 'table3.total.newReceived': '' })).toEqual([]);
    expect(value.check(buildReport({}, { table2: null }), { bodyText: '' })).toEqual([]);
  });
});

describe('VALUE in the 2019 format', () => {
  const TRIAL = { layout: { format: '2019', otherOneRow: true } } as const;
  const check2019 = (cells: Record<string, string>) => value.check(buildReport(cells, TRIAL), { bodyText: '' });

  it('本年增/减 may be negative and the procurement amount may carry 元; a count still may not be negative', () => {
    expect(check2019({ 'table2.licensing.change': '-2', 'table2.procurement.totalAmount': '251000元' })).toEqual([]);
    expect(check2019({ 'table2.licensing.decisions': '-2' }).map((f) => [f.target, f.severity, f.outcome])).toEqual([
      ['table2.licensing.decisions', 'error', 'negative'],
    ]);
  });
});
