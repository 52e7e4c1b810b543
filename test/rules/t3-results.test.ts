/** T3-RESULTS: per column of table 3, （七）总计 = the 21 result rows （一）…（六）3, in template order. */
import { describe, expect, it } from 'vitest';
import { t3Results } from '../../lib/rules/t3-results';
import { table3Path } from '../../lib/paths';
import { sumSpecsOf } from '../../lib/rules/sum-specs';
import { TABLE3_LEAF_ROWS } from '../../lib/template';
import { buildReport, reportFromValues } from '../helpers/report-builder';
import { PINGTAN_CELLS } from '../helpers/pingtan-values';
import { loadSeed } from '../fixtures/seed-values';

const check = (cells: Record<string, string>) => t3Results.check(buildReport(cells), { bodyText: '' });

describe('T3-RESULTS', () => {
  it('holds on an all-zero table and on the real Pingtan numbers (自然人 22+19+1+1+1+2+31+1+1+1 = 80)', () => {
    expect(check({})).toEqual([]);
    expect(check(PINGTAN_CELLS)).toEqual([]);
  });

  it('seed 004: 自然人 leaves 3 vs （七） 1 and 总计 leaves 4 vs （七） 2, nothing else', () => {
    const findings = t3Results.check(reportFromValues(loadSeed('004').values), { bodyText: '' });
    expect(findings.map((f) => [f.target, f.severity, f.outcome, f.expected, f.found])).toEqual([
      ['table3.naturalPerson.results.totalProcessed', 'error', 'mismatch', 3, 1],
      ['table3.total.results.totalProcessed', 'error', 'mismatch', 4, 2],
    ]);
    expect(findings[0].formula).toBe('0 + 0 + 0 + 0 + 0 + 0 + 1 + 0 + 0 + 0 + 2 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 = 3 ≠ 1');
    expect(findings[0].message.zh).toBe('自然人：（七）总计应为 3，实为 1');
  });

  it('adds exactly the 21 leaf rows, in template order, and no group label or （七） itself', () => {
    const [finding] = check({ 'table3.naturalPerson.results.totalProcessed': '1' });
    expect(finding.parts).toEqual(TABLE3_LEAF_ROWS.map((r) => table3Path('naturalPerson', r.key)));
    expect(finding.parts).toHaveLength(21);
  });

  it('names its parts by their count: 21 leaves, or 19 rows where （六） is one row', () => {
    expect(sumSpecsOf({ format: '2021', otherOneRow: false }).results.map((s) => [s.parts.length, s.partsLabel.en])).toEqual(
      Array(7).fill([21, 'the sum of the 21 result rows']),
    );
    expect(sumSpecsOf({ format: '2019', otherOneRow: true }).results.map((s) => [s.parts.length, s.partsLabel.en])).toEqual(
      Array(7).fill([19, 'the sum of the 19 result rows']),
    );
  });

  it('each leaf counts: a 1 in the last leaf (（六）3.其他) alone is enough to fail a 0 total', () => {
    const [finding] = check({ 'table3.total.results.other.otherReasons': '1' });
    expect(finding).toMatchObject({ target: 'table3.total.results.totalProcessed', expected: 1, found: 0 });
  });

  it.each([
    ['a blank leaf, the rest adds up to （七）', { 'results.granted': '2', 'results.partialGrant': '', 'results.totalProcessed': '2' }, 'info', 'blanks-as-zero'],
    ['a blank leaf, the rest already above （七）', { 'results.granted': '3', 'results.partialGrant': '', 'results.totalProcessed': '2' }, 'error', 'mismatch'],
    ['a blank leaf, the rest below （七）', { 'results.granted': '1', 'results.partialGrant': '', 'results.totalProcessed': '2' }, 'warning', 'cannot-verify'],
    ['（七） blank', { 'results.granted': '1', 'results.totalProcessed': '' }, 'warning', 'total-blank'],
    ['a leaf with text', { 'results.granted': '1件', 'results.totalProcessed': '1' }, 'warning', 'cannot-verify'],
    ['a leaf marked not applicable', { 'results.granted': '—', 'results.totalProcessed': '0' }, 'warning', 'cannot-verify'],
  ])('%s → %s %s', (_case, rows, severity, outcome) => {
    const cells = Object.fromEntries(Object.entries(rows).map(([row, raw]) => [table3Path('legalPerson.other', row), raw]));
    const findings = check(cells);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity, outcome, target: 'table3.legalPerson.other.results.totalProcessed' });
  });
});
