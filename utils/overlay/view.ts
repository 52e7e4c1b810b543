/**
 * Draws a checked document over the elements its refs point at: the overlay host, the badges, chips and suspects
 * (renderOverlay), the layout loop that keeps them on their cells, the tooltip, and reveal (scroll + flash).
 * Knows nothing about how the document was checked: the content script shows a live page through it
 * (OverlayController), the report viewer a PDF's cell anchors or a Word draft's rendered HTML.
 * The host element exists only while there is something to draw.
 */
import { createOverlayHost, type OverlayHost } from '@/components/overlay/host';
import { flashCell } from '@/components/overlay/flash';
import { renderOverlay, type Marked } from '@/components/overlay/render';
import { Tooltip } from '@/components/overlay/tooltip';
import { DEFAULT_BADGE_KINDS, type BadgeKinds, type Language } from '@/utils/settings';
import { MEASURE_PREFIX } from './measure';
import { LayoutLoop } from './layout';
import { buildOverlayModel, type CheckedView } from './model';

export class OverlayView {
  private overlay: OverlayHost | null = null;
  private layout: LayoutLoop | null = null;
  private tooltip: Tooltip | null = null;
  private marks = new Map<HTMLElement, Marked>();
  private shown: CheckedView<Element> | null = null;
  private kinds: BadgeKinds = DEFAULT_BADGE_KINDS;
  private language: Language = 'zh';

  /**
   * `scrollTo` brings a cell into view for reveal; by default scrollIntoView, which scrolls every scrolling ancestor
   * (the page too). The report viewer scrolls only the pane the document is in.
   */
  constructor(
    private readonly win: Window,
    private readonly scrollTo: (target: Element) => void = (target) => target.scrollIntoView({ block: 'center' }),
  ) {}

  get checked(): CheckedView<Element> | null {
    return this.shown;
  }

  /** The overlay's host element, while one is drawn. */
  get host(): HTMLElement | null {
    return this.overlay?.host ?? null;
  }

  setSettings(settings: { kinds?: BadgeKinds; language?: Language }) {
    if (settings.kinds) this.kinds = settings.kinds;
    if (settings.language) this.language = settings.language;
    if (this.shown) this.render();
  }

  show(checked: CheckedView<Element>) {
    this.shown = checked;
    this.render();
  }

  /** Scrolls the cell into view and flashes it. False when the path is not a cell of the shown document. */
  reveal(path: string): boolean {
    const target = this.shown?.refs.get(path);
    if (!target || !target.isConnected) return false;
    this.scrollTo(target);
    const { layer, layout } = this.ensureOverlay();
    flashCell(layer, layout, target);
    return true;
  }

  /** Places everything again on the next frame (after a scroll, a resize, a zoom). */
  relayout() {
    this.layout?.schedule();
  }

  /** Puts the host back where the page removed it from. */
  reattachHost() {
    if (this.overlay && !this.overlay.host.isConnected) {
      this.win.document.documentElement.append(this.overlay.host);
      this.layout?.schedule();
    }
  }

  clear() {
    this.shown = null;
    this.removeOverlay();
  }

  private render() {
    const perf = this.win.performance;
    const start = perf.now();
    const model = buildOverlayModel(this.shown!, this.kinds);
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
        () => this.shown?.refs ?? new Map(),
        () => this.language,
      );
    }
    return { layer: this.overlay.layer, layout: this.layout!, tooltip: this.tooltip! };
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
