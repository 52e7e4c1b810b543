/**
 * Messages between popup, background and content script. The content script owns the check;
 * the popup asks for it and renders the summary; the background keeps the toolbar badge.
 */
import type { CheckResult } from '@/lib/findings';

export type ContentRequest =
  /** Run (or re-run) the check now and show the overlay. */
  | { type: 'check' }
  /** The latest result without re-running (null if the check has not run yet). */
  | { type: 'get-result' }
  /** Scroll the page to the cell at `path` and flash it. */
  | { type: 'reveal'; path: string }
  /** Remove the overlay and stop observing the page. */
  | { type: 'switch-off' };

export type ContentResponse =
  | { ok: true; result: CheckResult | null }
  | { ok: false; error: string };

export type BackgroundMessage =
  /** Sent by the content script after every check, so the toolbar shows the tab's error count. */
  { type: 'result-summary'; errors: number; warnings: number; status: CheckResult['status'] };

/** Sent by the gate when a table of the page carries report labels: inject the engine if the site is auto-checked. */
export interface LoadEngineRequest {
  type: 'load-engine';
}

/** A content script's result-summary (background and popup both listen for it among other runtime messages). */
export function isResultSummary(message: unknown): message is BackgroundMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'result-summary' &&
    typeof (message as { errors?: unknown }).errors === 'number'
  );
}

export function isLoadEngineRequest(message: unknown): message is LoadEngineRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'load-engine';
}
