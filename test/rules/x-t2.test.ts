/** X-T2 (info): last year's 现行有效 + 本年制发 − 本年废止 = this year's 现行有效, for 规章 and 行政规范性文件. */
import { describe, expect, it } from 'vitest';
import { xT2 } from '../../lib/rules/x-t2';
import { found, recordOf, reportOf } from '../helpers/year-pair';
import type { CellSpec } from '../helpers/report-builder';

const docs = (made: string, repealed: string, valid: string): Record<string, CellSpec> => ({
  'table2.normativeDocuments.made': made,
  'table2.normativeDocuments.repealed': repealed,
  'table2.normativeDocuments.valid': valid,
});

const check = (thisYear: Record<string, CellSpec>, lastValid: CellSpec, formats: ['2021' | '2019', '2021' | '2019'] = ['2021', '2021']) =>
  xT2.check(reportOf(2022, thisYear, { format: formats[1] }), {
    bodyText: '',
    previousYear: found(recordOf(2021, { 'table2.normativeDocuments.valid': lastValid }, { format: formats[0] })),
  });

describe('X-T2', () => {
  it('holds on the Pingtan 2021 → 2022 numbers: 665 + 88 − 55 = 698', () => {
    expect(check(docs('88', '55', '698'), '665')).toEqual([]);
  });

  it('a difference is an info note with the figures, on this year’s 现行有效, naming last year’s cell', () => {
    const findings = check(docs('62', '33', '440'), '470');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'X-T2',
      severity: 'info',
      outcome: 'mismatch',
      table: 'table2',
      target: 'table2.normativeDocuments.valid',
      parts: ['table2.normativeDocuments.made', 'table2.normativeDocuments.repealed'],
      expected: 499,
      found: 440,
      formula: '470 + 62 − 33 = 499 ≠ 440',
      previousYear: { report: { year: 2021, source: '2021.html' }, cells: ['table2.normativeDocuments.valid'] },
    });
    expect(findings[0].message.zh).toContain('行政规范性文件：上年现行有效 470 + 本年制发 62 − 本年废止 33 = 499，本年现行有效为 440（相差 -59）');
  });

  it('checks 规章 too', () => {
    const findings = check({ 'table2.regulations.made': '1', 'table2.regulations.valid': '3' }, '0');
    expect(findings.map((f) => f.target)).toEqual(['table2.regulations.valid']);
  });

  it('is never more than info, however large the difference', () => {
    expect(check(docs('0', '0', '0'), '100000').every((f) => f.severity === 'info')).toBe(true);
  });

  it('needs all four cells as numbers: a blank or n/a on either side says nothing', () => {
    expect(check(docs('', '55', '698'), '600')).toEqual([]);
    expect(check(docs('88', '55', '/'), '600')).toEqual([]);
    expect(check(docs('88', '55', '700'), '')).toEqual([]);
  });

  it('does not apply when either report is in the 2019 format (its table 2 counts other things)', () => {
    expect(check(docs('62', '33', '440'), '470', ['2019', '2021'])).toEqual([]);
    expect(check(docs('62', '33', '440'), '470', ['2021', '2019'])).toEqual([]);
  });

  it('says nothing without a found previous year', () => {
    const report = reportOf(2022, docs('62', '33', '440'));
    expect(xT2.check(report, { bodyText: '' })).toEqual([]);
    expect(xT2.check(report, { bodyText: '', previousYear: { kind: 'ambiguous', candidates: [recordOf(2021), recordOf(2021)] } })).toEqual([]);
  });
});
