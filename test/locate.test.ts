/**
 * locateSuspects: the fewest filled cells whose change makes every sum rule hold (Fellegi–Holt), with the values
 * the rules then determine.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { locateSuspects, SEARCH_BUDGET } from '../lib/locate';
import { runRules } from '../lib/rules/registry';
import { ALL_PATHS, TABLE3_PATHS, TABLE4_PATHS } from '../lib/paths';
import type { Report } from '../lib/report';
import { buildReport, reportFromValues, table3Rows } from './helpers/report-builder';
import { PINGTAN_CELLS } from './helpers/pingtan-values';
import { loadSeed } from './fixtures/seed-values';

const locate = (report: Report) => locateSuspects(report, runRules(report, { bodyText: '' }));
const sumErrors = (report: Report) =>
  runRules(report, { bodyText: '' }).filter((f) => f.severity === 'error' && /^T[34]-/.test(f.rule));
const pingtan = (changes: Record<string, string>) => buildReport({ ...PINGTAN_CELLS, ...changes });

describe('seed 004', () => {
  const values = loadSeed('004').values;

  it('names the 本机关不掌握相关政府信息 row: 自然人 and 总计 should be 0', () => {
    expect(locate(reportFromValues(values))).toEqual([
      { path: 'table3.naturalPerson.results.unableToProvide.noInfo', suggested: 0 },
      { path: 'table3.total.results.unableToProvide.noInfo', suggested: 0 },
    ]);
  });

  it('for the right reason: with those two cells at 0 every rule holds', () => {
    const fixed = reportFromValues({
      ...values,
      'table3.naturalPerson.results.unableToProvide.noInfo': '0',
      'table3.total.results.unableToProvide.noInfo': '0',
    });
    expect(sumErrors(fixed)).toEqual([]);
  });

  it('and not the totals: raising both （七） to the leaf sums (3, 4) breaks T3-BALANCE (一+二 = 1 and 2)', () => {
    const raised = reportFromValues({
      ...values,
      'table3.naturalPerson.results.totalProcessed': '3',
      'table3.total.results.totalProcessed': '4',
    });
    expect(sumErrors(raised).map((f) => f.rule)).toEqual(['T3-BALANCE', 'T3-BALANCE']);
  });
});

describe('single errors in a consistent real table (Pingtan)', () => {
  it('a consistent report has no suspects', () => {
    expect(locate(pingtan({}))).toEqual([]);
  });

  it('a wrong leaf is found, with its value: 自然人 予以公开 23 (should be 22)', () => {
    expect(locate(pingtan({ 'table3.naturalPerson.results.granted': '23' }))).toEqual([
      { path: 'table3.naturalPerson.results.granted', suggested: 22 },
    ]);
  });

  it('a wrong total is found when it is the fewest change: 总计 新收 82 (should be 81)', () => {
    expect(locate(pingtan({ 'table3.total.newReceived': '82' }))).toEqual([
      { path: 'table3.total.newReceived', suggested: 81 },
    ]);
  });

  it('a wrong 总计 （七） breaks three rules at once and is the one cell named', () => {
    const report = pingtan({ 'table3.total.results.totalProcessed': '18' });
    expect(sumErrors(report).map((f) => f.rule)).toEqual(['T3-BALANCE', 'T3-RESULTS', 'T3-ROW']);
    expect(locate(report)).toEqual([{ path: 'table3.total.results.totalProcessed', suggested: 81 }]);
  });

  it('two independent wrong leaves are both found', () => {
    const report = pingtan({ 'table3.naturalPerson.results.granted': '23', 'table3.legalPerson.commercial.results.partialGrant': '3' });
    expect(locate(report)).toEqual([
      { path: 'table3.naturalPerson.results.granted', suggested: 22 },
      { path: 'table3.legalPerson.commercial.results.partialGrant', suggested: 1 },
    ]);
  });

  it('blank cells are unknowns, not zeros: blank 法人 columns do not hide a wrong 自然人 leaf', () => {
    const blanks = Object.fromEntries(
      TABLE3_PATHS.filter((p) => p.startsWith('table3.legalPerson.') && PINGTAN_CELLS[p] === '0').map((p) => [p, '']),
    );
    const report = pingtan({ ...blanks, 'table3.naturalPerson.results.granted': '23' });
    expect(locate(report)).toEqual([{ path: 'table3.naturalPerson.results.granted', suggested: 22 }]);
  });
});

describe('when the data cannot tell', () => {
  it('a table-4 block off by one could be any of its cells: no suspect is invented', () => {
    const report = pingtan({ 'table4.review.total': '3' });
    expect(sumErrors(report)).toHaveLength(1);
    expect(locate(report)).toEqual([]);
  });

  it('no sum-rule error among the findings: nothing to locate', () => {
    const report = pingtan({ 'table3.naturalPerson.results.granted': '23' });
    const withoutSumErrors = runRules(report, { bodyText: '' }).filter((f) => !/^T[34]-/.test(f.rule));
    expect(locateSuspects(report, withoutSumErrors)).toEqual([]);
  });

  it('an error needing more than 3 changes gives no suspects rather than a guess', () => {
    // Four leaves of four different columns and rows shifted together: the smallest fix has 4 cells.
    const report = buildReport(
      table3Rows({
        'results.granted': [1, 0, 0, 0, 0, 0, 0],
        'results.partialGrant': [0, 1, 0, 0, 0, 0, 0],
        'results.denied.stateSecret': [0, 0, 1, 0, 0, 0, 0],
        'results.denied.lawForbidden': [0, 0, 0, 1, 0, 0, 0],
      }),
    );
    expect(sumErrors(report).length).toBeGreaterThan(4);
    expect(locate(report)).toEqual([]);
  });
});

describe('cost', () => {
  it(`finishes in milliseconds on any mix of wrong cells (search capped at ${SEARCH_BUDGET} sets per component)`, () => {
    const statPaths = [...TABLE3_PATHS, ...TABLE4_PATHS];
    let worst = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...statPaths), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 12 }),
        (changes) => {
          const cells = { ...PINGTAN_CELLS };
          for (const [path, value] of changes) cells[path] = String(value);
          const report = buildReport(cells);
          const findings = runRules(report, { bodyText: '' });
          const first = locateSuspects(report, findings);
          for (const s of first) expect(ALL_PATHS).toContain(s.path);
          // The best of three runs: a garbage-collection pause on a busy machine is not the search's cost.
          let best = Infinity;
          for (let run = 0; run < 3; run++) {
            const start = performance.now();
            const again = locateSuspects(report, findings);
            best = Math.min(best, performance.now() - start);
            expect(again).toEqual(first);
          }
          worst = Math.max(worst, best);
        },
      ),
      { numRuns: 300 },
    );
    expect(worst).toBeLessThan(50);
  });
});
