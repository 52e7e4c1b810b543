/**
 * pdf.js as the extension pages that read a PDF run it (the batch results page, utils/batch/read-file-in-page.ts, and
 * the report viewer, utils/viewer/): its bundled worker file (from the extension itself, as the CSP wants), one
 * worker per page shared by reading and rendering, and the CMaps and standard fonts wxt.config.ts copies under
 * pdfjs/, without which a PDF relying on a predefined Chinese encoding reads as empty text. Nothing is fetched from
 * anywhere else. No eval: `isEvalSupported: false` where a document is opened. The content script never imports this.
 */
import { GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { browser } from 'wxt/browser';

export interface PdfRuntime {
  worker: PDFWorker;
  cMapUrl: string;
  standardFontDataUrl: string;
}

let runtime: PdfRuntime | null = null;

export function pdfRuntime(): PdfRuntime {
  if (!runtime) {
    GlobalWorkerOptions.workerSrc = workerUrl;
    runtime = {
      worker: new PDFWorker(),
      cMapUrl: browser.runtime.getURL('/pdfjs/cmaps/' as '/popup.html'),
      standardFontDataUrl: browser.runtime.getURL('/pdfjs/standard_fonts/' as '/popup.html'),
    };
  }
  return runtime;
}
