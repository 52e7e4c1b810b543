/**
 * One pass over a document tree that yields the engine's SourceDocument. Both adapters (live DOM, cheerio) call it with
 * a small accessor, so they read tables and text by the same rules:
 * - every <table> in document order (nested ones as their own entries);
 * - a table's rows are its <tr> children and those of its <thead>/<tbody>/<tfoot>; a row's cells are its <td>/<th>;
 * - a cell's text is its textContent minus nested tables' text;
 * - body text is the text outside tables, with block boundaries as spaces, whitespace collapsed;
 * - <script>, <style>, <noscript>, <template>, <head> (except the first <title>) and our own overlay host are skipped;
 * - links/embeds to PDF files and <img> elements are counted (a report published as a PDF or images).
 * Recursive for speed; content nested deeper than MAX_DEPTH elements is not read (no real page comes near it), so a
 * hostile page cannot overflow the call stack.
 */
import type { SourceCell, SourceDocument, SourceRow, SourceTable } from '../cell-source';
import { collapseWhitespace } from '../text';

/** The attribute on the content script's overlay host element; the walker never reads inside it. */
export const OVERLAY_HOST_ATTRIBUTE = 'data-gov-report-checker';
export const MAX_DEPTH = 1500;

export interface TreeAccess<N, E extends N> {
  isElement(node: N): node is E;
  /** The data of a text node; null for anything else. */
  textOf(node: N): string | null;
  /** Lower-case tag name. */
  tagName(element: E): string;
  /** Child nodes of any node (empty for text, comments…). */
  children(node: N): ArrayLike<N>;
  attribute(element: E, name: string): string | null | undefined;
  /**
   * Optional fast path for a cell: its whole text at once when the walk would find nothing in it but text (no
   * element it skips, counts or reads as a table); null otherwise. The DOM's textContent is one native call where the
   * walk makes several per node. (Text nested past MAX_DEPTH inside such a cell is then read too: no recursion.)
   */
  plainText?(element: E): string | null;
}

const PDF_URL = /\.pdf(?:$|[?#])/i;
/** Elements that may point at a PDF, with the attribute holding the address. */
const PDF_CARRIERS: Record<string, string> = { a: 'href', embed: 'src', iframe: 'src', object: 'data' };
const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer',
  'blockquote', 'pre', 'dd', 'dt', 'dl', 'hr', 'caption', 'figure', 'figcaption', 'main', 'nav', 'aside', 'form',
]);

/** HTML "rules for parsing non-negative integers", loosely: leading digits count ("2px" → 2); absent → 1. */
function spanAttribute(value: string | null | undefined): number {
  if (value === null || value === undefined) return 1;
  const n = parseInt(value, 10);
  return Number.isNaN(n) ? 1 : n;
}

/** Where text goes: a cell, the body (with block separators), the title, or nowhere. */
interface Sink {
  text: string;
  body: boolean;
}

/**
 * @param title the page title when the host knows it (document.title); otherwise the first <title>'s text is used.
 */
