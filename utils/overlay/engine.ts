/**
 * The content script's one call into the engine: quick gate → fromDom(document) → checkDocument, in separate
 * tasks of at most SLICE_MS each (a check asked for on a page of 20,000 cells reads for ~70 ms; the engine's cold
 * first run takes tens of milliseconds; one task for all of it would block the page past 50 ms). Every step leaves a performance measure (gov-report-checker:gate/read/engine;
 * the engine adds detect/parse/check), visible in the DevTools Performance panel.
 */
import { checkDocumentSteps, noReportReason } from '@/lib/check';
import type { CheckResult } from '@/lib/findings';
import { fromDomSteps } from '@/lib/sources/dom';
import type { CheckedView } from './model';
import { MEASURE_PREFIX } from './measure';
import { countCells, mayHoldReport } from './quick-scan';
import { Slices, type Yield } from '../time-slices';

/**
 * Auto-check leaves pages with more table cells than this to the user: the engine reads and checks in synchronous
 * passes (about 5–7 µs per cell warm, 15 µs cold in Chromium on the dev machine), and a task must stay under 50 ms.
 * A report is about 300 cells; a check asked for in the popup has no such limit.
 */
export const AUTO_CHECK_MAX_CELLS = 3000;

function autoCheckTooLargeReason(cells: number) {
  return {
    zh: `页面表格过大（约 ${cells} 个单元格），为免页面卡顿未自动核验；可点工具栏按钮手动核验`,
    en: `The page's tables are large (about ${cells} cells): not checked automatically, to keep the page responsive; use the toolbar button to check it`,
  };
}

export const yieldToMain: Yield = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Between slices of one long step: a timer behind the page's own due timers. scheduler.yield lets input and
 * rendering in, but its continuation goes ahead of the page's tasks; Chromium runs a 0 ms timeout from its own
 * queue too (seen in the e2e heartbeat: 80 ms without a page timer), so the delay is 1 ms.
 */
const yieldToPage: Yield = () => new Promise((resolve) => setTimeout(resolve, 1));

export async function checkPage(
  doc: Document,
  options: { gate: boolean; labelsSeen?: boolean },
  pause: Yield = yieldToMain,
): Promise<CheckedView<Element>> {
  const perf = doc.defaultView?.performance ?? performance;
  if (options.gate) {
    const start = perf.now();
    // The gate script has just found the labels: only the size limit is left (its own measure, `size`).
    const cells = options.labelsSeen || mayHoldReport(doc) ? countCells(doc) : 0;
    const outcome =
      cells === 0
        ? emptyResult('no-report', noReportReason(undefined))
        : cells > AUTO_CHECK_MAX_CELLS
          ? emptyResult('too-large', autoCheckTooLargeReason(cells))
          : null;
    perf.measure(`${MEASURE_PREFIX}${options.labelsSeen ? 'size' : 'gate'}`, { start, end: perf.now() });
    if (outcome) return { result: outcome, refs: new Map(), tableRefs: {} };
    await pause();
  }
  const betweenSlices = pause === yieldToMain ? yieldToPage : pause;
  const slices = new Slices({ sliceMs: SLICE_MS, pause: betweenSlices, perf, measurePrefix: MEASURE_PREFIX });
  const source = await slices.run('read', fromDomSteps(doc, slices.shouldPause));
  await betweenSlices();
  return slices.run('engine', checkDocumentSteps(source, { url: doc.location?.href ?? null }));
}

/** At most this long per slice (a task must stay under 50 ms). */
const SLICE_MS = 20;

function emptyResult(status: 'no-report' | 'too-large', reason: { zh: string; en: string }): CheckResult {
  return { status, reason, report: null, findings: [], causes: [], suspects: [], timings: { detect: 0, parse: 0, check: 0 } };
}
