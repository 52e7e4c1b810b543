/**
 * Finding the template's words among text positions (lib/sources/pdf-stream.ts): a column header printed over one, two
 * or three lines (`自`/`然`/`人`, `结果维`/`持`), and row labels wrapped in their column (`（三）不`/`予公开`).
 */
import type { FlowLine, Glyph, Piece } from './pdf-glyphs-layout';
import { templateKey } from '../detect/labels';

export interface Extent {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  page: number;
  y0: number;
  y1: number;
}

export interface HeaderMatch extends Extent {
  text: string;
  /** 2: starts and ends where the text's piece does; less when the name sits inside longer text. */
  score: number;
}

/** The next line this far below (font sizes) may continue a wrapped header or label. */
const WRAP_GAP = 1.2;
/** …or this far below, when only lines with nothing in its column lie between. */
const BLANK_GAP = 2.5;

const startsPiece = (line: FlowLine, j: number) => j === 0 || line.glyphs[j].x0 - line.glyphs[j - 1].x1 > 0.3 * line.size;
const endsPiece = (line: FlowLine, j: number) => j === line.glyphs.length - 1 || line.glyphs[j + 1].x0 - line.glyphs[j].x1 > 0.3 * line.size;

/** Every place in lines[from, to) where `name` is printed, over up to three lines, best first. */
export function findHeader(lines: readonly FlowLine[], from: number, to: number, name: string): HeaderMatch[] {
  const key = templateKey(name);
  const found: HeaderMatch[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    const line = lines[i];
    line.glyphs.forEach((g, j) => {
      if (g.key !== key[0]) return;
      const match = follow(lines, i, j, key, 0, [], 0);
      if (match) found.push({ ...match, score: (startsPiece(line, j) ? 1 : 0) + match.score });
    });
  }
  return found.sort((a, b) => b.score - a.score || a.top - b.top);
}

/** `taken`: the glyphs matched on lines above, with the line each lies on. */
function follow(lines: readonly FlowLine[], i: number, j: number, key: string, k: number, taken: readonly LineGlyphs[], depth: number): HeaderMatch | null {
  const line = lines[i];
  let end = j;
  const mine: Glyph[] = [];
  for (; end < line.glyphs.length && k < key.length; end++) {
    const g = line.glyphs[end];
    if (end > j && g.x0 - line.glyphs[end - 1].x1 > 1.5 * line.size) break;
    if (g.key === '') continue;
    if (g.key !== key[k]) break;
    mine.push(g);
    k++;
  }
  const parts = [...taken, { line, glyphs: mine }];
  const glyphs = parts.flatMap((p) => p.glyphs);
  if (k === key.length) {
    const last = line.glyphs.indexOf(mine[mine.length - 1]);
    return { ...extentOf(parts), text: glyphs.map((g) => g.ch).join(''), score: endsPiece(line, last) ? 1 : 0 };
  }
  if (mine.length === 0 || depth >= 2) return null;
  const x0 = Math.min(...glyphs.map((g) => g.x0));
  const x1 = Math.max(...glyphs.map((g) => g.x1));
  const inColumn = (g: Glyph) => g.x1 > x0 - 0.6 * line.size && g.x0 < x1 + 0.6 * line.size;
  // LibreOffice may print a wrapped header with an empty line between its parts (商业 / (blank) / 企业): lines
  // with nothing in the header's column are passed over, up to BLANK_GAP below.
  let columnUsed = false;
  for (let n = i + 1; n < lines.length && gapBelow(lines, i, n) < BLANK_GAP * line.size; n++) {
    const next = lines[n];
    if (!next.glyphs.some(inColumn)) continue;
    if (columnUsed && gapBelow(lines, i, n) >= WRAP_GAP * line.size) break;
    columnUsed = true;
    for (let m = 0; m < next.glyphs.length; m++) {
      const g = next.glyphs[m];
      if (g.key !== key[k] || !startsPiece(next, m)) continue;
      if (g.x0 < x0 - 0.6 * line.size || g.x1 > x1 + 0.6 * line.size) continue;
      const rest = follow(lines, n, m, key, k, parts, depth + 1);
      if (rest) return rest;
    }
  }
  return null;
}

