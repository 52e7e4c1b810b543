/**
 * The content script's cross-year step: after a check, last year's report is looked up in the local history
 * (utils/history.ts) and the cross-year rules (X-CARRY, X-T2) run against it; then this report joins the history.
 */
import { withPreviousYear } from '@/lib/cross-year/apply';
import { identityOf, toYearRecord } from '@/lib/cross-year/record';
import type { CheckResult } from '@/lib/findings';
import { previousChoices, rememberReports, reportHistory } from '@/utils/history';
import { previousFromHistory } from '@/utils/history-match';

/** The result with its cross-year findings and `previousYear`; unchanged when there is no report or no history to read. */
export async function withHistory(result: CheckResult, pageUrl: string): Promise<CheckResult> {
  if (!result.report) return result;
  try {
    const [history, choices] = await Promise.all([reportHistory.getValue(), previousChoices.getValue()]);
    return withPreviousYear(result, previousFromHistory(identityOf(result.report, pageUrl), history, choices));
  } catch {
    return result; // storage unavailable (the extension is reloading): the page's own rules still stand
  }
}

export function rememberChecked(result: CheckResult, pageUrl: string): void {
  if (!result.report) return;
  rememberReports([toYearRecord(result.report, pageUrl)]).catch(() => undefined);
}
