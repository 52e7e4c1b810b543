/**
 * Properties of the rules and the locator on random reports:
 * - consistent reports give no finding at all;
 * - one wrong table-3 cell gives an error, the locator names exactly that cell with its true value, and setting the
 *   suggested value clears every error;
 * - with blank cells, a sum rule errs exactly when no non-negative filling of its blanks makes it hold (brute force);
 * - no input makes the rules or the locator throw, and every finding is well-formed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Finding } from '../lib/findings';
import { locateFixes, locateSuspects } from '../lib/locate';
import { ALL_PATHS, TABLE2_PATHS, TABLE3_PATHS, TABLE4_PATHS, table3Path, table4Path } from '../lib/paths';
import { runRules } from '../lib/rules/registry';
import { textEvidence } from '../lib/rules/text-vs-table';
import { sumSpecsOf, type SumSpec } from '../lib/rules/sum-specs';
import { TABLE3_APPLICANT_COLUMNS, TABLE3_LEAF_ROWS, TABLE4_BLOCKS } from '../lib/template';
import { MISSING, buildReport, table4Values, withCells, type CellSpec } from './helpers/report-builder';

/** Every sum spec in the 2021 template's layout. */
const ALL_SUM_SPECS = sumSpecsOf({ format: '2021', otherOneRow: false }).all;
const SUM_RULES = new Set(ALL_SUM_SPECS.map((s) => s.rule));
const sumErrors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error' && SUM_RULES.has(f.rule as SumSpec['rule']));

/** A consistent report (every rule holds) as path → value, from random leaves, carried-forward and carried-over splits. */
const consistentValues = (max: number) =>
  fc
    .record({
      columns: fc.array(
        fc.record({
          leaves: fc.array(fc.integer({ min: 0, max }), { minLength: 21, maxLength: 21 }),
          carriedForward: fc.integer({ min: 0, max }),
          carriedOverSeed: fc.nat(),
        }),
        { minLength: 6, maxLength: 6 },
      ),
      table4: fc.array(fc.integer({ min: 0, max }), { minLength: 12, maxLength: 12 }),
      table2: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 9, maxLength: 9 }),
      feeCents: fc.integer({ min: 0, max: 10_000_000 }),
    })
    .map(({ columns, table4, table2, feeCents }) => {
      const values = new Map<string, number>();
      const add = (path: string, v: number) => values.set(path, (values.get(path) ?? 0) + v);
      columns.forEach(({ leaves, carriedForward, carriedOverSeed }, c) => {
        const col = TABLE3_APPLICANT_COLUMNS[c].key;
        const processed = leaves.reduce((a, b) => a + b, 0);
        const carriedOver = carriedOverSeed % (processed + carriedForward + 1);
        const rows: [string, number][] = [
          ...TABLE3_LEAF_ROWS.map((r, i) => [r.key, leaves[i]] as [string, number]),
          ['results.totalProcessed', processed],
          ['carriedForward', carriedForward],
          ['carriedOver', carriedOver],
          ['newReceived', processed + carriedForward - carriedOver],
        ];
        for (const [row, v] of rows) {
          add(table3Path(col, row), v);
          add(table3Path('total', row), v);
        }
      });
      TABLE4_BLOCKS.forEach((block, b) => {
        const parts = table4.slice(b * 4, b * 4 + 4);
        ['maintain', 'correct', 'other', 'unfinished'].forEach((col, i) => add(table4Path(block.key, col), parts[i]));
        add(table4Path(block.key, 'total'), parts.reduce((a, v) => a + v, 0));
      });
      const cells: Record<string, string> = {};
      TABLE2_PATHS.forEach((path, i) => (cells[path] = path === 'table2.fees' ? (feeCents / 100).toFixed(2) : String(table2[i])));
      for (const [path, v] of values) cells[path] = String(v);
      return cells;
    });

const SUM_CELLS = [...TABLE3_PATHS, ...TABLE4_PATHS];

