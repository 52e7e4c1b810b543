/**
 * A batch: every report a 年报 column lists, checked one by one from the results page (entrypoints/batch). The job
 * says what to fetch and what came of each link; utils/batch/job-store.ts keeps it and each report's result in
 * storage.local as they arrive, so a closed results tab resumes where it stopped. Nothing in it leaves the machine.
 */
import type { Bilingual } from '@/lib/rules/labels';
import type { CheckStatus } from '@/lib/findings';
import type { Column, ColumnLink } from '@/lib/batch/column-links';
import { POLITE_DEFAULTS } from '@/lib/batch/polite-fetch';

/** A page of the column or a PDF it links (both fetched and checked), or a report link to another host (listed, never fetched). */
export type ItemKind = 'page' | 'pdf' | 'other-host';

export type FailureKind = 'not-found' | 'http' | 'timeout' | 'blocked' | 'network' | 'redirect' | 'too-large' | 'not-html';

export type ItemOutcome =
  /** Fetched and checked; the result is in storage (`resultKey`). */
  | { kind: 'checked'; status: CheckStatus }
  /** Could not be read: the reason says why, for the row. */
  | { kind: 'failed'; why: FailureKind; reason: Bilingual }
  /** Not fetched, by design. */
  | { kind: 'skipped'; why: 'other-host'; reason: Bilingual };

export interface BatchItem {
  /** 1-based, in the column's order. */
  n: number;
  url: string;
  /** The link's text, and the year and body it names. */
  text: string;
  year: number;
  linkBody: string | null;
  kind: ItemKind;
  /** Null until done. */
  outcome: ItemOutcome | null;
}

export type JobState = 'running' | 'paused' | 'cancelled' | 'done';

export interface BatchJob {
  version: 1;
  id: string;
  /** The column's first page, and its title. */
  listUrl: string;
  listTitle: string;
  createdAt: number;
  /** List pages read at most (the user sees and sets it). */
  pageLimit: number;
  /** List pages read so far, in order. */
  listPages: string[];
  /** The next list page still to read, or null. */
  nextPage: string | null;
  /** Why paging stopped early (a list page could not be read), or null. */
  listProblem: Bilingual | null;
  state: JobState;
  items: BatchItem[];
  /** Politeness, fixed when the job is made. */
  gapMs: number;
  timeoutMs: number;
}

export const DEFAULT_PAGE_LIMIT = 10;
export const MAX_PAGE_LIMIT = 50;

/** The job for a column found by the popup: its first page is read already, the rest is pending. */
export function newJob(listUrl: string, listTitle: string, column: Column, pageLimit: number, now = Date.now()): BatchJob {
  const job: BatchJob = {
    version: 1,
    id: `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    listUrl,
    listTitle,
    createdAt: now,
    pageLimit: Math.min(Math.max(1, Math.round(pageLimit)), MAX_PAGE_LIMIT),
    listPages: [listUrl],
    nextPage: column.nextPage,
    listProblem: null,
    state: 'running',
    items: [],
    gapMs: POLITE_DEFAULTS.gapMs,
    timeoutMs: POLITE_DEFAULTS.timeoutMs,
  };
  addColumnLinks(job, column);
  return job;
}

/** Adds a list page's links to the job (each URL once); returns how many were new. */
export function addColumnLinks(job: BatchJob, column: Column): number {
  const known = new Set(job.items.map((item) => item.url));
  let added = 0;
  const add = (link: ColumnLink, kind: ItemKind) => {
    if (known.has(link.url)) return;
    known.add(link.url);
    added++;
    job.items.push({ n: job.items.length + 1, url: link.url, text: link.text, year: link.year, linkBody: link.body, kind, outcome: null });
  };
  for (const link of column.reports) add(link, link.kind);
  for (const link of column.otherHosts) add(link, 'other-host');
  return added;
}
