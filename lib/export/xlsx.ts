/**
 * The batch summary table as an Excel workbook (.xlsx), with the same columns and values as the CSV
 * (lib/export/csv.ts): one sheet, a bold frozen header row, numbers as numbers and text as inline strings (a title
 * starting with `=` stays text: no formula is ever written).
 *
 * Written as the few SpreadsheetML parts Excel needs and zipped with fflate, rather than with a spreadsheet library:
 * ExcelJS's browser build adds 930 KB to the extension and calls the Function constructor, which the add-on store's
 * linter rejects (DANGEROUS_EVAL) and the extension's CSP forbids. The tests read the file back with ExcelJS.
 */
import { strToU8, zipSync } from 'fflate';
import type { SummaryRow } from '../batch/summary';
import { SUMMARY_HEADERS, summaryCsvValues, type CsvValue } from './csv';
import type { Lang } from './tsv';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function summaryXlsx(rows: readonly SummaryRow[], lang: Lang, sheetName = '年报核验'): Uint8Array {
  const table: CsvValue[][] = [[...SUMMARY_HEADERS], ...rows.map((row) => summaryCsvValues(row, lang))];
  return workbook(sheetName, table);
}

/** A workbook of one sheet; the first row is the header (bold, frozen). */
function workbook(sheetName: string, table: readonly (readonly CsvValue[])[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>`),
    '_rels/.rels': xml(`<Relationships xmlns="${PKG_REL_NS}">
<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`),
    'xl/workbook.xml': xml(`<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">
<sheets><sheet name="${escape(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets>
</workbook>`),
    'xl/_rels/workbook.xml.rels': xml(`<Relationships xmlns="${PKG_REL_NS}">
<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>
</Relationships>`),
    'xl/styles.xml': xml(`<styleSheet xmlns="${MAIN_NS}">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
</styleSheet>`),
    'xl/worksheets/sheet1.xml': xml(sheet(table)),
  };
  return zipSync(files, { level: 6 });
}

function sheet(table: readonly (readonly CsvValue[])[]): string {
  const width = Math.max(1, ...table.map((row) => row.length));
  const widths = Array.from({ length: width }, (_, c) =>
    Math.min(60, Math.max(8, ...table.slice(0, 200).map((row) => displayWidth(row[c] ?? '') + 2))),
  );
  const cols = widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('');
  const rows = table
    .map((row, r) => {
      const style = r === 0 ? ' s="1"' : '';
      const cells = row
        .map((value, c) => {
          const ref = `${column(c)}${r + 1}`;
          if (value === null || value === '') return '';
          if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
          return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('\n');
  return `<worksheet xmlns="${MAIN_NS}">
<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
<cols>${cols}</cols>
<sheetData>
${rows}
</sheetData>
</worksheet>`;
}

/** 0 → A, 25 → Z, 26 → AA. */
function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Characters wide, a CJK character counting two. */
function displayWidth(value: CsvValue): number {
  let width = 0;
  for (const ch of String(value)) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

function xml(body: string): Uint8Array {
  return strToU8(XML_HEAD + body);
}

/** XML text: the five entities, and no control character XML 1.0 cannot hold. */
function escape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
