/** Where batch jobs and their results are kept: storage.local, one key per job and one per checked report. */
import { storage } from '#imports';
import type { CheckResult } from '@/lib/findings';
import type { BatchJob } from './job';

const jobKey = (id: string) => `local:batchJob:${id}` as const;
const resultKey = (id: string, n: number) => `local:batchResult:${id}:${n}` as const;
/** The latest job of each column (its first page's URL → job id), so the popup can offer the last results. */
export const latestJobs = storage.defineItem<Record<string, string>>('local:batchLatest', { fallback: {} });

export function loadJob(id: string): Promise<BatchJob | null> {
  return storage.getItem<BatchJob>(jobKey(id));
}

export function saveJob(job: BatchJob): Promise<void> {
  return storage.setItem(jobKey(job.id), job);
}

export function loadResult(id: string, n: number): Promise<CheckResult | null> {
  return storage.getItem<CheckResult>(resultKey(id, n));
}

export function saveResult(id: string, n: number, result: CheckResult): Promise<void> {
  return storage.setItem(resultKey(id, n), result);
}

export async function createJob(job: BatchJob): Promise<void> {
  await saveJob(job);
  await latestJobs.setValue({ ...(await latestJobs.getValue()), [job.listUrl]: job.id });
}
