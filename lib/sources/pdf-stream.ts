/**
 * Tables without ruling lines ("stream"): where the lattice step (lib/sources/pdf-lattice.ts) found no table for a
 * report's labels, the tables are rebuilt from text positions, anchored on the template (lib/template.ts):
 * - columns: the header texts (自然人 … 总计; 结果维持 … 总计 under the three blocks of table 4; 本年制发件数 …) give
 *   column extents (./pdf-stream-columns.ts);
 * - rows: the template's row labels found in the label area, wrapped over lines (./pdf-stream-match.ts); a value
 *   belongs to the label whose lines it lies beside (on its first, last or a middle line);
 * - group labels (（三）不予公开, 三、本年度办理结果) span the rows between their neighbours, cut where the leaves
 *   start again at 1.;
 * - the lines run on over page breaks (flow order), so a table cut by a break is one table.
 * The tables come out in the template's own shape (label cells with spans, header rows, value cells with their boxes),
 * so lib/detect reads them as any other. A value that cannot be placed in exactly one column and row is left out and
 * said in `notes`; the cell is then empty (BLANK) or missing, never another cell's number.
 */
import type { ReadingNote, SourceCell, SourceRow, SourceTable } from '../cell-source';
import { leadingNumber, templateKey } from '../detect/labels';
import { TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_RESULT_GROUPS, TABLE3_ROWS_EVERY_LAYOUT, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../template';
import { lazy } from '../lazy';
import { normaliseLabel } from '../text';
import { flowLines, glyphsOf, piecesOf, type FlowLine, type Piece } from './pdf-glyphs-layout';
import { columnsFrom, placeValues, type Column, type LeftOut } from './pdf-stream-columns';
import { findHeader, stackLabels, type Extent, type HeaderMatch, type LabelStack } from './pdf-stream-match';
import { refOf } from './pdf-table';
import type { PdfRef, TextRun } from './pdf-types';

export interface StreamTable {
  table: SourceTable<PdfRef>;
  /** Flow position of its first line, for document order. */
  top: number;
}

export interface StreamResult {
  tables: StreamTable[];
  /** The runs the tables were built from: not body text. */
  used: Set<TextRun>;
  /** Values left out, and why (Chinese, then English), with where they are printed and the cells they may be. */
  notes: ReadingNote<PdfRef>[];
}

interface Ctx {
  lines: FlowLine[];
  runOf: Map<object, TextRun>;
  used: Set<TextRun>;
  notes: StreamResult['notes'];
}

/** The pages' runs outside any lattice table (margin lines already left out) → the tables they print. */
export function streamTables(pages: readonly { page: number; runs: readonly TextRun[] }[]): StreamResult {
  const runOf = new Map<object, TextRun>();
  const lines: FlowLine[] = [];
  for (const { page, runs } of pages) {
    const glyphs = runs.flatMap((run) => glyphsOf(page, [run]).map((g) => (runOf.set(g, run), g)));
    lines.push(...flowLines(page, glyphs));
  }
  lines.sort((a, b) => a.top - b.top);
  const ctx: Ctx = { lines, runOf, used: new Set(), notes: [] };
  const tables = [readTable2(ctx), readTable3(ctx), readTable4(ctx)].filter((t): t is StreamTable => t !== null);
  return { tables, used: ctx.used, notes: ctx.notes };
}

// ---------- Table 3 ----------

/** Built on first use (lib/lazy.ts), not at import. */
const table3Targets = lazy(() =>
  [...TABLE3_ROWS_EVERY_LAYOUT.map((r) => r.zh), ...TABLE3_RESULT_GROUPS.map((g) => g.zh), '三、本年度办理结果'].map(templateKey),
);

function readTable3(ctx: Ctx): StreamTable | null {
  const { lines } = ctx;
  for (const natural of findHeader(lines, 0, lines.length, TABLE3_COLUMNS[0].zh)) {
    const at = lines.findIndex((l) => l.top >= natural.top - 0.5);
    const headers: HeaderMatch[] = [natural];
    for (const column of TABLE3_COLUMNS.slice(1)) {
      const match = findHeader(lines, at - 3, at + 8, column.zh).find((m) => m.x0 > natural.x1 && Math.abs(m.top - natural.top) < 8 * natural.bottom - 8 * natural.top);
      if (match) headers.push(match);
    }
    if (headers.length < 2 || headers[headers.length - 1].text !== '总计') continue;
    const size = lines[at].size;
    const columns = columnsFrom(headers, size);
    const headerBottom = Math.max(...headers.map((h) => h.bottom));
    const caption = findHeader(lines, at - 4, at + 1, '申请人情况')[0];
    const headerTop = Math.min(natural.top, caption?.top ?? Infinity);
    const headerLines = lines.filter((l) => l.top >= headerTop - 0.5 && l.top < headerBottom);
    // The header's label side (the template's note 本列数据的勾稽关系…): a header repeated after a page break prints it again.
    const headerNote = headerLines.flatMap((l) => piecesOf(l).filter((p) => !p.numeric && p.x1 <= columns[0].x0 + l.size)).map((p) => templateKey(p.text));
    const body = regionBelow(ctx, headerBottom, columns[0].x0, table3Targets(), headerNote.join(''));
    const { rows, stacks } = readRows(ctx, body, columns, table3Targets());
    if (rows.length === 0) continue;
    markUsed(ctx, [...headerLines.flatMap((l) => l.glyphs), ...body.flatMap((l) => l.glyphs)]);
    return { top: natural.top, table: emitRows(headers, rows, stacks) };
  }
  return null;
}

/**
 * Lines below the header while they hold values or pieces of the table's labels. A repeated header is passed over:
 * its column names lie right of the labels, and what its label side prints is part of `headerNote`.
 */
function regionBelow(ctx: Ctx, headerBottom: number, valueLeft: number, targets: readonly string[], headerNote = ''): FlowLine[] {
  const region: FlowLine[] = [];
  const passed: FlowLine[] = [];
  const partOfLabel = (key: string) => key === '' || targets.some((t) => t.includes(key)) || headerNote.includes(key);
  for (const line of ctx.lines) {
    if (line.top < headerBottom - 0.5) continue;
    const pieces = piecesOf(line);
    const labelPieces = pieces.filter((p) => !p.numeric && p.x1 <= valueLeft + line.size);
    const values = pieces.filter((p) => p.numeric && p.x0 >= valueLeft - 0.5);
    const fits = labelPieces.every((p) => partOfLabel(templateKey(p.text)));
    if (!fits && values.length === 0) break;
    // Text in the value columns only (a repeated header's column names): the table's, if the table goes on below it.
    if (labelPieces.length === 0 && values.length === 0) {
      passed.push(line);
      continue;
    }
    region.push(...passed.splice(0), line);
  }
  return region;
}

interface Row {
  label: LabelStack;
  values: (Piece | null)[];
  /** Each value cell's ref: the value's box, or for an empty cell where it would be. Notes name cells by these. */
  refs: PdfRef[];
}

/** Where an empty value cell is drawn: by default its column's extent on the row label's lines. */
type EmptyRef = (label: LabelStack, column: Column) => PdfRef;
const inColumn: EmptyRef = (label, column) => refOf(label.page, { x0: column.x0, x1: column.x1, y0: label.y0, y1: label.y1 });

function readRows(ctx: Ctx, region: FlowLine[], columns: Column[], targets: readonly string[], emptyRef: EmptyRef = inColumn): { rows: Row[]; stacks: LabelStack[] } {
  const valueLeft = columns[0].x0;
  const pieces = region.flatMap((l) => piecesOf(l));
  const labelPieces = pieces.filter((p) => !p.numeric && p.x1 <= valueLeft + p.line.size);
  const labelEnd = new Map<FlowLine, number>();
  for (const p of labelPieces) labelEnd.set(p.line, Math.max(labelEnd.get(p.line) ?? -Infinity, p.x1));
  // A number right of its line's label but left of the first column is a value too: placeValues leaves it out, said.
  const values = pieces.filter((p) => p.numeric && (p.x0 >= valueLeft - 0.5 || p.x0 > (labelEnd.get(p.line) ?? -Infinity)));
  const stacks = stackLabels(labelPieces, targets);
  const byRow = new Map<LabelStack, Piece[]>();
  for (const v of values) {
    const centre = (v.line.top + v.line.bottom) / 2;
    const size = v.line.size;
    const near = stacks
      .map((s) => ({ s, d: centre < s.top ? s.top - centre : centre > s.bottom ? centre - s.bottom : 0 }))
      .filter(({ d }) => d <= 0.6 * size);
    const closest = Math.min(...near.map((n) => n.d));
    const candidates = near.filter((n) => n.d <= closest + 0.5).map((n) => n.s);
    const home = candidates.sort((a, b) => b.x0 - a.x0)[0];
    if (!home || (candidates.length > 1 && candidates[1].x0 === home.x0)) {
      note(ctx, `数值“${v.text}”无法对应到唯一一行，未读取`, `value "${v.text}" lies beside no single row label: left out`, [v]);
      continue;
    }
    byRow.set(home, [...(byRow.get(home) ?? []), v]);
  }
  const rows: Row[] = [];
  for (const stack of [...byRow.keys()].sort((a, b) => a.top - b.top)) {
    const placed = placeValues(byRow.get(stack)!, columns);
    const refs = placed.cells.map((v, c) => (v ? refOfPiece(v) : emptyRef(stack, columns[c])));
    for (const left of placed.left) {
      note(ctx, `“${stack.text.replace(/\n/g, '')}”一行${zhWhy(left)}，未读取`, `row "${stack.key}": ${left.why}: left out`, left.pieces, left.columns.map((c) => refs[c]));
    }
    rows.push({ label: stack, values: placed.cells, refs });
  }
  return { rows, stacks };
}

/**
 * Rows → the engine's table: label columns by the labels' left edges, group labels spanning their rows, one header
 * row naming the value columns.
 */
function emitRows(headers: readonly HeaderMatch[], rows: Row[], stacks: readonly LabelStack[]): SourceTable<PdfRef> {
  const rowStacks = new Set(rows.map((r) => r.label));
  const lefts: number[] = [];
  for (const x of stacks.map((s) => s.x0).sort((a, b) => a - b)) if (lefts.length === 0 || x - lefts[lefts.length - 1] > 12) lefts.push(x);
  const levelOf = (s: LabelStack) => lefts.filter((x) => x <= s.x0 + 12).length - 1;
  const width = lefts.length;
  // Each group label: the rows it spans.
  const spans = new Map<number, { stack: LabelStack; count: number }[]>(); // first row index → groups starting there
  const covered: boolean[][] = rows.map(() => new Array(width).fill(false));
  for (let level = 0; level < width; level++) {
    const groups = stacks.filter((s) => !rowStacks.has(s) && levelOf(s) === level);
    if (groups.length === 0) continue;
    // Runs of consecutive rows labelled to the right of this level, cut where a leaf one level in starts at 1.
    const runs: number[][] = [];
    rows.forEach((row, i) => {
      const lv = levelOf(row.label);
      if (lv <= level) return void runs.push([]);
      const restart = lv === level + 1 && leadingNumber(normaliseLabel(row.label.text)) === 1;
      if (runs.length === 0 || restart || (i > 0 && levelOf(rows[i - 1].label) <= level)) runs.push([]);
      runs[runs.length - 1].push(i);
    });
    for (const run of runs.filter((r) => r.length > 0)) {
      const top = rows[run[0]].label.top;
      const bottom = rows[run[run.length - 1]].label.bottom;
      const touching = groups.filter((g) => g.bottom >= top - 2 && g.top <= bottom + 2);
      // Labels printed close together (LibreOffice) touch the next run too: the one centred on the run owns it.
      const centred = touching.filter((g) => (g.top + g.bottom) / 2 >= top && (g.top + g.bottom) / 2 <= bottom);
      const owners = centred.length === 1 ? centred : touching;
      if (owners.length !== 1) continue;
      spans.set(run[0], [...(spans.get(run[0]) ?? []), { stack: owners[0], count: run.length }]);
      for (const i of run) covered[i][level] = true;
    }
  }
  const out: SourceRow<PdfRef>[] = [
    {
      cells: [
        ...(width > 0 ? [cell(refOfExtent(headers[0]), '', 1, width)] : []),
        ...headers.map((h) => cell(refOfExtent(h), h.text, 1, 1)),
      ],
    },
  ];
  rows.forEach((row, i) => {
    const cells: SourceCell<PdfRef>[] = [];
    const level = levelOf(row.label);
    const starting = spans.get(i) ?? [];
    for (let c = 0; c < level; c++) {
      const group = starting.find((g) => levelOf(g.stack) === c);
      if (group) cells.push(cell(refOfExtent(group.stack), group.stack.text, group.count, 1));
      else if (!covered[i][c]) cells.push(cell(refOfExtent(row.label), '', 1, 1));
    }
    cells.push(cell(refOfExtent(row.label), row.label.text, 1, width - level));
    row.values.forEach((v, c) => cells.push(cell(row.refs[c], v ? v.text : '', 1, 1)));
    out.push({ cells });
  });
  return { ref: refOfExtent(headers[0]), rows: out };
}

// ---------- Table 4 ----------

function readTable4(ctx: Ctx): StreamTable | null {
  const { lines } = ctx;
  for (const review of findHeader(lines, 0, lines.length, TABLE4_BLOCKS[0].zh)) {
    const at = lines.findIndex((l) => l.top >= review.top - 0.5);
    const leaves = TABLE4_COLUMNS.map((c) =>
      findHeader(lines, at, at + 10, c.zh)
        .filter((m) => m.score >= 1 && m.top >= review.top - 0.5)
        .sort((a, b) => a.x0 - b.x0),
    );
    if (leaves.some((l) => l.length < TABLE4_BLOCKS.length)) continue;
    const headers = leaves
      .flatMap((l, c) => l.slice(0, TABLE4_BLOCKS.length).map((m) => ({ ...m, c })))
      .sort((a, b) => a.x0 - b.x0);
    // Left to right, each block's five columns in the template's order.
    const inOrder = headers.every((h, i) => h.c === i % TABLE4_COLUMNS.length);
    if (!inOrder) continue;
    const size = lines[at].size;
    const columns = columnsFrom(headers, size);
    const bottom = Math.max(...headers.map((h) => h.bottom));
    const valueLine = lines.find((l) => l.top > bottom - 0.5 && piecesOf(l).some((p) => p.numeric));
    if (!valueLine) continue;
    const values = piecesOf(valueLine).filter((p) => p.numeric);
    const placed = placeValues(values, columns);
    const refs = placed.cells.map((v, c) => (v ? refOfPiece(v) : refOf(valueLine.page, { ...columns[c], y0: valueLine.y0, y1: valueLine.y1 })));
    for (const left of placed.left) note(ctx, `表四${zhWhy(left)}，未读取`, `table 4: ${left.why}: left out`, left.pieces, left.columns.map((c) => refs[c]));
    const direct = findHeader(lines, at, at + 6, '未经复议直接起诉')[0];
    const after = findHeader(lines, at, at + 6, '复议后起诉')[0];
    const litigation = findHeader(lines, at - 1, at + 3, '行政诉讼')[0];
    const ext = (m: HeaderMatch | undefined) => refOfExtent(m ?? review);
    const n = TABLE4_COLUMNS.length;
    const rows: SourceRow<PdfRef>[] = [
      { cells: [cell(ext(review), review.text, 2, n), cell(ext(litigation), litigation?.text ?? '行政诉讼', 1, 2 * n)] },
      { cells: [cell(ext(direct), direct?.text ?? '未经复议直接起诉', 1, n), cell(ext(after), after?.text ?? '复议后起诉', 1, n)] },
      { cells: headers.map((h) => cell(refOfExtent(h), h.text, 1, 1)) },
      { cells: placed.cells.map((v, c) => cell(refs[c], v?.text ?? '', 1, 1)) },
    ];
    const headerLines = lines.filter((l) => l.top >= review.top - 0.5 && l.top <= valueLine.top);
    markUsed(ctx, headerLines.flatMap((l) => l.glyphs));
    return { top: review.top, table: { ref: refOfExtent(review), rows } };
  }
  return null;
}

// ---------- Table 2 ----------

const CAPTION = /第二十条第[（(][一二三四五六七八九十]+[)）]项/;

function readTable2(ctx: Ctx): StreamTable | null {
  const { lines } = ctx;
  const out: SourceRow<PdfRef>[] = [];
  let top = Infinity;
  let ref: PdfRef | null = null;
  const width = 4;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].glyphs.map((g) => g.ch).join('');
    const caption = CAPTION.exec(text);
    if (!caption) continue;
    const block = Object.values(TABLE2_BLOCKS)
      .flat()
      .find((b) => normaliseLabel(b.caption) === normaliseLabel(caption[0]));
    if (!block) continue;
    const captionExtent: Extent = { x0: lines[i].glyphs[0].x0, x1: lines[i].glyphs[lines[i].glyphs.length - 1].x1, top: lines[i].top, bottom: lines[i].bottom, page: lines[i].page, y0: lines[i].y0, y1: lines[i].y1 };
    // The column headers: the block's own (either format), on the lines under the caption.
    const formats = Object.values(TABLE2_BLOCKS).flat().filter((b) => b.caption === block.caption);
    let headers: HeaderMatch[] = [];
    let chosen = block;
    for (const candidate of formats) {
      const found = candidate.columns.map((c) => findHeader(lines, i + 1, i + 4, c.zh)[0]).filter((m): m is HeaderMatch => !!m);
      if (found.length === candidate.columns.length && found.length > headers.length) [headers, chosen] = [found.sort((a, b) => a.x0 - b.x0), candidate];
    }
    if (headers.length === 0) continue;
    const size = lines[i].size;
    const columns = headers.length === 1 ? [{ x0: headers[0].x0 - 40 * size, x1: Infinity }] : columnsFrom(headers, size);
    const headerBottom = Math.max(...headers.map((h) => h.bottom));
    const itemTargets = chosen.items.map((it) => templateKey(it.zh));
    const region: FlowLine[] = [];
    for (const line of lines.slice(i + 1)) {
      if (line.top < headerBottom - 0.5) continue;
      const pieces = piecesOf(line);
      const label = pieces.filter((p) => !p.numeric);
      if (label.length === 0 || !label.every((p) => itemTargets.some((t) => t.includes(templateKey(p.text))))) break;
      region.push(line);
    }
    const valueLeft = headers.length === 1 ? Math.min(...region.flatMap((l) => piecesOf(l).filter((p) => !p.numeric).map((p) => p.x1))) : columns[0].x0;
    const singleColumns = headers.length === 1 ? [{ x0: valueLeft - 1, x1: Infinity }] : columns;
    const beside: EmptyRef = (label) => refOf(label.page, { x0: label.x1, x1: label.x1 + size, y0: label.y0, y1: label.y1 });
    const { rows } = readRows(ctx, region, singleColumns, itemTargets, headers.length === 1 ? beside : inColumn);
    if (rows.length === 0) continue;
    top = Math.min(top, lines[i].top);
    ref ??= refOfExtent(captionExtent);
    out.push({ cells: [cell(refOfExtent(captionExtent), caption[0], 1, width)] });
    const infoExtent = findHeader(lines, i + 1, i + 4, '信息内容')[0];
    out.push({
      cells: [
        cell(refOfExtent(infoExtent ?? captionExtent), '信息内容', 1, 1),
        ...headers.map((h) => cell(refOfExtent(h), h.text, 1, headers.length === 1 ? width - 1 : 1)),
      ],
    });
    for (const row of rows) {
      out.push({
        cells: [
          cell(refOfExtent(row.label), row.label.text, 1, 1),
          ...row.values.map((v, c) => cell(row.refs[c], v?.text ?? '', 1, headers.length === 1 ? width - 1 : 1)),
        ],
      });
    }
    markUsed(ctx, [...lines[i].glyphs, ...lines.filter((l) => l.top > lines[i].top && l.top < headerBottom).flatMap((l) => l.glyphs), ...region.flatMap((l) => l.glyphs)]);
  }
  return ref ? { top, table: { ref, rows: out } } : null;
}

