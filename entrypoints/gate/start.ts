/**
 * The gate: the only code that runs on every page of an auto-check site. At document_idle it looks for report labels
 * in the first rows of the page's tables (utils/overlay/quick-scan.ts, one `gov-report-checker:gate` measure) and,
 * when it finds some, asks the background to inject the engine (which checks the page and draws the overlay).
 * Until then a MutationObserver waits for tables added later (a report fetched by script, or shown by navigation
 * inside a single-page site); each such change is looked at once, debounced. It asks at most once per page; the
 * engine's own page watch takes over from there.
 *
 * No framework, no storage read, no extension API until it asks, nothing built at load: the first touch of the
 * extension API or of a DOM interface in the content scripts' world costs about a millisecond each. The auto-check
 * site list is read by the background, which declines when the site is no longer on it.
 */
import { ENGINE_GUARD, GATE_GUARD, type GuardedWindow } from '@/utils/content-scripts';
import type { LoadEngineRequest } from '@/utils/messages';
import { MEASURE_PREFIX } from '@/utils/overlay/measure';
import { mayHoldReport } from '@/utils/overlay/quick-scan';
import { addsTables, Debounced } from '@/utils/overlay/table-changes';

export function startGate() {
  const win = window as GuardedWindow;
  // A second gate (the manifest's and a site registration both match) or an engine already here: nothing to do.
  if (win[GATE_GUARD] || win[ENGINE_GUARD]) return;
  win[GATE_GUARD] = true;
  if (lookOnce(win)) return;

  const look = new Debounced(win, () => lookOnce(win) && observer.disconnect());
  const observer = new MutationObserver((records) => {
    if (records.some(addsTables)) look.schedule();
  });
  observer.observe(win.document, { childList: true, subtree: true });
}

/** One look at the page; true when the gate is done (it asked for the engine, or the engine is already here). */
function lookOnce(win: GuardedWindow): boolean {
  if (win[ENGINE_GUARD]) return true;
  const perf = win.performance;
  const start = perf.now();
  const found = mayHoldReport(win.document);
  perf.measure(`${MEASURE_PREFIX}gate`, { start, end: perf.now() });
  if (found) askForEngine();
  return found;
}

interface RuntimeApi {
  runtime?: { sendMessage(message: unknown): Promise<unknown> | undefined };
}

/** Firefox has `browser` (and `chrome`), Chromium `chrome`; in MV3 both return a promise from sendMessage. */
function askForEngine() {
  const request: LoadEngineRequest = { type: 'load-engine' };
  const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
  try {
    (scope.browser ?? scope.chrome)?.runtime?.sendMessage(request)?.catch(() => {});
  } catch {
    // The extension was reloaded or removed (this copy is orphaned): there is no engine to load.
  }
}
