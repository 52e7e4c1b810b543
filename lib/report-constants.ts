/**
 * The Report's runtime constants, without zod: the content script and popup import these (and only types from
 * lib/report.ts), so the zod schema stays out of their bundles. lib/report.ts builds its schema from them.
 */

/** 2: findings carry `equation`, and the result and the export carry `causes` (findings grouped by cause). */
/** 3: the 2019 trial format's table 2 (Table2Trial2019) and a one-row （六）其他处理 (results.other as one Cell). */
/** 4: the export carries `readingNotes`: what the source could not read into a cell (a PDF number between two columns). */
export const REPORT_SCHEMA_VERSION = 4;

/** Every CellKind, in the order of lib/report.ts's documentation. */
export const CELL_KINDS = ['number', 'zero', 'blank', 'na', 'text', 'missing'] as const;