/**
 * How far lines[n] lies below lines[i], a page break counting as no space when lines[i] ends its page (a header row
 * LibreOffice cuts over a page break: `自然` / `人`).
 */
function gapBelow(lines: readonly FlowLine[], i: number, n: number): number {
  const [line, next] = [lines[i], lines[n]];
  if (next.page === line.page) return next.top - line.bottom;
  if (next.page !== line.page + 1 || lines[i + 1]?.page === line.page) return Infinity;
  return next.top - lines[i + 1].top;
}

/** Glyphs and the line they lie on. */
interface LineGlyphs {
  line: FlowLine;
  glyphs: readonly Glyph[];
}

/** The glyphs' extent; its box (page, y0, y1) is on the first page, for a label a page break cut. */
function extentOf(parts: readonly LineGlyphs[]): Extent {
  const glyphs = parts.flatMap((p) => p.glyphs);
  const tops = parts.filter((p) => p.glyphs.length > 0).map((p) => p.line);
  const page = glyphs[0].page;
  const onPage = glyphs.filter((g) => g.page === page);
  return {
    x0: Math.min(...glyphs.map((g) => g.x0)),
    x1: Math.max(...glyphs.map((g) => g.x1)),
    top: Math.min(...tops.map((l) => l.top)),
    bottom: Math.max(...tops.map((l) => l.bottom)),
    page,
    y0: Math.min(...onPage.map((g) => g.y0)),
    y1: Math.max(...onPage.map((g) => g.y1)),
  };
}

/**
 * `next` continues `last` over a page break (LibreOffice cuts a merged label cell: `（五）不` / `予处理`): it is on the
 * next page and no label piece of the column lies after `last` on its page or before `next` on the next.
 */
function overPageBreak(sorted: readonly Piece[], last: Piece, next: Piece, inColumn: (p: Piece) => boolean): boolean {
  if (next.line.page !== last.line.page + 1) return false;
  return !sorted.some(
    (p) =>
      p !== last &&
      p !== next &&
      inColumn(p) &&
      ((p.line.page === last.line.page && p.line.top > last.line.top) || (p.line.page === next.line.page && p.line.top < next.line.top)),
  );
}

/** A row label as printed: one or more pieces, one under the other in their column. */
export interface LabelStack extends Extent {
  pieces: Piece[];
  text: string;
  key: string;
}

/**
 * Label pieces (top to bottom) joined into the template labels they print: a piece starts a label when its words begin
 * one of `targets`, and the pieces below it in its column continue it while the words still do. Pieces that begin no
 * label are left out.
 */
export function stackLabels(pieces: readonly Piece[], targets: readonly string[]): LabelStack[] {
  const sorted = [...pieces].sort((a, b) => a.line.top - b.line.top || a.x0 - b.x0);
  const used = new Set<Piece>();
  const stacks: LabelStack[] = [];
  const begins = (key: string) => key.length > 0 && targets.some((t) => t.startsWith(key));
  for (const first of sorted) {
    if (used.has(first) || !begins(templateKey(first.text))) continue;
    const stack = [first];
    let text = first.text;
    for (;;) {
      const last = stack[stack.length - 1];
      const size = last.line.size;
      const inColumn = (p: Piece) => p.x0 >= first.x0 - size && p.x0 < Math.max(...stack.map((s) => s.x1));
      const below = (p: Piece) =>
        (p.line.top > last.line.top + 0.5 * size && p.line.top - last.line.bottom < WRAP_GAP * size) || overPageBreak(sorted, last, p, inColumn);
      const next = sorted.find(
        (p) => !used.has(p) && !stack.includes(p) && below(p) && inColumn(p) && begins(templateKey(text + p.text)) && !targets.includes(templateKey(text)),
      );
      if (!next) break;
      stack.push(next);
      text += next.text;
    }
    for (const p of stack) used.add(p);
    stacks.push({ ...extentOf(stack), pieces: stack, text: stack.map((p) => p.text).join('\n'), key: templateKey(text) });
  }
  return stacks;
}
