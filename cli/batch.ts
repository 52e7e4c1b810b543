/**
 * The batch loop of `npm run check`: every readable input is checked (in `jobs` worker threads, or in this thread
 * for --jobs 1 or a single page), its result goes to the spool and its compact previous-year record stays here.
 * At most 2 × jobs pages are in memory at once, whatever the number of inputs.
 */
import { Piscina } from 'piscina';
import type { YearRecord } from '../lib/cross-year/record';
import type { Bilingual } from '../lib/rules/labels';
import type { PageDone, PageTask } from './check-page';
import { internalError } from './internal-error';
import type { ReadOutcome } from './read-input';
import type { Spool, SpoolRef } from './spool';

export type BatchEntry =
  | { ok: false; input: string; reason: Bilingual }
  | { ok: true; input: string; ref: SpoolRef; record: YearRecord | null };

export interface BatchProgress {
  /** Inputs read so far (checked or not). */
  read: number;
  /** Inputs finished: checked, or found unreadable. */
  done: number;
  /** True once every input has been read, so `read` is the total. */
  allRead: boolean;
}

export interface BatchOptions {
  jobs: number;
  onProgress?: (progress: BatchProgress) => void;
}

interface Checker {
  run(task: PageTask): Promise<PageDone>;
  close(): Promise<void>;
}

/** Loaded on first use: with worker threads, this thread never loads the parser. */
const inThisThread: Checker = {
  run: async (task) => (await import('./check-page')).checkTask(task),
  close: async () => {},
};

function workerPool(jobs: number): Checker {
  const pool = new Piscina<PageTask, PageDone>({
    filename: new URL('./check-worker.ts', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
  });
  return { run: (task) => pool.run(task), close: () => pool.destroy() };
}

/** Checks every input in order of reading; the entries come back in the same order. */
export async function checkInputs(outcomes: AsyncIterable<ReadOutcome>, spool: Spool, options: BatchOptions): Promise<BatchEntry[]> {
  const iterator = outcomes[Symbol.asyncIterator]();
  // Look two inputs ahead: a single page is checked here, without starting worker threads.
  const head: ReadOutcome[] = [];
  while (head.length < 2) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  const checker = options.jobs > 1 && head.length > 1 ? workerPool(options.jobs) : inThisThread;

  const entries: BatchEntry[] = [];
  const progress: BatchProgress = { read: 0, done: 0, allRead: false };
  const report = () => options.onProgress?.({ ...progress });
  const running = new Set<Promise<void>>();
  const limit = 2 * options.jobs;

  const take = async (outcome: ReadOutcome) => {
    const index = entries.length;
    progress.read++;
    if (!outcome.ok) {
      entries.push({ ok: false, input: outcome.input, reason: outcome.reason });
      progress.done++;
      report();
      return;
    }
    // Holds the page's place in input order; replaced when its check ends (it always ends: run() never hangs up).
    entries.push({ ok: false, input: outcome.input, reason: internalError('not checked') });
    while (running.size >= limit) await Promise.race(running);
    const task = checker
      .run('html' in outcome ? { input: outcome.input, html: outcome.html, url: outcome.url } : { input: outcome.input, file: outcome.file, url: outcome.url })
      .then(
        (done) => {
          entries[index] = done.ok
            ? { ok: true, input: outcome.input, ref: spool.append(done.result), record: done.record }
            : { ok: false, input: outcome.input, reason: done.reason };
        },
        (error: unknown) => {
          entries[index] = { ok: false, input: outcome.input, reason: internalError(error) };
        },
      )
      .finally(() => {
        running.delete(task);
        progress.done++;
        report();
      });
    running.add(task);
  };

  try {
    for (const outcome of head) await take(outcome);
    if (head.length === 2) for (let next = await iterator.next(); !next.done; next = await iterator.next()) await take(next.value);
    progress.allRead = true;
    report();
    await Promise.all(running);
  } finally {
    await checker.close();
  }
  return entries;
}
