/**
 * The content script's state: the last check, the overlay host, the layout loop, the tooltip and the page watchers.
 * `check` runs the engine and redraws; `reveal` scrolls to a cell and flashes it; `switchOff` removes everything.
 * The host element exists only while there is something to draw, so a page without a report stays untouched.
 */
import { createOverlayHost, type OverlayHost } from '@/components/overlay/host';
import { flashCell } from '@/components/overlay/flash';
import { renderOverlay, type Marked } from '@/components/overlay/render';
import { Tooltip } from '@/components/overlay/tooltip';
import { countCauses } from '@/lib/causes';
import type { CheckResult } from '@/lib/findings';
import type { BackgroundMessage } from '@/utils/messages';
import { DEFAULT_BADGE_KINDS, type BadgeKinds, type Language } from '@/utils/settings';
import { checkPage, yieldToMain } from './engine';
import { rememberChecked, withHistory } from './cross-year';
import { MEASURE_PREFIX } from './measure';
import { LayoutLoop } from './layout';
import { buildOverlayModel, type CheckedView } from './model';
import { PageWatch } from './page-watch';

export interface CheckOptions {
  /** Auto-check skips the engine when no table looks like the report (quick-scan.ts); a check asked for by the user does not. */
  gate: boolean;
}

export class OverlayController {
  private overlay: OverlayHost | null = null;
  private layout: LayoutLoop | null = null;
  private tooltip: Tooltip | null = null;
  private watch: PageWatch | null = null;
  private checked: CheckedView<Element> | null = null;
  private marks = new Map<HTMLElement, Marked>();
  private lastOptions: CheckOptions = { gate: true };
  /** Checks run one after another; a request during a check waits for it. */
  private queue: Promise<unknown> = Promise.resolve();
  private kinds: BadgeKinds = DEFAULT_BADGE_KINDS;
  private language: Language = 'zh';

  constructor(
    private readonly win: Window,
    private readonly notify: (message: BackgroundMessage) => void,
  ) {}

  get result(): CheckResult | null {
    return this.checked?.result ?? null;
  }

  get active(): boolean {
    return this.watch !== null;
  }

  setSettings(settings: { kinds?: BadgeKinds; language?: Language }) {
    if (settings.kinds) this.kinds = settings.kinds;
    if (settings.language) this.language = settings.language;
    if (this.checked && this.active) this.render();
  }

  /** Runs the check (gate, read, engine and render each in their own task) and redraws. */
  check(options: CheckOptions = this.lastOptions): Promise<CheckResult> {
    this.lastOptions = options;
    this.watch ??= new PageWatch(this.win, () => this.overlay?.host ?? null, {
      relayout: () => this.layout?.schedule(),
      recheck: () => void this.check(),
      hostRemoved: () => this.reattachHost(),
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
    this.checked = checked;
    rememberChecked(checked.result, this.win.location.href);
    await yieldToMain();
    if (!this.active) return checked.result;
    this.render();
    this.watch!.observeTables(Object.values(checked.tableRefs).flat());
    const { result } = checked;
    const counts = countCauses(result.causes);
    this.notify({ type: 'result-summary', errors: counts.error, warnings: counts.warning, status: result.status });
    return result;
  }

  /**
   * The history changed (last year's report checked meanwhile, a pick among candidates, the history cleared): the
   * cross-year findings are made again, and the overlay and the toolbar follow if they changed.
   */
  async refreshCrossYear(): Promise<void> {
    const before = this.checked;
    if (!before?.result.report || !this.active) return;
    const result = await withHistory(before.result, this.win.location.href);
    if (this.checked !== before || !this.active) return;
    if (JSON.stringify(result.previousYear) === JSON.stringify(before.result.previousYear) && result.findings.length === before.result.findings.length) return;
    this.checked = { ...before, result };
    this.render();
    const counts = countCauses(result.causes);
    this.notify({ type: 'result-summary', errors: counts.error, warnings: counts.warning, status: result.status });
  }

  /** Scrolls the cell into view and flashes it. False when the path is not a cell found on this page. */
  reveal(path: string): boolean {
    const target = this.checked?.refs.get(path);
    if (!target || !target.isConnected) return false;
    target.scrollIntoView({ block: 'center' });
    const { layer, layout } = this.ensureOverlay();
    flashCell(layer, layout, target);
    return true;
  }

  switchOff() {
    this.watch?.stop();
    this.watch = null;
    this.removeOverlay();
  }

  private render() {
    const perf = this.win.performance;
    const start = perf.now();
    const model = buildOverlayModel(this.checked!, this.kinds);
    const empty = model.badges.length === 0 && model.suspects.length === 0 && model.summaries.length === 0;
    if (empty && model.status !== 'too-large') {
      this.removeOverlay();
      return;
    }
    const { layer, layout, tooltip } = this.ensureOverlay();
    tooltip.hide();
    for (const child of [...layer.children]) if (!child.classList.contains('tooltip')) child.remove();
    const rendered = renderOverlay(layer, model, this.language);
    this.marks = rendered.marks;
    layout.set(rendered.placed);
    perf.measure(`${MEASURE_PREFIX}render`, { start, end: perf.now() });
  }

  private ensureOverlay() {
    if (!this.overlay) {
      this.overlay = createOverlayHost(this.win.document);
      this.layout = new LayoutLoop(this.overlay.host, this.win);
      this.tooltip = new Tooltip(
        this.overlay.layer,
        this.layout,
        () => this.marks,
        () => this.checked?.refs ?? new Map(),
        () => this.language,
      );
    }
    return { layer: this.overlay.layer, layout: this.layout!, tooltip: this.tooltip! };
  }

  private reattachHost() {
    if (this.overlay && !this.overlay.host.isConnected) {
      this.win.document.documentElement.append(this.overlay.host);
      this.layout?.schedule();
    }
  }

  private removeOverlay() {
    this.tooltip?.destroy();
    this.layout?.destroy();
    this.overlay?.host.remove();
    this.overlay = null;
    this.layout = null;
    this.tooltip = null;
    this.marks = new Map();
  }
}
