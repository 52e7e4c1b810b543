/**
 * Every report of a batch in one JSON document: the column it came from, and per link its summary row
 * (lib/batch/summary.ts) and, where the page was checked, the same export document the popup downloads
 * (lib/export/json.ts, valid against schema/report.schema.json), cross-year findings included. Pure.
 */
import type { SummaryRow } from '../batch/summary';
import type { CheckResult } from '../findings';
import { exportDocument } from './json';
import type { ExportDocument } from './schema';

export const BATCH_JSON_VERSION = 1;

export interface BatchJsonReport {
  /** The link's number in the column, its URL and its text. */
  n: number;
  url: string;
  linkText: string;
  /** Null while pending. */
  row: SummaryRow | null;
  /** The report as checked; null when the page held no report or was not read. */
  report: ExportDocument | null;
}

export interface BatchJsonDocument {
  batchVersion: typeof BATCH_JSON_VERSION;
  column: { url: string; title: string; listPages: string[] };
  exportedAt: string;
  reports: BatchJsonReport[];
}

export interface BatchJsonInput {
  n: number;
  url: string;
  linkText: string;
  row: SummaryRow | null;
  result: CheckResult | null;
}

export function batchJsonDocument(column: BatchJsonDocument['column'], items: readonly BatchJsonInput[], exportedAt: Date): BatchJsonDocument {
  return {
    batchVersion: BATCH_JSON_VERSION,
    column,
    exportedAt: exportedAt.toISOString(),
    reports: items.map((item) => ({
      n: item.n,
      url: item.url,
      linkText: item.linkText,
      row: item.row,
      report: item.result ? exportDocument(item.result) : null,
    })),
  };
}
