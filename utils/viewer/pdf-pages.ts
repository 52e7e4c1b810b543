/**
 * A PDF drawn in the viewer: one box per page at the chosen scale. Every page gets pdf.js's text layer, one page after
 * another from the start (it follows the scale by CSS alone), so the text stays selectable and the browser's Ctrl+F
 * finds it anywhere; the canvas is painted when a page comes near the view (a 200-page report is not painted at
 * once) and again after a zoom. Cell anchors: an invisible box per engine ref, placed by the ref's box as a
 * share of the page (so a new scale moves them without work); the overlay draws its badges over these anchors.
 */
import { getDocument, TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfPageSize, PdfRef } from '@/lib/sources/pdf';
import type { PdfRuntime } from '@/utils/pdfjs-runtime';
import { scrollParent } from './scroll-pane';

interface PageView {
  number: number;
  size: PdfPageSize;
  el: HTMLElement;
  cells: HTMLElement;
  /** The scale this page's canvas was last painted at (0: not painted). */
  drawnAt: number;
  task: RenderTask | null;
  text: TextLayer | null;
}

export class PdfPages {
  private readonly pages: PageView[];
  private readonly observer: IntersectionObserver;
  private readonly anchors = new Map<string, HTMLElement>();
  private scale: number;
  private destroyed = false;

  private constructor(
    private readonly pdf: PDFDocumentProxy,
    private readonly container: HTMLElement,
    sizes: PdfPageSize[],
    scale: number,
    label: (page: number) => string,
  ) {
    this.scale = scale;
    const doc = container.ownerDocument;
    this.pages = sizes.map((size, i) => {
      const el = doc.createElement('div');
      el.className = 'pdf-page';
      el.dataset.page = String(i + 1);
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label(i + 1));
      const cells = doc.createElement('div');
      cells.className = 'cell-anchors';
      el.append(cells);
      return { number: i + 1, size, el, cells, drawnAt: 0, task: null, text: null };
    });
    this.layout();
    container.replaceChildren(...this.pages.map((p) => p.el));
    // The root is the element that scrolls the pages, so a page a screen above or below the view is drawn ahead.
    this.observer = new IntersectionObserver((entries) => this.onVisible(entries), { root: scrollParent(container), rootMargin: '100% 0px' });
    for (const page of this.pages) this.observer.observe(page.el);
    void this.drawTextLayers();
  }

  static async open(container: HTMLElement, bytes: Uint8Array, sizes: PdfPageSize[], runtime: PdfRuntime, scale: number, label: (page: number) => string): Promise<PdfPages> {
    const pdf = await getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      verbosity: 0,
      worker: runtime.worker,
      cMapUrl: runtime.cMapUrl,
      cMapPacked: true,
      standardFontDataUrl: runtime.standardFontDataUrl,
    }).promise;
    return new PdfPages(pdf, container, sizes, scale, label);
  }

  get currentScale(): number {
    return this.scale;
  }

  /** The element standing for a ref's box on its page; the same element for the same box. */
  anchorFor(ref: PdfRef): HTMLElement | null {
    const page = this.pages[ref.page - 1];
    if (!page) return null;
    const key = `${ref.page}:${ref.x}:${ref.y}:${ref.width}:${ref.height}`;
    let anchor = this.anchors.get(key);
    if (!anchor) {
      anchor = boxOn(page, ref, 'cell-anchor');
      this.anchors.set(key, anchor);
    }
    return anchor;
  }

  /**
   * A visible outline at a reading note's box (a number the engine left out), its note as the tooltip and label,
   * Chinese then English. Null when the page is not in the document.
   */
  markNote(ref: PdfRef, note: { zh: string; en: string }): HTMLElement | null {
    const page = this.pages[ref.page - 1];
    if (!page) return null;
    const mark = boxOn(page, ref, 'note-mark');
    mark.title = `${note.zh}\n${note.en}`;
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', `${note.zh} ${note.en}`);
    return mark;
  }

  setScale(scale: number) {
    if (scale === this.scale) return;
    this.scale = scale;
    this.layout();
    for (const page of this.pages) {
      // Still visible pages are drawn again by the observer's next report; the rest when they come into view.
      this.observer.unobserve(page.el);
      this.observer.observe(page.el);
    }
  }

  destroy() {
    this.destroyed = true;
    this.observer.disconnect();
    for (const page of this.pages) {
      page.task?.cancel();
      page.text?.cancel();
    }
    void this.pdf.destroy();
  }

  private layout() {
    for (const page of this.pages) {
      page.el.style.width = `${page.size.width * this.scale}px`;
      page.el.style.height = `${page.size.height * this.scale}px`;
      page.el.style.setProperty('--total-scale-factor', String(this.scale));
      page.el.style.setProperty('--scale-factor', String(this.scale));
    }
  }

  private onVisible(entries: IntersectionObserverEntry[]) {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const page = this.pages[Number((entry.target as HTMLElement).dataset.page) - 1];
      if (page && page.drawnAt !== this.scale) void this.draw(page).catch(() => undefined);
    }
  }

  private async draw(page: PageView) {
    const scale = this.scale;
    page.task?.cancel();
    page.drawnAt = scale;
    const doc = page.el.ownerDocument;
    const proxy = await this.pdf.getPage(page.number);
    const viewport = proxy.getViewport({ scale });
    const ratio = doc.defaultView?.devicePixelRatio ?? 1;
    const canvas = doc.createElement('canvas');
    canvas.className = 'pdf-canvas';
    canvas.setAttribute('aria-hidden', 'true');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    const task = proxy.render({
      canvasContext: canvas.getContext('2d')!,
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    });
    page.task = task;
    await task.promise;
    page.task = null;
    if (this.scale !== scale || this.destroyed) return;
    page.el.querySelector(':scope > .pdf-canvas')?.remove();
    page.el.prepend(canvas);
  }

  /** The text layers, page by page in order; a failed page keeps its canvas and the rest go on. */
  private async drawTextLayers() {
    for (const page of this.pages) {
      if (this.destroyed) return;
      try {
        const proxy = await this.pdf.getPage(page.number);
        const textDiv = page.el.ownerDocument.createElement('div');
        textDiv.className = 'textLayer';
        page.text = new TextLayer({ textContentSource: proxy.streamTextContent(), container: textDiv, viewport: proxy.getViewport({ scale: 1 }) });
        await page.text.render();
        if (this.destroyed) return;
        page.cells.before(textDiv);
      } catch {
        // A page whose text cannot be laid out is still shown; its cells were read by the engine already.
      }
    }
  }
}


/** An element over a box of the page, placed as a share of the page so that a zoom moves it without work. */
function boxOn(page: PageView, ref: PdfRef, className: string): HTMLElement {
  const el = page.el.ownerDocument.createElement('div');
  el.className = className;
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  el.style.left = pct(ref.x, page.size.width);
  el.style.top = pct(ref.y, page.size.height);
  el.style.width = pct(ref.width, page.size.width);
  el.style.height = pct(ref.height, page.size.height);
  page.cells.append(el);
  return el;
}
