/**
 * The gate in front of the engine, run on every page of an auto-check site: does any table carry a label of the
 * report format in its first rows? It is part of the always-on gate (entrypoints/gate) and of the engine, so it imports
 * nothing and builds nothing when the script loads: on a page without a table it costs one DOM call.
 *
 * It reads the first ROWS_SCANNED rows of each table and looks for a template word in each short row, or, in a long
 * row, in each short cell. A long cell is a layout cell holding a whole page (old gov sites lay pages out in tables):
 * its text is article prose, where 行政处罚 or 自然人 are everyday words, so it never counts; a report table nested
 * inside it is a table of its own in the scan. Reading a short row whole costs one text read instead of one per cell.
 * False positives only cost loading the engine; the gate must not have false negatives on real reports, hence a wide
 * word list (every label word of tables 2–4, checked against lib/template by test/quick-scan.test.ts) and several rows
 * per table (a table's pieces each start with such a label).
 */

const ROWS_SCANNED = 6;

/** A label cell of the template is at most ~40 characters; Word pastes pad it with whitespace and line breaks. */
const MAX_LABEL_CELL_CHARS = 200;
/** A row up to this long is read whole; a longer one cell by cell (only its short cells count). */
const MAX_ROW_CHARS = 400;

/**
 * Words of the template's labels in tables 2–4, without numbering or brackets (so no width folding is needed; 总计
 * alone is in every statistics table, so its row is named with both widths of its brackets):
 * matched against a cell's text with its whitespace and zero-width characters removed. A function, not a constant,
 * so nothing is built where no table is scanned.
 */
export function gateWords(): string[] {
  return [
    // table 2
    '第二十条', '信息内容', '本年制发', '本年废止', '现行有效', '规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制',
    '行政事业性收费',
    // table 3
    '申请人情况', '自然人', '法人或其他组织', '本年新收', '上年结转', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理',
    '其他处理', '结转下年', '（七）总计', '(七)总计',
    // table 4
    '行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结',
  ];
}

export function mayHoldReport(doc: Document): boolean {
  // Indexing the live collection until it runs out never asks for its length (a walk of the whole document).
  const tables = doc.getElementsByTagName('table');
  if (!tables[0]) return false;
  const title = doc.title ?? '';
  if (title.includes('信息公开') && title.includes('年度报告')) return true;
  const words = gateWords();
  for (let t = 0, table = tables[0]; table; table = tables[++t]) {
    if (someFirstRowText(table, ROWS_SCANNED, (text) => mentionsLabel(text, words))) return true;
  }
  return false;
}

/** True when a text, without whitespace and zero-width characters, contains one of `words`. */
export function mentionsLabel(text: string, words: readonly string[]): boolean {
  const label = withoutSpaces(text);
  return words.some((word) => label.includes(word));
}

/**
 * The text without the characters of `\s` and the zero-width ones (U+200B–U+200D, U+2060, U+00AD). A loop, not
 * `replace(/[\s…]+/g, '')`: on a page without a report the gate runs once, and compiling the regular expression
 * (for a two-byte string) was the largest part of its own work (docs/performance.md).
 */
function withoutSpaces(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    out += text.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function isSpace(code: number): boolean {
  if (code < 0x2000) return (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0xad || code === 0x1680;
  return code <= 0x200d || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x2060 || code === 0x3000 || code === 0xfeff;
}

/**
 * Whether `test` holds for the text of a short row in the table's first rows or of a short cell in a long one. The
 * rows are found by walking children (table.rows would index every row of a long table).
 */
function someFirstRowText(table: Element, limit: number, test: (text: string) => boolean): boolean {
  let count = 0;
  const row = (tr: Element) => {
    count++;
    const text = tr.textContent ?? '';
    if (text.length <= MAX_ROW_CHARS) return test(text);
    for (let cell = tr.firstElementChild; cell; cell = cell.nextElementSibling) {
      if (cell.localName !== 'td' && cell.localName !== 'th') continue;
      const cellText = cell.textContent ?? '';
      if (cellText.length <= MAX_LABEL_CELL_CHARS && test(cellText)) return true;
    }
    return false;
  };
  for (let child = table.firstElementChild; child && count < limit; child = child.nextElementSibling) {
    const tag = child.localName;
    if (tag === 'tr') {
      if (row(child)) return true;
    } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      for (let tr = child.firstElementChild; tr && count < limit; tr = tr.nextElementSibling) {
        if (tr.localName === 'tr' && row(tr)) return true;
      }
    }
  }
  return false;
}

/** Table cells on the page (native collections: no script-side walk). */
export function countCells(doc: Document): number {
  return doc.getElementsByTagName('td').length + doc.getElementsByTagName('th').length;
}
