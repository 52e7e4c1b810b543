/**
 * A kind of figure the text states (收到申请N件, 行政复议N起…): how its claims are read from the text, and which table
 * cells they may mean. Each kind gives the TEXT-* rule its findings and the suspect search its evidence
 * (lib/locate.ts), through the one judgement in ./readings.ts.
 */
import type { Finding } from '../../findings';
import type { Report } from '../../report';
import { cellAt, knownValue } from '../../paths';
import type { Bilingual } from '../labels';
import { cachedClaims, type Claim } from './claims';
import { describeTable, formulaOf, judge, type Reading, type ValueOf, type Verdict } from './readings';

export interface TextKind {
  /** The rule id its findings carry, e.g. `TEXT-T4-REVIEW`. */
  rule: string;
  /** A key of its own when several kinds share one rule id (the result categories). */
  key?: string;
  meta: Bilingual;
  /** Every claim of this kind in the text (label form). Independent of the tables. */
  claims(text: string): Claim[];
  /** Drops claims the report itself shows are about something else (a year that is not the next one). */
  keep?(claim: Claim, report: Report): boolean;
  /** What the claims may mean in the tables; empty when the report cannot say (a table absent). */
  readings(report: Report): Reading[];
  /** Say which reading agreed, in an info finding, when the readings differ (收到: 新收 or 新收 + 上年结转). */
  sayWhich?: boolean;
}

export const tableValue = (report: Report): ValueOf => (path) => knownValue(cellAt(report, path));

export function claimsOf(kind: TextKind, text: string, report: Report): Claim[] {
  const claims = cachedClaims(text, kind.key ?? kind.rule, kind.claims);
  return kind.keep ? claims.filter((claim) => kind.keep?.(claim, report)) : claims;
}

/** The paths a reading reads, fallbacks included. */
export const readingPaths = (reading: Reading): string[] =>
  reading.terms.flatMap((term) => [term.path, ...(term.fallback ?? [])]);

/** The warning when the text disagrees, or the info saying which reading agreed; null otherwise. */
export function kindFinding(kind: TextKind, text: string, report: Report): Finding | null {
  const readings = kind.readings(report);
  const verdict = judge(claimsOf(kind, text, report), readings, tableValue(report));
  if (verdict.kind === 'disagrees') return disagreement(kind, verdict, readings);
  if (verdict.kind === 'agrees' && kind.sayWhich) return whichReading(kind, verdict, report, readings);
  return null;
}

/** The warning for a verdict of `disagrees` on `readings` (kindFinding's, and the category rule's before it adds a share note). */
export function disagreement(kind: TextKind, verdict: Extract<Verdict, { kind: 'disagrees' }>, readings: Reading[]): Finding {
  const { claim, values } = verdict;
  const [first, ...rest] = readingPaths(readings[0]);
  const table = describeTable(values);
  return {
    rule: kind.rule,
    severity: 'warning',
    outcome: 'text-disagrees',
    table: 'text',
    target: first,
    parts: [...new Set([...rest, ...readings.slice(1).flatMap(readingPaths)])].filter((p) => p !== first),
    expected: values[0].value,
    found: claim.value,
    message: {
      zh: `正文“${claim.quote}”为 ${claim.value}，但${table.zh}`,
      en: `The text says “${claim.quote}” (${claim.value}), but ${table.en}`,
    },
  };
}

function whichReading(
  kind: TextKind,
  verdict: Extract<Verdict, { kind: 'agrees' }>,
  report: Report,
  readings: Reading[],
): Finding | null {
  const { claim, value } = verdict;
  const valueOf = tableValue(report);
  const distinct = new Set(readings.map((r) => judge([claim], [r], valueOf)).map((v) => v.kind));
  // Only when the readings tell different numbers: otherwise there is nothing to choose.
  if (distinct.size < 2 || !value.reading.as) return null;
  const paths = readingPaths(value.reading);
  return {
    rule: kind.rule,
    severity: 'info',
    outcome: 'text-agrees',
    table: 'text',
    target: paths[0],
    parts: paths.slice(1),
    expected: value.value,
    found: claim.value,
    message: {
      zh: `正文“${claim.quote}”${value.reading.as.zh}：${formulaOf(value)}，与表三一致`,
      en: `The text's “${claim.quote}” is read ${value.reading.as.en}: ${formulaOf(value)}, as in table 3`,
    },
  };
}

/**
 * What the text says about some table cells, for the suspect search: given the cells' values after a candidate
 * fix, does the text agree with them?
 */
export interface TextEvidence {
  rule: string;
  /** Every cell the figure reads. */
  paths: readonly string[];
  judge(valueOf: ValueOf): Verdict;
}

export function kindEvidence(kind: TextKind, text: string, report: Report): TextEvidence | null {
  const claims = claimsOf(kind, text, report);
  const readings = kind.readings(report);
  if (claims.length === 0 || readings.length === 0) return null;
  return {
    rule: kind.rule,
    paths: [...new Set(readings.flatMap(readingPaths))],
    judge: (valueOf) => judge(claims, readings, valueOf),
  };
}
