/**
 * The compact form of a checked report that a later year's cross-year rules need (what the extension keeps in its
 * history, and what the CLI keeps per file while a batch runs): who published it, for which year, where it came
 * from, and only the cells the rules read — table 3's 四、结转下年度继续办理 (X-CARRY) and table 2's 现行有效件数 of
 * 规章 and 行政规范性文件 (X-T2). Plain data: it survives JSON and structured clone.
 */
import type { Cell, Report } from '../report';
import { cellAt, table2Path, table3Path } from '../paths';
import { TABLE3_COLUMNS } from '../template';

/** Who published a report and where it was read from; every cross-year finding names the report it used by this. */
export interface ReportIdentity {
  /** The issuing body as the report names it (Report.meta.organ), e.g. 平潭综合实验区. */
  body: string | null;
  year: number | null;
  title: string | null;
  /** The page's URL, or the file path as the user gave it. */
  source: string | null;
}

export const YEAR_RECORD_VERSION = 1;

export interface YearRecord {
  version: typeof YEAR_RECORD_VERSION;
  identity: ReportIdentity;
  format: Report['format'];
  /** Cell path → cell, for the paths in YEAR_RECORD_PATHS that the report has (an absent path is a missing cell). */
  cells: Record<string, Cell>;
}

/** 四、结转下年度继续办理 of each of table 3's seven columns: next year's 二、上年结转 must equal them (X-CARRY). */
export const CARRIED_FORWARD_PATHS: readonly string[] = TABLE3_COLUMNS.map((col) => table3Path(col.key, 'carriedForward'));
/** 现行有效件数 of 规章 and 行政规范性文件: the stock next year's X-T2 balance starts from. */
const VALID_STOCK_PATHS: readonly string[] = ['regulations', 'normativeDocuments'].map((item) => table2Path(item, 'valid'));
export const YEAR_RECORD_PATHS: readonly string[] = [...CARRIED_FORWARD_PATHS, ...VALID_STOCK_PATHS];

/** The identity of a checked report; `source` is its URL when the report has one, else what the caller read it from. */
export function identityOf(report: Report, source: string | null): ReportIdentity {
  return { body: report.meta.organ, year: report.meta.year, title: report.meta.title, source: report.meta.url ?? source };
}

export function toYearRecord(report: Report, source: string | null): YearRecord {
  const cells: Record<string, Cell> = {};
  for (const path of YEAR_RECORD_PATHS) {
    const cell = cellAt(report, path);
    if (cell && cell.kind !== 'missing') cells[path] = { raw: cell.raw, kind: cell.kind, value: cell.value };
  }
  return { version: YEAR_RECORD_VERSION, identity: identityOf(report, source), format: report.format, cells };
}

/** How a finding or a message names a report: 《title》 (source), or body + year when there is no title. */
export function reportName(identity: ReportIdentity): string {
  const name = identity.title ? `《${identity.title}》` : [identity.body, identity.year].filter((p) => p !== null).join(' ');
  if (!identity.source) return name || '?';
  return name ? `${name} (${identity.source})` : identity.source;
}

/** How many candidates a message or a result names; a folder of duplicated downloads can hold hundreds. */
export const MAX_LISTED_REPORTS = 5;

/** `a；b；c 等 12 份` / `a; b; c and 9 more`: at most MAX_LISTED_REPORTS names, then the count of the rest. */
export function listReports(
  identities: readonly ReportIdentity[],
  total: number = identities.length,
  name: (identity: ReportIdentity) => string = reportName,
): { zh: string; en: string } {
  const names = identities.slice(0, MAX_LISTED_REPORTS).map(name);
  const rest = total - names.length;
  return {
    zh: names.join('；') + (rest > 0 ? ` 等 ${total} 份` : ''),
    en: names.join('; ') + (rest > 0 ? ` and ${rest} more` : ''),
  };
}
