/**
 * The second pass of a batch: each report gets its previous year from the other inputs (same body, year − 1),
 * then its cross-year findings, and is printed (text or JSON) and added to the --csv table, in input order.
 * Results come back from the spool one at a time, and every write waits for the stream to drain.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { summaryRow, unreadableRow } from '../lib/batch/summary';
import { countCauses } from '../lib/causes';
import { withPreviousYear } from '../lib/cross-year/apply';
import { YearIndex } from '../lib/cross-year/match';
import { csvLine, CSV_BOM, SUMMARY_HEADERS, summaryCsvValues } from '../lib/export/csv';
import type { CheckResult } from '../lib/findings';
import type { Lang } from './args';
import type { BatchEntry } from './batch';
import { formatResult, formatSummary, formatUnreadable, type RunSummary } from './format-text';
import type { Spool } from './spool';

export interface OutputOptions {
  json: boolean;
  lang: Lang;
  stdout: Writable;
  stderr: Writable;
  /** Where the --csv table goes, if asked for. */
  csv: Writable | null;
}

export async function writeBatch(entries: readonly BatchEntry[], spool: Spool, options: OutputOptions): Promise<RunSummary> {
  const { json, lang, stdout, stderr, csv } = options;
  const index = new YearIndex(entries.flatMap((entry) => (entry.ok && entry.record ? [entry.record] : [])));
  const summary: RunSummary = { checked: 0, withErrors: 0, unreadable: 0, errors: 0, warnings: 0 };
  if (csv) await write(csv, CSV_BOM + csvLine(SUMMARY_HEADERS));
  if (json) await write(stdout, '[');

  for (const [i, entry] of entries.entries()) {
    const separator = i === 0 ? '\n' : ',\n';
    if (!entry.ok) {
      summary.unreadable++;
      await write(stderr, `${formatUnreadable(entry.input, entry.reason, lang)}\n`);
      if (json) await write(stdout, separator + indented({ input: entry.input, result: null, error: entry.reason }));
      if (csv) await write(csv, csvLine(summaryCsvValues(unreadableRow(entry.input, entry.reason), lang)));
      continue;
    }
    const result = withCrossYear(JSON.parse(inflateRawSync(spool.read(entry.ref)).toString('utf8')) as CheckResult, entry, index);
    summary.checked++;
    if (result.findings.some((f) => f.severity === 'error')) summary.withErrors++;
    const causes = countCauses(result.causes);
    summary.errors += causes.error;
    summary.warnings += causes.warning;
    if (json) await write(stdout, separator + indented({ input: entry.input, result }));
    else await write(stdout, `${formatResult(entry.input, result, lang)}\n\n`);
    if (csv) await write(csv, csvLine(summaryCsvValues(summaryRow(entry.input, result), lang)));
  }

  if (json) await write(stdout, entries.length === 0 ? ']\n' : '\n]\n');
  else await write(stdout, `${formatSummary(summary, lang)}\n`);
  return summary;
}

function withCrossYear(result: CheckResult, entry: BatchEntry & { ok: true }, index: YearIndex): CheckResult {
  return entry.record ? withPreviousYear(result, index.previousOf(entry.record.identity)) : result;
}

/** One array element as JSON.stringify(array, null, 2) prints it. */
function indented(value: unknown): string {
  return `  ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}
