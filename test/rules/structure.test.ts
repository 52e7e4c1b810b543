/**
 * STRUCTURE (a table in another shape than its format's template) and the layouts it names: （六）其他处理 as one row,
 * the cells of a result group whatever the layout (resultGroupPaths), and the sum rules over the one row.
 */
import { describe, expect, it } from 'vitest';
import { layoutOf, resultGroupPaths, table3Path } from '../../lib/paths';
import { runRules } from '../../lib/rules/registry';
import { structure } from '../../lib/rules/structure';
import { sumSpecsOf } from '../../lib/rules/sum-specs';
import { locateSuspects } from '../../lib/locate';
import { readableFormula } from '../../lib/formula-text';
import { TABLE3_COLUMNS } from '../../lib/template';
import { buildReport, table3Rows, type BuildOptions } from '../helpers/report-builder';

const HYBRID = { layout: { format: '2021', otherOneRow: true } } satisfies BuildOptions;
const TRIAL = { layout: { format: '2019', otherOneRow: true } } satisfies BuildOptions;
const TRIAL_THREE_ROWS = { layout: { format: '2019', otherOneRow: false } } satisfies BuildOptions;
const check = (options: BuildOptions, cells = {}) => structure.check(buildReport(cells, options), { bodyText: '' });

describe('STRUCTURE', () => {
  it('a report in its format’s own shape has nothing to say (2021 with three rows, 2019 with one)', () => {
    expect(check({})).toEqual([]);
    expect(check(TRIAL)).toEqual([]);
    expect(check({ table3: null, ...HYBRID })).toEqual([]);
  });

  it('a 2021 report printing （六） as one row: one warning, badge on the row’s 总计, the row’s cells as parts', () => {
    expect(check(HYBRID)).toEqual([
      {
        rule: 'STRUCTURE',
        severity: 'warning',
        outcome: 'one-row',
        table: 'table3',
        target: table3Path('total', 'results.other'),
        parts: TABLE3_COLUMNS.map((c) => table3Path(c.key, 'results.other')),
        message: {
          zh: '表三“（六）其他处理”印为一行（2021年模板为三行）；按一行核对：它代表三项之和',
          en: 'Table 3 prints “(6) Other handling” as one row (the 2021 template has three); checked as one row standing for the three',
        },
      },
    ]);
  });

  it('a 2019 report printing （六） as three rows: one warning', () => {
    expect(check(TRIAL_THREE_ROWS).map((f) => [f.outcome, f.message.zh])).toEqual([['three-rows', '表三“（六）其他处理”印为三行（2019年试行模板为一行）']]);
  });
});

describe('resultGroupPaths: a result group’s cells whatever the layout', () => {
  it('（六） is its three leaves in the 2021 layout and the one row where it is printed as one', () => {
    expect(resultGroupPaths(buildReport(), 'other')).toEqual(
      ['overdueCorrection', 'overdueFee', 'otherReasons'].map((k) => table3Path('total', `results.other.${k}`)),
    );
    expect(resultGroupPaths(buildReport({}, HYBRID), 'other', 'naturalPerson')).toEqual([table3Path('naturalPerson', 'results.other')]);
    expect(layoutOf(buildReport({}, TRIAL))).toEqual({ format: '2019', otherOneRow: true });
  });

  it('the other groups do not depend on the layout', () => {
    for (const options of [{}, HYBRID, TRIAL]) {
      const report = buildReport({}, options);
      expect(resultGroupPaths(report, 'denied')).toHaveLength(8);
      expect(resultGroupPaths(report, 'unableToProvide')).toHaveLength(3);
      expect(resultGroupPaths(report, 'notProcessed')).toHaveLength(5);
      expect(resultGroupPaths(report, 'granted')).toEqual([table3Path('total', 'results.granted')]);
    }
  });
});

describe('the sum rules where （六） is one row', () => {
  it('T3-RESULTS adds 19 rows, the one （六） row among them; T3-ROW has 23 rows, the one row among them', () => {
    const specs = sumSpecsOf({ format: '2021', otherOneRow: true });
    expect(specs.results[0].parts).toHaveLength(19);
    expect(specs.results[0].parts).toContain(table3Path('naturalPerson', 'results.other'));
    expect(specs.row.map((s) => s.target)).toContain(table3Path('total', 'results.other'));
    expect(specs.row).toHaveLength(23);
  });

  it('a value in the one row counts: a wrong one row is an error and the suspect', () => {
    const cells = table3Rows({
      newReceived: [2, 0, 0, 0, 0, 0, 2],
      'results.granted': [1, 0, 0, 0, 0, 0, 1],
      'results.other': [1, 0, 0, 0, 0, 0, 1],
      'results.totalProcessed': [2, 0, 0, 0, 0, 0, 2],
    });
    const good = buildReport(cells, HYBRID);
    expect(runRules(good, { bodyText: '' }).filter((f) => f.severity === 'error')).toEqual([]);
    const bad = buildReport({ ...cells, [table3Path('naturalPerson', 'results.other')]: '2' }, HYBRID);
    const findings = runRules(bad, { bodyText: '' });
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.target])).toEqual([
      ['T3-RESULTS', table3Path('naturalPerson', 'results.totalProcessed')],
      ['T3-ROW', table3Path('total', 'results.other')],
    ]);
    expect(locateSuspects(bad, findings)).toEqual([{ path: table3Path('naturalPerson', 'results.other'), suggested: 1 }]);
    // The readable formula names the one row by its short label, like every other term.
    const results = findings.find((f) => f.rule === 'T3-RESULTS' && f.severity === 'error')!;
    expect(readableFormula(results, 'zh')).toBe('予以公开 1 + （六）其他处理 2 = 3 ≠ （七）总计 2，其余 17 项为 0');
  });
});
