/**
 * Two years of one body for cross-year rule tests: this year's report (built from cell specs) and last year's
 * compact record (lib/cross-year/record.ts), made from a report built the same way, so both sides go through the
 * parser's cell classification.
 */
import type { PreviousYearMatch } from '../../lib/cross-year/match';
import { toYearRecord, type YearRecord } from '../../lib/cross-year/record';
import type { Report } from '../../lib/report';
import { buildReport, type BuildOptions, type CellSpec } from './report-builder';

export const BODY = '平潭综合实验区';

export function reportOf(year: number, cells: Record<string, CellSpec> = {}, options: BuildOptions & { format?: Report['format'] } = {}): Report {
  const report = buildReport(cells, options);
  return {
    ...report,
    format: options.format ?? '2021',
    meta: { title: `${BODY}${year}年度政府信息公开工作年度报告`, organ: BODY, year, url: null },
  };
}

export function recordOf(year: number, cells: Record<string, CellSpec> = {}, options: BuildOptions & { format?: Report['format'] } = {}): YearRecord {
  return toYearRecord(reportOf(year, cells, options), `${year}.html`);
}

export const found = (previous: YearRecord): PreviousYearMatch => ({ kind: 'found', previous });
