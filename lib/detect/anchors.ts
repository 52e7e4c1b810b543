/**
 * The prefilter before detection: a grid none of whose labels holds an anchor word of table 2, 3 or 4 cannot give any
 * of them (each detector skips such a grid), so it is dropped whole, and its cells' labels are never normalised. On a
 * page of 100,000 attachment cells that is nearly all of them. A large grid is judged by its texts, before it is laid out.
 */
import { cellCount, gridTexts } from '../grid';
import type { Grid } from '../grid.types';
import { normaliseLabel } from '../text';
import { lazy } from '../lazy';
import { gridMarks } from './table2';
import { naturalPerson } from './table3';
import { BLOCK_WORDS } from './table4';

/** Every word a detector needs in some label of a grid before it looks further. */
export const anchorWords = lazy((): readonly string[] => [...new Set([...gridMarks(), naturalPerson(), ...BLOCK_WORDS])]);

/**
 * Joins cell texts: normaliseLabel works character by character and keeps this one, so the normalised join is the
 * join of the labels, and no anchor word (none holds it) can match across two cells.
 */
const CELL_SEPARATOR = '\u0000';

/**
 * Up to this many cells a grid is kept without a look: the detectors skip an unrelated small grid as cheaply as this
 * check would, and report tables are small. Past it, one join of the texts decides: attachment tables are the large ones.
 */
export const SMALL_GRID = 500;

/** False only for a grid whose labels surely lack all anchor words: a large one (SMALL_GRID) that mentions none. */
export function mayHoldReportTable<Ref>(grid: Grid<Ref>): boolean {
  return !isLargeGrid(grid) || gridMentions(grid, anchorWords());
}

/** A grid the prefilter reads in full (over SMALL_GRID cells): the only ones whose check costs anything. */
export function isLargeGrid<Ref>(grid: Grid<Ref>): boolean {
  return cellCount(grid) > SMALL_GRID;
}

/** True when some cell's label (normaliseLabel of its text) contains one of `words`. Reads texts, not the layout. */
export function gridMentions<Ref>(grid: Grid<Ref>, words: readonly string[]): boolean {
  const labels = normaliseLabel(gridTexts(grid).join(CELL_SEPARATOR));
  return words.some((word) => labels.includes(word));
}
