/** The results page's three exports: the table as CSV and as Excel, every report as JSON. */
import { batchJsonDocument } from '@/lib/export/batch-json';
import { summaryCsv } from '@/lib/export/csv';
import type { SummaryRow } from '@/lib/batch/summary';
import type { Language } from '@/utils/settings';
import type { BatchJob } from '@/utils/batch/job';
import type { BatchRow } from '@/utils/batch/rows';
import { downloadBlob } from '../popup/export-actions';

export type ExportKind = 'csv' | 'xlsx' | 'json';

export async function exportBatch(kind: ExportKind, job: BatchJob, rows: readonly BatchRow[], lang: Language): Promise<string> {
  const fileName = `${baseName(job)}.${kind}`;
  const table = rows.map((r) => r.row).filter((row): row is SummaryRow => row !== null);
  if (kind === 'csv') {
    downloadBlob(new Blob([summaryCsv(table, lang)], { type: 'text/csv;charset=utf-8' }), fileName);
  } else if (kind === 'xlsx') {
    const { summaryXlsx, XLSX_MIME } = await import('@/lib/export/xlsx');
    const bytes = summaryXlsx(table, lang);
    downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_MIME }), fileName);
  } else {
    const doc = batchJsonDocument(
      { url: job.listUrl, title: job.listTitle, listPages: job.listPages },
      rows.map((r) => ({ n: r.item.n, url: r.item.url, linkText: r.item.text, row: r.row, result: r.result })),
      new Date(),
    );
    downloadBlob(new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json;charset=utf-8' }), fileName);
  }
  return fileName;
}

function baseName(job: BatchJob): string {
  const date = new Date(job.createdAt).toISOString().slice(0, 10);
  const title = (job.listTitle || new URL(job.listUrl).host).replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
  return `${title}-${date}-年报批量核验`;
}
