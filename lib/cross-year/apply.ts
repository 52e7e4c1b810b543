/**
 * Adding the cross-year findings to a result checked without them: the CLI learns each report's previous year
 * only after reading every file, and the extension after looking the report up in its history. The findings are
 * the same as checkDocument(…, { previousYear }) gives (the cross-year rules come last in the registry).
 */
import { groupByCause } from '../causes';
import type { CheckResult, PreviousYearOutcome } from '../findings';
import { CROSS_YEAR_RULES, runRules } from '../rules/registry';
import type { PreviousYearMatch } from './match';
import { MAX_LISTED_REPORTS } from './record';

const CROSS_YEAR_IDS = new Set(CROSS_YEAR_RULES.map((rule) => rule.meta.id));

/** The result with its cross-year findings (replacing any it had), its causes regrouped and `previousYear` set. */
export function withPreviousYear(result: CheckResult, match: PreviousYearMatch): CheckResult {
  if (!result.report) return result;
  const findings = result.findings.filter((f) => !CROSS_YEAR_IDS.has(f.rule));
  findings.push(...runRules(result.report, { bodyText: '', previousYear: match }, CROSS_YEAR_RULES));
  return { ...result, findings, causes: groupByCause(result.report, findings), previousYear: previousYearOutcome(match) };
}

export function previousYearOutcome(match: PreviousYearMatch): PreviousYearOutcome {
  switch (match.kind) {
    case 'found':
      return { kind: 'found', report: { ...match.previous.identity }, format: match.previous.format };
    case 'ambiguous':
      return {
        kind: 'ambiguous',
        candidates: match.candidates.slice(0, MAX_LISTED_REPORTS).map((c) => ({ ...c.identity })),
        count: match.candidates.length,
      };
    default:
      return { kind: 'none', reason: match.reason };
  }
}
