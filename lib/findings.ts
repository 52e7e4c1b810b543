/** What the rules say about a Report. Every finding names its cells by path, e.g. `table3.naturalPerson.results.totalProcessed`. */
import type { Severity } from './template';
import type { Report, TableId } from './report';
import type { PreviousYearMatch } from './cross-year/match';
import type { ReportIdentity } from './cross-year/record';

export type { Severity };

export interface Finding {
  /** Rule id, e.g. `T3-RESULTS`, `T4-BLOCK`, `VALUE`, `BLANK`, `MISSING`, `TEXT-T3-NEW`. */
  rule: string;
  severity: Severity;
  /**
   * Distinguishes outcomes of one rule: `mismatch` (certain error), `cannot-verify` (blanks could explain it),
   * `blanks-as-zero` (holds if blanks are 0), `total-blank`, `not-a-number`, `blank`, `na`, `missing`, `text-disagrees`…
   */
  outcome: string;
  table: TableId | 'text';
  /** The cell the badge goes on (the total of a sum rule; the cell itself for VALUE/BLANK). Null for page-level findings. */
  target: string | null;
  /** The cells the rule adds (for a sum rule: the parts, total excluded). */
  parts: string[];
  expected?: number;
  found?: number;
  /** The formula with the actual values, e.g. `22 + 19 + … + 1 = 80 ≠ 81`. */
  formula?: string;
  message: { zh: string; en: string };
  /** Cross-year findings (X-*): last year's report they compared with, and the cells they read from it. */
  previousYear?: { report: ReportIdentity; cells: string[] };
}

/** A cell the Fellegi–Holt search names as the most likely wrong entry. */
export interface Suspect {
  path: string;
  /** The value that would make every rule hold, where one is determined. */
  suggested?: number;
}

export type CheckStatus =
  | 'ok' // report tables found and checked (findings may still include errors)
  | 'no-report' // no report tables found
  | 'trial-2019' // the 2019 trial format: recognised, checked only where it matches
  | 'too-large'; // the page is over the size limit; nothing was checked

export interface CheckResult {
  status: CheckStatus;
  /** Human-readable reason for a non-ok status, in both languages. */
  reason?: { zh: string; en: string };
  report: Report | null;
  findings: Finding[];
  suspects: Suspect[];
  /** Milliseconds spent per phase. */
  timings: Record<'detect' | 'parse' | 'check', number>;
  /** Set when the check was given a previous-year lookup: the report the cross-year rules used, or why none. */
  previousYear?: PreviousYearOutcome;
}

/** A previous-year lookup as a result reports it: identities only (the cells are in the findings' formulas). */
export type PreviousYearOutcome =
  | { kind: 'found'; report: ReportIdentity; format: Report['format'] }
  /** `candidates`: the first few (lib/cross-year/record.ts MAX_LISTED_REPORTS) of `count`. */
  | { kind: 'ambiguous'; candidates: ReportIdentity[]; count: number }
  | { kind: 'none'; reason: 'no-body' | 'no-year' | 'not-found' };

/** A rule family: pure function Report → Finding[]; listed in lib/rules/registry.ts. */
export interface Rule {
  meta: { id: string; zh: string; en: string; docs: string };
  check(report: Report, context: RuleContext): Finding[];
}

/** What a rule may read besides the Report. */
export interface RuleContext {
  /** The page's text outside the tables (text-vs-table warnings). */
  bodyText: string;
  /**
   * The same body's report of the year before, for the cross-year rules (X-CARRY, X-T2); absent when the caller
   * has none to offer. Where it came from (the extension's history, the CLI's other files) is the caller's business.
   */
  previousYear?: PreviousYearMatch;
}
