/**
 * Word adapter: a .docx draft as the engine's SourceDocument, plus the same content as plain HTML for a viewer.
 *
 * We read word/document.xml ourselves rather than through mammoth's HTML conversion: a table is only `w:tbl`,
 * `w:tr`, `w:tc`, `w:gridSpan`, `w:vMerge` (and `w:gridBefore/After`), which take a page of code to map exactly onto
 * row and column spans, while mammoth would add a large dependency, its own zip reader (which we could not bound
 * against zip bombs) and a second table model to trust. Only the zip reading is a library (fflate, bounded in
 * lib/sources/docx-zip.ts); the XML is tokenised by htmlparser2, which cheerio already brings.
 *
 * A cell's ref says where it is in that HTML: `tables[table].rows[row].cells[cell]` of the rendered document
 * (document order of <table> elements, nested ones included; merged-away cells are never emitted, so indexes match).
 * Runs in a browser page too: bytes in, no Node API.
 */
import { Parser } from 'htmlparser2';
import type { SourceCell, SourceDocument, SourceRow, SourceTable } from '../cell-source';
import { collapseWhitespace } from '../text';
import { BAD_INPUT, isOle2, LIMITS, type SourceRead } from './bad-input';
import { readZipEntries } from './docx-zip';

export interface DocxRef {
  /** Index of the table among the document's tables in document order (nested tables included). */
  table: number;
  /** Row and cell index inside that table (-1 for the table itself). */
  row: number;
  cell: number;
}

export interface DocxExtra {
  /** The document as simple HTML (paragraphs and tables with rowspan/colspan); refs index into its tables. */
  html: string;
}

const DOCUMENT = 'word/document.xml';
const CORE = 'docProps/core.xml';

export interface DocxOptions {
  /** Zip bounds (default LIMITS.maxDocxEntries and LIMITS.maxDocxInflatedBytes). */
  maxEntries?: number;
  maxInflatedBytes?: number;
}

export function readDocx(bytes: Uint8Array, options: DocxOptions = {}): SourceRead<DocxRef, DocxExtra> {
  if (bytes.length === 0) return BAD_INPUT.empty();
  if (bytes.length > LIMITS.maxBytes) return BAD_INPUT.tooLarge(bytes.length);
  if (isOle2(bytes)) return BAD_INPUT.legacyWord();
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return BAD_INPUT.notDocx('not a zip archive');
  const entries = readZipEntries(bytes, [DOCUMENT, CORE], {
    maxEntries: options.maxEntries ?? LIMITS.maxDocxEntries,
    maxInflatedBytes: options.maxInflatedBytes ?? LIMITS.maxDocxInflatedBytes,
  });
  if (!(entries instanceof Map)) return entries;
  const xml = entries.get(DOCUMENT);
  if (!xml) return BAD_INPUT.notDocx(`no ${DOCUMENT}`);
  const core = entries.get(CORE);
  const model = parseDocumentXml(new TextDecoder().decode(xml));
  const title = reportTitle(model, core ? coreTitle(new TextDecoder().decode(core)) : '');
  return { ok: true, document: toSourceDocument(model, title), html: toHtml(model, title) };
}

// ---------- document.xml → blocks ----------

interface DocCell {
  paragraphs: string[];
  /** Tables nested in this cell, in order (each also listed in the document's table order). */
  blocks: Block[];
  gridSpan: number;
  /** `restart` starts a vertical merge, `continue` extends the one above; null: not merged. */
  vMerge: 'restart' | 'continue' | null;
  rowSpan: number;
  /** Gap cell for w:gridBefore/gridAfter: no text, only a column span. */
  filler?: boolean;
}

interface DocRow {
  cells: DocCell[];
}

interface DocTable {
  kind: 'table';
  rows: DocRow[];
}

