/**
 * What the PDF source reads from each page, in viewport units at scale 1: origin at the page's top-left corner,
 * y growing downwards, the page's rotation and crop box applied (pdf.js `page.getViewport({ scale: 1 })`).
 * A viewer that renders the page at scale s draws a box at (x·s, y·s).
 */

/** Where a cell or table is drawn: the page (1-based) and a box on it. */
export interface PdfRef {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size of a page's viewport at scale 1 (PDF units, rotation applied). */
export interface PdfPageSize {
  width: number;
  height: number;
}

/** One run of text as pdf.js gives it, with its box. */
export interface TextRun {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Font size (the run's height for horizontal text). */
  size: number;
  vertical: boolean;
}

/** An axis-aligned ruling line: a table border. `at` is its x (vertical) or y (horizontal); it runs from `from` to `to`. */
export interface Segment {
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  page: number;
  size: PdfPageSize;
  runs: TextRun[];
  horizontal: Segment[];
  vertical: Segment[];
  /** Images painted on the page (a scanned page is one big image). */
  images: number;
}
