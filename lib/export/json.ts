/** The whole report, or one table of it, as a JSON document that validates against schema/report.schema.json. Pure. */
import type { CheckResult } from '../findings';
// Types only: the popup imports this module, and lib/report.ts would bring zod into its bundle.
import type { Report, TableId } from '../report';
import type { ExportDocument, ExportScope } from './schema';

export const TABLE_IDS: readonly TableId[] = ['table2', 'table3', 'table4'];

/** The export document for `scope`; null when the result has no report (nothing to export). */
export function exportDocument(result: CheckResult, scope: ExportScope = 'report'): ExportDocument | null {
  if (!result.report) return null;
  const report = scope === 'report' ? result.report : onlyTable(result.report, scope);
  const inScope = (path: string | null) => scope === 'report' || (path !== null && path.startsWith(`${scope}.`));
  // A table's export keeps its own findings; the causes' indexes are renumbered to match.
  const kept = new Map<number, number>();
  result.findings.forEach((f, i) => {
    if (scope === 'report' || f.table === scope) kept.set(i, kept.size);
  });
  const causes = result.causes
    .map((cause) => ({ ...cause, findings: cause.findings.flatMap((i) => (kept.has(i) ? [kept.get(i) as number] : [])) }))
    .filter((cause) => cause.findings.length > 0);
  const readingNotes = (result.readingNotes ?? []).filter((n) => !n.cells || n.cells.some(inScope));
  return {
    schemaVersion: result.report.schemaVersion,
    scope,
    status: result.status,
    report,
    findings: [...kept.keys()].map((i) => withoutUndefined(result.findings[i])),
    causes,
    suspects: result.suspects.filter((s) => inScope(s.path)).map(withoutUndefined),
    ...(readingNotes.length > 0 ? { readingNotes } : {}),
  };
}

/** The document as pretty-printed JSON text; null when there is no report. */
export function exportJson(result: CheckResult, scope: ExportScope = 'report'): string | null {
  const doc = exportDocument(result, scope);
  return doc ? JSON.stringify(doc, null, 2) + '\n' : null;
}

/** A file name for the download, e.g. `平潭综合实验区-2023-年报核验.json`. */
export function exportFileName(report: Report, scope: ExportScope = 'report'): string {
  const parts = [report.meta.organ, report.meta.year?.toString(), scope === 'report' ? null : scope, '年报核验'];
  const name = parts.filter((p): p is string => !!p).join('-');
  return `${name.replace(/[\\/:*?"<>|\s]+/g, '_')}.json`;
}

function onlyTable(report: Report, table: TableId): Report {
  return {
    ...report,
    table2: table === 'table2' ? report.table2 : null,
    table3: table === 'table3' ? report.table3 : null,
    table4: table === 'table4' ? report.table4 : null,
  };
}

/** Copies an object without keys whose value is undefined, so the document is the same before and after JSON. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
