/**
 * One pass over a document tree that yields the engine's SourceDocument. Both adapters (live DOM, cheerio) call it with
 * a small accessor, so they read tables and text by the same rules:
 * - every <table> in document order (nested ones as their own entries);
 * - a table's rows are its <tr> children and those of its <thead>/<tbody>/<tfoot>; a row's cells are its <td>/<th>;
 * - a cell's text is its textContent minus nested tables' text;
 * - body text is the text outside tables, with block boundaries as spaces, whitespace collapsed;
 * - <script>, <style>, <noscript>, <template>, <title>, <head> and our own overlay host are skipped.
 * Iterative (explicit stack), so deeply nested markup cannot overflow the call stack.
 */
import type { SourceCell, SourceDocument, SourceRow, SourceTable } from '../cell-source';
import { collapseWhitespace } from '../text';

/** The attribute on the content script's overlay host element; the walker never reads inside it. */
export const OVERLAY_HOST_ATTRIBUTE = 'data-gov-report-checker';

export interface TreeAccess<N, E extends N> {
  isElement(node: N): node is E;
  /** The data of a text node; null for anything else. */
  textOf(node: N): string | null;
  /** Lower-case tag name. */
  tagName(element: E): string;
  /** Child nodes of any node (empty for text, comments…). */
  children(node: N): ArrayLike<N>;
  attribute(element: E, name: string): string | null | undefined;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'title', 'head']);
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

interface PendingCell<E> {
  cell: SourceCell<E>;
  parts: string[];
}

export function readDocument<N, E extends N>(root: N, access: TreeAccess<N, E>, title: string): SourceDocument<E> {
  const tables: SourceTable<E>[] = [];
  const pendingCells: PendingCell<E>[] = [];
  const body: string[] = [];
  // Work stack: a node to visit, or a literal string to append; `sinks` holds where its text goes (null = dropped).
  const work: (N | string)[] = [root];
  const sinks: (string[] | null)[] = [body];

  const pushChildren = (element: N, sink: string[] | null) => {
    const children = access.children(element);
    for (let i = children.length - 1; i >= 0; i--) {
      work.push(children[i]);
      sinks.push(sink);
    }
  };

  const readTable = (table: E) => {
    const source: SourceTable<E> = { ref: table, rows: [] };
    tables.push(source);
    // Visit in reverse so the stack pops the table's content in document order.
    const stackStart = work.length;
    const visit = (node: N, groupOrRow: 'table' | 'group') => {
      if (!access.isElement(node)) return void (work.push(node), sinks.push(null));
      const tag = access.tagName(node);
      if (tag === 'tr') return void source.rows.push(readRow(node));
      if (groupOrRow === 'table' && ROW_GROUPS.has(tag)) {
        const kids = access.children(node);
        for (let i = 0; i < kids.length; i++) visit(kids[i], 'group');
        return;
      }
      // Captions, colgroups and stray content: their text is not body text, but nested tables in them still count.
      work.push(node);
      sinks.push(null);
    };
    const kids = access.children(table);
    for (let i = 0; i < kids.length; i++) visit(kids[i], 'table');
    reverseTail(stackStart);
  };

  const readRow = (tr: E): SourceRow<E> => {
    const row: SourceRow<E> = { cells: [] };
    const kids = access.children(tr);
    for (let i = 0; i < kids.length; i++) {
      const node = kids[i];
      if (!access.isElement(node)) continue;
      const tag = access.tagName(node);
      if (tag !== 'td' && tag !== 'th') {
        work.push(node);
        sinks.push(null);
        continue;
      }
      const cell: SourceCell<E> = {
        ref: node,
        text: '',
        rowSpan: spanAttribute(access.attribute(node, 'rowspan')),
        colSpan: spanAttribute(access.attribute(node, 'colspan')),
        isHeader: tag === 'th',
      };
      const parts: string[] = [];
      pendingCells.push({ cell, parts });
      row.cells.push(cell);
      work.push(node);
      sinks.push(parts);
    }
    return row;
  };

  /** Entries pushed since `start` were pushed in document order; the stack must pop them in that order. */
  const reverseTail = (start: number) => {
    for (let i = start, j = work.length - 1; i < j; i++, j--) {
      [work[i], work[j]] = [work[j], work[i]];
      [sinks[i], sinks[j]] = [sinks[j], sinks[i]];
    }
  };

  while (work.length > 0) {
    const node = work.pop() as N | string;
    const sink = sinks.pop() as string[] | null;
    if (typeof node === 'string') {
      sink?.push(node);
      continue;
    }
    const text = access.textOf(node);
    if (text !== null) {
      sink?.push(text);
      continue;
    }
    if (!access.isElement(node)) {
      // Document roots: walk their children. Comments and processing instructions have none.
      pushChildren(node, sink);
      continue;
    }
    const tag = access.tagName(node);
    if (SKIPPED.has(tag) || access.attribute(node, OVERLAY_HOST_ATTRIBUTE) != null) continue;
    if (tag === 'table') {
      readTable(node);
      continue;
    }
    const block = sink === body && BLOCKS.has(tag);
    if (block) {
      body.push(' ');
      work.push(' ');
      sinks.push(body);
    }
    pushChildren(node, sink);
  }
  for (const { cell, parts } of pendingCells) cell.text = parts.join('');
  return { tables, title: collapseWhitespace(title), bodyText: collapseWhitespace(body.join('')) };
}
