/**
 * locateSuspects: the fewest filled cells whose change makes every sum rule hold (Fellegi–Holt), with the values
 * the rules then determine.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { locateFixes, locateSuspects, SEARCH_BUDGET } from '../lib/locate';
import { textEvidence } from '../lib/rules/text-vs-table';
import { runRules } from '../lib/rules/registry';
import { ALL_PATHS, TABLE3_PATHS, TABLE4_PATHS } from '../lib/paths';
import type { Report } from '../lib/report';
import { buildReport, reportFromValues, table3Rows, table4Values } from './helpers/report-builder';
import { PINGTAN_CELLS, pingtanBodyText } from './helpers/pingtan-values';
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

describe('ties broken by the report’s own text', () => {
  /** A report whose table 4 is all 0 but for some cells, as locateSuspects sees it in the pipeline. */
  const table4 = (values: number[]) => buildReport(table4Values(values));
  const review1Total0 = table4([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const locateWith = (report: Report, text: string) =>
    locateSuspects(report, runRules(report, { bodyText: text }), () => textEvidence(report, text));

  it('结果维持 1, 总计 0: either cell may be wrong, and the tables alone name none', () => {
    expect(locateFixes(review1Total0)).toEqual([
      [[{ path: 'table4.review.maintain', suggested: 0 }], [{ path: 'table4.review.total', suggested: 1 }]],
    ]);
    expect(locateWith(review1Total0, '')).toEqual([]);
  });

  it('正文称行政复议1起: the fix that makes 总计 1 is the suspect, and it says why', () => {
    expect(locateWith(review1Total0, '本年度因政府信息公开申请引发的行政复议1起。')).toEqual([
      {
        path: 'table4.review.total',
        suggested: 1,
        reason: {
          zh: '正文称“行政复议1起”，故表四 行政复议 · 总计应为 1',
          en: 'The text says “行政复议1起”, so Table 4 Administrative review · Total should be 1',
        },
      },
    ]);
  });

  it('a text that agrees with the table’s 总计 0 (没有行政复议) names 结果维持 instead', () => {
    const [suspect] = locateWith(review1Total0, '本年度没有发生因政府信息公开引起的行政复议。');
    expect(suspect).toMatchObject({ path: 'table4.review.maintain', suggested: 0 });
    expect(suspect.reason?.zh).toBe(
      '正文称“没有发生因政府信息公开引起的行政复议”，与表四行政复议总计 0 相符，故应改的是表四 行政复议 · 结果维持（应为 0）',
    );
  });

  it('a text that agrees with neither fix, or speaks of other cells, leaves the tie as it was', () => {
    expect(locateWith(review1Total0, '因政府信息公开申请引发的行政复议2起。')).toEqual([]);
    expect(locateWith(review1Total0, '本年度共收到政府信息公开申请0件。')).toEqual([]);
  });

  it('行政诉讼 counts both litigation blocks: 行政诉讼1起 breaks a tie in 未经复议直接起诉', () => {
    const report = table4([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(locateWith(report, '因政府信息公开引发的行政诉讼1起。')).toMatchObject([{ path: 'table4.litigationDirect.total', suggested: 1 }]);
  });

  it('Pingtan’s own text (行政复议案件2件) picks 总计 out of five fixes when the table says 3', () => {
    const report = pingtan({ 'table4.review.total': '3' });
    expect(locateFixes(report)[0]).toHaveLength(5);
    expect(locateWith(report, pingtanBodyText())).toEqual([
      {
        path: 'table4.review.total',
        suggested: 2,
        reason: {
          zh: '正文称“行政复议案件2件”，故表四 行政复议 · 总计应为 2',
          en: 'The text says “行政复议案件2件”, so Table 4 Administrative review · Total should be 2',
        },
      },
    ]);
  });

  it('the text is read only when the tables leave a tie', () => {
    let asked = 0;
    const report = pingtan({ 'table3.naturalPerson.results.granted': '23' });
    locateSuspects(report, runRules(report, { bodyText: '' }), () => {
      asked++;
      return [];
    });
    expect(asked).toBe(0);
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
