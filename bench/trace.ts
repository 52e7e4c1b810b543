/**
 * Chromium tracing over CDP for the browser benchmark: one trace per page load, and what in it is an extension's work
 * on the page's main thread.
 *
 * An extension's work is every interval on the renderer's main thread that is
 * - an `EvaluateScript` or `FunctionCall` trace event whose script URL is the extension's (its content scripts'
 *   evaluation, and the listeners and timers they registered), or
 * - one of its `performance.measure`s (prefix gov-report-checker:), which also cover work resumed from a promise
 *   (after `await`), which the trace does not attribute to a script.
 * The union of those intervals is the main-thread wall time. Each lies inside a top-level task: the CPU time of those
 * tasks is our main-thread CPU time, and the longest of them is the longest task of ours (the page may have done some
 * of a task's work, so both are upper bounds). On a shared machine the CPU times are the steadier figures.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: { data?: Record<string, unknown>; [key: string]: unknown };
}

/**
 * Enough for script evaluation, calls, tasks and measures. TRACE_V8=1 adds V8's compile categories, to split an
 * evaluation into compiling and running; they slow every load, so the figures are not comparable with the default.
 */
const CATEGORIES = [
  'devtools.timeline',
  'toplevel',
  'blink.user_timing',
  ...(process.env.TRACE_V8 ? ['v8', 'disabled-by-default-v8.compile'] : []),
];

/**
 * Opens `url` in a new page of `context` with tracing on (CATEGORIES unless `categories` is given), waits for
 * `settled`, and returns the trace and the page.
 */
export async function traceLoad(
  context: BrowserContext,
  url: string,
  settled: (page: Page) => Promise<void>,
  categories: readonly string[] = CATEGORIES,
): Promise<{ events: TraceEvent[]; page: Page }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => void events.push(...(event.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: [...categories] } });
  await page.goto(url, { waitUntil: 'load' });
  await settled(page);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { events, page };
}

interface Interval {
  start: number;
  end: number;
}

export interface ExtensionWork {
  /** Main-thread wall-clock milliseconds: the union of the extension's intervals. */
  ms: number;
  /**
   * Main-thread CPU milliseconds of the tasks holding the extension's work (the trace's thread time, `tdur`): on a
   * busy machine wall time counts the time the thread waited for a core, CPU time does not.
   */
  cpuMs: number;
  /** Wall and CPU milliseconds of `EvaluateScript` of the extension's scripts (every one evaluated in this load). */
  evaluateMs: number;
  evaluateCpuMs: number;
  /** The longest top-level task holding any of the extension's work: wall and CPU milliseconds. */
  longestTaskMs: number;
  longestTaskCpuMs: number;
  /** Milliseconds from navigation start to the end of the first measure named `firstMeasure`, if any. */
  toFirstMeasureMs: number | null;
}

const X = (e: TraceEvent) => e.ph === 'X' && typeof e.dur === 'number';
const cpu = (e: TraceEvent) => (e as TraceEvent & { tdur?: number }).tdur ?? e.dur!;

/** The extension's work in a trace of one page load (see the top of this file). */
export function extensionWork(
  events: readonly TraceEvent[],
  options: {
    extensionId: string;
    measurePrefix: string;
    topLevelMeasures: readonly string[];
    firstMeasure?: string;
    pageUrl: string;
    /**
     * Also count scripts without a URL evaluated in a frame: what `scripting.executeScript({ func })` injects (the
     * MAIN-world experiment of bench/always-on.ts). Only for pages that run no such script of their own.
     */
    unnamedScripts?: boolean;
  },
): ExtensionWork {
  const origin = `chrome-extension://${options.extensionId}/`;
  const isOurs = (e: TraceEvent) => {
    const url = String(e.args?.data?.url ?? '');
    return url.startsWith(origin) || (options.unnamedScripts === true && url === '' && Boolean(e.args?.data?.frame));
  };
  const scripts = events.filter((e) => X(e) && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && isOurs(e));
  const measures = measureIntervals(events, options.measurePrefix);
  const thread = scripts[0] ?? events.find((e) => e.cat === 'blink.user_timing' && e.name.startsWith(options.measurePrefix));
  const main = thread ? { pid: thread.pid, tid: thread.tid } : null;

  const intervals: Interval[] = [
    ...scripts.map((e) => ({ start: e.ts, end: e.ts + e.dur! })),
    ...measures.filter((m) => options.topLevelMeasures.includes(m.name)),
  ];
  const evaluations = scripts.filter((e) => e.name === 'EvaluateScript');

  const tasks = main
    ? events.filter((e) => X(e) && e.cat.includes('toplevel') && e.pid === main.pid && e.tid === main.tid && e.dur! > 0)
    : [];
  // Top-level events nest (a mojo message inside a RunTask): the outermost one around an interval is its task.
  const ours = new Set<TraceEvent>();
  let cpuOutside = 0;
  for (const interval of intervals) {
    const enclosing = tasks.filter((t) => t.ts <= interval.start && t.ts + t.dur! >= interval.end);
    const task = enclosing.sort((a, b) => b.dur! - a.dur!)[0];
    if (task) ours.add(task);
    else cpuOutside += interval.end - interval.start;
  }
  const longest = [...ours].sort((a, b) => cpu(b) - cpu(a))[0];

  let toFirstMeasureMs: number | null = null;
  if (options.firstMeasure) {
    const first = measures.filter((m) => m.name === options.firstMeasure).sort((a, b) => a.end - b.end)[0];
    const navigation = events
      .filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === options.pageUrl)
      .sort((a, b) => b.ts - a.ts)[0];
    if (first && navigation) toFirstMeasureMs = (first.end - navigation.ts) / 1000;
  }
  const sum = (list: Iterable<TraceEvent>, of: (e: TraceEvent) => number) => [...list].reduce((total, e) => total + of(e), 0) / 1000;
  return {
    ms: unionLength(intervals) / 1000,
    cpuMs: sum(ours, cpu) + cpuOutside / 1000,
    evaluateMs: sum(evaluations, (e) => e.dur!),
    evaluateCpuMs: sum(evaluations, cpu),
    longestTaskMs: longest ? longest.dur! / 1000 : 0,
    longestTaskCpuMs: longest ? cpu(longest) / 1000 : 0,
    toFirstMeasureMs,
  };
}

/** The extension's performance.measure intervals (async begin/end pairs in blink.user_timing), by short name. */
function measureIntervals(events: readonly TraceEvent[], prefix: string): (Interval & { name: string })[] {
  const open = new Map<string, TraceEvent>();
  const out: (Interval & { name: string })[] = [];
  for (const e of [...events].filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith(prefix)).sort((a, b) => a.ts - b.ts)) {
    const key = `${e.name}|${e.id ?? e.id2?.local ?? ''}`;
    if (e.ph === 'b') open.set(key, e);
    else if (e.ph === 'e' && open.has(key)) {
      out.push({ name: e.name.slice(prefix.length), start: open.get(key)!.ts, end: e.ts });
      open.delete(key);
    }
  }
  return out;
}

/** Total length covered by a set of intervals (overlaps counted once). */
function unionLength(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let end = -Infinity;
  for (const { start, end: e } of sorted) {
    if (e <= end) continue;
    total += e - Math.max(start, end);
    end = e;
  }
  return total;
}
