/**
 * Which report is this report's previous year: the same issuing body (lib/cross-year/body-name.ts) and year − 1.
 * Where two or more reports qualify, the match is ambiguous and no guess is made: the caller shows the candidates
 * (the CLI says so; the extension lets the user pick and passes the chosen one as `found`).
 */
import { bodyKey } from './body-name';
import type { ReportIdentity, YearRecord } from './record';

export type NoMatchReason = 'no-body' | 'no-year' | 'not-found';

export type PreviousYearMatch =
  | { kind: 'found'; previous: YearRecord }
  | { kind: 'ambiguous'; candidates: YearRecord[] }
  | { kind: 'none'; reason: NoMatchReason };

/** Year records grouped by body and year, for looking up many reports' previous years at once. */
export class YearIndex {
  private readonly groups = new Map<string, YearRecord[]>();

  constructor(records: Iterable<YearRecord> = []) {
    for (const record of records) this.add(record);
  }

  /** Adds a record; a second record from the same source (the same file or URL read twice) is ignored. */
  add(record: YearRecord): void {
    const key = groupKey(bodyKey(record.identity.body), record.identity.year);
    if (key === null) return;
    const group = this.groups.get(key);
    if (!group) this.groups.set(key, [record]);
    else if (!group.some((r) => r.identity.source !== null && r.identity.source === record.identity.source)) group.push(record);
  }

  previousOf(identity: ReportIdentity): PreviousYearMatch {
    const key = bodyKey(identity.body);
    if (key === null) return { kind: 'none', reason: 'no-body' };
    if (identity.year === null) return { kind: 'none', reason: 'no-year' };
    const candidates = this.groups.get(groupKey(key, identity.year - 1) as string) ?? [];
    if (candidates.length === 0) return { kind: 'none', reason: 'not-found' };
    if (candidates.length === 1) return { kind: 'found', previous: candidates[0] };
    return { kind: 'ambiguous', candidates: [...candidates] };
  }
}

/** The previous year of one report among `records` (e.g. the extension's history). */
export function matchPreviousYear(identity: ReportIdentity, records: Iterable<YearRecord>): PreviousYearMatch {
  return new YearIndex(records).previousOf(identity);
}

function groupKey(body: string | null, year: number | null): string | null {
  return body === null || year === null ? null : `${year}\u0000${body}`;
}
