/**
 * The Report: what the parser makes of a page, and what we export as JSON.
 * Keys follow design.md (the public peer's names) so data moves between tools.
 * `npm run schema` writes the JSON Schema generated from `ReportSchema` to schema/report.schema.json.
 */
import { z } from 'zod';
import { CELL_KINDS, REPORT_SCHEMA_VERSION } from './report-constants';

// Defined in the zod-free ./report-constants (runtime code imports it from there); re-exported for existing users.
export { REPORT_SCHEMA_VERSION };

/**
 * One statistic cell. `raw` is the cell's text as published; `kind` is its single meaning:
 * - number: a value other than zero (`3`, `０`→ zero, `1,234`, `18651.06`)
 * - zero: `0`, `零`
 * - blank: nothing but whitespace
 * - na: `/`, `-`, `—`, `无`, `不适用`
 * - text: anything else (`详见附件`, `2件`)
 * - missing: the template cell does not exist on the page (row or column absent)
 * `value` is set only for number and zero.
 */
export const CellKind = z.enum(CELL_KINDS);
export type CellKind = z.infer<typeof CellKind>;

export const CellSchema = z.object({
  raw: z.string(),
  kind: CellKind,
  value: z.number().nullable(),
});
export type Cell = z.infer<typeof CellSchema>;

const countTriple = z.object({ made: CellSchema, repealed: CellSchema, valid: CellSchema });

export const Table2Schema = z.object({
  regulations: countTriple,
  normativeDocuments: countTriple,
  licensing: CellSchema,
  punishment: CellSchema,
  coercion: CellSchema,
  fees: CellSchema,
});
export type Table2 = z.infer<typeof Table2Schema>;

/** Table 2 of the 2019 trial format (lib/template.ts TABLE2_BLOCKS['2019']): other blocks, other columns. */
const publishedCounts = z.object({ newlyMade: CellSchema, newlyPublished: CellSchema, totalPublished: CellSchema });
const projectCounts = z.object({ previousItems: CellSchema, change: CellSchema, decisions: CellSchema });
export const Table2Trial2019Schema = z.object({
  regulations: publishedCounts,
  normativeDocuments: publishedCounts,
  licensing: projectCounts,
  otherServices: projectCounts,
  punishment: projectCounts,
  coercion: projectCounts,
  fees: z.object({ previousItems: CellSchema, change: CellSchema }),
  procurement: z.object({ projects: CellSchema, totalAmount: CellSchema }),
});
export type Table2Trial2019 = z.infer<typeof Table2Trial2019Schema>;

/** （六）其他处理 as the 2021 template prints it: three leaves. */
export const OtherLeavesSchema = z.object({ overdueCorrection: CellSchema, overdueFee: CellSchema, otherReasons: CellSchema });

export const Table3ColumnSchema = z.object({
  newReceived: CellSchema,
  carriedOver: CellSchema,
  results: z.object({
    granted: CellSchema,
    partialGrant: CellSchema,
    denied: z.object({
      stateSecret: CellSchema,
      lawForbidden: CellSchema,
      safetyStability: CellSchema,
      thirdPartyRights: CellSchema,
      internalAffairs: CellSchema,
      processInfo: CellSchema,
      enforcementCase: CellSchema,
      adminQuery: CellSchema,
    }),
    unableToProvide: z.object({ noInfo: CellSchema, needCreation: CellSchema, unclear: CellSchema }),
    notProcessed: z.object({
      complaint: CellSchema,
      repeat: CellSchema,
      publication: CellSchema,
      massiveRequests: CellSchema,
      confirmInfo: CellSchema,
    }),
    /** The three leaves; or one cell where the page prints （六）其他处理 as one row (the 2019 template, some later reports). */
    other: z.union([OtherLeavesSchema, CellSchema]),
    totalProcessed: CellSchema,
  }),
  carriedForward: CellSchema,
});
export type Table3Column = z.infer<typeof Table3ColumnSchema>;

export const Table3Schema = z.object({
  naturalPerson: Table3ColumnSchema,
  legalPerson: z.object({
    commercial: Table3ColumnSchema,
    research: Table3ColumnSchema,
    social: Table3ColumnSchema,
    legal: Table3ColumnSchema,
    other: Table3ColumnSchema,
  }),
  total: Table3ColumnSchema,
});
export type Table3 = z.infer<typeof Table3Schema>;

const table4Block = z.object({
  maintain: CellSchema,
  correct: CellSchema,
  other: CellSchema,
  unfinished: CellSchema,
  total: CellSchema,
});
export const Table4Schema = z.object({
  review: table4Block,
  litigationDirect: table4Block,
  litigationPostReview: table4Block,
});
export type Table4 = z.infer<typeof Table4Schema>;

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  /**
   * The template the report follows, named from table 2: '2021' the national format, '2019' the trial format
   * (table2 is then a Table2Trial2019). Table 3's （六） may be one row in either (see Table3Column.results.other).
   */
  format: z.enum(['2021', '2019']),
  meta: z.object({
    title: z.string().nullable(),
    organ: z.string().nullable(),
    year: z.number().int().nullable(),
    url: z.string().nullable(),
  }),
  table2: z.union([Table2Schema, Table2Trial2019Schema]).nullable(),
  table3: Table3Schema.nullable(),
  table4: Table4Schema.nullable(),
});
export type Report = z.infer<typeof ReportSchema>;

export type TableId = 'table2' | 'table3' | 'table4';
