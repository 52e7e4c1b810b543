/** What the popup lists, computed from a CheckResult. Pure. */
import { countCauses } from '../../lib/causes';
import type { Cause, CheckResult, Finding, Severity } from '@/lib/findings';
import type { TableId } from '@/lib/report';
import { TABLE_IDS } from '../../lib/export/json';

export interface TableSummary {
  table: TableId;
  found: boolean;
  errors: number;
  warnings: number;
}

/** Per table: found or not, and its causes (lib/causes.ts) by severity. */
export function tableSummaries(result: CheckResult): TableSummary[] {
  return TABLE_IDS.map((table) => {
    const counts = countCauses(result.causes, table);
    return { table, found: !!result.report?.[table], errors: counts.error, warnings: counts.warning };
  });
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Causes by severity, most severe first; empty groups left out. */
export function groupBySeverity(causes: readonly Cause[]): { severity: Severity; causes: Cause[] }[] {
  return SEVERITIES.map((severity) => ({ severity, causes: causes.filter((c) => c.severity === severity) })).filter(
    (group) => group.causes.length > 0,
  );
}

/** The cell a finding points at on the page, if any: its target, else its first part. */
export function revealPath(finding: Finding): string | null {
  return finding.target ?? finding.parts[0] ?? null;
}
