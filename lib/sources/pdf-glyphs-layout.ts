/**
 * Text positions for tables without ruling lines (lib/sources/pdf-stream.ts): pdf.js runs cut into characters
 * ("glyphs", each with its share of the run's width), grouped into lines over the whole document in flow order
 * (pages stacked, lib/sources/pdf-table.ts flowY), and a line's value tokens (numbers) told apart from its text.
 */
import { normaliseLabel } from '../text';
import { toLines } from './pdf-lines';
import { flowY } from './pdf-table';
import type { TextRun } from './pdf-types';

export interface Glyph {
  ch: string;
  /** The character as label matching compares it ('' for punctuation and spaces). */
  key: string;
  page: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
}

export interface FlowLine {
  page: number;
  /** Flow units: lines of later pages come after. */
  top: number;
  bottom: number;
  y0: number;
  y1: number;
  size: number;
  glyphs: Glyph[];
}

/** A run of glyphs on one line: a number (value token) or a piece of text. */
export interface Piece {
  line: FlowLine;
  glyphs: Glyph[];
  text: string;
  x0: number;
  x1: number;
  numeric: boolean;
}

const WORD = /[\p{L}\p{N}]/u;
/** Characters a value cell is written with: digits, separators, a sign, a dash or slash for none. */
const VALUE_CHAR = /[0-9.,，．\-−—–/%]/;
const NARROW = /[\x20-\x7e]/;

/** Each run's characters with their share of its width (half-width characters count half). */
export function glyphsOf(page: number, runs: readonly TextRun[]): Glyph[] {
  const out: Glyph[] = [];
  for (const run of runs) {
    if (run.vertical) continue;
    const chars = Array.from(run.text);
    const weights = chars.map((c) => (NARROW.test(c) ? 0.5 : 1));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    let x = run.x0;
    chars.forEach((ch, i) => {
      const w = ((run.x1 - run.x0) * weights[i]) / total;
      const norm = normaliseLabel(ch);
      if (ch.trim() !== '') out.push({ ch: norm, key: WORD.test(norm) ? norm : '', page, x0: x, x1: x + w, y0: run.y0, y1: run.y1, size: run.size });
      x += w;
    });
  }
  return out;
}

/** One page's glyphs as lines, top to bottom, each left to right. */
export function flowLines(page: number, glyphs: Glyph[]): FlowLine[] {
  const asRuns = glyphs.map((g) => ({ text: g.ch, x0: g.x0, x1: g.x1, y0: g.y0, y1: g.y1, size: g.size, vertical: false, glyph: g }));
  return toLines(asRuns).map((line) => {
    const lineGlyphs = (line.runs as typeof asRuns).map((r) => r.glyph).sort((a, b) => a.x0 - b.x0);
    return { page, top: flowY(page, line.y0), bottom: flowY(page, line.y1), y0: line.y0, y1: line.y1, size: line.size, glyphs: lineGlyphs };
  });
}

/** A gap wider than this many font sizes ends a piece. */
const PIECE_GAP_EM = 0.5;

/** Each line's pieces: the stream step asks for a line's pieces many times (finding a region, then its rows). */
const piecesCache = new WeakMap<FlowLine, Piece[]>();

/**
 * A line cut into pieces: a gap wider than PIECE_GAP_EM font sizes ends a piece, and so does a change between value
 * characters and text (`行政规范性文件0`: the label and its number with almost no gap). Computed once per line.
 */
export function piecesOf(line: FlowLine): readonly Piece[] {
  let pieces = piecesCache.get(line);
  if (!pieces) piecesCache.set(line, (pieces = cutIntoPieces(line)));
  return pieces;
}

function cutIntoPieces(line: FlowLine): Piece[] {
  const gapEm = PIECE_GAP_EM;
  const pieces: Piece[] = [];
  let current: Glyph[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const text = current.map((g) => g.ch).join('');
    const numeric = current.every((g) => VALUE_CHAR.test(g.ch)) && /\d|^[-−—–/]+$/.test(text);
    pieces.push({ line, glyphs: current, text, x0: current[0].x0, x1: current[current.length - 1].x1, numeric });
    current = [];
  };
  for (const g of line.glyphs) {
    const last = current[current.length - 1];
    if (last) {
      const gap = g.x0 - last.x1;
      const kindChange = VALUE_CHAR.test(g.ch) !== VALUE_CHAR.test(last.ch);
      if (gap > gapEm * Math.max(g.size, last.size) || kindChange) flush();
    }
    current.push(g);
  }
  flush();
  // A value character inside text (`2.其他`, `（单位：万元）`) is text: only a piece that stands alone is a value.
  const typed = pieces.flatMap((p, i) => {
    if (!p.numeric) return [p];
    const prev = pieces[i - 1];
    const next = pieces[i + 1];
    const touches = (a: Piece | undefined, b: Piece | undefined) => !!a && !!b && b.x0 - a.x1 < 0.15 * p.line.size;
    // `1.属于国家秘密`: the numbering glued to the label that follows it is text.
    if (touches(p, next) && !next!.numeric && /^\d+[.．、]?$/.test(p.text) && /[.．、]$/.test(p.text)) return [{ ...p, numeric: false }];
    if (touches(prev, p) && !prev!.numeric && /[（(]$/.test(prev!.text)) return [{ ...p, numeric: false }];
    return [p];
  });
  // Text pieces cut only by a value character glued to them are one piece again.
  const merged: Piece[] = [];
  for (const p of typed) {
    const last = merged[merged.length - 1];
    if (last && !last.numeric && !p.numeric && p.x0 - last.x1 <= gapEm * p.line.size) {
      const glyphs = [...last.glyphs, ...p.glyphs];
      merged[merged.length - 1] = { ...last, glyphs, text: last.text + p.text, x1: p.x1 };
    } else merged.push(p);
  }
  return merged;
}