export function readDocument<N, E extends N>(root: N, access: TreeAccess<N, E>, title?: string): SourceDocument<E> {
  const steps = readDocumentSteps(root, access, title, () => false);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * readDocument in steps, for a caller that must not block (the content script on a page of 20,000 cells): it yields
 * whenever `shouldPause()` says so, checked after the text outside tables and after every table row. The document
 * is the same as readDocument's. With the title given, the page's tables are read after the text outside them
 * (their text never goes to the body, so only the first-<title> search could tell, and it is off then).
 */
export function* readDocumentSteps<N, E extends N>(
  root: N,
  access: TreeAccess<N, E>,
  title: string | undefined,
  shouldPause: () => boolean,
): Generator<void, SourceDocument<E>, void> {
  const tables: SourceTable<E>[] = [];
  const deferTables = title !== undefined;
  /** Tables met outside any table while deferring, with their depth: read after the walk, in document order. */
  const deferred: { table: E; depth: number }[] = [];
  const body: Sink = { text: '', body: true };
  const titleSink: Sink = { text: '', body: false };
  let titleSeen = title !== undefined;
  const media = { pdfLinks: 0, images: 0 };

  const walk = (node: N, sink: Sink | null, depth: number): void => {
    const kids = access.children(node);
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i];
      const text = access.textOf(child);
      if (text !== null) {
        if (sink) sink.text += text;
        continue;
      }
      if (!access.isElement(child) || depth >= MAX_DEPTH) continue;
      const tag = access.tagName(child);
      if (SKIPPED.has(tag) || access.attribute(child, OVERLAY_HOST_ATTRIBUTE) != null) continue;
      if (tag === 'title') {
        if (!titleSeen) walk(child, titleSink, depth + 1);
        titleSeen = true;
        continue;
      }
      if (tag === 'head') {
        walk(child, null, depth + 1);
        continue;
      }
      if (tag === 'table') {
        if (deferTables && sink === body) deferred.push({ table: child, depth: depth + 1 });
        else readTable(child, depth + 1);
        continue;
      }
      if (tag === 'img') media.images++;
      else if (tag in PDF_CARRIERS && PDF_URL.test((access.attribute(child, PDF_CARRIERS[tag]) ?? '').trim())) {
        media.pdfLinks++;
      }
      if (sink?.body && BLOCKS.has(tag)) {
        sink.text += ' ';
        walk(child, sink, depth + 1);
        sink.text += ' ';
      } else {
        walk(child, sink, depth + 1);
      }
    }
  };

  const readTable = (table: E, depth: number) => {
    const rows = tableSteps(table, depth, false);
    while (!rows.next().done);
  };

  /** Reads one table's rows; with `pausing`, yields where shouldPause() asks, between rows. */
  function* tableSteps(table: E, depth: number, pausing: boolean): Generator<void, void, void> {
    const source: SourceTable<E> = { ref: table, rows: [] };
    tables.push(source);
    const kids = access.children(table);
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i];
      if (!access.isElement(child)) continue;
      const tag = access.tagName(child);
      if (tag === 'tr') source.rows.push(readRow(child, depth + 1));
      else if (ROW_GROUPS.has(tag)) {
        const rows = access.children(child);
        for (let j = 0; j < rows.length; j++) {
          const row = rows[j];
          if (!access.isElement(row)) continue;
          if (access.tagName(row) === 'tr') source.rows.push(readRow(row, depth + 2));
          else walkElement(row, depth + 2);
          if (pausing && shouldPause()) yield;
        }
      } else {
        // Captions, colgroups and stray content: their text is not body text, but nested tables in them still count.
        walkElement(child, depth + 1);
      }
      if (pausing && shouldPause()) yield;
    }
  }

  /** Walks one element itself (not only its children) with its text dropped. */
  const walkElement = (element: E, depth: number) => {
    if (depth >= MAX_DEPTH) return;
    if (access.tagName(element) === 'table') readTable(element, depth);
    else walk(element, null, depth);
  };

  const readRow = (tr: E, depth: number): SourceRow<E> => {
    const cells: SourceCell<E>[] = [];
    const kids = access.children(tr);
    for (let i = 0; i < kids.length; i++) {
      const node = kids[i];
      if (!access.isElement(node)) continue;
      const tag = access.tagName(node);
      if (tag !== 'td' && tag !== 'th') {
        walkElement(node, depth + 1);
        continue;
      }
      let text = access.plainText?.(node) ?? null;
      if (text === null) {
        const sink: Sink = { text: '', body: false };
        walk(node, sink, depth + 1);
        text = sink.text;
      }
      cells.push({
        ref: node,
        text,
        rowSpan: spanAttribute(access.attribute(node, 'rowspan')),
        colSpan: spanAttribute(access.attribute(node, 'colspan')),
        isHeader: tag === 'th',
      });
    }
    return { cells };
  };

  if (access.isElement(root) && access.tagName(root) === 'table') readTable(root, 0);
  else walk(root, body, 0);
  for (const { table, depth } of deferred) {
    if (shouldPause()) yield;
    yield* tableSteps(table, depth, true);
  }
  return {
    tables,
    title: collapseWhitespace(title ?? titleSink.text),
    bodyText: collapseWhitespace(body.text),
    media,
  };
}
