/**
 * Finds report tables 2, 3 and 4 among a page's grids by their labels, whatever the markup: split labels, Word
 * paste, a metadata table first, table 2 as four small tables, tables merged into one <table>, extra subtotal rows
 * or columns. Each table is mapped to template cell paths (lib/paths.ts); what is not found is missing.
 */
import type { Grid } from './grid.types';
import { mayHoldReportTable } from './detect/anchors';
import { KeyCache } from './detect/labels';
import { detectTable2 } from './detect/table2';
import { detectTable3 } from './detect/table3';
import { detectTable4 } from './detect/table4';
import type { Detection } from './detect/types';

export type { DetectedTable, Detection } from './detect/types';

export function detectTables<Ref>(allGrids: Grid<Ref>[]): Detection<Ref> {
  return detectAmongCandidates(allGrids.filter(mayHoldReportTable));
}

/** Detection among grids that mayHoldReportTable already passed (checkDocumentSteps filters them one step at a time). */
export function detectAmongCandidates<Ref>(grids: Grid<Ref>[]): Detection<Ref> {
  const keys = new KeyCache<Ref>();
  const table2 = detectTable2(grids, keys);
  const table3 = detectTable3(grids, keys);
  const table4 = detectTable4(grids, keys);
  return {
    format: table2.format,
    otherOneRow: table3.otherOneRow,
    table2: table2.table,
    table3: table3.table,
    table4,
  };
}

/** True when detection found any report table. */
export function foundAny<Ref>(detection: Detection<Ref>): boolean {
  return detection.table2 !== null || detection.table3 !== null || detection.table4 !== null;
}
