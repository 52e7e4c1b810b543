/**
 * The Report's runtime constants, without zod: the content script and popup import these (and only types from
 * lib/report.ts), so the zod schema stays out of their bundles. lib/report.ts builds its schema from them.
 */

/** 2: findings carry `equation`, and the result and the export carry `causes` (findings grouped by cause). */
export const REPORT_SCHEMA_VERSION = 2;

/** Every CellKind, in the order of lib/report.ts's documentation. */
export const CELL_KINDS = ['number', 'zero', 'blank', 'na', 'text', 'missing'] as const;
