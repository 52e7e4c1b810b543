/** What the popup lists, computed from a CheckResult. Pure. */
import type { CheckResult, Finding, Severity } from '@/lib/findings';
import type { TableId } from '@/lib/report';
import { TABLE_IDS } from '../../lib/export/json';

export interface TableSummary {
  table: TableId;
  found: boolean;
  errors: number;
  warnings: number;
}

export function tableSummaries(result: CheckResult): TableSummary[] {
  return TABLE_IDS.map((table) => {
    const own = result.findings.filter((f) => f.table === table);
    return {
      table,
      found: !!result.report?.[table],
      errors: own.filter((f) => f.severity === 'error').length,
      warnings: own.filter((f) => f.severity === 'warning').length,
    };
  });
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Findings by severity, most severe first; empty groups left out. */
export function groupBySeverity(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (group) => group.findings.length > 0,
  );
}

/** The cell a finding points at on the page, if any: its target, else its first part. */
export function revealPath(finding: Finding): string | null {
  return finding.target ?? finding.parts[0] ?? null;
}
