/**
 * Tables as tab-separated text that pastes into a spreadsheet: one block per table, labelled with the row and column
 * labels of the report's template (lib/template.ts: the 2019 format's table 2; a one-row （六） as one row). Numbers are written as plain numbers; any cell that
 * is not a number keeps its raw text (`/`, `详见附件`), and blank or missing cells stay empty. Pure.
 */
import type { Cell, Report, TableId } from '../report';
import { cellAt, knownValue, layoutOf, table2Path, table3Path, table4Path } from '../paths';
import { TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE4_BLOCKS, TABLE4_COLUMNS, table3RowsWith } from '../template';
import { TABLE_IDS } from './json';

type Row = string[];
/** The two languages of labels (as in utils/settings.ts, which lib/ does not import). */
export type Lang = 'zh' | 'en';

/** The headings of the three tables as the template prints them. */
export const TABLE_TITLES: Record<TableId, { zh: string; en: string }> = {
  table2: { zh: '二、主动公开政府信息情况', en: 'II. Proactive disclosure' },
  table3: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Requests received and handled' },
  table4: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: 'IV. Administrative review and litigation' },
};

const ITEM_HEADER = { zh: '信息内容', en: 'Item' };
const TABLE4_ROW_HEADER = { zh: '类别', en: 'Kind' };
const TABLE_ABSENT = { zh: '（本页未找到此表）', en: '(table not found on this page)' };

/** All three tables, one block each, separated by an empty line. */
export function reportToTsv(report: Report, lang: Lang = 'zh'): string {
  return TABLE_IDS.map((id) => tableToTsv(report, id, lang)).join('\n');
}

/** One table as a block: its title row, header rows, then one line per template row. */
export function tableToTsv(report: Report, table: TableId, lang: Lang = 'zh'): string {
  const rows: Row[] = [[TABLE_TITLES[table][lang]]];
  if (report[table] === null) rows.push([TABLE_ABSENT[lang]]);
  else rows.push(...BLOCK_ROWS[table](report, lang));
  return rows.map((row) => row.map(tsvField).join('\t')).join('\n') + '\n';
}

const BLOCK_ROWS: Record<TableId, (report: Report, lang: Lang) => Row[]> = {
  table2: table2Rows,
  table3: table3Rows,
  table4: table4Rows,
};

/** Table 2 block by block as the report's format prints it: caption, header, one line per item. */
function table2Rows(report: Report, lang: Lang): Row[] {
  const rows: Row[] = [];
  for (const block of TABLE2_BLOCKS[report.format]) {
    rows.push([block.caption]);
    rows.push([ITEM_HEADER[lang], ...block.columns.map((c) => c[lang])]);
    for (const item of block.items) {
      const paths = block.columns.map((c) => table2Path(item.key, c.key ?? undefined));
      rows.push([item[lang], ...paths.map((p) => cellText(cellAt(report, p)))]);
    }
  }
  return rows;
}

/** Two label columns (the group, e.g. （三）不予公开, and the row), then the seven applicant columns; （六） as printed. */
function table3Rows(report: Report, lang: Lang): Row[] {
  const header = ['', '', ...TABLE3_COLUMNS.map((c) => c[lang])];
  const body = table3RowsWith(layoutOf(report).otherOneRow).map((row) => [
    lang === 'zh' ? (row.group ?? '') : '',
    row[lang],
    ...TABLE3_COLUMNS.map((col) => cellText(cellAt(report, table3Path(col.key, row.key)))),
  ]);
  return [header, ...body];
}

/** The template prints table 4 as one row of 15; here each block is a row, which a spreadsheet sums more easily. */
function table4Rows(report: Report, lang: Lang): Row[] {
  const header = [TABLE4_ROW_HEADER[lang], ...TABLE4_COLUMNS.map((c) => c[lang])];
  const body = TABLE4_BLOCKS.map((block) => [
    block[lang],
    ...TABLE4_COLUMNS.map((col) => cellText(cellAt(report, table4Path(block.key, col.key)))),
  ]);
  return [header, ...body];
}

/** A number as a number; anything else as its raw text, trimmed; blank and missing cells empty. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  const value = knownValue(cell);
  if (value !== null) return String(value);
  if (cell.kind === 'blank' || cell.kind === 'missing') return '';
  return cell.raw.trim();
}

/**
 * Quotes a field the way spreadsheets read pasted TSV: a field holding a tab, a line break or a double quote
 * is wrapped in double quotes, with inner quotes doubled.
 */
export function tsvField(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
