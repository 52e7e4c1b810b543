/**
 * A PDF or Word file's bytes → the engine's SourceDocument (lib/sources/pdf.ts, docx.ts), in whichever thread checks
 * it, or the bilingual reason it cannot be read. Node's copies of pdf.js's CMaps and standard fonts are passed in.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceDocument } from '../lib/cell-source';
import type { Bilingual } from '../lib/rules/labels';
import { readDocx } from '../lib/sources/docx';
import { readPdf } from '../lib/sources/pdf';

export interface DocumentFile {
  kind: 'pdf' | 'docx';
  bytes: Uint8Array;
}

/** pdf.js's CMaps and standard font data, for PDFs that rely on them (predefined CJK encodings, the base 14 fonts). */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const PDF_OPTIONS = { cMapUrl: join(PDFJS_DIR, 'cmaps') + '/', standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/' };

export async function readDocumentFile(file: DocumentFile): Promise<{ document: SourceDocument<unknown> } | { reason: Bilingual }> {
  const read = file.kind === 'pdf' ? await readPdf(file.bytes, PDF_OPTIONS) : readDocx(file.bytes);
  return read.ok ? { document: read.document } : { reason: read.reason };
}
