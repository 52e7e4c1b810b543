/**
 * PDF adapter: a PDF's text layer (pdf.js) as the engine's SourceDocument, or a bilingual reason it cannot be read.
 * No OCR and no network: tables are rebuilt from the ruling lines each page draws (lib/sources/pdf-lattice.ts), text
 * is put into the cells it lies in, and a table continued over a page break is joined (lib/sources/pdf-table.ts).
 * The text outside tables, in reading order, is the body text for the text rules. A table without ruling lines is
 * rebuilt from text positions (lib/sources/pdf-stream.ts); a number it cannot place is said in `readingNotes`.
 *
 * Runs in Node and in a browser page alike: bytes come in as a Uint8Array (never read from disk here), pdf.js is
 * loaded with `isEvalSupported: false`, and the host chooses the worker (`options.worker`, or `GlobalWorkerOptions`).
 * A cell's ref is its page and box in viewport units at scale 1 (lib/sources/pdf-types.ts), so a viewer can draw a
 * badge over the rendered page.
 */
import { getDocument, type PDFDocumentProxy, type PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { SourceDocument, SourceTable } from '../cell-source';
import { BAD_INPUT, beforeDeadline, CANCELLED, LIMITS, TIMED_OUT, type SourceRead } from './bad-input';
import { latticeTables, type LatticeTable } from './pdf-lattice';
import { joinWrapped, textOf, toLines, type TextLine } from './pdf-lines';
import { readPageLines, readPageText } from './pdf-page';
import { streamTables } from './pdf-stream';
import { flowY, joinTables, lineUp, toSourceTable, type PlacedTable } from './pdf-table';
import type { PageContent, PdfPageSize, PdfRef, TextRun } from './pdf-types';

export { GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';
export type { PdfPageSize, PdfRef } from './pdf-types';

export interface PdfOptions {
  /** Give up after this long (default LIMITS.timeLimitMs). */
  timeLimitMs?: number;
  maxPages?: number;
  /** A pdf.js worker the host made; otherwise pdf.js uses GlobalWorkerOptions (in Node: in the same thread). */
  worker?: PDFWorker;
  /** Where pdf.js finds its CMaps (pdfjs-dist/cmaps/), for PDFs whose fonts use a predefined CJK encoding. */
  cMapUrl?: string;
  /** Where pdf.js finds the standard fonts' data (pdfjs-dist/standard_fonts/). */
  standardFontDataUrl?: string;
  /** Called after each page is read (the viewer's progress bar for a long PDF). */
  onPage?: (page: number, pages: number) => void;
  /** Stops the reading: pdf.js's task is destroyed and the outcome is `{ ok: false, code: 'cancelled' }`. */
  signal?: AbortSignal;
}

export interface PdfExtra {
  /** Each page's size in viewport units at scale 1, index 0 = page 1. */
  pages: PdfPageSize[];
  /** Milliseconds: pdf.js loading the file and its text, pdf.js drawing the ruling lines, our tables and text. */
  timings: { text: number; lines: number; assemble: number };
}

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const EOF_MARK = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF
/** pdf.js, like Acrobat, accepts a header anywhere in the first 1024 bytes; the end mark must be near the end. */
const HEADER_WINDOW = 1024;
const TRAILER_WINDOW = 4096;

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<SourceRead<PdfRef, PdfExtra>> {
  if (bytes.length === 0) return BAD_INPUT.empty();
  if (bytes.length > LIMITS.maxBytes) return BAD_INPUT.tooLarge(bytes.length);
  if (indexOf(bytes.subarray(0, HEADER_WINDOW), PDF_HEADER) < 0) return BAD_INPUT.notPdf();
  if (indexOf(bytes.subarray(Math.max(0, bytes.length - TRAILER_WINDOW)), EOF_MARK) < 0) return BAD_INPUT.truncated();

  const timeLimit = options.timeLimitMs ?? LIMITS.timeLimitMs;
  const deadline = Date.now() + timeLimit;
  const task = getDocument({
    // pdf.js takes the buffer over (it may be detached): a copy keeps the caller's bytes usable, e.g. for rendering.
    data: bytes.slice(),
    isEvalSupported: false,
    verbosity: 0,
    stopAtErrors: false,
    ...(options.worker ? { worker: options.worker } : {}),
    ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
    ...(options.standardFontDataUrl ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
  });
  const cancel = () => void task.destroy().catch(() => undefined);
  const timedOut = () => (options.signal?.aborted ? CANCELLED : BAD_INPUT.timeout(Math.round(timeLimit / 1000)));
  // A cancel ends the wait like a deadline does: beforeDeadline's race sees the destroyed task fail or time out.
  const onAbort = () => cancel();
  options.signal?.addEventListener('abort', onAbort);
  const timings = { text: 0, lines: 0, assemble: 0 };
  try {
    const loading = performance.now();
    const pdf = await beforeDeadline(task.promise, deadline, cancel);
    timings.text += performance.now() - loading;
    if (pdf === TIMED_OUT) return timedOut();
    const maxPages = options.maxPages ?? LIMITS.maxPdfPages;
    if (pdf.numPages > maxPages) return BAD_INPUT.tooManyPages(pdf.numPages);
    const pages: PageContent[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      if (options.signal?.aborted) return CANCELLED;
      const content = await beforeDeadline(pageContent(pdf, n, pages[n - 2], timings), deadline, cancel);
      if (content === TIMED_OUT) return timedOut();
      pages.push(content);
      options.onPage?.(n, pdf.numPages);
    }
    if (!pages.some((p) => p.runs.length > 0)) return BAD_INPUT.scanned();
    const title = await beforeDeadline(metadataTitle(pdf), deadline, cancel);
    const assembling = performance.now();
    const document = assemble(pages, title === TIMED_OUT ? '' : title);
    timings.assemble = performance.now() - assembling;
    return { ok: true, document, pages: pages.map((p) => p.size), timings };
  } catch (error) {
    if (options.signal?.aborted) return CANCELLED;
    const name = (error as Error)?.name;
    if (name === 'PasswordException') return BAD_INPUT.encrypted();
    return BAD_INPUT.damaged(error instanceof Error ? error.message : String(error));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    cancel();
  }
}

/**
 * One page's text, and its ruling lines where it may hold a table: it names a template row or column, or the page
 * before ended in a table that may run on (a page of table 4's numbers alone names nothing). A page without text is
 * read too, to count its images (a report whose table pages are scans).
 */
async function pageContent(pdf: PDFDocumentProxy, n: number, previous: PageContent | undefined, timings: PdfExtra['timings']): Promise<PageContent> {
  const start = performance.now();
  const page = await pdf.getPage(n);
  try {
    const text = await readPageText(page);
    const middle = performance.now();
    timings.text += middle - start;
    const wanted = text.runs.length === 0 || mentionsTableWords(text.runs) || (previous !== undefined && endsInTable(previous));
    const lines = wanted ? await readPageLines(page) : { horizontal: [], vertical: [], images: 0 };
    timings.lines += performance.now() - middle;
    return { ...text, ...lines };
  } finally {
    page.cleanup();
  }
}

/** Words of the three tables' labels; any page holding part of a table prints one of them. */
const TABLE_WORDS = /信息内容|第二十条|自然人|法人或其他组织|申请人情况|本年新收|上年结转|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|结转下年度|行政复议|行政诉讼|维持|纠正|尚未审结/;

function mentionsTableWords(runs: TextRun[]): boolean {
  return TABLE_WORDS.test(runs.map((r) => r.text.replace(/\s+/g, '')).join(''));
}

/** A table reaches the last fifth of the page. */
function endsInTable(page: PageContent): boolean {
  return latticeOf(page).some((t) => t.box.y1 > page.size.height * 0.8);
}

/** Each page's lattice tables, found once: reading asks for the previous page's (endsInTable), assembling for all. */
const lattices = new WeakMap<PageContent, LatticeTable[]>();

function latticeOf(page: PageContent): LatticeTable[] {
  let tables = lattices.get(page);
  if (!tables) lattices.set(page, (tables = latticeTables(page.horizontal, page.vertical)));
  return tables;
}

async function metadataTitle(pdf: PDFDocumentProxy): Promise<string> {
  const { info } = await pdf.getMetadata().catch(() => ({ info: null }));
  const title = (info as { Title?: unknown } | null)?.Title;
  return typeof title === 'string' ? title : '';
}

/** Pages → tables (joined over page breaks), body text, title, and notes of what the stream step left out. */
export function assemble(pages: PageContent[], metadataTitle: string): SourceDocument<PdfRef> {
  const placed: PlacedTable[] = [];
  const bodyLines: string[] = [];
  let images = 0;
  /** The last table of the previous page, while nothing but margin text has followed it. */
  let open: PlacedTable | null = null;
  let headingLines: TextLine[] = [];
  const outsideLines: { page: number; lines: TextLine[] }[] = [];
  for (const page of pages) {
    images += page.images;
    const { tables, outside } = placeRuns(page);
    const lines = toLines(outside).filter((line) => !isMarginLine(line, page));
    outsideLines.push({ page: page.page, lines });
    tables.forEach((table, i) => {
      const above = lines.filter((l) => l.y1 <= table.box.y0 + 1);
      const isFirstContent = i === 0 && above.length === 0;
      if (open && isFirstContent && lineUp(open, table)) {
        const joined = joinTables(open, table);
        placed[placed.length - 1] = joined;
        open = joined;
      } else {
        placed.push(table);
        open = table;
      }
    });
    const last = tables[tables.length - 1];
    const after = last ? lines.filter((l) => l.y0 >= last.box.y1 - 1) : lines;
    if (!last || after.length > 0) open = null;
  }
  // Tables without ruling lines, from the text outside the lattice tables (lib/sources/pdf-stream.ts).
  const stream = streamTables(outsideLines.map(({ page, lines }) => ({ page, runs: lines.flatMap((l) => l.runs) })));
  for (const { page, lines } of outsideLines) {
    const body = lines.filter((l) => !l.runs.every((r) => stream.used.has(r)));
    if (page === 1) headingLines = body;
    for (const line of body) bodyLines.push(line.text);
  }
  const tables: SourceTable<PdfRef>[] = [
    ...placed.map((t) => ({ top: flowY(t.page, t.box.y0), table: toSourceTable(t) })),
    ...stream.tables,
  ]
    .sort((a, b) => a.top - b.top)
    .map((t) => t.table);
  return {
    tables,
    title: headingTitle(headingLines) || metadataTitle,
    bodyText: joinWrapped(bodyLines),
    media: { pdfLinks: 0, images },
    ...(stream.notes.length > 0 ? { readingNotes: stream.notes } : {}),
  };
}

/** Puts every run in the table cell its centre lies in; the rest is outside any table. */
function placeRuns(page: PageContent): { tables: PlacedTable[]; outside: TextRun[] } {
  const lattice = latticeOf(page);
  const cellRuns = lattice.map((t) => t.cells.map((): TextRun[] => []));
  const outside: TextRun[] = [];
  for (const run of page.runs) {
    const cx = (run.x0 + run.x1) / 2;
    const cy = (run.y0 + run.y1) / 2;
    let home: TextRun[] | null = null;
    for (let t = 0; t < lattice.length && !home; t++) {
      const box = lattice[t].box;
      if (cx < box.x0 || cx > box.x1 || cy < box.y0 || cy > box.y1) continue;
      const c = lattice[t].cells.findIndex((cell) => cx >= cell.x0 && cx <= cell.x1 && cy >= cell.y0 && cy <= cell.y1);
      if (c >= 0) home = cellRuns[t][c];
    }
    (home ?? outside).push(run);
  }
  const tables = lattice.map(
    (t, i): PlacedTable => ({
      page: page.page,
      box: t.box,
      lastPage: page.page,
      lastBox: t.box,
      cells: t.cells.map((box, c) => ({
        page: page.page,
        box,
        top: flowY(page.page, box.y0),
        bottom: flowY(page.page, box.y1),
        text: textOf(cellRuns[i][c]),
      })),
    }),
  );
  return { tables, outside };
}

const PAGE_NUMBER = /^[-—–\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[/／共]\s*\d{1,3}\s*页?)?[-—–\s]*$/;

/** A page number or running header in the top or bottom margin: not part of the text. */
function isMarginLine(line: TextLine, page: PageContent): boolean {
  const margin = page.size.height * 0.1;
  if (line.y0 > margin && line.y1 < page.size.height - margin) return false;
  return PAGE_NUMBER.test(line.text);
}

/** The title as printed: the first lines of page 1 in a type larger than the body text's. */
function headingTitle(lines: TextLine[]): string {
  if (lines.length === 0) return '';
  const sizes = lines.map((l) => Math.round(l.size));
  const body = mode(sizes);
  const heading: string[] = [];
  for (const line of lines.slice(0, 8)) {
    if (Math.round(line.size) <= body || SECTION_HEADING.test(line.text)) {
      if (heading.length > 0) break;
      continue;
    }
    heading.push(line.text);
    if (heading.length === 3 || /报告\s*$/.test(line.text)) break;
  }
  return joinWrapped(heading);
}

const SECTION_HEADING = /^\s*[一二三四五六七八九十]+、/;

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

function indexOf(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
