/** Looking up last year's report in the local history (utils/history.ts); pure, so tests need no extension storage. */
import { matchPreviousYear, type PreviousYearMatch } from '@/lib/cross-year/match';
import type { ReportIdentity, YearRecord } from '@/lib/cross-year/record';

export interface HistoryEntry {
  record: YearRecord;
  /** When the report was last checked (ms since the epoch). */
  checkedAt: number;
}

/** This report's URL → the URL of the report the user picked as its previous year. */
export type Choices = Readonly<Record<string, string>>;

/** Entries by the report's URL (`record.identity.source`). */
export type History = Record<string, HistoryEntry>;

/**
 * Last year's report for `identity` among the history's records (never the report itself), with the user's pick
 * applied where several qualify.
 */
export function previousFromHistory(identity: ReportIdentity, history: History, choices: Choices): PreviousYearMatch {
  const records = Object.values(history)
    .map((entry) => entry.record)
    .filter((record) => record.identity.source !== identity.source);
  return withChoice(matchPreviousYear(identity, records), identity, choices);
}

/** The user's pick among ambiguous candidates (`previousChoices`), where there is one; the single page and the batch both apply it. */
export function withChoice(match: PreviousYearMatch, identity: ReportIdentity, choices: Choices): PreviousYearMatch {
  if (match.kind !== 'ambiguous' || !identity.source) return match;
  const chosen = match.candidates.find((c) => c.identity.source === choices[identity.source!]);
  return chosen ? { kind: 'found', previous: chosen } : match;
}
