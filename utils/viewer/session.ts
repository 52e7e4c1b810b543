/**
 * One document open in the viewer: reads it with the engine's file adapters (readPdf, readDocx) or, for a saved web
 * page, the live-DOM adapter; checks it; shows it (pdf-pages.ts, or a sandboxed frame) and draws the overlay over it
 * with the same OverlayView the content script uses. Bad input comes back as the engine's bilingual reason.
 */
import { checkDocument } from '@/lib/check';
import { documentKind, type DocumentKind } from '@/lib/sniff';
import type { CheckResult } from '@/lib/findings';
import type { Bilingual } from '@/lib/rules/labels';
import { BAD_INPUT, LIMITS } from '@/lib/sources/bad-input';
import { readDocx, type DocxRef } from '@/lib/sources/docx';
import { readPdf } from '@/lib/sources/pdf';
import { decodeHtml } from '@/utils/batch/check-fetched';
import { checkPage } from '@/utils/overlay/engine';
import type { CheckedView } from '@/utils/overlay/model';
import { OverlayView } from '@/utils/overlay/view';
import type { BadgeKinds, Language } from '@/utils/settings';
import { showInFrame, styledDraft } from './html-frame';
import { mapRefs } from './map-refs';
import { centerInPane } from './scroll-pane';
import { FLASH_KEYFRAMES } from '@/components/overlay/tooltip';
import { PdfPages } from './pdf-pages';
import { pdfRuntime } from '@/utils/pdfjs-runtime';
import { sanitizeSavedPage } from './saved-page';

export interface OpenFile {
  bytes: Uint8Array;
  name: string;
  /** The HTTP content type or the picked file's type, when known. */
  type?: string;
}

export type OpenOutcome = { ok: true; kind: DocumentKind; result: CheckResult } | { ok: false; reason: Bilingual };

export interface OpenOptions {
  signal?: AbortSignal;
  /** Pages read so far (PDF). */
  onPage?: (page: number, pages: number) => void;
}

/** PDF units → CSS pixels at 100% (pdf.js's viewer shows a page at 96/72 of its size in points). */
const PDF_BASE_SCALE = 96 / 72;

const UNSUPPORTED: Bilingual = {
  zh: '不支持的文件类型：请选择 PDF、Word（.docx）或保存的网页（.html）',
  en: 'unsupported file type: choose a PDF, a Word draft (.docx) or a saved web page (.html)',
};

/**
 * By the bytes first (a PDF named .html is a PDF), then by the name and type: the batch page's and the CLI's
 * documentKind; what it would take for a page is opened only when named or typed as one.
 */
function kindOf(file: OpenFile): DocumentKind | null {
  const kind = documentKind(file.name, file.bytes, file.type ?? null);
  if (kind !== 'html') return kind;
  return /\.(html?|xhtml|mhtml?)$/i.test(file.name) || /html/.test(file.type ?? '') ? 'html' : null;
}

export class ViewerSession {
  private view: OverlayView | null = null;
  private pages: PdfPages | null = null;
  private readonly abort = new AbortController();
  /** Per reading note (CheckResult.readingNotes, same order), its mark on the page, or null. */
  private noteMarks: (HTMLElement | null)[] = [];
  private settings: { kinds?: BadgeKinds; language?: Language } = {};

  constructor(
    private readonly container: HTMLElement,
    private readonly pageLabel: (page: number) => string,
  ) {}

