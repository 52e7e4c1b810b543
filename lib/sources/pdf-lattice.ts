/**
 * Tables from ruling lines ("lattice"): the borders a page draws are merged into lines, lines that touch form a
 * table, their positions cut it into slots, and slots with no border between them are one (merged) cell.
 * A cell comes out as a box; lib/sources/pdf-table.ts turns boxes into rows with row and column spans.
 */
import type { Segment } from './pdf-types';

/** Two border positions closer than this are one line (double borders, each cell drawing its own edge). */
const SNAP = 2;
/** A border counts between two slots when it covers this share of their common edge. */
const COVERED = 0.6;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LatticeTable {
  box: Box;
  cells: Box[];
}

/** Every table the lines on one page draw: at least two rows or two columns of slots. */
export function latticeTables(horizontal: Segment[], vertical: Segment[]): LatticeTable[] {
  const h = mergeSegments(horizontal);
  const v = mergeSegments(vertical);
  const tables: LatticeTable[] = [];
  for (const group of touchingGroups(h, v)) {
    const table = tableOf(group.h, group.v);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

/** Lines at (nearly) the same position that overlap or touch become one line. */
function mergeSegments(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const rows: Segment[][] = [];
  for (const s of sorted) {
    const last = rows[rows.length - 1];
    if (last && s.at - last[0].at <= SNAP) last.push(s);
    else rows.push([s]);
  }
  const merged: Segment[] = [];
  for (const row of rows) {
    const at = row.reduce((sum, s) => sum + s.at, 0) / row.length;
    row.sort((a, b) => a.from - b.from);
    let current: Segment | null = null;
    for (const s of row) {
      if (current && s.from <= current.to + SNAP) current.to = Math.max(current.to, s.to);
      else {
        current = { at, from: s.from, to: s.to };
        merged.push(current);
      }
    }
  }
  return merged;
}

function crosses(h: Segment, v: Segment): boolean {
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
}

/** Lines that touch each other, transitively: one group per table. */
function touchingGroups(h: Segment[], v: Segment[]): { h: Segment[]; v: Segment[] }[] {
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      if (crosses(h[i], v[j])) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  const groupOf = (i: number) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { h: [], v: [] }));
    return group;
  };
  h.forEach((s, i) => groupOf(i).h.push(s));
  v.forEach((s, j) => groupOf(h.length + j).v.push(s));
  return [...groups.values()];
}

/** Distinct positions, nearby ones snapped together. */
function positions(segments: Segment[]): number[] {
  const values = segments.map((s) => s.at).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of values) if (out.length === 0 || x - out[out.length - 1] > SNAP) out.push(x);
  return out;
}

/**
 * A table drawn without its outer border on one side (a Word paste whose first row has `border-top: none`): the
 * crossing lines run on past the last line, and where they stop is that edge.
 */
function withOpenEnds(edges: number[], crossing: Segment[]): number[] {
  if (edges.length === 0 || crossing.length === 0) return edges;
  const start = Math.min(...crossing.map((s) => s.from));
  const end = Math.max(...crossing.map((s) => s.to));
  const out = [...edges];
  if (start < out[0] - 4 * SNAP) out.unshift(start);
  if (end > out[out.length - 1] + 4 * SNAP) out.push(end);
  return out;
}

/** How much of [from, to] the lines at `at` cover. */
function coverage(lines: Segment[], at: number, from: number, to: number): number {
  let covered = 0;
  for (const s of lines) {
    if (Math.abs(s.at - at) > SNAP) continue;
    const a = Math.max(from, s.from);
    const b = Math.min(to, s.to);
    if (b > a) covered += b - a;
  }
  return to > from ? covered / (to - from) : 0;
}

function tableOf(h: Segment[], v: Segment[]): LatticeTable | null {
  const xs = withOpenEnds(positions(v), h);
  const ys = withOpenEnds(positions(h), v);
  if (xs.length < 2 || ys.length < 2 || (xs.length < 3 && ys.length < 3)) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && coverage(v, xs[c + 1], ys[r], ys[r + 1]) < COVERED) parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && coverage(h, ys[r + 1], xs[c], xs[c + 1]) < COVERED) parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < rows * cols; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  const slotBox = (i: number): Box => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    return { x0: xs[c], y0: ys[r], x1: xs[c + 1], y1: ys[r + 1] };
  };
  const boxes: Box[] = [];
  for (const slots of groups.values()) {
    const parts = slots.map(slotBox);
    const box = { x0: Math.min(...parts.map((b) => b.x0)), y0: Math.min(...parts.map((b) => b.y0)), x1: Math.max(...parts.map((b) => b.x1)), y1: Math.max(...parts.map((b) => b.y1)) };
    const r0 = ys.indexOf(box.y0);
    const r1 = ys.indexOf(box.y1);
    const c0 = xs.indexOf(box.x0);
    const c1 = xs.indexOf(box.x1);
    // Slots joined into an L or a ring (space around a narrower part of the table) are no cell: each slot stays its own.
    if ((r1 - r0) * (c1 - c0) === slots.length) boxes.push(box);
    else boxes.push(...parts);
  }
  const cells = boxes;
  // One box is a framed paragraph or a page border, not a table.
  if (cells.length < 2) return null;
  return { box: { x0: xs[0], y0: ys[0], x1: xs[cols], y1: ys[rows] }, cells };
}
