/**
 * The content script's one call into the engine: quick gate → fromDom(document) → checkDocument, in separate
 * tasks (the engine's cold first run on a report page takes tens of milliseconds; one task for all of it would
 * block the page past 50 ms). Every step leaves a performance measure (gov-report-checker:gate/read/engine;
 * the engine adds detect/parse/check), visible in the DevTools Performance panel.
 */
import { checkDocument, noReportReason } from '@/lib/check';
import type { CheckResult } from '@/lib/findings';
import { fromDom } from '@/lib/sources/dom';
import type { CheckedView } from './model';
import { countCells, mayHoldReport } from './quick-scan';

export const MEASURE_PREFIX = 'gov-report-checker:';

/**
 * Auto-check leaves pages with more table cells than this to the user: the engine reads and checks in synchronous
 * passes (about 5–7 µs per cell warm, 15 µs cold in Chromium on the dev machine), and a task must stay under 50 ms.
 * A report is about 300 cells; a check asked for in the popup has no such limit.
 */
export const AUTO_CHECK_MAX_CELLS = 3000;

export function autoCheckTooLargeReason(cells: number) {
  return {
    zh: `页面表格过大（约 ${cells} 个单元格），为免页面卡顿未自动核验；可点工具栏按钮手动核验`,
    en: `The page's tables are large (about ${cells} cells): not checked automatically, to keep the page responsive; use the toolbar button to check it`,
  };
}

/** Lets the browser run other tasks (input, rendering) between two steps. */
export type Yield = () => Promise<void>;

export const yieldToMain: Yield = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

export async function checkPage(
  doc: Document,
  options: { gate: boolean },
  pause: Yield = yieldToMain,
): Promise<CheckedView<Element>> {
  const perf = doc.defaultView?.performance ?? performance;
  let start = perf.now();
  if (options.gate) {
    const cells = mayHoldReport(doc) ? countCells(doc) : 0;
    const outcome =
      cells === 0
        ? emptyResult('no-report', noReportReason(undefined))
        : cells > AUTO_CHECK_MAX_CELLS
          ? emptyResult('too-large', autoCheckTooLargeReason(cells))
          : null;
    perf.measure(`${MEASURE_PREFIX}gate`, { start, end: perf.now() });
    if (outcome) return { result: outcome, refs: new Map(), tableRefs: {} };
    await pause();
    start = perf.now();
  }
  const source = fromDom(doc);
  perf.measure(`${MEASURE_PREFIX}read`, { start, end: perf.now() });
  await pause();
  start = perf.now();
  const checked = checkDocument(source, { url: doc.location?.href ?? null });
  perf.measure(`${MEASURE_PREFIX}engine`, { start, end: perf.now() });
  return checked;
}

function emptyResult(status: 'no-report' | 'too-large', reason: { zh: string; en: string }): CheckResult {
  return { status, reason, report: null, findings: [], suspects: [], timings: { detect: 0, parse: 0, check: 0 } };
}
