/**
 * Property tests of the whole pipeline on rendered pages: random report tables (values, blanks, n/a, text) in a
 * random markup never make checkDocument throw and always parse back to the rendered raw values; an arithmetic
 * error injected in one cell of a consistent report is reported, and disappears when the cell is corrected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import { loadHtml } from '../lib/sources/cheerio';
import { ALL_PATHS, TABLE2_PATHS, table2Path, table3Path, table4Path } from '../lib/paths';
import { TABLE3_APPLICANT_COLUMNS, TABLE3_LEAF_ROWS, TABLE3_TOTAL_COLUMN, TABLE4_BLOCKS } from '../lib/template';
import { TEMPLATE_STYLES, renderReportPage, zeroModel } from './fixtures/render';
import { expectReportValues } from './fixtures/expect-report';
import { inLayoutTable, onHiddenTab } from './fixtures/render/wrappers';

const FEE = table2Path('fees');
const check = (html: string) => checkDocument(loadHtml(html)).result;
const style = fc.constantFrom(...TEMPLATE_STYLES);
/** The page as published, nested in a layout table, or on a hidden tab. */
const wrapper = fc.constantFrom<(page: string) => string>((page) => page, inLayoutTable, onHiddenTab);
const model = (values: Record<string, string>) => ({ ...zeroModel(), values });

/** What published cells hold: mostly counts, sometimes written oddly, blank, n/a or text. */
const count = fc.oneof(
  { weight: 12, arbitrary: fc.nat({ max: 30 }).map(String) },
  { weight: 3, arbitrary: fc.nat({ max: 99_999 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 9_999_999 }).map((n) => n.toLocaleString('en-US')) },
  { weight: 1, arbitrary: fc.nat({ max: 99 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))) },
  { weight: 1, arbitrary: fc.nat({ max: 99 }).map((n) => ` ${n}\u00a0`) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u3000', '/', '—', '-', '无', '不适用', '零', '详见附件', '2件', '约10', '3.5') },
);
const fee = fc.oneof(count, fc.tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`));

const randomValues = fc.record(
  Object.fromEntries(ALL_PATHS.map((path) => [path, path === FEE ? fee : count])) as Record<string, fc.Arbitrary<string>>,
);

describe('random tables in random markups', () => {
  it('never throw and always parse back to the rendered raw values', () => {
    fc.assert(
      fc.property(randomValues, style, wrapper, (values, pageStyle, wrap) => {
        const result = check(wrap(renderReportPage(model(values), pageStyle)));
        expect(result.status).toBe('ok');
        expectReportValues(result.report, values);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

// ---------- consistent reports ----------

const LEAF_KEYS = TABLE3_LEAF_ROWS.map((r) => r.key);
const small = fc.nat({ max: 40 });

/** A report where every rule holds: leaves, carried-over and carried-forward per applicant column, the rest summed. */
const consistentValues = fc
  .record({
    leaves: fc.array(fc.array(small, { minLength: LEAF_KEYS.length, maxLength: LEAF_KEYS.length }), {
      minLength: TABLE3_APPLICANT_COLUMNS.length,
      maxLength: TABLE3_APPLICANT_COLUMNS.length,
    }),
    carriedOver: fc.array(small, { minLength: 6, maxLength: 6 }),
    carriedForward: fc.array(small, { minLength: 6, maxLength: 6 }),
    table4: fc.array(fc.array(small, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
    table2: fc.array(fc.nat({ max: 500 }), { minLength: TABLE2_PATHS.length, maxLength: TABLE2_PATHS.length }),
  })
  .map(({ leaves, carriedOver, carriedForward, table4, table2 }) => {
    const values: Record<string, string> = {};
    const rowTotals = new Map<string, number>();
    const put = (column: string, row: string, n: number) => {
      values[table3Path(column, row)] = String(n);
      rowTotals.set(row, (rowTotals.get(row) ?? 0) + n);
    };
    TABLE3_APPLICANT_COLUMNS.forEach((column, c) => {
      const processed = leaves[c].reduce((a, b) => a + b, 0);
      const over = Math.min(carriedOver[c], processed + carriedForward[c]);
      LEAF_KEYS.forEach((key, i) => put(column.key, key, leaves[c][i]));
      put(column.key, 'results.totalProcessed', processed);
      put(column.key, 'carriedOver', over);
      put(column.key, 'carriedForward', carriedForward[c]);
      put(column.key, 'newReceived', processed + carriedForward[c] - over);
    });
    for (const [row, total] of rowTotals) values[table3Path(TABLE3_TOTAL_COLUMN.key, row)] = String(total);
    TABLE4_BLOCKS.forEach((block, b) => {
      const [maintain, correct, other, unfinished] = table4[b];
      Object.assign(values, {
        [table4Path(block.key, 'maintain')]: String(maintain),
        [table4Path(block.key, 'correct')]: String(correct),
        [table4Path(block.key, 'other')]: String(other),
        [table4Path(block.key, 'unfinished')]: String(unfinished),
        [table4Path(block.key, 'total')]: String(maintain + correct + other + unfinished),
      });
    });
    TABLE2_PATHS.forEach((path, i) => (values[path] = String(table2[i])));
    return values;
  });

/** Cells that some sum rule reads: tables 3 and 4. */
const RULE_CELLS = ALL_PATHS.filter((p) => !p.startsWith('table2.'));

describe('an arithmetic error injected in one cell', () => {
  it('is reported on that cell, and disappears when the cell is corrected', () => {
    fc.assert(
      fc.property(consistentValues, fc.constantFrom(...RULE_CELLS), fc.integer({ min: 1, max: 9 }), style, (values, path, delta, pageStyle) => {
        const correct = check(renderReportPage(model(values), pageStyle));
        expect(correct.findings.filter((f) => f.severity === 'error')).toEqual([]);

        const wrong = { ...values, [path]: String(Number(values[path]) + delta) };
        const result = check(renderReportPage(model(wrong), pageStyle));
        const errors = result.findings.filter((f) => f.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.some((f) => f.target === path || f.parts.includes(path))).toBe(true);
        expect(errors.every((f) => f.target === path || f.parts.includes(path))).toBe(true);
        // In table 3 every cell is in one row rule and one column rule that meet only in it: the one explanation.
        if (path.startsWith('table3.')) expect(result.suspects).toEqual([{ path, suggested: Number(values[path]) }]);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
