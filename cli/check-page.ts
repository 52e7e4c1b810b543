/**
 * One page through the engine, the same in the main thread and in a worker: the result, serialised and deflated
 * for the spool (cli/spool.ts), and the compact previous-year record the batch matches other reports against.
 */
import { deflateRawSync } from 'node:zlib';
import { checkDocument } from '../lib/check';
import { toYearRecord, type YearRecord } from '../lib/cross-year/record';
import type { CheckResult } from '../lib/findings';
import type { Bilingual } from '../lib/rules/labels';
import { loadHtml } from '../lib/sources/cheerio';
import { internalError } from './internal-error';

export interface PageTask {
  input: string;
  html: string;
  url: string | null;
}

export type PageDone =
  | { ok: true; result: Uint8Array; record: YearRecord | null; hasErrors: boolean }
  | { ok: false; reason: Bilingual };

export function checkTask(task: PageTask): PageDone {
  const checked = checkPage(task.html, task.url);
  if ('reason' in checked) return { ok: false, reason: checked.reason };
  const { result } = checked;
  return {
    ok: true,
    result: deflateRawSync(JSON.stringify(result), { level: 1 }),
    record: result.report ? toYearRecord(result.report, task.input) : null,
    hasErrors: result.findings.some((f) => f.severity === 'error'),
  };
}

/** The check of one page; an engine failure becomes a reason (cli/internal-error.ts), never an exception. */
export function checkPage(html: string, url: string | null): { result: CheckResult } | { reason: Bilingual } {
  try {
    return { result: checkDocument(loadHtml(html), { url }).result };
  } catch (error) {
    if (process.env.DEBUG) console.error(error);
    return { reason: internalError(error) };
  }
}
