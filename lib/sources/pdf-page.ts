/**
 * One PDF page as text runs and ruling lines, in viewport units (lib/sources/pdf-types.ts). Text comes from
 * pdf.js `getTextContent`; ruling lines from the operator list: stroked axis-aligned segments and thin filled
 * polygons (Word, WPS and Chromium draw cell borders either way), with the transformation matrix tracked through
 * save/restore, `cm` and form XObjects.
 */
import { OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { plainGlyphs } from './pdf-glyphs';
import type { PageContent, Segment, TextRun } from './pdf-types';

type Matrix = [number, number, number, number, number, number];

/** A filled rectangle at most this thick (PDF units) is a line; borders are 0.5–1.5 pt. */
const MAX_RULE_THICKNESS = 2.5;
/** Shorter marks are glyph-like decorations, not borders. */
const MIN_RULE_LENGTH = 4;

const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_QUAD = 3;
const DRAW_CLOSE = 4;

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const IMAGES = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObject]);

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The page's text runs and size. */
export async function readPageText(page: PDFPageProxy): Promise<Pick<PageContent, 'page' | 'size' | 'runs'>> {
  const viewport = page.getViewport({ scale: 1 });
  const toView = viewport.transform as Matrix;
  const text = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of text.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const run = textRun(item.str, item.transform as Matrix, item.width, item.height, toView, item.dir === 'ttb');
    if (run) runs.push(run);
  }
  return { page: page.pageNumber, size: { width: viewport.width, height: viewport.height }, runs };
}

/**
 * The page's ruling lines and image count, from its operator list. This costs pdf.js about as much again as the text
 * (it loads the fonts for drawing), so lib/sources/pdf.ts asks only for pages that may hold a table.
 */
export async function readPageLines(page: PDFPageProxy): Promise<Pick<PageContent, 'horizontal' | 'vertical' | 'images'>> {
  const toView = page.getViewport({ scale: 1 }).transform as Matrix;
  const ops = await page.getOperatorList();
  return rulingLines(ops.fnArray, ops.argsArray, toView);
}

/** A text item's box in viewport units. Horizontal runs sit on their baseline; vertical ones hang from their origin. */
function textRun(str: string, t: Matrix, width: number, height: number, toView: Matrix, vertical: boolean): TextRun | null {
  const size = Math.hypot(t[2], t[3]) || height;
  if (!(size > 0)) return null;
  // In text space: horizontal text from the baseline (descent ~0.2 em) to the ascender (~0.8 em).
  const corners: [number, number][] = vertical
    ? [
        [t[4], t[5] - height],
        [t[4] + width, t[5]],
      ]
    : [
        [t[4], t[5] - 0.2 * size],
        [t[4] + width, t[5] + 0.8 * size],
      ];
  const [a, b] = corners.map(([x, y]) => apply(toView, x, y));
  return {
    text: plainGlyphs(str),
    x0: Math.min(a[0], b[0]),
    y0: Math.min(a[1], b[1]),
    x1: Math.max(a[0], b[0]),
    y1: Math.max(a[1], b[1]),
    size,
    vertical,
  };
}

interface Lines {
  horizontal: Segment[];
  vertical: Segment[];
  images: number;
}

function rulingLines(fnArray: number[], argsArray: unknown[], toView: Matrix): Lines {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  let images = 0;
  let ctm: Matrix = toView;
  const stack: Matrix[] = [];

  const addSegment = (ax: number, ay: number, bx: number, by: number) => {
    const [x0, y0] = apply(ctm, ax, ay);
    const [x1, y1] = apply(ctm, bx, by);
    if (Math.abs(y0 - y1) < 0.5 && Math.abs(x1 - x0) >= MIN_RULE_LENGTH) {
      horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    } else if (Math.abs(x0 - x1) < 0.5 && Math.abs(y1 - y0) >= MIN_RULE_LENGTH) {
      vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
    }
  };

  /**
   * A filled polygon as thin as a line is one: an axis-aligned bar (Word, WPS) or one of the bevelled trapezoids
   * Chromium draws each cell border side as. Larger fills (shading) are not borders.
   */
  const addFilled = (points: [number, number][]) => {
    if (points.length < 3) return;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const [px, py] of points) {
      const [x, y] = apply(ctm, px, py);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) horizontal.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
    else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) vertical.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (IMAGES.has(fn)) images++;
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const stroked = STROKES.has(paint);
      const filled = FILLS.has(paint);
      if (!stroked && !filled) continue;
      const data = (args[1] as ArrayLike<number>[] | null)?.[0];
      if (!data) continue;
      forEachSubpath(data, (points, closed) => {
        if (stroked) {
          for (let k = 1; k < points.length; k++) addSegment(points[k - 1][0], points[k - 1][1], points[k][0], points[k][1]);
          if (closed && points.length > 2) addSegment(points[points.length - 1][0], points[points.length - 1][1], points[0][0], points[0][1]);
        }
        if (filled) addFilled(points);
      });
    }
  }
  return { horizontal, vertical, images };
}

/** Splits pdf.js path data (DrawOPS codes followed by coordinates) into polylines; curves end a polyline's use as a rule. */
function forEachSubpath(data: ArrayLike<number>, visit: (points: [number, number][], closed: boolean) => void): void {
  let points: [number, number][] = [];
  let curved = false;
  const flush = (closed: boolean) => {
    if (!curved && points.length > 1) visit(points, closed);
    points = [];
    curved = false;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === DRAW_MOVE) {
      flush(false);
      points.push([data[i], data[i + 1]]);
      i += 2;
    } else if (op === DRAW_LINE) {
      points.push([data[i], data[i + 1]]);
      i += 2;
    } else if (op === DRAW_CURVE) {
      curved = true;
      points.push([data[i + 4], data[i + 5]]);
      i += 6;
    } else if (op === DRAW_QUAD) {
      curved = true;
      points.push([data[i + 2], data[i + 3]]);
      i += 4;
    } else if (op === DRAW_CLOSE) {
      const start = points[0];
      flush(true);
      if (start) points.push(start);
    } else break;
  }
  flush(false);
}
