/**
 * Runs a batch job in the results page: reads the column's further list pages (up to the job's limit), then fetches
 * and checks every pending report, two at a time through one PoliteFetcher (so the gap and the limit hold across
 * both), saving the job and each result as they come. Pause and cancel abort what is in flight; those items stay
 * pending, and a later run (the same tab, or a reopened one) takes them up again.
 */
import { readColumn } from '@/lib/batch/column-links';
import { PoliteFetcher } from '@/lib/batch/polite-fetch';
import type { CheckResult } from '@/lib/findings';
import type { Bilingual } from '@/lib/rules/labels';
import { checkFetched, fetchFailure, parseHtml, type FileReader } from './check-fetched';
import { addColumnLinks, type BatchItem, type BatchJob, type ItemOutcome } from './job';
import { pageLinks } from './page-links';

export interface RunnerStore {
  saveJob(job: BatchJob): Promise<void>;
  saveResult(jobId: string, n: number, result: CheckResult): Promise<void>;
}

export const OTHER_HOST: Bilingual = {
  zh: '链接指向其他网站，按规定未访问',
  en: 'the link points to another site: not fetched, by design',
};

export class BatchRunner {
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;
  private stopping: Promise<void> | null = null;
  private readonly claimed = new Set<number>();
  readonly fetcher: PoliteFetcher;

  constructor(
    readonly job: BatchJob,
    private readonly store: RunnerStore,
    /** Called after every change of the job (an item done, a list page read, a state change). */
    private readonly onChange: (job: BatchJob, checked?: { n: number; result: CheckResult }) => void,
    /** PDF and Word attachments: the engine's file inputs, as the host provides them. */
    private readonly readFile: FileReader,
    fetcher?: PoliteFetcher,
  ) {
    this.fetcher = fetcher ?? new PoliteFetcher(job.listUrl, { gapMs: job.gapMs, timeoutMs: job.timeoutMs });
  }

  /** Starts (or resumes) the job; resolves when it is done, paused or cancelled. */
  start(): Promise<void> {
    // Resume pressed while a pause is still winding down: start once it has.
    if (this.stopping) return this.stopping.then(() => this.start());
    if (this.running) return this.running;
    if (this.job.state === 'done' && !this.nextPending()) return Promise.resolve();
    this.controller = new AbortController();
    const signal = this.controller.signal;
    this.job.state = 'running';
    this.running = (async () => {
      await this.changed();
      await this.readListPages(signal);
      await Promise.all([this.work(signal), this.work(signal)]);
      if (!signal.aborted) {
        this.job.state = 'done';
        await this.changed();
      }
    })().finally(() => {
      this.running = null;
      this.claimed.clear();
    });
    return this.running;
  }

  pause(): Promise<void> {
    return this.stop('paused');
  }

  cancel(): Promise<void> {
    return this.stop('cancelled');
  }

  private stop(state: 'paused' | 'cancelled'): Promise<void> {
    if (this.stopping) return this.stopping;
    this.job.state = state;
    this.controller?.abort();
    this.stopping = (async () => {
      await this.running;
      this.job.state = state;
      await this.changed();
    })().finally(() => {
      this.stopping = null;
    });
    return this.stopping;
  }

  private async readListPages(signal: AbortSignal) {
    while (this.job.nextPage && this.job.listPages.length < this.job.pageLimit && !signal.aborted) {
      const url = this.job.nextPage;
      const outcome = await this.fetcher.get(url, signal);
      if (signal.aborted) return;
      if (!outcome.ok) {
        this.job.listProblem = outcome.failure.kind === 'aborted' ? null : fetchFailure(outcome.failure).reason;
        this.job.nextPage = null;
        await this.changed();
        return;
      }
      const doc = parseHtml(outcome.body.bytes, outcome.body.contentType);
      const column = readColumn(pageLinks(outcome.body.url, doc).links, outcome.body.url);
      this.job.listPages.push(url);
      addColumnLinks(this.job, column);
      const seen = new Set(this.job.listPages);
      this.job.nextPage = column.nextPage && !seen.has(column.nextPage) ? column.nextPage : null;
      await this.changed();
    }
  }

  private nextPending(): BatchItem | undefined {
    return this.job.items.find((item) => item.outcome === null && !this.claimed.has(item.n));
  }

  private async work(signal: AbortSignal) {
    for (let item = this.nextPending(); item && !signal.aborted; item = this.nextPending()) {
      this.claimed.add(item.n);
      await this.process(item, signal);
    }
  }

  private async process(item: BatchItem, signal: AbortSignal) {
    if (item.kind === 'other-host') return this.finish(item, { kind: 'skipped', why: 'other-host', reason: OTHER_HOST });
    const fetched = await this.fetcher.get(item.url, signal);
    if (signal.aborted) return; // paused or cancelled: the item stays pending
    if (!fetched.ok) {
      if (fetched.failure.kind === 'aborted') return;
      return this.finish(item, { kind: 'failed', ...fetchFailure(fetched.failure) });
    }
    let checked;
    try {
      checked = await checkFetched(fetched.body, this.readFile);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      checked = { kind: 'failed', why: 'not-html', reason: { zh: `无法解析页面：${message}`, en: `could not read the page: ${message}` } } as const;
    }
    if (checked.kind === 'failed') return this.finish(item, checked);
    await this.store.saveResult(this.job.id, item.n, checked.result);
    return this.finish(item, { kind: 'checked', status: checked.result.status }, checked.result);
  }

  private async finish(item: BatchItem, outcome: ItemOutcome, result?: CheckResult) {
    item.outcome = outcome;
    await this.changed(result ? { n: item.n, result } : undefined);
  }

  private async changed(checked?: { n: number; result: CheckResult }) {
    await this.store.saveJob(this.job);
    this.onChange(this.job, checked);
  }
}
