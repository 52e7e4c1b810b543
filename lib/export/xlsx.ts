/**
 * The batch summary table as an Excel workbook (.xlsx), with the same columns and values as the CSV
 * (lib/export/csv.ts): one sheet, a bold frozen header row, numbers as numbers and text as text (a title starting
 * with `=` stays text: no formula is ever written). Made with ExcelJS; the results page loads this module only
 * when the user asks for the file.
 */
import ExcelJS from 'exceljs';
import type { SummaryRow } from '../batch/summary';
import { SUMMARY_HEADERS, summaryCsvValues } from './csv';
import type { Lang } from './tsv';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function summaryXlsx(rows: readonly SummaryRow[], lang: Lang, sheetName = '年报核验'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gov Report Checker';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...SUMMARY_HEADERS]).font = { bold: true };
  for (const row of rows) sheet.addRow(summaryCsvValues(row, lang).map((value) => value ?? null));
  SUMMARY_HEADERS.forEach((header, i) => {
    const widest = Math.max(header.length, ...rows.slice(0, 200).map((row) => String(summaryCsvValues(row, lang)[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
