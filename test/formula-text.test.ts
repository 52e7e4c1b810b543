/** Readable formulas (lib/formula-text.ts) from the equations the sum rules put in their findings. */
import { describe, expect, it } from 'vitest';
import { readableFormula } from '../lib/formula-text';
import type { Finding } from '../lib/findings';
import { TABLE3_PATHS, TABLE4_PATHS, table3Path, table4Path } from '../lib/paths';
import { runRules } from '../lib/rules/registry';
import { TABLE3_SHORT_ROWS } from '../lib/rules/term-labels';
import { TABLE3_ROWS } from '../lib/template';
import { buildReport } from './helpers/report-builder';
import { seed004Values } from './export-fixture';

const findingsOf = (cells: Parameters<typeof buildReport>[0]) => runRules(buildReport(cells), { bodyText: '' });
const only = (findings: Finding[], rule: string, target: string) => {
  const found = findings.filter((f) => f.rule === rule && f.target === target);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('readable formulas', () => {
  it('seed 004 (the issue\'s example): the non-zero terms by name, then how many are 0', () => {
    const findings = findingsOf(seed004Values());
    const natural = only(findings, 'T3-RESULTS', table3Path('naturalPerson', 'results.totalProcessed'));
    expect(readableFormula(natural, 'zh')).toBe('内部事务信息 1 + 本机关不掌握 2 = 3 ≠ （七）总计 1，其余 19 项为 0');
    expect(readableFormula(natural, 'en')).toBe('Internal affairs 1 + Not held 2 = 3 ≠ (7) Total processed 1; the other 19 are 0');
    // The compact formula stays for the CLI's --json and the export.
    expect(natural.formula).toBe('0 + 0 + 0 + 0 + 0 + 0 + 1 + 0 + 0 + 0 + 2 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 = 3 ≠ 1');
    const total = only(findings, 'T3-RESULTS', table3Path('total', 'results.totalProcessed'));
    expect(readableFormula(total, 'zh')).toBe('予以公开 1 + 内部事务信息 1 + 本机关不掌握 2 = 4 ≠ （七）总计 2，其余 18 项为 0');
  });

  it('the equation names each operand by its path, short label, kind and value', () => {
    const natural = only(findingsOf(seed004Values()), 'T3-RESULTS', table3Path('naturalPerson', 'results.totalProcessed'));
    const equation = natural.equation!;
    expect(equation.totals).toEqual([
      { path: table3Path('naturalPerson', 'results.totalProcessed'), label: { zh: '（七）总计', en: '(7) Total processed' }, kind: 'number', value: 1 },
    ]);
    expect(equation.parts.map((t) => t.path)).toEqual(natural.parts);
    expect(equation.parts[10]).toEqual({
      path: table3Path('naturalPerson', 'results.unableToProvide.noInfo'),
      label: { zh: '本机关不掌握', en: 'Not held' },
      kind: 'number',
      value: 2,
    });
    expect([equation.partsSum, equation.totalsSum, equation.relation]).toEqual([3, 1, '≠']);
  });

  it('blank, n/a and text terms are always shown, with what the page holds', () => {
    const findings = findingsOf({
      [table4Path('review', 'maintain')]: '1',
      [table4Path('review', 'correct')]: '',
      [table4Path('review', 'total')]: '3',
      [table3Path('legalPerson.research', 'carriedOver')]: '不适用',
      [table4Path('litigationDirect', 'other')]: '2件',
    });
    const review = only(findings, 'T4-BLOCK', table4Path('review', 'total'));
    expect(readableFormula(review, 'zh')).toBe('结果维持 1 + 结果纠正 （空白） = 1 < 总计 3，其余 2 项为 0');
    expect(readableFormula(review, 'en')).toBe('Upheld 1 + Corrected (blank) = 1 < Total 3; the other 2 are 0');
    const row = only(findings, 'T3-ROW', table3Path('total', 'carriedOver'));
    expect(readableFormula(row, 'zh')).toBe('科研机构 「不适用」 ? 总计 0，其余 5 项为 0');
    const direct = only(findings, 'T4-BLOCK', table4Path('litigationDirect', 'total'));
    expect(readableFormula(direct, 'en')).toBe('Other result 「2件」 ? Total 0; the other 3 are 0');
  });

  it('T3-BALANCE shows both sides; the badge cell is shown even when 0', () => {
    const findings = findingsOf({
      [table3Path('naturalPerson', 'newReceived')]: '2',
      [table3Path('naturalPerson', 'carriedOver')]: '1',
      [table3Path('total', 'newReceived')]: '2',
      [table3Path('total', 'carriedOver')]: '1',
    });
    const balance = only(findings, 'T3-BALANCE', table3Path('naturalPerson', 'results.totalProcessed'));
    expect(readableFormula(balance, 'zh')).toBe('一、新收 2 + 二、上年结转 1 = 3 ≠ （七）总计 0，其余 1 项为 0');
    expect(balance.formula).toBe('2 + 1 = 3 ≠ 0 = 0 + 0');
  });

  it('a long side that is all blank says so once; a short one names each blank', () => {
    const cells = Object.fromEntries(TABLE3_ROWS.map((r) => [table3Path('legalPerson.research', r.key), '']));
    const findings = findingsOf(cells);
    const results = only(findings, 'T3-RESULTS', table3Path('legalPerson.research', 'results.totalProcessed'));
    expect(readableFormula(results, 'zh')).toBe('21 项均为空白 ? （七）总计 （空白）');
    expect(readableFormula(results, 'en')).toBe('all 21 blank ? (7) Total processed (blank)');
    const balance = only(findings, 'T3-BALANCE', table3Path('legalPerson.research', 'results.totalProcessed'));
    expect(readableFormula(balance, 'en')).toBe('I new (blank) + II carried over (blank) ? (7) Total processed (blank) + IV carried forward (blank)');
  });

  it('all parts 0: says so', () => {
    const findings = findingsOf({ [table4Path('review', 'total')]: '1' });
    expect(readableFormula(only(findings, 'T4-BLOCK', table4Path('review', 'total')), 'zh')).toBe('0 ≠ 总计 1，4 项均为 0');
    expect(readableFormula(only(findings, 'T4-BLOCK', table4Path('review', 'total')), 'en')).toBe('0 ≠ Total 1; all 4 are 0');
  });

  it('every operand of every sum on a full page of errors has a short label (no path leaks into a formula)', () => {
    const cells = Object.fromEntries([...TABLE3_PATHS, ...TABLE4_PATHS].map((path, i) => [path, String(i % 3)]));
    const findings = findingsOf(cells).filter((f) => f.equation);
    expect(findings.length).toBeGreaterThan(30);
    for (const f of findings) {
      for (const term of [...f.equation!.totals, ...f.equation!.parts]) {
        expect(term.label.zh).not.toContain('.');
        expect(term.label.zh.length).toBeLessThanOrEqual(9);
      }
    }
    expect(Object.keys(TABLE3_SHORT_ROWS).sort()).toEqual(TABLE3_ROWS.map((r) => r.key).sort());
  });

  it('a finding without an equation keeps its compact formula', () => {
    expect(readableFormula({ formula: '1 + 2 = 3 ≠ 4' }, 'zh')).toBe('1 + 2 = 3 ≠ 4');
    expect(readableFormula({}, 'en')).toBeUndefined();
  });
});
