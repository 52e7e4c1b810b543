/**
 * The exported JSON document: the Report plus what the rules said about it, in one file.
 * `npm run schema` publishes `ExportDocumentSchema` as schema/report.schema.json.
 */
import { z } from 'zod';
import {
  CellSchema,
  REPORT_SCHEMA_VERSION,
  ReportSchema,
  OtherLeavesSchema,
  Table2Schema,
  Table2Trial2019Schema,
  Table3ColumnSchema,
  Table3Schema,
  Table4Schema,
} from '../report';
import { CELL_KINDS } from '../report-constants';
import type { Cause, CheckResult, Finding, Suspect } from '../findings';

const SeveritySchema = z.enum(['error', 'warning', 'info']);
const BilingualSchema = z.object({ zh: z.string(), en: z.string() });

const EquationTermSchema = z.object({
  path: z.string(),
  label: BilingualSchema,
  kind: z.enum(CELL_KINDS),
  value: z.number().nullable(),
  raw: z.string().optional(),
});

const EquationSchema = z.object({
  parts: z.array(EquationTermSchema),
  totals: z.array(EquationTermSchema),
  partsSum: z.number(),
  totalsSum: z.number(),
  relation: z.enum(['=', '≠', '<', '>', '?']),
});

export const FindingSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  outcome: z.string(),
  table: z.enum(['table2', 'table3', 'table4', 'text']),
  target: z.string().nullable(),
  parts: z.array(z.string()),
  expected: z.number().optional(),
  found: z.number().optional(),
  formula: z.string().optional(),
  equation: EquationSchema.optional(),
  message: BilingualSchema,
  previousYear: z
    .object({
      report: z.object({
        body: z.string().nullable(),
        year: z.number().int().nullable(),
        title: z.string().nullable(),
        source: z.string().nullable(),
      }),
      cells: z.array(z.string()),
    })
    .optional(),
});

const CauseSchema = z.object({
  kind: z.enum(['blank-columns', 'blank-rows', 'blank-table', 'repeated-text', 'finding']),
  severity: SeveritySchema,
  rule: z.string(),
  table: z.enum(['table2', 'table3', 'table4', 'text']),
  findings: z.array(z.number().int().nonnegative()),
  target: z.string().nullable(),
  message: BilingualSchema,
});

const SuspectSchema = z.object({
  path: z.string(),
  suggested: z.number().optional(),
  reason: z.object({ zh: z.string(), en: z.string() }).optional(),
});

const ReadingNoteSchema = z.object({ zh: z.string(), en: z.string(), cells: z.array(z.string()).optional() });

const CheckStatusSchema = z.enum(['ok', 'no-report', 'trial-2019', 'too-large']);

/** 'report' for the whole report; a table id when only that table was exported (the other tables are then null). */
const ExportScopeSchema = z.enum(['report', 'table2', 'table3', 'table4']);
export type ExportScope = z.infer<typeof ExportScopeSchema>;

export const ExportDocumentSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  scope: ExportScopeSchema,
  status: CheckStatusSchema,
  report: ReportSchema,
  findings: z.array(FindingSchema),
  /** The findings grouped by cause; `findings` holds indexes into this document's `findings`. */
  causes: z.array(CauseSchema),
  suspects: z.array(SuspectSchema),
  /** What the source could not read into a cell (e.g. a PDF number between two columns); absent when none. */
  readingNotes: z.array(ReadingNoteSchema).optional(),
});
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;

const EXPORT_SCHEMA_ID = 'https://gov-report-checker.invalid/schema/report.schema.json';

/** Names for the shared parts, so the published schema reads `#/$defs/Cell` rather than repeating it 200 times. */
function namedDefinitions() {
  const registry = z.registry<{ id: string; description?: string }>();
  registry.add(CellSchema, {
    id: 'Cell',
    description: 'One statistic cell: raw is the text as published, kind its meaning, value the number (number and zero only).',
  });
  registry.add(Table2Schema, { id: 'Table2', description: '二、主动公开政府信息情况' });
  registry.add(Table2Schema.shape.regulations, { id: 'Table2Counts', description: '本年制发件数 · 本年废止件数 · 现行有效件数' });
  registry.add(Table2Trial2019Schema, { id: 'Table2Trial2019', description: '二、主动公开政府信息情况 in the 2019 trial format' });
  registry.add(Table2Trial2019Schema.shape.regulations, { id: 'Table2PublishedCounts', description: '本年新制作数量 · 本年新公开数量 · 对外公开总数量' });
  registry.add(Table2Trial2019Schema.shape.licensing, { id: 'Table2ProjectCounts', description: '上一年项目数量 · 本年增/减 · 处理决定数量' });
  registry.add(OtherLeavesSchema, { id: 'Table3OtherLeaves', description: '（六）其他处理 as three rows (the 2021 template); one Cell where it is printed as one row' });
  registry.add(Table3Schema, { id: 'Table3', description: '三、收到和处理政府信息公开申请情况' });
  registry.add(Table3ColumnSchema, { id: 'Table3Column', description: 'One applicant column of table 3.' });
  registry.add(Table4Schema, { id: 'Table4', description: '四、政府信息公开行政复议、行政诉讼情况' });
  registry.add(Table4Schema.shape.review, { id: 'Table4Block', description: '结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计' });
  registry.add(FindingSchema, { id: 'Finding' });
  registry.add(EquationSchema, {
    id: 'Equation',
    description: 'A sum rule as Σ parts REL Σ totals, every operand with its path, short label and what the page holds.',
  });
  registry.add(CauseSchema, {
    id: 'Cause',
    description: 'Findings grouped by what a reader fixes (a blank column…); every finding is in exactly one cause.',
  });
  registry.add(SuspectSchema, { id: 'Suspect', description: 'A cell named as the most likely wrong entry.' });
  registry.add(ReadingNoteSchema, {
    id: 'ReadingNote',
    description: 'Something printed that the source could not read into a cell (left out, not guessed); cells: the template cells it may belong to.',
  });
  return registry;
}

/** The JSON Schema (draft 2020-12) of an exported document. */
export function exportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ExportDocumentSchema, {
    target: 'draft-2020-12',
    metadata: namedDefinitions(),
    reused: 'ref',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: EXPORT_SCHEMA_ID,
    title: '政府信息公开工作年度报告 · checked report',
    description:
      'A Chinese government information-disclosure annual report as read from its page (every cell with its raw text), with the findings of the arithmetic checks.',
    ...rest,
  };
}

// The zod schemas above must describe exactly the engine's TypeScript types: these fail to compile if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const findingMatches: Same<z.infer<typeof FindingSchema>, Finding> = true;
const suspectMatches: Same<z.infer<typeof SuspectSchema>, Suspect> = true;
const causeMatches: Same<z.infer<typeof CauseSchema>, Cause> = true;
const statusMatches: Same<z.infer<typeof CheckStatusSchema>, CheckResult['status']> = true;
void findingMatches;
void suspectMatches;
void causeMatches;
void statusMatches;
