/**
 * Keeps overlay elements on their page elements. All geometry is read in one batch per animation frame
 * (host, clipping containers, targets), then all writes follow, so the page is laid out at most once per frame.
 * A target with an empty box (display:none, a hidden tab) or scrolled out of its clipping container hides its element
 * (visibility: hidden, so it leaves the tab order too).
 */
type Placement =
  /** The element covers the target's border box exactly. */
  | 'cover'
  /** The element's bottom-right corner sits on the target's top-right corner (table summary chip). */
  | 'above-right';

export interface Placed {
  el: HTMLElement;
  target: Element;
  placement: Placement;
  /**
   * Ancestors of the target that clip it (overflow other than visible). Null: found on the first layout pass
   * (computed style is read there, where layout is flushed anyway) and shared by all targets of one table.
   */
  clips: Element[] | null;
}

export class LayoutLoop {
  private items: Placed[] = [];
  private frame = 0;
  /** Only the first pass after new items is measured: a measure per scroll frame would grow the timeline forever. */
  private measureNext = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly host: HTMLElement,
    private readonly win: Window = window,
  ) {}

  set(items: Placed[]) {
    this.items = items;
    this.measureNext = true;
    this.schedule();
  }

  add(item: Placed) {
    this.items.push(item);
    this.schedule();
  }

  remove(el: HTMLElement) {
    this.items = this.items.filter((item) => item.el !== el);
  }

  /** Called after every layout pass (the tooltip repositions itself here). */
  onLayout(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  schedule() {
    if (this.frame) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.run();
    });
  }

  /** Synchronous pass (used right after rendering, so the first paint already has badges in place). */
  run() {
    const perf = this.win.performance;
    const start = perf.now();
    const origin = this.host.getBoundingClientRect();
    const clipRects = new Map<Element, DOMRect>();
    const clipsOfTable = new Map<Element, Element[]>();
    const reads = this.items.map((item) => {
      item.clips ??= clipsFor(item.target, clipsOfTable);
      for (const clip of item.clips) if (!clipRects.has(clip)) clipRects.set(clip, clip.getBoundingClientRect());
      const rect = item.target.isConnected ? item.target.getBoundingClientRect() : null;
      const size = item.placement === 'above-right' ? { w: item.el.offsetWidth, h: item.el.offsetHeight } : null;
      return { rect, size };
    });
    this.items.forEach((item, i) => {
      const { rect, size } = reads[i];
      const visible = rect !== null && (rect.width > 0 || rect.height > 0) && insideClips(rect, item.clips!, clipRects);
      const style = item.el.style;
      // visibility (not display) keeps the element measurable, hides it from pointer and keyboard.
      style.visibility = visible ? '' : 'hidden';
      if (!visible) return;
      if (item.placement === 'cover') {
        style.transform = `translate(${rect.left - origin.left}px, ${rect.top - origin.top}px)`;
        style.width = `${rect.width}px`;
        style.height = `${rect.height}px`;
      } else {
        const w = size?.w ?? 0;
        const h = size?.h ?? 0;
        style.transform = `translate(${rect.right - origin.left - w}px, ${rect.top - origin.top - h - 2}px)`;
      }
    });
    for (const listener of this.listeners) listener();
    if (this.measureNext) perf.measure('gov-report-checker:layout', { start, end: perf.now() });
    this.measureNext = false;
  }

  destroy() {
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.items = [];
    this.listeners.clear();
  }
}

/** The target's centre must lie inside every clipping ancestor. */
function insideClips(rect: DOMRect, clips: Element[], clipRects: Map<Element, DOMRect>): boolean {
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  return clips.every((clip) => {
    const c = clipRects.get(clip)!;
    return x >= c.left && x <= c.right && y >= c.top && y <= c.bottom;
  });
}

function clipsFor(target: Element, cache: Map<Element, Element[]>): Element[] {
  const table = target.closest('table') ?? target;
  let clips = cache.get(table);
  if (!clips) cache.set(table, (clips = clippingAncestors(table)));
  return clips;
}

/** Ancestors that clip their content. */
function clippingAncestors(el: Element): Element[] {
  const clips: Element[] = [];
  const view = el.ownerDocument.defaultView;
  if (!view) return clips;
  for (let node = el.parentElement; node && node !== el.ownerDocument.body && node !== el.ownerDocument.documentElement; node = node.parentElement) {
    const style = view.getComputedStyle(node);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clips.push(node);
  }
  return clips;
}
