/**
 * The results table's rows: each item's summary row (lib/batch/summary.ts), with its cross-year findings made
 * against every other report of the batch and the local history (same body, year − 1). Pure; the results page
 * calls it whenever an item completes, and a row is only made again when its previous-year report changed.
 */
import { summaryRow, unreadableRow, type SummaryRow } from '@/lib/batch/summary';
import { withPreviousYear } from '@/lib/cross-year/apply';
import { YearIndex, type PreviousYearMatch } from '@/lib/cross-year/match';
import { identityOf, toYearRecord, type YearRecord } from '@/lib/cross-year/record';
import type { CheckResult } from '@/lib/findings';
import type { Bilingual } from '@/lib/rules/labels';
import { withChoice, type Choices } from '../history-match';
import type { BatchItem, FailureKind } from './job';

export interface BatchRow {
  item: BatchItem;
  /** Null while the item is pending. */
  row: SummaryRow | null;
  /** The result with its cross-year findings (checked items only). */
  result: CheckResult | null;
}

/** What the status column says, and its tone. */
export interface RowStatus {
  key: 'pending' | 'ok' | 'errors' | 'warnings' | 'no-report' | 'trial-2019' | 'too-large' | 'failed' | 'skipped';
  label: Bilingual;
  tone: 'good' | 'error' | 'warning' | 'muted';
}

export class BatchRows {
  private cache = new Map<number, { previousKey: string; result: CheckResult }>();

  /**
   * Rows for `items`; `base` holds the checked items' results as the engine gave them, `history` last years from
   * elsewhere, `choices` the user's picks among ambiguous previous years (as on a single page).
   */
  rows(items: readonly BatchItem[], base: ReadonlyMap<number, CheckResult>, history: readonly YearRecord[], choices: Choices = {}): BatchRow[] {
    const inBatch = new Set(items.map((item) => item.url));
    const index = new YearIndex(history.filter((record) => !inBatch.has(record.identity.source ?? '')));
    for (const item of items) {
      const result = base.get(item.n);
      if (result?.report) index.add(toYearRecord(result.report, item.url));
    }
    return items.map((item) => this.row(item, base.get(item.n) ?? null, index, choices));
  }

  private row(item: BatchItem, base: CheckResult | null, index: YearIndex, choices: Choices): BatchRow {
    const outcome = item.outcome;
    if (!outcome) return { item, row: null, result: null };
    if (outcome.kind !== 'checked' || !base) {
      const reason = outcome.kind === 'checked' ? MISSING_RESULT : outcome.reason;
      return { item, row: { ...unreadableRow(item.url, reason), year: item.year, title: item.text }, result: null };
    }
    if (!base.report) return { item, row: summaryRow(item.url, base), result: base };
    const identity = identityOf(base.report, item.url);
    const match = withChoice(index.previousOf(identity), identity, choices);
    const previousKey = matchKey(match);
    const cached = this.cache.get(item.n);
    const result = cached?.previousKey === previousKey ? cached.result : withPreviousYear(base, match);
    this.cache.set(item.n, { previousKey, result });
    return { item, row: summaryRow(item.url, result), result };
  }
}

const MISSING_RESULT: Bilingual = { zh: '结果未保存', en: 'result not kept' };

function matchKey(match: PreviousYearMatch): string {
  if (match.kind === 'found') return `found ${match.previous.identity.source} ${JSON.stringify(match.previous.cells)}`;
  if (match.kind === 'ambiguous') return `ambiguous ${match.candidates.map((c) => c.identity.source).join(' ')}`;
  return `none ${match.reason}`;
}

export function rowStatus(row: BatchRow): RowStatus {
  const outcome = row.item.outcome;
  if (!outcome) return { key: 'pending', label: { zh: '待核验', en: 'pending' }, tone: 'muted' };
  if (outcome.kind === 'skipped') return { key: 'skipped', label: { zh: '其他网站，未访问', en: 'other site, not fetched' }, tone: 'muted' };
  if (outcome.kind === 'failed') return { key: 'failed', label: FAILED[outcome.why], tone: 'warning' };
  const status = row.row?.status;
  if (status === 'no-report') return { key: 'no-report', label: { zh: '不是年报（无统计表）', en: 'not a report (no tables)' }, tone: 'muted' };
  if (status === 'too-large') return { key: 'too-large', label: { zh: '页面过大', en: 'too large' }, tone: 'muted' };
  const counts = row.row?.counts;
  if (counts && counts.errors > 0) return { key: 'errors', label: { zh: '有错误', en: 'errors' }, tone: 'error' };
  if (status === 'trial-2019') return { key: 'trial-2019', label: { zh: '2019 试行格式', en: '2019 trial format' }, tone: 'muted' };
  if (counts && counts.warnings + counts.blanks + counts.textMismatches > 0) {
    return { key: 'warnings', label: { zh: '有警告', en: 'warnings' }, tone: 'warning' };
  }
  return { key: 'ok', label: { zh: '无问题', en: 'no problems' }, tone: 'good' };
}

const FAILED: Record<FailureKind, Bilingual> = {
  'not-found': { zh: '404 页面不存在', en: '404 not found' },
  http: { zh: '网站返回错误', en: 'HTTP error' },
  timeout: { zh: '超时', en: 'timed out' },
  blocked: { zh: '需登录或被拦截', en: 'login or anti-robot page' },
  network: { zh: '网络错误', en: 'network error' },
  redirect: { zh: '跳转，未跟随', en: 'redirect not followed' },
  'too-large': { zh: '文件过大', en: 'too large' },
  'not-html': { zh: '不是网页', en: 'not a web page' },
};
