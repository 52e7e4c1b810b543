/**
 * One row per report for a batch (the CLI's --csv, the extension's results table): body, year, status, errors,
 * warnings, blanks, text mismatches and the cross-year results. Plain data, so a table can sort and filter it.
 */
import type { Cause, CheckResult, CheckStatus, PreviousYearOutcome } from '../findings';
import type { Bilingual } from '../rules/labels';

/** A report's counts for its row, in causes (lib/causes.ts): what a reader fixes, not cells. */
export interface FindingCounts {
  /** Causes with an error (cross-year included). */
  errors: number;
  /** Warning causes other than blanks and text mismatches (cannot-verify, n/a, missing, cross-year…). */
  warnings: number;
  /** Causes of blank statistic cells: a whole blank column group, row group or table counts once. */
  blanks: number;
  /** TEXT-* causes: numbers in the text that disagree with the tables. */
  textMismatches: number;
}

const BLANK_KINDS: ReadonlySet<Cause['kind']> = new Set(['blank-columns', 'blank-rows', 'blank-table']);

/** The counts of a report's causes; the one place a row's counts are made. */
export function countFindings(causes: readonly Cause[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, blanks: 0, textMismatches: 0 };
  for (const cause of causes) {
    if (cause.severity === 'error') counts.errors++;
    else if (BLANK_KINDS.has(cause.kind) || cause.rule === 'BLANK') counts.blanks++;
    else if (cause.rule.startsWith('TEXT-')) counts.textMismatches++;
    else if (cause.severity === 'warning') counts.warnings++;
  }
  return counts;
}

export interface CrossYearSummary {
  /** The previous-year lookup; null when none was made (the input was not checked). */
  previous: PreviousYearOutcome | null;
  /** X-CARRY against the found report; null when there was none to compare with. */
  carry: { errors: number; unverified: number } | null;
  /** X-T2 notes; null when it does not apply (no previous year, or a 2019-format report on either side). */
  stock: { notes: number } | null;
}

export type RowStatus = CheckStatus | 'unreadable';

export interface SummaryRow {
  /** The file or URL as given. */
  input: string;
  body: string | null;
  year: number | null;
  title: string | null;
  status: RowStatus;
  /** Why the status is not ok, or why the input could not be read. */
  reason: Bilingual | null;
  /** Null for an unreadable input. */
  counts: FindingCounts | null;
  crossYear: CrossYearSummary;
}

export function summaryRow(input: string, result: CheckResult): SummaryRow {
  const meta = result.report?.meta;
  return {
    input,
    body: meta?.organ ?? null,
    year: meta?.year ?? null,
    title: meta?.title ?? null,
    status: result.status,
    reason: result.reason ?? null,
    counts: countFindings(result.causes),
    crossYear: crossYearSummary(result),
  };
}

export function unreadableRow(input: string, reason: Bilingual): SummaryRow {
  return {
    input,
    body: null,
    year: null,
    title: null,
    status: 'unreadable',
    reason,
    counts: null,
    crossYear: { previous: null, carry: null, stock: null },
  };
}

function crossYearSummary(result: CheckResult): CrossYearSummary {
  const previous = result.previousYear ?? null;
  if (previous?.kind !== 'found') return { previous, carry: null, stock: null };
  const carry = { errors: 0, unverified: 0 };
  const stock = { notes: 0 };
  for (const finding of result.findings) {
    if (finding.rule === 'X-CARRY' && finding.severity === 'error') carry.errors++;
    else if (finding.rule === 'X-CARRY' && finding.severity === 'warning') carry.unverified++;
    else if (finding.rule === 'X-T2') stock.notes++;
  }
  const stockApplies = previous.format === '2021' && result.report?.format === '2021';
  return { previous, carry, stock: stockApplies ? stock : null };
}
