/**
 * A PDF or Word attachment's bytes → the engine's SourceDocument, in the results page (lib/sources/pdf.ts, docx.ts).
 * Loaded on the first attachment only: pdf.js is large. It runs as utils/pdfjs-runtime.ts sets it up (the worker,
 * CMaps and standard fonts packaged with the extension), so nothing is fetched from anywhere else.
 */
import type { FileReader } from './check-fetched';

export const readFileInPage: FileReader = async (kind, bytes) => {
  if (kind === 'docx') {
    const { readDocx } = await import('@/lib/sources/docx');
    const read = readDocx(bytes);
    return read.ok ? { document: read.document } : { reason: read.reason };
  }
  const [{ readPdf }, { pdfRuntime }] = await Promise.all([import('@/lib/sources/pdf'), import('@/utils/pdfjs-runtime')]);
  const read = await readPdf(bytes.slice(), pdfRuntime());
  return read.ok ? { document: read.document } : { reason: read.reason };
};
