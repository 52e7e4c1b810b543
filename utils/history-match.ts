/** Looking up last year's report in the local history (utils/history.ts); pure, so tests need no extension storage. */
import { matchPreviousYear, type PreviousYearMatch } from '@/lib/cross-year/match';
import type { ReportIdentity, YearRecord } from '@/lib/cross-year/record';

export interface HistoryEntry {
  record: YearRecord;
  /** When the report was last checked (ms since the epoch). */
  checkedAt: number;
}

/** Entries by the report's URL (`record.identity.source`). */
export type History = Record<string, HistoryEntry>;

/**
 * Last year's report for `identity` among the history's records (never the report itself), with the user's pick
 * applied where several qualify.
 */
export function previousFromHistory(identity: ReportIdentity, history: History, choices: Record<string, string>): PreviousYearMatch {
  const records = Object.values(history)
    .map((entry) => entry.record)
    .filter((record) => record.identity.source !== identity.source);
  const match = matchPreviousYear(identity, records);
  if (match.kind !== 'ambiguous' || !identity.source) return match;
  const chosen = match.candidates.find((c) => c.identity.source === choices[identity.source!]);
  return chosen ? { kind: 'found', previous: chosen } : match;
}
