/**
 * The history's storage layout (utils/history-store.ts) over an in-memory storage.local: the old single key moves
 * over without losing an entry, one report added or removed writes about one report's worth of data, the limit
 * drops the oldest, a full storage rejects the write (and says so) without touching what is kept.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkDocument } from '../lib/check';
import { toYearRecord, type YearRecord } from '../lib/cross-year/record';
import { loadHtml } from '../lib/sources/cheerio';
import { previousFromHistory, type History, type HistoryEntry } from '../utils/history-match';
import {
  LEGACY_KEY,
  clearEntries,
  historyWriteFailure,
  migrateLegacy,
  putEntries,
  readHistory,
  removeEntries,
  withChanges,
  type StorageArea,
} from '../utils/history-store';

const FIXTURES = resolve(import.meta.dirname, 'fixtures/cross-year');
const URL_OF = (file: string) => `http://www.example.gov.cn/cross-year/${file}`;

function recordOf(file: string): YearRecord {
  const { report } = checkDocument(loadHtml(readFileSync(resolve(FIXTURES, file), 'utf8')), { url: URL_OF(file) }).result;
  return toYearRecord(report!, URL_OF(file));
}

/** storage.local in memory (values stored as JSON, as the browser does), counting the bytes each write stores. */
class MemoryArea implements StorageArea {
  readonly data = new Map<string, string>();
  written = 0;
  quotaBytes = Infinity;
  async get(keys: string[]) {
    const out: Record<string, unknown> = {};
    for (const key of keys) if (this.data.has(key)) out[key] = JSON.parse(this.data.get(key)!);
    return out;
  }
  async set(items: Record<string, unknown>) {
    const next = new Map(this.data);
    let bytes = 0;
    for (const [key, value] of Object.entries(items)) {
      const json = JSON.stringify(value);
      next.set(key, json);
      bytes += key.length + json.length;
    }
    if (this.size(next) > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    for (const [key, json] of next) this.data.set(key, json);
    this.written += bytes;
  }
  async remove(keys: string[]) {
    for (const key of keys) this.data.delete(key);
  }
  size(map = this.data) {
    let n = 0;
    for (const [key, json] of map) n += key.length + json.length;
    return n;
  }
}

const base = { a2021: recordOf('a-2021.html'), a2022: recordOf('a-2022.html'), c2022: recordOf('c-2022.html') };
/** `count` entries of real records under distinct URLs, checked one millisecond apart. */
function oldHistory(count: number): History {
  const history: History = {};
  for (let i = 0; i < count; i++) {
    const source = `http://www.example.gov.cn/zwgk/${2000 + (i % 25)}/report-${i}.html`;
    history[source] = { record: { ...base.c2022, identity: { ...base.c2022.identity, source } }, checkedAt: 1_700_000_000_000 + i };
  }
  history[URL_OF('a-2021.html')] = { record: base.a2021, checkedAt: 1_600_000_000_000 };
  return history;
}
const entry = (record: YearRecord, checkedAt: number): HistoryEntry => ({ record, checkedAt });

describe('the history in storage.local', () => {
  test('the old single key moves to one key per report and nothing is lost; the cross-year lookup still finds last year', async () => {
    const area = new MemoryArea();
    const old = oldHistory(400);
    await area.set({ [LEGACY_KEY]: old, previousChoices: { a: 'b' }, 'batchJob:x': { id: 'x' } });
    expect(await migrateLegacy(area)).toBe(401);
    expect(area.data.has(LEGACY_KEY)).toBe(false);
    const history = await readHistory(area);
    expect(history).toEqual(old);
    expect(await area.get(['previousChoices', 'batchJob:x'])).toEqual({ previousChoices: { a: 'b' }, 'batchJob:x': { id: 'x' } });
    const match = previousFromHistory(base.a2022.identity, history, {});
    expect(match.kind === 'found' && match.previous.identity.source).toBe(URL_OF('a-2021.html'));
    expect(await migrateLegacy(area)).toBe(0); // a second run changes nothing
    expect(await readHistory(area)).toEqual(old);
  });

  test('before and during the move, readers see the old key and the new records together; the newer entry wins', async () => {
    const area = new MemoryArea();
    const old = oldHistory(3);
    await area.set({ [LEGACY_KEY]: old });
    expect(await readHistory(area)).toEqual(old);
    const source = URL_OF('a-2021.html');
    await putEntries(area, [entry(base.a2021, 1_800_000_000_000)]); // checked again, e.g. a stop mid-move
    expect((await readHistory(area))[source].checkedAt).toBe(1_800_000_000_000);
    await migrateLegacy(area);
    const after = await readHistory(area);
    expect(after[source].checkedAt).toBe(1_800_000_000_000);
    expect(Object.keys(after).sort()).toEqual(Object.keys(old).sort());
  });

  test('adding or removing one report writes about one report’s worth, even with 5,000 kept', async () => {
    const area = new MemoryArea();
    await area.set({ [LEGACY_KEY]: oldHistory(4999) });
    await migrateLegacy(area);
    const oneEntry = JSON.stringify(entry(base.a2022, 0)).length;
    area.written = 0;
    await putEntries(area, [entry(base.a2022, Date.now())]);
    expect(Object.keys(await readHistory(area))).toHaveLength(5000);
    // the record and one of 64 index lists (~80 URLs): a few KB, where the single key rewrote megabytes
    expect(area.written).toBeGreaterThan(oneEntry);
    expect(area.written).toBeLessThan(oneEntry + 16 * 1024);
    expect(area.size()).toBeGreaterThan(4_000_000);

    area.written = 0;
    await putEntries(area, [entry(base.a2022, Date.now() + 1)]); // the same report checked again: its record only
    expect(area.written).toBeLessThan(oneEntry + 200);

    area.written = 0;
    await removeEntries(area, [URL_OF('a-2022.html')]);
    expect(area.written).toBeLessThan(16 * 1024);
    expect((await readHistory(area))[URL_OF('a-2022.html')]).toBeUndefined();
    expect(Object.keys(await readHistory(area))).toHaveLength(4999);
  });

  test('beyond the limit the oldest entries go', async () => {
    const area = new MemoryArea();
    await putEntries(area, [entry(base.a2021, 1), entry(base.c2022, 3)], 2);
    await putEntries(area, [entry(base.a2022, 2)], 2);
    expect(Object.keys(await readHistory(area)).sort()).toEqual([URL_OF('a-2022.html'), URL_OF('c-2022.html')]);
  });

  test('clearing removes every entry and the old key, and nothing else', async () => {
    const area = new MemoryArea();
    await area.set({ [LEGACY_KEY]: oldHistory(2), 'batchResult:x:1': { n: 1 } });
    await putEntries(area, [entry(base.a2022, 5)]);
    await clearEntries(area);
    expect(await readHistory(area)).toEqual({});
    expect([...area.data.keys()]).toEqual(['batchResult:x:1']);
  });

  test('a full storage rejects the new record, keeps what was there, and the user is told why', async () => {
    const area = new MemoryArea();
    await putEntries(area, [entry(base.a2021, 1)]);
    const before = await readHistory(area);
    area.quotaBytes = area.size() + 100;
    const error = await putEntries(area, [entry(base.a2022, 2)]).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await readHistory(area)).toEqual(before);
    const reason = historyWriteFailure(1, error);
    expect(reason.zh).toMatch(/^未能保存 1 份报告的记录：浏览器存储空间已满。/);
    expect(reason.en).toMatch(/^1 report\(s\) could not be saved to the history: the browser's storage is full\./);
    expect(historyWriteFailure(null, new Error('IO error')).en).toBe('the history could not be updated (IO error)');
  });

  test('a watcher follows the changes themselves: a record set or removed; the old key changing means read again', () => {
    const a2021 = entry(base.a2021, 1);
    const a2022 = entry(base.a2022, 2);
    const start: History = { [URL_OF('a-2021.html')]: a2021 };
    const added = withChanges(start, { [`history:${URL_OF('a-2022.html')}`]: { newValue: a2022 }, 'historyIndex:7': { newValue: [] } });
    expect(added).toEqual({ [URL_OF('a-2021.html')]: a2021, [URL_OF('a-2022.html')]: a2022 });
    expect(start).toEqual({ [URL_OF('a-2021.html')]: a2021 }); // not changed in place
    expect(withChanges(added!, { [`history:${URL_OF('a-2021.html')}`]: {} })).toEqual({ [URL_OF('a-2022.html')]: a2022 });
    expect(withChanges(start, { [LEGACY_KEY]: {} })).toBeNull();
  });
});
