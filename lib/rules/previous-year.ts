/** What the cross-year rules (X-CARRY, X-T2) share: reading last year's cells beside this year's, and naming them. */
import type { Finding } from '../findings';
import type { Cell, Report } from '../report';
import { cellAt } from '../paths';
import { reportName, type YearRecord } from '../cross-year/record';
import type { CellReader } from './sum-check';

/** Paths under this prefix name last year's cells (`previousYear.table3.total.carriedForward`) for a CellReader. */
export const PREVIOUS_PREFIX = 'previousYear.';

/** Reads this year's cells from the report and `previousYear.*` paths from last year's record. */
export function bothYears(report: Report, previous: YearRecord): CellReader {
  return (path: string): Cell | undefined =>
    path.startsWith(PREVIOUS_PREFIX) ? previous.cells[path.slice(PREVIOUS_PREFIX.length)] : cellAt(report, path);
}

/** The finding field naming last year's report and the cells read from it. */
export function previousReference(previous: YearRecord, cells: string[]): NonNullable<Finding['previousYear']> {
  return { report: { ...previous.identity }, cells };
}

/** ` (上年报告：《…》 (file))` in both languages, appended to every cross-year message. */
export function previousNote(previous: YearRecord): { zh: string; en: string } {
  const name = reportName(previous.identity);
  return { zh: `（上年报告：${name}）`, en: ` (last year's report: ${name})` };
}

/** 为 3 · 为空白 · 为「/」 / is 3 · is blank · holds "/": a cell's content in a sentence. */
export function cellPhrase(cell: Cell | undefined): { zh: string; en: string } {
  if (!cell || cell.kind === 'missing') return { zh: '不在表中', en: 'is not in the table' };
  if (cell.kind === 'number' || cell.kind === 'zero') return { zh: `为 ${cell.value}`, en: `is ${cell.value}` };
  if (cell.kind === 'blank') return { zh: '为空白', en: 'is blank' };
  const raw = cell.raw.trim();
  return { zh: `为「${raw}」`, en: `holds "${raw}"` };
}
