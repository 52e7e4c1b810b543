/**
 * Finding the template's words among text positions (lib/sources/pdf-stream.ts): a column header printed over one, two
 * or three lines (`自`/`然`/`人`, `结果维`/`持`), and row labels wrapped in their column (`（三）不`/`予公开`).
 */
import type { FlowLine, Glyph, Piece } from './pdf-glyphs-layout';
import { wordKey } from './pdf-glyphs-layout';

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

const startsPiece = (line: FlowLine, j: number) => j === 0 || line.glyphs[j].x0 - line.glyphs[j - 1].x1 > 0.3 * line.size;
const endsPiece = (line: FlowLine, j: number) => j === line.glyphs.length - 1 || line.glyphs[j + 1].x0 - line.glyphs[j].x1 > 0.3 * line.size;

/** Every place in lines[from, to) where `name` is printed, over up to three lines, best first. */
export function findHeader(lines: readonly FlowLine[], from: number, to: number, name: string): HeaderMatch[] {
  const key = wordKey(name);
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
  for (let n = i + 1; n < lines.length && lines[n].top - line.bottom < WRAP_GAP * line.size; n++) {
    const next = lines[n];
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

/** Glyphs and the line they lie on. */
interface LineGlyphs {
  line: FlowLine;
  glyphs: readonly Glyph[];
}

function extentOf(parts: readonly LineGlyphs[]): Extent {
  const glyphs = parts.flatMap((p) => p.glyphs);
  const tops = parts.filter((p) => p.glyphs.length > 0).map((p) => p.line);
  return {
    x0: Math.min(...glyphs.map((g) => g.x0)),
    x1: Math.max(...glyphs.map((g) => g.x1)),
    top: Math.min(...tops.map((l) => l.top)),
    bottom: Math.max(...tops.map((l) => l.bottom)),
    page: glyphs[0].page,
    y0: Math.min(...glyphs.map((g) => g.y0)),
    y1: Math.max(...glyphs.map((g) => g.y1)),
  };
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
    if (used.has(first) || !begins(wordKey(first.text))) continue;
    const stack = [first];
    let text = first.text;
    for (;;) {
      const last = stack[stack.length - 1];
      const size = last.line.size;
      const next = sorted.find(
        (p) =>
          !used.has(p) &&
          !stack.includes(p) &&
          p.line.top > last.line.top + 0.5 * size &&
          p.line.top - last.line.bottom < WRAP_GAP * size &&
          p.x0 >= first.x0 - size &&
          p.x0 < Math.max(...stack.map((s) => s.x1)) &&
          begins(wordKey(text + p.text)) &&
          !targets.includes(wordKey(text)),
      );
      if (!next) break;
      stack.push(next);
      text += next.text;
    }
    for (const p of stack) used.add(p);
    stacks.push({ ...extentOf(stack), pieces: stack, text: stack.map((p) => p.text).join('\n'), key: wordKey(text) });
  }
  return stacks;
}
