/**
 * Label matching for detection. A cell's `label` (lib/text.ts normaliseLabel) is reduced to a *key*: the leading
 * numbering (一、 (三) 1. 1、 ①) and all punctuation are dropped, so `（二）部分公开（区分处理的…）`, `(二)部分公开` and
 * `2、部分公开` compare by their words.
 */
import { normaliseLabel } from '../text';
import type { Grid, GridCell } from '../grid.types';

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、)]|[①-⑳])/;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const LEADING_NUMBER = /^\(?(\d+)[.、)]?/;

/** The key of a normalised label: numbering and punctuation removed. */
function labelKey(label: string): string {
  return onlyWordCharacters(label) ? label : label.replace(NUMBERING, '').replace(NOT_WORD, '');
}

/**
 * True when the label is only ASCII letters and digits and CJK ideographs (U+4E00–U+9FEF, all assigned letters): then
 * it has no numbering (that needs a mark such as 、 . ( ①) and no punctuation, and is its own key. Most cells are.
 */
function onlyWordCharacters(label: string): boolean {
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x4e00 && c <= 0x9fef)) {
      continue;
    }
    return false;
  }
  return true;
}

/** The key of a template label as written in lib/template.ts. */
export function templateKey(zh: string): string {
  return labelKey(normaliseLabel(zh));
}

/** The leaf number a label starts with (`1.属于…` → 1), or null. */
export function leadingNumber(label: string): number | null {
  const m = LEADING_NUMBER.exec(label);
  return m ? Number(m[1]) : null;
}

/**
 * How well a page label's key matches a template key: 3 equal, 2 one is a prefix of the other (the page drops or adds
 * a parenthetical), 1 the page key contains the template key, 0 no match.
 */
export function matchScore(key: string, target: string): number {
  if (key === '' || target === '') return 0;
  if (key === target) return 3;
  if (key.startsWith(target) || (key.length >= 2 && target.startsWith(key))) return 2;
  if (key.includes(target)) return 1;
  return 0;
}

/** Caches each cell's key: detection asks for the same cells many times. */
export class KeyCache<Ref> {
  private keys = new Map<GridCell<Ref>, string>();
  of(cell: GridCell<Ref>): string {
    let key = this.keys.get(cell);
    if (key === undefined) {
      key = labelKey(cell.label);
      this.keys.set(cell, key);
    }
    return key;
  }
}

/** The distinct cells of grid row `r` in columns [from, to), left to right. */
export function cellsInRow<Ref>(grid: Grid<Ref>, r: number, from = 0, to = grid.colCount): GridCell<Ref>[] {
  const out: GridCell<Ref>[] = [];
  const row = grid.slots[r];
  if (!row) return out;
  for (let c = Math.max(0, from); c < Math.min(to, grid.colCount); c++) {
    const cell = row[c];
    if (cell && !out.includes(cell)) out.push(cell);
  }
  return out;
}
