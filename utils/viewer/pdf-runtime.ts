/**
 * pdf.js as the report viewer runs it, and only the viewer (the content script never imports this): the bundled
 * worker file (a module worker from the extension itself, as its CSP wants), one worker shared by reading and
 * rendering, and the CMaps and standard fonts copied into the package at build time (wxt.config.ts), without which a
 * PDF relying on a predefined Chinese encoding would read as empty text. No eval (`isEvalSupported: false` in
 * lib/sources/pdf.ts and pdf-pages.ts).
 */
import { GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.mjs?url';
import { browser } from 'wxt/browser';

export interface PdfRuntime {
  worker: PDFWorker;
  cMapUrl: string;
  standardFontDataUrl: string;
}

/** Where the build puts pdf.js's data files (wxt.config.ts copies them). */
export const PDFJS_DATA_DIR = 'pdfjs';

let runtime: PdfRuntime | null = null;

export function pdfRuntime(): PdfRuntime {
  if (!runtime) {
    GlobalWorkerOptions.workerSrc = workerUrl;
    runtime = {
      worker: new PDFWorker(),
      cMapUrl: browser.runtime.getURL(`/${PDFJS_DATA_DIR}/cmaps/` as '/'),
      standardFontDataUrl: browser.runtime.getURL(`/${PDFJS_DATA_DIR}/standard_fonts/` as '/'),
    };
  }
  return runtime;
}
