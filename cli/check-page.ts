/**
 * One page through the engine, the same in the main thread and in a worker: the result, serialised and deflated
 * for the spool (cli/spool.ts), and the compact previous-year record the batch matches other reports against.
 */
import { deflateRawSync } from 'node:zlib';
import { checkDocument } from '../lib/check';
import { toYearRecord, type YearRecord } from '../lib/cross-year/record';
import type { CheckResult } from '../lib/findings';
import type { Bilingual } from '../lib/rules/labels';
import type { SourceDocument } from '../lib/cell-source';
import { loadHtml } from '../lib/sources/cheerio';
import { readDocumentFile, type DocumentFile } from './read-document';
import { internalError } from './internal-error';

/** A page's HTML, or a PDF or Word file's bytes (read here, so a worker thread does pdf.js's work too). */
export type PageTask = { input: string; url: string | null } & ({ html: string } | { file: DocumentFile });

export type PageDone =
  | { ok: true; result: Uint8Array; record: YearRecord | null }
  | { ok: false; reason: Bilingual };

export async function checkTask(task: PageTask): Promise<PageDone> {
  let checked: ReturnType<typeof checkPage>;
  if ('file' in task) {
    const read = await readDocumentFile(task.file);
    if ('reason' in read) return { ok: false, reason: read.reason };
    checked = checkSource(() => read.document, task.url);
  } else checked = checkPage(task.html, task.url);
  if ('reason' in checked) return { ok: false, reason: checked.reason };
  const { result } = checked;
  return {
    ok: true,
    result: deflateRawSync(JSON.stringify(result), { level: 1 }),
    record: result.report ? toYearRecord(result.report, task.input) : null,
  };
}

/** The check of one page; an engine failure becomes a reason (cli/internal-error.ts), never an exception. */
export function checkPage(html: string, url: string | null): { result: CheckResult } | { reason: Bilingual } {
  return checkSource(() => loadHtml(html), url);
}

function checkSource(source: () => SourceDocument<unknown>, url: string | null): { result: CheckResult } | { reason: Bilingual } {
  try {
    return { result: checkDocument(source(), { url }).result };
  } catch (error) {
    if (process.env.DEBUG) console.error(error);
    return { reason: internalError(error) };
  }
}