type Block = { kind: 'p'; text: string } | DocTable;

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** The body as blocks: paragraphs and tables (with their cells' vertical merges resolved into row spans). */
function parseDocumentXml(xml: string): Block[] {
  const body: Block[] = [];
  /** Where blocks go: the body, or the current cell's nested blocks. */
  const containers: Block[][] = [body];
  const tables: { table: DocTable; row: DocRow | null; cell: DocCell | null; gridCol: number }[] = [];
  let paragraph: string | null = null;
  let inText = false;
  /** Depth inside content we skip: deleted text, field instructions, the fallback copy of alternate content. */
  let skip = 0;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = local(name);
        if (skip > 0 || tag === 'delText' || tag === 'instrText' || tag === 'Fallback') {
          skip++;
          return;
        }
        const top = tables[tables.length - 1];
        const value = attributes['w:val'] ?? Object.entries(attributes).find(([k]) => local(k) === 'val')?.[1];
        switch (tag) {
          case 'tbl': {
            const table: DocTable = { kind: 'table', rows: [] };
            containers[containers.length - 1].push(table);
            tables.push({ table, row: null, cell: null, gridCol: 0 });
            break;
          }
          case 'tr':
            if (top) {
              top.row = { cells: [] };
              top.table.rows.push(top.row);
              top.gridCol = 0;
            }
            break;
          case 'gridBefore':
          case 'gridAfter':
            if (top?.row && !top.cell) {
              const span = Number(value) || 0;
              if (span > 0) top.row.cells.push({ paragraphs: [], blocks: [], gridSpan: span, vMerge: null, rowSpan: 1, filler: true });
            }
            break;
          case 'tc':
            if (top?.row) {
              top.cell = { paragraphs: [], blocks: [], gridSpan: 1, vMerge: null, rowSpan: 1 };
              top.row.cells.push(top.cell);
              containers.push(top.cell.blocks);
            }
            break;
          case 'gridSpan':
            if (top?.cell) top.cell.gridSpan = Math.max(1, Number(value) || 1);
            break;
          case 'vMerge':
            if (top?.cell) top.cell.vMerge = value === 'restart' ? 'restart' : 'continue';
            break;
          case 'p':
            paragraph = '';
            break;
          case 't':
            inText = true;
            break;
          case 'tab':
            if (paragraph !== null && !inText) paragraph += '\t';
            break;
          case 'br':
          case 'cr':
            if (paragraph !== null) paragraph += '\n';
            break;
        }
      },
      ontext(text) {
        if (skip === 0 && inText && paragraph !== null) paragraph += text;
      },
      onclosetag(name) {
        const tag = local(name);
        if (skip > 0) {
          skip--;
          return;
        }
        const top = tables[tables.length - 1];
        switch (tag) {
          case 't':
            inText = false;
            break;
          case 'p':
            if (paragraph !== null) {
              if (top?.cell) top.cell.paragraphs.push(paragraph);
              else containers[containers.length - 1].push({ kind: 'p', text: paragraph });
            }
            paragraph = null;
            break;
          case 'tc':
            if (top?.cell) {
              containers.pop();
              top.cell = null;
            }
            break;
          case 'tr':
            if (top) top.row = null;
            break;
          case 'tbl':
            if (top) resolveVerticalMerges(top.table);
            tables.pop();
            break;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return body;
}

/** A `continue` cell adds a row to the cell above it in the same grid column, and is itself dropped. */
function resolveVerticalMerges(table: DocTable): void {
  const openAt = new Map<number, DocCell>();
  const merged = new Set<DocCell>();
  for (const row of table.rows) {
    let col = 0;
    for (const cell of row.cells) {
      const above = openAt.get(col);
      if (cell.vMerge === 'continue' && above) {
        above.rowSpan++;
        merged.add(cell);
      } else openAt.set(col, cell);
      col += cell.gridSpan;
    }
  }
  for (const row of table.rows) row.cells = row.cells.filter((c) => !merged.has(c));
}

/** The document's title property when it names a report, else its first paragraph when that does (a draft's heading). */
function reportTitle(blocks: Block[], property: string): string {
  if (/报告/.test(property)) return property;
  const first = blocks.find((b): b is { kind: 'p'; text: string } => b.kind === 'p' && b.text.trim() !== '');
  const heading = first ? collapseWhitespace(first.text) : '';
  return /报告/.test(heading) && heading.length <= 120 ? heading : property;
}

function coreTitle(xml: string): string {
  const match = /<dc:title>([^<]*)<\/dc:title>/.exec(xml);
  return match ? collapseWhitespace(match[1]) : '';
}

// ---------- blocks → SourceDocument and HTML ----------

const cellText = (cell: DocCell) => cell.paragraphs.join('\n');

function toSourceDocument(blocks: Block[], title: string): SourceDocument<DocxRef> {
  const tables: SourceTable<DocxRef>[] = [];
  const body: string[] = [];
  const visit = (list: Block[], inTable: boolean) => {
    for (const block of list) {
      if (block.kind === 'p') {
        if (!inTable) body.push(block.text);
        continue;
      }
      const index = tables.length;
      const rows: SourceRow<DocxRef>[] = [];
      tables.push({ ref: { table: index, row: -1, cell: -1 }, rows });
      block.rows.forEach((row, r) => {
        const cells: SourceCell<DocxRef>[] = row.cells.map((cell, c) => ({
          ref: { table: index, row: r, cell: c },
          text: cellText(cell),
          rowSpan: cell.rowSpan,
          colSpan: cell.gridSpan,
          isHeader: false,
        }));
        rows.push({ cells });
        for (const cell of row.cells) visit(cell.blocks, true);
      });
    }
  };
  visit(blocks, false);
  return { tables, title, bodyText: collapseWhitespace(body.join('\n')), media: { pdfLinks: 0, images: 0 } };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The same blocks as HTML, table for table and cell for cell, so a DocxRef finds its cell as
 * `doc.querySelectorAll('table')[ref.table].rows[ref.row].cells[ref.cell]`.
 */
function toHtml(blocks: Block[], title: string): string {
  const out: string[] = [];
  const para = (text: string) => `<p>${escape(text).replace(/\n/g, '<br>')}</p>`;
  const visit = (list: Block[]) => {
    for (const block of list) {
      if (block.kind === 'p') {
        out.push(para(block.text));
        continue;
      }
      out.push('<table border="1">');
      for (const row of block.rows) {
        out.push('<tr>');
        for (const cell of row.cells) {
          const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.gridSpan > 1 ? ` colspan="${cell.gridSpan}"` : ''}`;
          out.push(`<td${spans}>`);
          for (const p of cell.paragraphs) out.push(para(p));
          visit(cell.blocks);
          out.push('</td>');
        }
        out.push('</tr>');
      }
      out.push('</table>');
    }
  };
  visit(blocks);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>${out.join('')}</body></html>`;
}
