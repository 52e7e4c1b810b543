/**
 * A gate in front of the engine for pages that auto-check runs on: is there any table whose first rows carry a
 * label of the report format? It reads only a few rows per table, so a big page without a report costs well under a
 * millisecond, where the engine would walk the whole document. A page titled as a disclosure report always passes.
 * False positives only cost the full check; the gate must not have false negatives on real reports, hence a wide
 * keyword list taken from the template and several rows per table (a table's pieces each start with such a label).
 */
import { normaliseLabel } from '@/lib/text';
import { TABLE2_COUNT_COLUMNS, TABLE2_ITEMS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '@/lib/template';

const ROWS_SCANNED = 6;

/** Built when the gate first reads a table: the content script loads on every *.gov.cn page, many without a table. */
let keywords: string[] | undefined;
const buildKeywords = (): string[] => [
  ...new Set(
    [
      '申请人情况',
      '法人或其他组织',
      '第二十条',
      '信息内容',
      TABLE3_COLUMNS[0].zh,
      ...TABLE3_ROWS.map((row) => row.group ?? row.zh.slice(0, 6)),
      ...TABLE4_BLOCKS.map((block) => block.zh.split('·')[0]),
      ...TABLE4_COLUMNS.slice(0, 4).map((column) => column.zh),
      ...TABLE2_COUNT_COLUMNS.map((column) => column.zh.slice(0, 4)),
      ...TABLE2_ITEMS.map((item) => item.zh),
    ].map(normaliseLabel),
  ),
];

const TITLE_WORDS = ['信息公开', '年度报告'];

export function mayHoldReport(doc: Document): boolean {
  // Indexing the live collection until it runs out never asks for its length (a walk of the whole document).
  const tables = doc.getElementsByTagName('table');
  if (!tables[0]) return false;
  const title = doc.title ?? '';
  if (TITLE_WORDS.every((word) => title.includes(word))) return true;
  for (let t = 0, table = tables[0]; table; table = tables[++t]) {
    const label = normaliseLabel(firstRowsText(table, ROWS_SCANNED));
    keywords ??= buildKeywords();
    if (keywords.some((keyword) => label.includes(keyword))) return true;
  }
  return false;
}

/** Text of a table's first rows, found by walking children (table.rows would index every row of a long table). */
function firstRowsText(table: Element, limit: number): string {
  let text = '';
  let count = 0;
  for (let child = table.firstElementChild; child && count < limit; child = child.nextElementSibling) {
    const tag = child.localName;
    if (tag === 'tr') {
      text += child.textContent ?? '';
      count++;
    } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      for (let row = child.firstElementChild; row && count < limit; row = row.nextElementSibling) {
        if (row.localName !== 'tr') continue;
        text += row.textContent ?? '';
        count++;
      }
    }
  }
  return text;
}

/** Table cells on the page (native collections: no script-side walk). */
export function countCells(doc: Document): number {
  return doc.getElementsByTagName('td').length + doc.getElementsByTagName('th').length;
}
