/**
 * The one interface the engine reads documents through. Four adapters implement it:
 * `lib/sources/dom.ts` (live DOM, Ref = Element), `lib/sources/cheerio.ts` (Node, Ref = cheerio node),
 * `lib/sources/pdf.ts` (a PDF's text layer, Ref = page and box) and `lib/sources/docx.ts` (a Word draft, Ref = table,
 * row and cell index in the HTML it renders).
 * The engine never touches a DOM API directly, so the same code runs in the content script and the CLI.
 */

/** One `<td>`/`<th>` as the table model sees it. */
export interface SourceCell<Ref> {
  ref: Ref;
  /** textContent of the cell, excluding nested tables' text. Not normalised. */
  text: string;
  /** As written in the attribute; the grid applies the HTML clamping rules (rowspan=0, colspan ≤ 1000, rowspan ≤ 65534). */
  rowSpan: number;
  colSpan: number;
  isHeader: boolean;
}

export interface SourceRow<Ref> {
  cells: SourceCell<Ref>[];
}

/** One `<table>` element: its own rows only (rows of nested tables belong to those tables). */
export interface SourceTable<Ref> {
  ref: Ref;
  rows: SourceRow<Ref>[];
}

/**
 * Something printed that the adapter could not read into a cell (a PDF number between two columns, a second number in
 * one cell…), said rather than silently dropped. The cell is then read as blank or missing.
 */
export interface ReadingNote<Ref> {
  zh: string;
  en: string;
  /** Where the number left out is printed, when known (a viewer can point at it). */
  ref?: Ref;
  /** The cells it may belong to: the very Ref objects of those cells in `tables`, compared by identity. */
  cells?: Ref[];
}

/** A whole document as the engine needs it. */
export interface SourceDocument<Ref> {
  /** Every `<table>` in document order, nested ones included as separate entries. */
  tables: SourceTable<Ref>[];
  /** document.title (or <title> text). */
  title: string;
  /** The visible body text outside tables (for title/organ/year and text-vs-table checks), whitespace collapsed. */
  bodyText: string;
  /**
   * What the page offers besides HTML tables, so a page without report tables can say the report is a PDF or images
   * (not checkable here). Counted by the adapters in the same pass; absent when an adapter does not count them.
   */
  media?: {
    /** Links and embeds (<a href>, <embed>, <iframe>, <object>) pointing at a .pdf file. */
    pdfLinks: number;
    /** <img> elements in the body. */
    images: number;
  };
  /** What the adapter saw but could not read into a cell; absent (or empty) when it read everything it found. */
  readingNotes?: ReadingNote<Ref>[];
}
