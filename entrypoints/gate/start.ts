/**
 * The gate: the only code that runs on every page of an auto-check site. At document_idle it looks for report labels
 * in the first rows of the page's tables (utils/overlay/quick-scan.ts) and, when it finds some, asks the background
 * to inject the engine (which checks the page and draws the overlay). Until then a MutationObserver waits for tables
 * added later (a report fetched by script, or shown by navigation inside a single-page site); each such change is
 * looked at once, debounced. It asks at most once per page; the engine's own page watch takes over from there.
 *
 * No framework, no storage read, no extension API until it asks, nothing built at load, no performance measure: the
 * first touch of the extension API or of a DOM interface in the content scripts' world costs about a millisecond
 * each (docs/performance.md). The benchmark attributes the gate's work by its script URL, and the tests read how
 * often it looked from its guard on `window`. The auto-check site list is read by the background, which declines
 * when the site is no longer on it.
 */
import { ENGINE_GUARD, GATE_GUARD, type GuardedWindow } from '@/utils/content-scripts';
import type { LoadEngineRequest } from '@/utils/messages';
import { mayHoldReport } from '@/utils/overlay/quick-scan';
import { addsTables, Debounced } from '@/utils/overlay/table-changes';

export function startGate() {
  const win = window as GuardedWindow;
  // A second gate (the manifest's and a site registration both match) or an engine already here: nothing to do.
  if (win[GATE_GUARD] !== undefined || win[ENGINE_GUARD]) return;
  win[GATE_GUARD] = 0;
  // The look runs in a task of its own, so that neither it nor the script's evaluation is a long task for the page.
  win.setTimeout(() => lookThenWatch(win), 0);
}

function lookThenWatch(win: GuardedWindow) {
  if (lookOnce(win)) return;
  const look = new Debounced(win, () => lookOnce(win) && observer.disconnect());
  const observer = new MutationObserver((records) => {
    if (records.some(addsTables)) look.schedule();
  });
  observer.observe(win.document, { childList: true, subtree: true });
}

/** One look at the page, counted on the guard; true when the gate is done (it asked, or the engine is here). */
function lookOnce(win: GuardedWindow): boolean {
  if (win[ENGINE_GUARD]) return true;
  win[GATE_GUARD]! += 1;
  const found = mayHoldReport(win.document);
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
