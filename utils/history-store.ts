/**
 * How the history of checked reports is laid out in storage.local, so that adding or removing one report writes
 * about one report's worth of data:
 *
 * - `history:<URL>` — one key per report: its `{ record, checkedAt }` (about 0.9 KB);
 * - `historyIndex:<0..63>` — which reports there are: 64 small lists of URLs, a URL in the list its hash picks
 *   (storage.local cannot list its keys in every browser we support, and reading everything would read the
 *   batch results too). Adding a report rewrites its record and one list (about 8 KB at the 5,000-report limit);
 *   checking a known report again rewrites its record only.
 *
 * Until 2026-12 the whole history was one key, `reportHistory` (up to ~7.5 MB rewritten for every report):
 * `migrateLegacy` moves it over, and `readHistory` reads it too while it is still there, so nothing is lost on
 * the way. Pure over a `StorageArea` (browser.storage.local in the extension, a Map in the tests).
 */
import type { Bilingual } from '@/lib/rules/labels';
import type { History, HistoryEntry } from './history-match';

/** The part of storage.local this uses (browser.storage.local has this shape). */
export interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export const LEGACY_KEY = 'reportHistory';
const RECORD_PREFIX = 'history:';
const INDEX_PREFIX = 'historyIndex:';
const INDEX_LISTS = 64;
const INDEX_KEYS = Array.from({ length: INDEX_LISTS }, (_, i) => `${INDEX_PREFIX}${i}`);

/** Oldest entries go first beyond this many (about 0.9 KB each). */
export const HISTORY_LIMIT = 5000;

const recordKey = (source: string) => `${RECORD_PREFIX}${source}`;

/** Whether a changed storage key is part of the history (for watching it). */
export const isHistoryKey = (key: string) => key.startsWith(RECORD_PREFIX) || key.startsWith(INDEX_PREFIX) || key === LEGACY_KEY;

function indexKeyOf(source: string): string {
  let hash = 0x811c9dc5; // FNV-1a over UTF-16 code units: stable, and spreads URLs that differ in a digit
  for (let i = 0; i < source.length; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
  return INDEX_KEYS[(hash >>> 0) % INDEX_LISTS];
}

type Lists = Record<string, string[]>;

async function readLists(area: StorageArea, keys = INDEX_KEYS): Promise<Lists> {
  const got = await area.get(keys);
  return Object.fromEntries(keys.map((key) => [key, Array.isArray(got[key]) ? (got[key] as string[]) : []]));
}

/** Every entry by URL: the kept records, and the old single key's entries not yet moved (the newer wins). */
export async function readHistory(area: StorageArea): Promise<History> {
  const got = await area.get([...INDEX_KEYS, LEGACY_KEY]);
  const history: History = { ...legacyOf(got[LEGACY_KEY]) };
  const sources = INDEX_KEYS.flatMap((key) => (Array.isArray(got[key]) ? (got[key] as string[]) : []));
  if (sources.length === 0) return history;
  const records = await area.get(sources.map(recordKey));
  for (const source of sources) {
    const entry = records[recordKey(source)] as HistoryEntry | undefined;
    if (entry && (history[source]?.checkedAt ?? -Infinity) <= entry.checkedAt) history[source] = entry;
  }
  return history;
}

/** Adds or replaces entries (by `record.identity.source`) in one write, then drops the oldest beyond `limit`. */
export async function putEntries(area: StorageArea, entries: HistoryEntry[], limit = HISTORY_LIMIT): Promise<void> {
  const bySource = new Map(entries.filter((e) => e.record.identity.source).map((e) => [e.record.identity.source!, e]));
  if (bySource.size === 0) return;
  const keys = [...new Set([...bySource.keys()].map(indexKeyOf))];
  const lists = await readLists(area, keys);
  const changed: Lists = {};
  for (const source of bySource.keys()) {
    const key = indexKeyOf(source);
    const list = changed[key] ?? lists[key];
    if (!list.includes(source)) changed[key] = [...list, source];
  }
  const writes: Record<string, unknown> = { ...changed };
  for (const [source, entry] of bySource) writes[recordKey(source)] = entry;
  await area.set(writes);
  if (Object.keys(changed).length > 0) await trim(area, limit);
}

/** Removes entries by URL: their records and their places in the index. */
export async function removeEntries(area: StorageArea, sources: string[]): Promise<void> {
  const gone = new Set(sources);
  if (gone.size === 0) return;
  const lists = await readLists(area, [...new Set(sources.map(indexKeyOf))]);
  const changed = Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list.filter((s) => !gone.has(s))]));
  await area.set(changed);
  await area.remove(sources.map(recordKey));
}

