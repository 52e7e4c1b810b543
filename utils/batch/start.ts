/**
 * Starting a batch from the popup: access to the column's own site (asked for in the click, so the browser can
 * show its prompt; already granted for the auto-check sites), then the job is saved and the results page opens.
 */
import { browser } from 'wxt/browser';
import type { Column } from '@/lib/batch/column-links';
import { newJob } from './job';
import { createJob } from './job-store';

/** The host permission for the whole site of `url`, any port and scheme it uses (http/https). */
function siteOrigins(url: string): string[] {
  const { hostname } = new URL(url);
  return [`http://${hostname}/*`, `https://${hostname}/*`];
}

/** Call first thing in the click handler: the browser allows the request only during the user's gesture. */
export function requestSiteAccess(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: siteOrigins(url) });
}

export async function startBatch(listUrl: string, listTitle: string, column: Column, pageLimit: number): Promise<void> {
  const job = newJob(listUrl, listTitle, column, pageLimit);
  await createJob(job);
  await openResults(job.id);
}

export async function openResults(jobId: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/batch.html?job=${encodeURIComponent(jobId)}`) });
}
