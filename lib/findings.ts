/** What the rules say about a Report. Every finding names its cells by path, e.g. `table3.naturalPerson.results.totalProcessed`. */
import type { Severity } from './template';
import type { CellKind, Report, TableId } from './report';
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
  /** The formula with the actual values, compact, e.g. `22 + 19 + … + 1 = 80 ≠ 81` (CLI --json, export). */
  formula?: string;
  /** The same sum with every operand named, for the readable form (lib/formula-text.ts). Sum rules only. */
  equation?: Equation;
  message: { zh: string; en: string };
  /** Cross-year findings (X-*): last year's report they compared with, and the cells they read from it. */
  previousYear?: { report: ReportIdentity; cells: string[] };
}

/** One operand of a sum rule as the page has it. */
export interface EquationTerm {
  path: string;
  /** Its short name within this sum: the row for a sum down a column (`本机关不掌握`), else the column (`商业企业`). */
  label: { zh: string; en: string };
  kind: CellKind;
  /** The number, for number and zero cells; null otherwise. */
  value: number | null;
  /** The published text, for na and text cells. */
  raw?: string;
}

/** `Σ parts REL Σ totals`; the badge cell (the finding's target) is the first of `totals`. */
export interface Equation {
  parts: EquationTerm[];
  totals: EquationTerm[];
  /** Sums of the known operands of each side. */
  partsSum: number;
  totalsSum: number;
  /** `≠` for a certain mismatch; `<`/`>` when unknown operands leave it open; `?` when the totals side is unknown. */
  relation: '=' | '≠' | '<' | '>' | '?';
}

/**
 * What a reader fixes: findings grouped by their cause (lib/causes.ts). Every finding is in exactly one cause; a cause's
 * severity is its worst finding's. Counts shown to people (chips, popup, toolbar badge, CLI) count causes, not cells.
 */
export interface Cause {
  /**
   * `blank-columns` / `blank-rows`: the whole columns (rows) of one table left blank, with the sum findings those blanks
   * alone leave open; `blank-table`: every cell of a table blank; `repeated-text`: one text warning stated more than
   * once; `finding`: one finding (and any sum finding that only its cell leaves open).
   */
  kind: 'blank-columns' | 'blank-rows' | 'blank-table' | 'repeated-text' | 'finding';
  severity: Severity;
  /** The rule of the cause's first finding (`BLANK` for the blank groups). */
  rule: string;
  table: TableId | 'text';
  /** Indexes into `CheckResult.findings`, ascending. */
  findings: number[];
  /** The cell to show first (the first finding's target or part), or null for a page-level finding. */
  target: string | null;
  /** The cause in a sentence: a group's own message (`法人或其他组织 5 列整列空白（125 格），应填 0`), else its finding's. */
  message: { zh: string; en: string };
}

/** A cell the Fellegi–Holt search names as the most likely wrong entry. */
export interface Suspect {
  path: string;
  /** The value that would make every rule hold, where one is determined. */
  suggested?: number;
  /**
   * Why this cell rather than another, when the tables alone left several fixes and the report's text chose one:
   * 「正文称“行政复议1起”，故表四 行政复议 · 总计应为 1」.
   */
  reason?: { zh: string; en: string };
}

export type CheckStatus =
  | 'ok' // report tables found and checked (findings may still include errors)
  | 'no-report' // no report tables found
  | 'trial-2019' // the 2019 trial format: recognised and checked by its own (2019) template
  | 'too-large'; // the page is over the size limit; nothing was checked

export interface CheckResult {
  status: CheckStatus;
  /** Human-readable reason for a non-ok status, in both languages. */
  reason?: { zh: string; en: string };
  report: Report | null;
  findings: Finding[];
  /** The findings grouped by cause; what people count. */
  causes: Cause[];
  suspects: Suspect[];
  /** Milliseconds spent per phase. */
  timings: Record<'detect' | 'parse' | 'check', number>;
  /** Set when the check was given a previous-year lookup: the report the cross-year rules used, or why none. */
  previousYear?: PreviousYearOutcome;
  /**
   * What the source could not read into a cell (SourceDocument.readingNotes, same order), e.g. a PDF number that lies
   * between two columns; absent when there is none. Said to the user beside the findings.
   */
  readingNotes?: ResultReadingNote[];
}

/** A source's reading note as a result carries it: the text, and the cells it may belong to by path (when known). */
export interface ResultReadingNote {
  zh: string;
  en: string;
  /** Template cells the number left out may belong to (a BLANK finding on one of them says so). */
  cells?: string[];
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
  /** Cells where the source prints a number it could not place (a reading note names them): BLANK says so. */
  unplaced?: ReadonlySet<string>;
}
