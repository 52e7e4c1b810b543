/**
 * The local history of checked reports: for each report (by its URL) the compact previous-year record the
 * cross-year rules need (lib/cross-year/record.ts: body, year, title, URL, table 3's 结转下年度 and table 2's 现行有效
 * cells) and when it was checked. Kept in the extension's own storage (storage.local), listed and cleared on the
 * options page, never sent anywhere.
 *
 * Every page of the extension reads it directly; only the background writes it (`HistoryRequest`), so two tabs
 * checking at once cannot overwrite each other's entry.
 */
import { storage } from '#imports';
import { browser } from 'wxt/browser';
import type { YearRecord } from '@/lib/cross-year/record';

import type { History } from './history-match';


/** Oldest entries go first beyond this many (about 1.5 KB each). */
export const HISTORY_LIMIT = 5000;

export const reportHistory = storage.defineItem<History>('local:reportHistory', { fallback: {} });
/** The user's pick where the previous year was ambiguous: this report's URL → the chosen report's URL. */
export const previousChoices = storage.defineItem<Record<string, string>>('local:previousChoices', { fallback: {} });

export type HistoryRequest =
  | { type: 'history-remember'; records: YearRecord[] }
  | { type: 'history-forget'; sources: string[] }
  | { type: 'history-clear' }
  | { type: 'history-choose'; source: string; previous: string };

const REQUEST_TYPES = new Set(['history-remember', 'history-forget', 'history-clear', 'history-choose']);

export function isHistoryRequest(message: unknown): message is HistoryRequest {
  return typeof message === 'object' && message !== null && REQUEST_TYPES.has((message as { type?: string }).type ?? '');
}

/** Asks the background to write; resolves when it has. */
export async function sendHistoryRequest(request: HistoryRequest): Promise<void> {
  await browser.runtime.sendMessage(request);
}

/** Remembers checked reports (those with a URL, a body and a year: the others can never be matched). */
export function rememberReports(records: YearRecord[]): Promise<void> {
  const useful = records.filter((r) => r.identity.source && r.identity.body && r.identity.year !== null);
  return useful.length > 0 ? sendHistoryRequest({ type: 'history-remember', records: useful }) : Promise.resolve();
}

// ---------- the background's side: one write at a time ----------

let writes: Promise<unknown> = Promise.resolve();

export function handleHistoryRequest(request: HistoryRequest, now = Date.now()): Promise<void> {
  const run = writes.then(() => applyRequest(request, now));
  writes = run.catch(() => undefined);
  return run;
}

async function applyRequest(request: HistoryRequest, now: number): Promise<void> {
  switch (request.type) {
    case 'history-remember': {
      const history = { ...(await reportHistory.getValue()) };
      for (const record of request.records) {
        if (record.identity.source) history[record.identity.source] = { record, checkedAt: now };
      }
      return reportHistory.setValue(trimmed(history));
    }
    case 'history-forget': {
      const history = { ...(await reportHistory.getValue()) };
      for (const source of request.sources) delete history[source];
      return reportHistory.setValue(history);
    }
    case 'history-clear':
      await previousChoices.setValue({});
      return reportHistory.setValue({});
    case 'history-choose': {
      const choices = await previousChoices.getValue();
      return previousChoices.setValue({ ...choices, [request.source]: request.previous });
    }
  }
}

function trimmed(history: History): History {
  const entries = Object.entries(history);
  if (entries.length <= HISTORY_LIMIT) return history;
  entries.sort((a, b) => b[1].checkedAt - a[1].checkedAt);
  return Object.fromEntries(entries.slice(0, HISTORY_LIMIT));
}
