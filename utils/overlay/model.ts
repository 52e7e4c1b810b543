/**
 * What the overlay shows, computed from a checked document without touching the DOM:
 * one badge per marked cell, the likely-wrong cells (suspects), and a summary per report table.
 * Generic over Ref so it runs on cheerio nodes in unit tests and on Elements in the content script.
 */
import type { Cause, CheckResult, CheckStatus, Finding } from '@/lib/findings';
import type { Cell, TableId } from '@/lib/report';
import { TABLE_IDS } from '../../lib/export/json';
import { countCauses } from '../../lib/causes';
import { cellAt, everyLayoutPath } from '../../lib/paths';
import type { BadgeKinds } from '@/utils/settings';

/** The parts of lib/check.ts's CheckedDocument the overlay reads. */
export interface CheckedView<Ref> {
  result: CheckResult;
  refs: Map<string, Ref>;
  tableRefs: Partial<Record<TableId, Ref[]>>;
}

/** error: a failed rule's total (red) · warning/blank: amber · na/text: grey. */
export type BadgeKind = 'error' | 'warning' | 'blank' | 'na' | 'text';

export interface CellBadge<Ref> {
  path: string;
  ref: Ref;
  table: TableId;
  kind: BadgeKind;
  cell: Cell | undefined;
  /** Findings whose target is this cell, errors first. */
  findings: Finding[];
  /**
   * For the tooltip: the causes of more than one finding that these findings belong to (a blank column, or the n/a
   * cell that leaves this total open), leaving out the cause this cell's own finding already states.
   */
  groups: Cause[];
}

export interface SuspectMark<Ref> {
  path: string;
  ref: Ref;
  suggested?: number;
  /** Why this cell, when the report's text broke a tie (lib/findings.ts Suspect.reason). */
  reason?: { zh: string; en: string };
}

export interface TableSummary<Ref> {
  table: TableId;
  /** The first <table> the report table was read from: the chip sits at its top-right corner. */
  ref: Ref;
  /** Causes (lib/causes.ts), not cells: errors, blanks (blank cells and the blank lines), other warnings. */
  errors: number;
  blanks: number;
  warnings: number;
}

export interface OverlayModel<Ref> {
  status: CheckStatus;
  reason?: { zh: string; en: string };
  badges: CellBadge<Ref>[];
  suspects: SuspectMark<Ref>[];
  summaries: TableSummary<Ref>[];
}

/** Built on first use: the content script loads on every *.gov.cn page, and a page without a report never needs this. */
let readingOrder: Map<string, number> | undefined;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function buildOverlayModel<Ref>(checked: CheckedView<Ref>, kinds: BadgeKinds): OverlayModel<Ref> {
  const { result, refs, tableRefs } = checked;
  const empty: OverlayModel<Ref> = { status: result.status, reason: result.reason, badges: [], suspects: [], summaries: [] };
  if (!result.report || result.status === 'too-large' || result.status === 'no-report') return empty;
  const report = result.report;

  const causeOf = new Map<Finding, Cause>();
  for (const cause of result.causes) for (const i of cause.findings) causeOf.set(result.findings[i], cause);

  const findingsByTarget = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    if (!finding.target || finding.table === 'text') continue;
    const list = findingsByTarget.get(finding.target) ?? [];
    list.push(finding);
    findingsByTarget.set(finding.target, list);
  }

  const badges: CellBadge<Ref>[] = [];
  const paths = new Set<string>([...findingsByTarget.keys(), ...refs.keys()]);
  for (const path of paths) {
    const ref = refs.get(path);
    if (ref === undefined) continue;
    const cell = cellAt(report, path);
    const table = path.slice(0, path.indexOf('.'));
    const targeted = findingsByTarget.get(path);
    // Most cells hold a number and no finding: no badge (badgeKind would say null), nothing to allocate.
    if (targeted === undefined && (!cell || cell.kind === 'number' || cell.kind === 'zero' || cell.kind === 'missing')) {
      continue;
    }
    const findings = (targeted ?? []).sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
    const kind = badgeKind(cell, findings);
    if (!kind || !shown(kind, kinds)) continue;
    const groups = [...new Set(findings.map((f) => causeOf.get(f)))].filter(
      (cause): cause is Cause => cause !== undefined && cause.findings.length > 1 && !definedHere(cause, path),
    );
    badges.push({ path, ref, table: table as TableId, kind, cell, findings, groups });
  }
  badges.sort((a, b) => order(a.path) - order(b.path));

  const suspects: SuspectMark<Ref>[] = [];
  if (kinds.error) {
    for (const suspect of result.suspects) {
      const ref = refs.get(suspect.path);
      if (ref !== undefined) suspects.push({ path: suspect.path, ref, suggested: suspect.suggested, reason: suspect.reason });
    }
  }

  const summaries: TableSummary<Ref>[] = [];
  for (const table of TABLE_IDS) {
    const ref = tableRefs[table]?.[0];
    if (ref === undefined || !report[table]) continue;
    const counts = countCauses(result.causes, table);
    const blanks = result.causes.filter((c) => c.table === table && c.severity === 'warning' && c.rule === 'BLANK').length;
    summaries.push({ table, ref, errors: counts.error, blanks, warnings: counts.warning - blanks });
  }
  return { ...empty, badges, suspects, summaries };
}

/** A one-finding cause (with the sums it leaves open) whose finding is on this very cell: its badge says it already. */
function definedHere(cause: Cause, path: string): boolean {
  return cause.kind === 'finding' && cause.target === path;
}

/**
 * Red only for a failed sum rule (a finding with parts: the badge says expected and found); a blank cell is amber and
 * an n/a or text cell grey whatever the VALUE rule's severity; other findings on a cell by severity.
 */
function badgeKind(cell: Cell | undefined, findings: Finding[]): BadgeKind | null {
  if (findings.some((f) => f.severity === 'error' && f.parts.length > 0)) return 'error';
  if (cell?.kind === 'blank') return 'blank';
  if (cell?.kind === 'na') return 'na';
  if (cell?.kind === 'text') return 'text';
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return null;
}

function shown(kind: BadgeKind, kinds: BadgeKinds): boolean {
  if (kind === 'error') return kinds.error;
  if (kind === 'blank' || kind === 'warning') return kinds.blank;
  return kinds.nonNumeric;
}

function order(path: string): number {
  readingOrder ??= new Map(everyLayoutPath().map((path, index) => [path, index]));
  return readingOrder.get(path) ?? Number.MAX_SAFE_INTEGER;
}
