/**
 * The content script's one call into the engine: quick gate → checkDocument(fromDom(document)), with
 * performance marks per phase (DevTools Performance panel shows gov-report-checker:* measures).
 */
import { checkDocument } from '@/lib/check';
import type { CheckResult } from '@/lib/findings';
import { fromDom } from '@/lib/sources/dom';
import type { CheckedView } from './model';
import { mayHoldReport } from './quick-scan';

export const MEASURE_PREFIX = 'gov-report-checker:';

export const NO_REPORT_REASON = {
  zh: '本页没有找到政府信息公开年报的统计表',
  en: 'No statistical tables of an annual disclosure report on this page',
};

export function checkPage(doc: Document, options: { gate: boolean }): CheckedView<Element> {
  const perf = doc.defaultView?.performance ?? performance;
  const start = perf.now();
  if (options.gate && !mayHoldReport(doc)) {
    perf.measure(`${MEASURE_PREFIX}gate`, { start, end: perf.now() });
    return { result: noReport(), refs: new Map(), tableRefs: {} };
  }
  const checked = checkDocument(fromDom(doc), { url: doc.location?.href ?? null });
  const end = perf.now();
  perf.measure(`${MEASURE_PREFIX}engine`, { start, end });
  // The engine times its phases itself; lay them end to end inside the engine measure for the timeline.
  let at = end - (checked.result.timings.detect + checked.result.timings.parse + checked.result.timings.check);
  for (const phase of ['detect', 'parse', 'check'] as const) {
    const duration = checked.result.timings[phase];
    perf.measure(`${MEASURE_PREFIX}${phase}`, { start: Math.max(start, at), duration });
    at += duration;
  }
  return checked;
}

function noReport(): CheckResult {
  return {
    status: 'no-report',
    reason: NO_REPORT_REASON,
    report: null,
    findings: [],
    suspects: [],
    timings: { detect: 0, parse: 0, check: 0 },
  };
}
