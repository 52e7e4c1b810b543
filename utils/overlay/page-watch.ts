/**
 * Everything that makes the overlay move or the check run again:
 * - relayout: scroll (capture phase, so inner scrolling containers count), resize and zoom, font loading,
 *   ResizeObserver on the report tables (a table behind a tab reports its new size when the tab opens);
 * - recheck: a debounced MutationObserver that only reacts to table content (our own host is ignored),
 *   and navigation inside a single-page site (Navigation API, popstate, or a cheap URL poll where neither exists).
 */
import { isOverlayNode } from '@/components/overlay/host';
import { Debounced, touchesTables } from './table-changes';

interface PageWatchHandlers {
  relayout(): void;
  recheck(reason: 'mutation' | 'navigation'): void;
  /** The page removed our host (e.g. replaced the whole document content). */
  hostRemoved(): void;
}

export class PageWatch {
  private readonly abort = new AbortController();
  private readonly resizeObserver: ResizeObserver;
  private readonly mutationObserver: MutationObserver;
  private readonly recheck: Debounced;
  private reason: 'mutation' | 'navigation' = 'mutation';
  private pollTimer = 0;
  private lastUrl: string;

  constructor(
    private readonly win: Window,
    private readonly host: () => Element | null,
    private readonly handlers: PageWatchHandlers,
  ) {
    const signal = this.abort.signal;
    const doc = win.document;
    const relayout = () => handlers.relayout();
    win.addEventListener('scroll', relayout, { capture: true, passive: true, signal });
    win.addEventListener('resize', relayout, { passive: true, signal });
    win.visualViewport?.addEventListener('resize', relayout, { passive: true, signal });
    doc.fonts?.ready.then(() => !signal.aborted && relayout());
    doc.fonts?.addEventListener('loadingdone', relayout, { signal });

    this.resizeObserver = new ResizeObserver(relayout);
    this.resizeObserver.observe(doc.documentElement);

    this.recheck = new Debounced(win, () => handlers.recheck(this.reason));
    this.mutationObserver = new MutationObserver((records) => this.onMutations(records));
    this.mutationObserver.observe(doc, { childList: true, subtree: true, characterData: true });

    this.lastUrl = win.location.href;
    const navigation = (win as Window & { navigation?: EventTarget }).navigation;
    const onUrlMaybeChanged = () => this.checkUrl();
    if (navigation) navigation.addEventListener('navigatesuccess', onUrlMaybeChanged, { signal });
    else this.pollTimer = win.setInterval(onUrlMaybeChanged, 1000);
    win.addEventListener('popstate', onUrlMaybeChanged, { signal });
  }

  /** Watch the report tables' size (tabs, accordions, responsive layouts). */
  observeTables(tables: Element[]) {
    this.resizeObserver.disconnect();
    this.resizeObserver.observe(this.win.document.documentElement);
    for (const table of tables) this.resizeObserver.observe(table);
  }

  stop() {
    this.abort.abort();
    this.resizeObserver.disconnect();
    this.mutationObserver.disconnect();
    this.recheck.cancel();
    this.win.clearInterval(this.pollTimer);
  }

  private checkUrl() {
    const url = this.win.location.href;
    if (withoutHash(url) === withoutHash(this.lastUrl)) return;
    this.lastUrl = url;
    this.scheduleRecheck('navigation');
  }

  private onMutations(records: MutationRecord[]) {
    const host = this.host();
    let relevant = false;
    for (const record of records) {
      if (host && [...record.removedNodes].includes(host)) this.handlers.hostRemoved();
      if (!relevant && touchesTables(record, isOverlayNode)) relevant = true;
    }
    if (relevant) this.scheduleRecheck('mutation');
  }

  /** The reason passed on is the latest one before the debounced recheck runs. */
  private scheduleRecheck(reason: 'mutation' | 'navigation') {
    this.reason = reason;
    this.recheck.schedule();
  }
}

function withoutHash(url: string) {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}
