/**
 * Properties of findings grouped by cause (lib/causes.ts), on random reports: random cells (numbers, zeros, blanks,
 * n/a, text, missing), whole blank columns and rows laid over them, tables left off, random text.
 * - every finding is in exactly one cause;
 * - grouping never hides an error: every error finding is in a cause of severity error, so there is an error cause
 *   whenever there is an error finding; a cause's severity is its worst finding's;
 * - every cell of a cause still gets its badge in the overlay model (cheerio-free: refs are the paths themselves).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByCause } from '../lib/causes';
import type { CheckResult, Finding, Severity } from '../lib/findings';
import { ALL_PATHS, cellAt, table3Path, table4Path } from '../lib/paths';
import type { TableId } from '../lib/report';
import { runRules } from '../lib/rules/registry';
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../lib/template';
import { buildOverlayModel } from '../utils/overlay/model';
import { buildReport, MISSING, type CellSpec } from './helpers/report-builder';

const RAW: CellSpec[] = ['0', '0', '0', '1', '2', '5', '', '', '/', '2件', '-1', MISSING];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const TABLES: readonly TableId[] = ['table2', 'table3', 'table4'];

const randomPage = fc.record({
  cells: fc.array(fc.constantFrom(...RAW), { minLength: ALL_PATHS.length, maxLength: ALL_PATHS.length }),
  blankColumns: fc.subarray(TABLE3_COLUMNS.map((c) => c.key)),
  blankRows: fc.subarray(TABLE3_ROWS.map((r) => r.key), { maxLength: 4 }),
  blankBlocks: fc.subarray(TABLE4_BLOCKS.map((b) => b.key)),
  absent: fc.subarray(['table2', 'table3', 'table4'] as const, { maxLength: 1 }),
  text: fc
    .array(fc.constantFrom('收到政府信息公开申请', '办结', '因政府信息公开被申请行政复议', '3', '12', '件', '，', '。'))
    .map((a) => a.join('')),
});

type PageInput = typeof randomPage extends fc.Arbitrary<infer T> ? T : never;

function pageOf({ cells, blankColumns, blankRows, blankBlocks, absent, text }: PageInput) {
  const spec: Record<string, CellSpec> = {};
  ALL_PATHS.forEach((path, i) => (spec[path] = cells[i]));
  for (const col of blankColumns) for (const row of TABLE3_ROWS) spec[table3Path(col, row.key)] = '';
  for (const row of blankRows) for (const col of TABLE3_COLUMNS) spec[table3Path(col.key, row)] = '';
  for (const block of blankBlocks) for (const col of TABLE4_COLUMNS) spec[table4Path(block, col.key)] = '';
  for (const table of absent) for (const path of Object.keys(spec)) if (path.startsWith(`${table}.`)) delete spec[path];
  const report = buildReport(spec, Object.fromEntries(absent.map((table: TableId) => [table, null])));
  const findings = runRules(report, { bodyText: text });
  return { report, findings, causes: groupByCause(report, findings) };
}

describe('findings grouped by cause', () => {
  it('every finding is in exactly one cause; a cause is never empty and its indexes ascend', () => {
    fc.assert(
      fc.property(randomPage, (input) => {
        const { findings, causes } = pageOf(input);
        const count = new Array<number>(findings.length).fill(0);
        for (const cause of causes) {
          expect(cause.findings.length).toBeGreaterThan(0);
          expect([...cause.findings].sort((a, b) => a - b)).toEqual(cause.findings);
          for (const i of cause.findings) count[i]++;
        }
        expect(count.every((n) => n === 1)).toBe(true);
        // A sum folded into another finding's cause is left open only by cells that findings already report.
        const reported = new Set(findings.filter((f) => f.rule === 'BLANK' || f.rule === 'VALUE').map((f) => f.target));
        for (const cause of causes) {
          if (cause.findings.length === 1) continue;
          for (const i of cause.findings) {
            const f = findings[i];
            if (!f.equation) continue;
            expect(f.severity).not.toBe('error');
            const open = [...f.equation.totals, ...f.equation.parts].filter((t) => t.value === null);
            expect(open.length).toBeGreaterThan(0);
            for (const term of open) expect(reported.has(term.path), `${f.rule} ${f.target}: ${term.path}`).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('never hides an error: each error finding is in an error cause; a cause is as severe as its worst finding', () => {
    let withErrors = 0;
    fc.assert(
      fc.property(randomPage, (input) => {
        const { findings, causes } = pageOf(input);
        for (const cause of causes) {
          const worst = cause.findings.map((i) => findings[i].severity).sort((a, b) => RANK[a] - RANK[b])[0];
          expect(cause.severity).toBe(worst);
        }
        const errorFindings = findings.filter((f) => f.severity === 'error');
        const errorCauses = causes.filter((c) => c.severity === 'error');
        for (const [i, f] of findings.entries()) {
          if (f.severity !== 'error') continue;
          expect(causes.find((c) => c.findings.includes(i))?.severity).toBe('error');
        }
        if (errorFindings.length > 0) {
          withErrors++;
          expect(errorCauses.length).toBeGreaterThanOrEqual(1);
        }
        // Per table too: a chip counting causes never says ✓ over an error.
        for (const table of TABLES) {
          const has = findings.some((f) => f.table === table && f.severity === 'error');
          const counted = causes.some((c) => c.table === table && c.severity === 'error');
          expect(counted).toBe(has);
        }
      }),
      { numRuns: 150 },
    );
    expect(withErrors).toBeGreaterThan(100); // the property above was exercised on pages with errors
  }, 60_000);

  it('every cell of a cause still gets its badge in the overlay model', () => {
    let grouped = 0;
    fc.assert(
      fc.property(randomPage, (input) => {
        const { report, findings, causes } = pageOf(input);
        // Every template cell on the page is its own ref; each table's chip sits on a stand-in element.
        const refs = new Map<string, string>();
        for (const path of ALL_PATHS) {
          const cell = cellAt(report, path);
          if (cell && cell.kind !== 'missing') refs.set(path, path);
        }
        const tableRefs = Object.fromEntries(TABLES.filter((t) => report[t]).map((t) => [t, [t]]));
        const result: CheckResult = { status: 'ok', report, findings, causes, suspects: [], timings: { detect: 0, parse: 0, check: 0 } };
        const model = buildOverlayModel({ result, refs, tableRefs }, { error: true, blank: true, nonNumeric: true });
        const badges = new Map(model.badges.map((b) => [b.path, b]));
        for (const cause of causes) {
          if (cause.findings.length > 1) grouped++;
          for (const i of cause.findings) {
            const f: Finding = findings[i];
            // A badge marks a cell a finding is about: errors and warnings on table cells (an info note that blanks
            // read as 0 make a sum hold marks nothing, grouped or not).
            if (f.target === null || f.table === 'text' || f.severity === 'info' || !refs.has(f.target)) continue;
            const badge = badges.get(f.target);
            expect(badge, `${f.rule} ${f.target}`).toBeDefined();
            expect(badge!.findings).toContain(f);
            // The tooltip names a grouped cause, unless the cell's own finding is the cause (a lone n/a or blank cell).
            const ownCause = cause.kind === 'finding' && cause.target === f.target;
            if (cause.findings.length > 1 && !ownCause) expect(badge!.groups).toContain(cause);
          }
        }
        // The chips count causes: errors and warnings per table add up to the table's causes of those severities.
        for (const summary of model.summaries) {
          const own = causes.filter((c) => c.table === summary.table);
          expect(summary.errors).toBe(own.filter((c) => c.severity === 'error').length);
          expect(summary.blanks + summary.warnings).toBe(own.filter((c) => c.severity === 'warning').length);
        }
      }),
      { numRuns: 100 },
    );
    expect(grouped).toBeGreaterThan(50); // grouped causes (blank lines, folded sums) did occur
  }, 60_000);
});
