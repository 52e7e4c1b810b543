import { describe, expect, it } from 'vitest';
import { noReportHint, type PageProbe } from '../components/popup/page-probe';
import { groupBySeverity, revealPath, tableSummaries } from '../components/popup/summary';
import { tabIdFromQuery } from '../components/popup/target-tab';
import type { Finding } from '../lib/findings';
import { runRules } from '../lib/rules/registry';
import { reportFromRaw, resultFor, seed004Values } from './export-fixture';

const probe = (over: Partial<PageProbe>): PageProbe => ({
  contentType: 'text/html',
  tables: 0,
  pdfEmbeds: 0,
  pdfLinks: 0,
  largeImages: 0,
  ...over,
});

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'T3-RESULTS',
  severity: 'error',
  outcome: 'mismatch',
  table: 'table3',
  target: 'table3.total.results.totalProcessed',
  parts: [],
  message: { zh: '错', en: 'wrong' },
  ...over,
});

describe('what the popup adds to the engine\'s no-report reason', () => {
  it('names a PDF document or an embedded PDF first', () => {
    expect(noReportHint(probe({ contentType: 'application/pdf' }))).toBe('reasonPdf');
    expect(noReportHint(probe({ pdfEmbeds: 1, tables: 3 }))).toBe('reasonPdf');
  });
  it('says the tables are not the report, or that there are no tables', () => {
    expect(noReportHint(probe({ tables: 2, pdfLinks: 1 }))).toBe('reasonTablesNotReport');
    expect(noReportHint(probe({}))).toBe('reasonNoTables');
  });
  it('adds nothing where the engine already names PDF links or images', () => {
    expect(noReportHint(probe({ largeImages: 4 }))).toBeNull();
    expect(noReportHint(probe({ pdfLinks: 1 }))).toBeNull();
    expect(noReportHint(null)).toBeNull();
  });
});

describe('popup summary', () => {
  it('counts errors and warnings per table and marks absent tables', () => {
    const report = { ...reportFromRaw(seed004Values()), table4: null };
    const result = resultFor(report, [
      finding({}),
      finding({ target: 'table3.naturalPerson.results.totalProcessed' }),
      finding({ severity: 'warning', rule: 'BLANK', table: 'table2', target: 'table2.fees' }),
      finding({ severity: 'warning', table: 'text', target: null }),
    ]);
    expect(tableSummaries(result)).toEqual([
      { table: 'table2', found: true, errors: 0, warnings: 1 },
      { table: 'table3', found: true, errors: 2, warnings: 0 },
      { table: 'table4', found: false, errors: 0, warnings: 0 },
    ]);
  });
  it('counts causes, not cells: a blank column of 25 cells is one warning', () => {
    const values = seed004Values();
    for (const path of Object.keys(values)) if (path.startsWith('table3.legalPerson.research.')) values[path] = '';
    const report = reportFromRaw(values);
    const result = resultFor(report, runRules(report, { bodyText: '' }));
    expect(result.findings.filter((f) => f.rule === 'BLANK')).toHaveLength(25);
    expect(tableSummaries(result)[1]).toEqual({ table: 'table3', found: true, errors: 2, warnings: 1 });
  });
  it('groups causes most severe first, leaving empty groups out', () => {
    const report = reportFromRaw(seed004Values());
    const { causes } = resultFor(report, [
      finding({ severity: 'info', outcome: 'blanks-as-zero' }),
      finding({}),
      finding({ severity: 'info', table: 'table4', target: 'table4.review.total' }),
    ]);
    const groups = groupBySeverity(causes);
    expect(groups.map((g) => [g.severity, g.causes.length])).toEqual([
      ['error', 1],
      ['info', 2],
    ]);
  });
  it('reveals a finding at its target, else its first part, else nowhere', () => {
    expect(revealPath(finding({}))).toBe('table3.total.results.totalProcessed');
    expect(revealPath(finding({ target: null, parts: ['table4.review.total'] }))).toBe('table4.review.total');
    expect(revealPath(finding({ target: null, parts: [] }))).toBeNull();
  });
  it('reads the tab id from ?tab= only when it is a number', () => {
    expect(tabIdFromQuery('?tab=42')).toBe(42);
    expect(tabIdFromQuery('?tab=4x')).toBeNull();
    expect(tabIdFromQuery('')).toBeNull();
  });
});
