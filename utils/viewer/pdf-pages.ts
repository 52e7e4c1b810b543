/**
 * A PDF drawn in the viewer: one box per page at the chosen scale, each page rendered when it comes near the
 * viewport (a 200-page report is not painted at once) as a canvas plus pdf.js's text layer, so the text stays
 * selectable and findable with Ctrl+F. Cell anchors: an invisible box per engine ref, placed by the ref's box as a
 * share of the page (so a new scale moves them without work); the overlay draws its badges over these anchors.
 */
import { getDocument, TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfPageSize, PdfRef } from '@/lib/sources/pdf';
import type { PdfRuntime } from '@/utils/pdfjs-runtime';

interface PageView {
  number: number;
  size: PdfPageSize;
  el: HTMLElement;
  cells: HTMLElement;
  /** The scale this page was last drawn at (0: not drawn). */
  drawnAt: number;
  task: RenderTask | null;
  text: TextLayer | null;
}

export class PdfPages {
  private readonly pages: PageView[];
  private readonly observer: IntersectionObserver;
  private readonly anchors = new Map<string, HTMLElement>();
  private scale: number;

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
    this.observer = new IntersectionObserver((entries) => this.onVisible(entries), { root: container, rootMargin: '100% 0px' });
    for (const page of this.pages) this.observer.observe(page.el);
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
      anchor = page.el.ownerDocument.createElement('div');
      anchor.className = 'cell-anchor';
      const pct = (v: number, of: number) => `${(v / of) * 100}%`;
      anchor.style.left = pct(ref.x, page.size.width);
      anchor.style.top = pct(ref.y, page.size.height);
      anchor.style.width = pct(ref.width, page.size.width);
      anchor.style.height = pct(ref.height, page.size.height);
      page.cells.append(anchor);
      this.anchors.set(key, anchor);
    }
    return anchor;
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
    page.text?.cancel();
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
    if (this.scale !== scale) return;
    const textDiv = doc.createElement('div');
    textDiv.className = 'textLayer';
    const text = new TextLayer({ textContentSource: proxy.streamTextContent(), container: textDiv, viewport });
    page.text = text;
    await text.render();
    if (this.scale !== scale) return;
    page.el.querySelector(':scope > .pdf-canvas')?.remove();
    page.el.querySelector(':scope > .textLayer')?.remove();
    page.el.prepend(canvas, textDiv);
    page.task = null;
  }
}