  async open(file: OpenFile, options: OpenOptions = {}): Promise<OpenOutcome> {
    const kind = kindOf(file);
    if (!kind) return { ok: false, reason: UNSUPPORTED };
    // The file adapters check this themselves; a saved page is held to the same limit.
    if (file.bytes.length > LIMITS.maxBytes) return { ok: false, reason: BAD_INPUT.tooLarge(file.bytes.length).reason };
    try {
      if (kind === 'pdf') return await this.openPdf(file, options);
      if (kind === 'docx') return await this.openDocx(file);
      return await this.openSavedPage(file);
    } catch (error) {
      // The adapters turn bad input into their own reasons; what is left is a failure to show the file.
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: { zh: `无法显示此文件（${detail}）`, en: `could not show this file (${detail})` } };
    }
  }

  setSettings(settings: { kinds?: BadgeKinds; language?: Language }) {
    this.settings = { ...this.settings, ...settings };
    this.view?.setSettings(settings);
  }

  reveal(path: string): boolean {
    return this.view?.reveal(path) ?? false;
  }

  /** Which reading notes have a mark on the page (a PDF note with the box of the number left out). */
  get notesOnPage(): boolean[] {
    return this.noteMarks.map((mark) => mark !== null);
  }

  /** Scrolls the note's mark into the middle of its pane and flashes it, as reveal does for a cell. */
  revealNote(index: number): boolean {
    const mark = this.noteMarks[index];
    if (!mark) return false;
    centerInPane(mark);
    mark.animate(FLASH_KEYFRAMES, { duration: 600, iterations: 3, easing: 'ease-in-out' });
    return true;
  }

  setScale(scale: number) {
    this.pages?.setScale(scale * PDF_BASE_SCALE);
    this.view?.relayout();
  }

  get isPdf(): boolean {
    return this.pages !== null;
  }

  destroy() {
    this.abort.abort();
    this.view?.clear();
    this.pages?.destroy();
    this.view = null;
    this.pages = null;
  }

  private async openPdf(file: OpenFile, options: OpenOptions): Promise<OpenOutcome> {
    const runtime = pdfRuntime();
    const read = await readPdf(file.bytes, { ...runtime, onPage: options.onPage, signal: options.signal });
    if (!read.ok) return { ok: false, reason: read.reason };
    const checked = checkDocument(read.document);
    this.pages = await PdfPages.open(this.container, file.bytes, read.pages, runtime, PDF_BASE_SCALE, this.pageLabel);
    const pages = this.pages;
    this.show(window, mapRefs(checked, (ref) => pages.anchorFor(ref)));
    this.noteMarks = (read.document.readingNotes ?? []).map((note) => (note.ref ? pages.markNote(note.ref, note) : null));
    return { ok: true, kind: 'pdf', result: checked.result };
  }

  private async openDocx(file: OpenFile): Promise<OpenOutcome> {
    const read = readDocx(file.bytes);
    if (!read.ok) return { ok: false, reason: read.reason };
    const checked = checkDocument(read.document);
    const frame = await showInFrame(this.container, styledDraft(read.html), file.name);
    const doc = frame.contentDocument!;
    const tables = doc.querySelectorAll('table');
    const cellOf = (ref: DocxRef): Element | null => {
      const table = tables[ref.table] as HTMLTableElement | undefined;
      if (!table) return null;
      return ref.row < 0 ? table : (table.rows[ref.row]?.cells[ref.cell] ?? null);
    };
    this.show(frame.contentWindow!, mapRefs(checked, cellOf));
    return { ok: true, kind: 'docx', result: checked.result };
  }

  private async openSavedPage(file: OpenFile): Promise<OpenOutcome> {
    const frame = await showInFrame(this.container, sanitizeSavedPage(decodeHtml(file.bytes, null)), file.name);
    const checked = await checkPage(frame.contentDocument!, { gate: false });
    this.show(frame.contentWindow!, checked);
    return { ok: true, kind: 'html', result: checked.result };
  }

  /** Draws the overlay in the window the document is shown in, and keeps it on its cells there. */
  private show(win: Window, checked: CheckedView<Element>) {
    this.view = new OverlayView(win, centerInPane);
    this.view.setSettings(this.settings);
    this.view.show(checked);
    const signal = this.abort.signal;
    const relayout = () => this.view?.relayout();
    win.addEventListener('scroll', relayout, { capture: true, passive: true, signal });
    win.addEventListener('resize', relayout, { passive: true, signal });
    const observer = new ResizeObserver(relayout);
    observer.observe(win.document.documentElement);
    observer.observe(this.container);
    signal.addEventListener('abort', () => observer.disconnect());
  }
}