/** Removes every entry (and the old single key, if it is still there). */
export async function clearEntries(area: StorageArea): Promise<void> {
  const lists = await readLists(area);
  const sources = Object.values(lists).flat();
  await area.remove([...sources.map(recordKey), ...INDEX_KEYS, LEGACY_KEY]);
}

/**
 * Moves the old single-key history into one key per record. The records are written before the old key goes,
 * so a stop in between loses nothing (the next run merges again; of two entries for a URL the newer stays).
 */
export async function migrateLegacy(area: StorageArea, limit = HISTORY_LIMIT): Promise<number> {
  const got = await area.get([LEGACY_KEY]);
  if (!(LEGACY_KEY in got)) return 0;
  const entries = Object.values(legacyOf(got[LEGACY_KEY])).filter((e) => e?.record?.identity?.source);
  const kept = await area.get(entries.map((e) => recordKey(e.record.identity.source!)));
  const checkedAt = (source: string) => (kept[recordKey(source)] as HistoryEntry | undefined)?.checkedAt ?? -Infinity;
  await putEntries(area, entries.filter((e) => checkedAt(e.record.identity.source!) <= e.checkedAt), limit);
  await area.remove([LEGACY_KEY]);
  return entries.length;
}

/**
 * The history after a storage.onChanged event, from the event alone (no read): each `history:<URL>` change sets or
 * removes that entry; index lists carry nothing the entries do not. Null when the old single key changed (read again).
 */
export function withChanges(history: History, changes: Record<string, { newValue?: unknown }>): History | null {
  if (LEGACY_KEY in changes) return null;
  const next = { ...history };
  for (const [key, change] of Object.entries(changes)) {
    if (!key.startsWith(RECORD_PREFIX)) continue;
    const source = key.slice(RECORD_PREFIX.length);
    if (change.newValue === undefined) delete next[source];
    else next[source] = change.newValue as HistoryEntry;
  }
  return next;
}

/**
 * What the user is told when a history write fails: `newRecords` reports not saved (null: a removal or a pick).
 * With `unlimitedStorage` (the manifest asks for it) storage.local has no 10 MB quota, so "full" means the disk
 * (or the browser's profile quota) is; the entries already kept stay as they were.
 */
export function historyWriteFailure(newRecords: number | null, error: unknown): Bilingual {
  const detail = error instanceof Error ? error.message : String(error);
  const what =
    newRecords === null
      ? { zh: '未能更新历史记录', en: 'the history could not be updated' }
      : { zh: `未能保存 ${newRecords} 份报告的记录`, en: `${newRecords} report(s) could not be saved to the history` };
  if (/quota|space|full/i.test(detail)) {
    return {
      zh: `${what.zh}：浏览器存储空间已满。请在选项页删除部分历史记录或清空，或释放磁盘空间。（${detail}）`,
      en: `${what.en}: the browser's storage is full. Remove entries or clear the history on the options page, or free disk space. (${detail})`,
    };
  }
  return { zh: `${what.zh}（${detail}）`, en: `${what.en} (${detail})` };
}

async function trim(area: StorageArea, limit: number): Promise<void> {
  const lists = await readLists(area);
  const count = Object.values(lists).reduce((n, list) => n + list.length, 0);
  if (count <= limit) return;
  const indexed = new Set(Object.values(lists).flat());
  const history = await readHistory(area);
  const oldest = Object.entries(history)
    .filter(([source]) => indexed.has(source))
    .sort((a, b) => a[1].checkedAt - b[1].checkedAt)
    .slice(0, count - limit)
    .map(([source]) => source);
  // An index entry whose record is missing (a stop between two writes) counts too: drop those first.
  const orphans = [...indexed].filter((source) => !history[source]);
  await removeEntries(area, [...orphans, ...oldest].slice(0, count - limit));
}

function legacyOf(value: unknown): History {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as History) : {};
}
