/**
 * A PDF or Word attachment's bytes → the engine's SourceDocument, in the results page (lib/sources/pdf.ts, docx.ts).
 * Loaded on the first attachment only: pdf.js is large. Its worker, CMaps and standard fonts are the copies in the
 * extension's own package (wxt.config.ts copies them to pdfjs/), so nothing is fetched from anywhere else.
 */
import { browser } from 'wxt/browser';
import type { FileReader } from './check-fetched';

export const readFileInPage: FileReader = async (kind, bytes) => {
  if (kind === 'docx') {
    const { readDocx } = await import('@/lib/sources/docx');
    const read = readDocx(bytes);
    return read.ok ? { document: read.document } : { reason: read.reason };
  }
  const [{ readPdf, GlobalWorkerOptions }, worker] = await Promise.all([
    import('@/lib/sources/pdf'),
    import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'),
  ]);
  GlobalWorkerOptions.workerSrc = worker.default;
  const read = await readPdf(bytes.slice(), {
    cMapUrl: browser.runtime.getURL('/pdfjs/cmaps/' as '/popup.html'),
    standardFontDataUrl: browser.runtime.getURL('/pdfjs/standard_fonts/' as '/popup.html'),
  });
  return read.ok ? { document: read.document } : { reason: read.reason };
};
