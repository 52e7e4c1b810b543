/**
 * The content script's state: the last check, the page watchers and the overlay drawn over the page (OverlayView).
 * `check` runs the engine and redraws; `reveal` scrolls to a cell and flashes it; `switchOff` removes everything.
 * The host element exists only while there is something to draw, so a page without a report stays untouched.
 */
import { countCauses } from '@/lib/causes';
import type { CheckResult } from '@/lib/findings';
import type { BackgroundMessage } from '@/utils/messages';
import type { BadgeKinds, Language } from '@/utils/settings';
import { checkPage, yieldToMain } from './engine';
import { rememberChecked, withHistory } from './cross-year';
import { PageWatch } from './page-watch';
import { OverlayView } from './view';

export interface CheckOptions {
  /** Auto-check skips the engine when no table looks like the report (quick-scan.ts); a check asked for by the user does not. */
  gate: boolean;
  /**
   * The gate script has just found report labels on the page (the background injected the engine for it): auto-check
   * keeps its size limit but does not look for the labels again. This check only: the next ones look again.
   */
  labelsSeen?: boolean;
}

export class OverlayController {
  private readonly view: OverlayView;
  private watch: PageWatch | null = null;
  private latest: CheckResult | null = null;
  private lastOptions: CheckOptions = { gate: true };
  /** Checks run one after another; a request during a check waits for it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly win: Window,
    private readonly notify: (message: BackgroundMessage) => void,
  ) {
    this.view = new OverlayView(win);
  }

  get result(): CheckResult | null {
    return this.latest;
  }

  get active(): boolean {
    return this.watch !== null;
  }

  setSettings(settings: { kinds?: BadgeKinds; language?: Language }) {
    this.view.setSettings(settings);
  }

  /** Runs the check (gate, read, engine and render each in their own task) and redraws. */
  check(options: CheckOptions = this.lastOptions): Promise<CheckResult> {
    this.lastOptions = { gate: options.gate };
    this.watch ??= new PageWatch(this.win, () => this.view.host, {
      relayout: () => this.view.relayout(),
      recheck: () => void this.check(),
      hostRemoved: () => this.view.reattachHost(),
    });
    const run = this.queue.then(() => this.runCheck(options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runCheck(options: CheckOptions): Promise<CheckResult> {
    const page = await checkPage(this.win.document, options);
    if (!this.active) return page.result; // switched off meanwhile
    // Last year's report from the local history (X-CARRY, X-T2); then this report joins the history.
    const checked = { ...page, result: await withHistory(page.result, this.win.location.href) };
    if (!this.active) return checked.result;
    this.latest = checked.result;
    rememberChecked(checked.result, this.win.location.href);
    await yieldToMain();
    if (!this.active) return checked.result;
    this.view.show(checked);
    this.watch!.observeTables(Object.values(checked.tableRefs).flat());
    this.summarise(checked.result);
    return checked.result;
  }

  /**
   * The history changed (last year's report checked meanwhile, a pick among candidates, the history cleared): the
   * cross-year findings are made again, and the overlay and the toolbar follow if they changed.
   */
  async refreshCrossYear(): Promise<void> {
    const before = this.view.checked;
    if (!before?.result.report || !this.active) return;
    const result = await withHistory(before.result, this.win.location.href);
    if (this.view.checked !== before || !this.active) return;
    if (JSON.stringify(result.previousYear) === JSON.stringify(before.result.previousYear) && result.findings.length === before.result.findings.length) return;
    this.latest = result;
    this.view.show({ ...before, result });
    this.summarise(result);
  }

  /** The toolbar badge's counts. */
  private summarise(result: CheckResult) {
    const counts = countCauses(result.causes);
    this.notify({ type: 'result-summary', errors: counts.error, warnings: counts.warning, status: result.status });
  }

  /** Scrolls the cell into view and flashes it. False when the path is not a cell found on this page. */
  reveal(path: string): boolean {
    return this.view.reveal(path);
  }

  switchOff() {
    this.watch?.stop();
    this.watch = null;
    this.latest = null;
    this.view.clear();
  }
}
