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
import type { Bilingual } from '@/lib/rules/labels';
import type { History } from './history-match';
import { clearEntries, historyWriteFailure, isHistoryKey, migrateLegacy, putEntries, readHistory, removeEntries, withChanges, type StorageArea } from './history-store';

const area = () => browser.storage.local as unknown as StorageArea;

/**
 * The whole history (read from its per-report keys, utils/history-store.ts); `watch` calls back after any change,
 * reading the history once and then following the changes themselves (every open report tab watches it).
 */
export const reportHistory = {
  getValue: (): Promise<History> => readHistory(area()),
  watch(callback: (history: History) => void): () => void {
    let current: Promise<History> | null = null;
    const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
      if (areaName !== 'local' || !Object.keys(changes).some(isHistoryKey)) return;
      const previous = current ?? readHistory(area()); // read after this change: applying it again changes nothing
      current = previous.then((history) => withChanges(history, changes) ?? readHistory(area()));
      current.then(callback, () => (current = null));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

/** The user's pick where the previous year was ambiguous: this report's URL → the chosen report's URL. */
export const previousChoices = storage.defineItem<Record<string, string>>('local:previousChoices', { fallback: {} });

/** Why the last history write failed (storage full), shown on the options page; null once a write succeeds again. */
export const historyProblem = storage.defineItem<(Bilingual & { at: number }) | null>('local:historyProblem', { fallback: null });

export type HistoryRequest =
  | { type: 'history-remember'; records: YearRecord[] }
  | { type: 'history-forget'; sources: string[] }
  | { type: 'history-clear' }
  | { type: 'history-choose'; source: string; previous: string };

/** The background's answer: `reason` says why a write failed. */
export type HistoryResponse = { ok: true } | { ok: false; reason: Bilingual };

const REQUEST_TYPES = new Set(['history-remember', 'history-forget', 'history-clear', 'history-choose']);

export function isHistoryRequest(message: unknown): message is HistoryRequest {
  return typeof message === 'object' && message !== null && REQUEST_TYPES.has((message as { type?: string }).type ?? '');
}

/** Asks the background to write; resolves when it has, rejects with the bilingual reason (`HistoryWriteError`) when it could not. */
export async function sendHistoryRequest(request: HistoryRequest): Promise<void> {
  const response = (await browser.runtime.sendMessage(request)) as HistoryResponse | undefined;
  if (response && !response.ok) throw new HistoryWriteError(response.reason);
}

export class HistoryWriteError extends Error {
  constructor(readonly reason: Bilingual) {
    super(`${reason.zh} / ${reason.en}`);
  }
}

/** Remembers checked reports (those with a URL, a body and a year: the others can never be matched). */
export function rememberReports(records: YearRecord[]): Promise<void> {
  const useful = records.filter((r) => r.identity.source && r.identity.body && r.identity.year !== null);
  return useful.length > 0 ? sendHistoryRequest({ type: 'history-remember', records: useful }) : Promise.resolve();
}

// ---------- the background's side: one write at a time ----------

let writes: Promise<unknown> = Promise.resolve();

/** Runs the request after the ones before it, each after moving any old single-key history over (one small read when there is none). */
export function handleHistoryRequest(request: HistoryRequest, now = Date.now()): Promise<HistoryResponse> {
  const run = writes.then(moveLegacy).then(() => applyRequest(request, now));
  writes = run.catch(() => undefined);
  return run.then(
    async (): Promise<HistoryResponse> => {
      if (await historyProblem.getValue()) await historyProblem.setValue(null);
      return { ok: true };
    },
    async (error: unknown): Promise<HistoryResponse> => {
      console.error('[年报核验] history write', error);
      const reason = historyWriteFailure(request.type === 'history-remember' ? request.records.length : null, error);
      await historyProblem.setValue({ ...reason, at: now }).catch(() => undefined); // may fail too when storage is full
      return { ok: false, reason };
    },
  );
}

/** Moves the old single-key history (`reportHistory`, before 2026-12) over at the background's start, in the write queue. */
export function migrateHistory(): Promise<void> {
  const run = writes.then(moveLegacy);
  writes = run;
  return run;
}

/** The old key's entries into one key per report (utils/history-store.ts); a failure leaves the old key to be read and tried again. */
function moveLegacy(): Promise<void> {
  return migrateLegacy(area()).then(
    () => undefined,
    (error: unknown) => console.error('[年报核验] history migration', error),
  );
}

async function applyRequest(request: HistoryRequest, now: number): Promise<void> {
  switch (request.type) {
    case 'history-remember':
      return putEntries(area(), request.records.map((record) => ({ record, checkedAt: now })));
    case 'history-forget':
      return removeEntries(area(), request.sources);
    case 'history-clear':
      await previousChoices.setValue({});
      return clearEntries(area());
    case 'history-choose': {
      const choices = await previousChoices.getValue();
      return previousChoices.setValue({ ...choices, [request.source]: request.previous });
    }
  }
}
