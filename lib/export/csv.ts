/**
 * CSV that Excel opens as it should: UTF-8 with a BOM (else Excel reads Chinese as ANSI), CRLF line ends, and
 * RFC 4180 quoting (a field holding a comma, a double quote or a line break is quoted, inner quotes doubled).
 * A text field starting with = + - @ gets a leading apostrophe, so a page title cannot run as a spreadsheet
 * formula; numbers are written as numbers. Written here rather than taken from a CSV package: it is this much
 * code, and lib/ is bundled into the extension. Pure.
 */
import type { Lang } from './tsv';
import type { SummaryRow } from '../batch/summary';
import type { Bilingual } from '../rules/labels';
import { listReports, reportName } from '../cross-year/record';

export const CSV_BOM = '\ufeff';
const LINE_END = '\r\n';

export type CsvValue = string | number | null;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + LINE_END;
}

/** A whole document: BOM, then one line per record. */
export function toCsv(records: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + records.map(csvLine).join('');
}

// ---------- The batch summary table ----------

/** Column headers, Chinese then English, whatever the language of the values. */
export const SUMMARY_HEADERS: readonly string[] = [
  '文件或网址 Input',
  '机关 Body',
  '年度 Year',
  '标题 Title',
  '状态 Status',
  '错误 Errors',
  '警告 Warnings',
  '空白 Blanks',
  '文字不符 Text mismatches',
  '上年报告 Previous year',
  '跨年结转 Carry-over (X-CARRY)',
  '规范性文件存量 Stock (X-T2)',
  '说明 Note',
];

const STATUS: Record<SummaryRow['status'], Bilingual> = {
  ok: { zh: '已检查', en: 'checked' },
  'no-report': { zh: '未找到报告表格', en: 'no report tables' },
  'trial-2019': { zh: '2019 试行格式', en: '2019 trial format' },
  'too-large': { zh: '页面过大', en: 'too large' },
  unreadable: { zh: '无法读取', en: 'unreadable' },
};
const NO_PREVIOUS: Record<string, Bilingual> = {
  'not-found': { zh: '未找到', en: 'not found' },
  'no-body': { zh: '无机关名', en: 'no body name' },
  'no-year': { zh: '无年度', en: 'no year' },
};

/** The row's values, in SUMMARY_HEADERS order. */
export function summaryCsvValues(row: SummaryRow, lang: Lang): CsvValue[] {
  const counts = row.counts;
  return [
    row.input,
    row.body,
    row.year,
    row.title,
    STATUS[row.status][lang],
    counts?.errors ?? null,
    counts?.warnings ?? null,
    counts?.blanks ?? null,
    counts?.textMismatches ?? null,
    previousText(row, lang),
    carryText(row, lang),
    stockText(row, lang),
    row.reason?.[lang] ?? null,
  ];
}

/** The summary table as one CSV document (the CLI writes it line by line instead, with csvLine). */
export function summaryCsv(rows: readonly SummaryRow[], lang: Lang): string {
  return toCsv([SUMMARY_HEADERS, ...rows.map((row) => summaryCsvValues(row, lang))]);
}

function previousText(row: SummaryRow, lang: Lang): string | null {
  const previous = row.crossYear.previous;
  if (!previous) return null;
  if (previous.kind === 'found') return previous.report.source ?? reportName(previous.report);
  if (previous.kind === 'ambiguous') {
    const names = listReports(previous.candidates, previous.count, (c) => c.source ?? reportName(c))[lang];
    return lang === 'zh' ? `不唯一（${previous.count} 份）：${names}` : `ambiguous (${previous.count}): ${names}`;
  }
  return NO_PREVIOUS[previous.reason][lang];
}

export function carryText(row: SummaryRow, lang: Lang): string | null {
  const carry = row.crossYear.carry;
  if (!carry) return row.crossYear.previous?.kind === 'ambiguous' ? (lang === 'zh' ? '未核对' : 'not checked') : null;
  const parts: string[] = [];
  if (carry.errors > 0) parts.push(lang === 'zh' ? `✗ ${carry.errors} 处不符` : `✗ ${carry.errors} differ`);
  if (carry.unverified > 0) parts.push(lang === 'zh' ? `! ${carry.unverified} 处无法核对` : `! ${carry.unverified} cannot verify`);
  return parts.length > 0 ? parts.join(lang === 'zh' ? '，' : ', ') : lang === 'zh' ? '✓ 相符' : '✓ agrees';
}

function stockText(row: SummaryRow, lang: Lang): string | null {
  const stock = row.crossYear.stock;
  if (!stock) return null;
  if (stock.notes === 0) return lang === 'zh' ? '✓ 相符' : '✓ agrees';
  return lang === 'zh' ? `i ${stock.notes} 条提示` : `i ${stock.notes} note${stock.notes > 1 ? 's' : ''}`;
}