describe('consistent reports', () => {
  it('give no finding at all', () => {
    fc.assert(
      fc.property(consistentValues(40), (cells) => {
        expect(runRules(buildReport(cells), { bodyText: '' })).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('one wrong cell', () => {
  const mutation = fc.record({
    cells: consistentValues(20),
    path: fc.constantFrom(...SUM_CELLS),
    delta: fc.integer({ min: 1, max: 30 }),
    up: fc.boolean(),
  });

  it('is an error; in table 3 the locator names exactly it, and its suggested value clears every error', () => {
    fc.assert(
      fc.property(mutation, ({ cells, path, delta, up }) => {
        const original = Number(cells[path]);
        const wrong = up || original < delta ? original + delta : original - delta;
        const report = buildReport({ ...cells, [path]: String(wrong) });
        const findings = runRules(report, { bodyText: '' });
        expect(sumErrors(findings).length).toBeGreaterThan(0);

        const suspects = locateSuspects(report, findings);
        if (path.startsWith('table3.')) expect(suspects).toEqual([{ path, suggested: original }]);
        // A table-4 block is one equation: any of its cells could be the wrong one unless only this one can move.
        else expect([[], [{ path, suggested: original }]]).toContainEqual(suspects);

        const corrected = buildReport({ ...cells, [path]: String(suspects[0]?.suggested ?? original) });
        expect(sumErrors(runRules(corrected, { bodyText: '' }))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the locator with blank cells', () => {
  it('each smallest fix it finds, applied, clears every sum error (blanks stay blank)', () => {
    fc.assert(
      fc.property(
        consistentValues(10),
        fc.uniqueArray(fc.constantFrom(...SUM_CELLS), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.constantFrom(...SUM_CELLS), fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 3 }),
        (cells, blanked, changes) => {
          const spec: Record<string, CellSpec> = { ...cells };
          for (const [path, value] of changes) spec[path] = String(value);
          for (const path of blanked) spec[path] = '';
          const report = buildReport(spec);
          const fixes = locateFixes(report);
          // Needs a fix in every group of linked rules, each with determined values; then try each group's fixes.
          if (fixes.some((group) => group.length === 0)) return;
          for (const [g, group] of fixes.entries())
            for (const fix of group) {
              const changes = [fix, ...fixes.filter((_, other) => other !== g).map((other) => other[0])].flat();
              if (changes.some((c) => c.suggested === undefined)) continue;
              const fixed = buildReport({ ...spec, ...Object.fromEntries(changes.map((c) => [c.path, String(c.suggested)])) });
              expect(sumErrors(runRules(fixed, { bodyText: '' }))).toEqual([]);
            }
          // The suspects are the cells every fix of a group shares.
          const suspects = locateSuspects(report, runRules(report, { bodyText: '' }));
          for (const s of suspects) expect(fixes.some((group) => group.every((fix) => fix.some((c) => c.path === s.path)))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('blank cells', () => {
  /** Small random values (not consistent) with up to 3 blanks among the sum cells. */
  const withBlanks = fc.record({
    values: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: SUM_CELLS.length, maxLength: SUM_CELLS.length }),
    blanks: fc.uniqueArray(fc.integer({ min: 0, max: SUM_CELLS.length - 1 }), { maxLength: 3 }),
  });

  /** Does some filling of the blank operands with 0…bound make `Σ totals = Σ parts`? */
  function fillable(spec: SumSpec, cells: Record<string, CellSpec>): boolean {
    const operands = [...spec.totals.map((p) => [p, 1] as const), ...spec.parts.map((p) => [p, -1] as const)];
    let fixed = 0;
    const blanks: number[] = [];
    let bound = 0;
    for (const [path, sign] of operands) {
      const raw = cells[path] as string;
      if (raw === '') blanks.push(sign);
      else {
        fixed += sign * Number(raw);
        bound += Number(raw);
      }
    }
    const search = (i: number, sum: number): boolean => {
      if (i === blanks.length) return sum === 0;
      for (let v = 0; v <= bound; v++) if (search(i + 1, sum + blanks[i] * v)) return true;
      return false;
    };
    return search(0, fixed);
  }

  it('a sum rule errs exactly when no non-negative filling of its blanks makes it hold', () => {
    fc.assert(
      fc.property(withBlanks, ({ values, blanks }) => {
        const cells: Record<string, CellSpec> = {};
        SUM_CELLS.forEach((path, i) => (cells[path] = blanks.includes(i) ? '' : String(values[i])));
        const findings = runRules(buildReport(cells), { bodyText: '' });
        for (const spec of ALL_SUM_SPECS) {
          const erred = findings.some((f) => f.rule === spec.rule && f.target === spec.target && f.severity === 'error');
          expect({ rule: spec.rule, target: spec.target, erred }).toEqual({
            rule: spec.rule,
            target: spec.target,
            erred: !fillable(spec, cells),
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('ties broken by the text', () => {
  it('name cells of one smallest fix, and with them fixed the block holds and the text agrees', () => {
    let broken = 0;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 9 }), (block, stated) => {
        const report = buildReport(table4Values([...block, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        const text = `因政府信息公开申请引发的行政复议${stated}起。`;
        const suspects = locateSuspects(report, runRules(report, { bodyText: text }), () => textEvidence(report, text));
        if (!suspects.some((s) => s.reason)) return;
        broken++;
        const fixes = locateFixes(report).flat();
        expect(fixes.some((fix) => suspects.every((s) => fix.some((c) => c.path === s.path && c.suggested === s.suggested)))).toBe(true);
        const fixed = withCells(report, Object.fromEntries(suspects.map((s) => [s.path, String(s.suggested)])));
        expect(runRules(fixed, { bodyText: text }).filter((f) => f.rule === 'T4-BLOCK' || f.rule === 'TEXT-T4-REVIEW')).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(broken).toBeGreaterThan(0);
  });
});

describe('any input', () => {
  const RAW: CellSpec[] = ['', ' ', '\u00a0', '0', '零', '3', '17', '1,234', '１２', '-2', '3.5', '/', '—', '无', '2件', '详见附件', MISSING];
  const anyReport = fc.record({
    cells: fc.array(fc.constantFrom(...RAW), { minLength: ALL_PATHS.length, maxLength: ALL_PATHS.length }),
    absent: fc.subarray(['table2', 'table3', 'table4'] as const),
    text: fc.oneof(
      fc.string(),
      fc
        .array(
          fc.constantFrom(
            '收到申请', '办结', '答复', '办理', '结转下年度', '行政复议', '行政诉讼', '没有', '未发生', '信息公开',
            '现行有效规范性文件', '主动公开政府信息', '予以公开及部分公开', '予以公开', '不予公开', '无法提供', '不予处理',
            '其他处理', '其中，', '其他', '占', '%', '3', '12', '0.5', '件', '条', '起', '、', '，', '；', '。', '较上年',
          ),
        )
        .map((a) => a.join('')),
    ),
  });

  it('never makes the rules or the locator throw, and every finding is well-formed', () => {
    fc.assert(
      fc.property(anyReport, ({ cells, absent, text }) => {
        const options = Object.fromEntries(absent.map((t) => [t, null]));
        const spec: Record<string, CellSpec> = {};
        ALL_PATHS.forEach((path, i) => {
          if (!absent.some((table) => path.startsWith(`${table}.`))) spec[path] = cells[i];
        });
        const report = buildReport(spec, options);
        const findings = runRules(report, { bodyText: text });
        for (const f of findings) {
          expect(['error', 'warning', 'info']).toContain(f.severity);
          if (f.target !== null) expect(ALL_PATHS).toContain(f.target);
          for (const p of f.parts) expect(ALL_PATHS).toContain(p);
          expect(f.message.zh.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
          // The text's words are ambiguous: a text finding warns, or (收到: which reading agreed) informs; never an error.
          if (f.rule.startsWith('TEXT-')) expect(['warning', 'info']).toContain(f.severity);
        }
        for (const s of locateSuspects(report, findings, () => textEvidence(report, text))) {
          expect(ALL_PATHS).toContain(s.path);
          if (s.reason) expect(s.reason.zh).toMatch(/^正文称/);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