// ---------- helpers ----------

function cell(ref: PdfRef, text: string, rowSpan: number, colSpan: number): SourceCell<PdfRef> {
  return { ref, text, rowSpan, colSpan, isHeader: false };
}

function refOfExtent(e: Extent): PdfRef {
  return refOf(e.page, { x0: e.x0, x1: e.x1, y0: e.y0, y1: e.y1 });
}

function markUsed(ctx: Ctx, glyphs: readonly object[]) {
  for (const g of glyphs) {
    const run = ctx.runOf.get(g);
    if (run) ctx.used.add(run);
  }
}

function refOfPiece(v: Piece): PdfRef {
  return refOf(v.line.page, { x0: v.x0, x1: v.x1, y0: v.line.y0, y1: v.line.y1 });
}

function zhWhy(left: LeftOut): string {
  if (left.pieces.length > 1) return `同一格有两个数值（“${left.pieces[0].text}”“${left.pieces[1].text}”）`;
  if (left.leftOfColumns) return `数值“${left.pieces[0].text}”印在第一列左侧（列外），未对应到任何一列`;
  return `数值“${left.pieces[0].text}”跨两列或在列外，无法对应到唯一一列`;
}

/** A value left out: said, with the box of what is printed and the cells it may belong to. */
function note(ctx: Ctx, zh: string, en: string, pieces: readonly Piece[], cells?: PdfRef[]) {
  const page = pieces[0].line.page;
  const same = pieces.filter((p) => p.line.page === page);
  const box = {
    x0: Math.min(...same.map((p) => p.x0)),
    x1: Math.max(...same.map((p) => p.x1)),
    y0: Math.min(...same.map((p) => p.line.y0)),
    y1: Math.max(...same.map((p) => p.line.y1)),
  };
  ctx.notes.push({ zh, en, ref: refOf(page, box), ...(cells && cells.length > 0 ? { cells } : {}) });
}
