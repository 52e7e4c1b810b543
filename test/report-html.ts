/**
 * Builds report tables as HTML in the shapes published pages use (template-2021.md "Real-world shapes"), with a
 * distinct value in every cell so a mis-mapped row or column shows. Used by test/detect.test.ts and test/parse.test.ts.
 */
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../lib/template';

/** The value written into table 3 at (row index, column index) of the template. */
export const t3Value = (row: number, col: number) => row * 7 + col + 1;
/** The value written into table 4 at (block index, column index). */
export const t4Value = (block: number, col: number) => 500 + block * 10 + col;
export const T2_VALUES = {
  regulations: [1, 2, 3],
  normativeDocuments: [4, 5, 6],
  licensing: 7,
  punishment: 8,
  coercion: 9,
  fees: '18651.06',
};

export interface Markup {
  /** Word paste: labels split over <p>/<span>/<font> with &nbsp;, U+3000 and <o:p>; values with a separate &nbsp;. */
  word?: boolean;
}

const td = (content: string, attrs = '') => `<td${attrs ? ' ' + attrs : ''}>${content}</td>`;

function label(text: string, { word }: Markup): string {
  if (!word) return text;
  const mid = Math.ceil(text.length / 2);
  return (
    `<p class=MsoNormal><span style='font-family:宋体;mso-ascii-font-family:"Times New Roman"'>${text.slice(0, mid)}</span></p>` +
    `<p class=MsoNormal><font face="宋体">\u3000${text.slice(mid)}&nbsp;</font><o:p></o:p></p>`
  );
}

function value(v: string | number, { word }: Markup): string {
  return word ? `<p class=MsoNormal align=center><span lang=EN-US>${v}</span><span>&nbsp;</span><o:p></o:p></p>` : String(v);
}

// ---------- table 2 ----------

export interface Table2Options extends Markup {
  /** Four small tables instead of one. */
  split?: boolean;
  /** 规范性文件 instead of 行政规范性文件. */
  shortNormative?: boolean;
}

/** Table 2's blocks, each a list of <tr>. */
export function table2Blocks(options: Table2Options = {}): string[][] {
  const l = (t: string) => label(t, options);
  const v = (x: string | number) => value(x, options);
  const caption = (item: string) => `<tr>${td(l(`第二十条第（${item}）项`), 'colspan="4"')}</tr>`;
  const single = (header: string, rows: [string, string | number][]) => [
    `<tr>${td(l('信息内容'))}${td(l(header), 'colspan="3"')}</tr>`,
    ...rows.map(([name, x]) => `<tr>${td(l(name))}${td(v(x), 'colspan="3"')}</tr>`),
  ];
  return [
    [
      caption('一'),
      `<tr>${td(l('信息内容'))}${td(l('本年制发件数'))}${td(l('本年废止件数'))}${td(l('现行有效件数'))}</tr>`,
      `<tr>${td(l('规章'))}${T2_VALUES.regulations.map((x) => td(v(x))).join('')}</tr>`,
      `<tr>${td(l(options.shortNormative ? '规范性文件' : '行政规范性文件'))}${T2_VALUES.normativeDocuments.map((x) => td(v(x))).join('')}</tr>`,
    ],
    [caption('五'), ...single('本年处理决定数量', [['行政许可', T2_VALUES.licensing]])],
    [caption('六'), ...single('本年处理决定数量', [['行政处罚', T2_VALUES.punishment], ['行政强制', T2_VALUES.coercion]])],
    [caption('八'), ...single('本年收费金额（单位：万元）', [['行政事业性收费', T2_VALUES.fees]])],
  ];
}

export function table2Html(options: Table2Options = {}): string {
  const blocks = table2Blocks(options);
  return options.split
    ? blocks.map((rows) => `<table border="1"><tbody>${rows.join('')}</tbody></table><p>&nbsp;</p>`).join('\n')
    : `<table border="1"><tbody>${blocks.flat().join('')}</tbody></table>`;
}

/** The 2019 trial format's table 2. */
export function table2Trial2019Html(): string {
  const rows = [
    `<tr>${td('第二十条第（一）项', 'colspan="4"')}</tr>`,
    `<tr>${td('信息内容')}${td('本年新制作数量')}${td('本年新公开数量')}${td('对外公开总数量')}</tr>`,
    `<tr>${td('规章')}${td('1')}${td('2')}${td('3')}</tr>`,
    `<tr>${td('规范性文件')}${td('4')}${td('5')}${td('6')}</tr>`,
    `<tr>${td('第二十条第（五）项', 'colspan="4"')}</tr>`,
    `<tr>${td('信息内容')}${td('上一年项目数量')}${td('本年增/减')}${td('处理决定数量')}</tr>`,
    `<tr>${td('行政许可')}${td('10')}${td('1')}${td('7')}</tr>`,
    `<tr>${td('其他对外管理服务事项')}${td('0')}${td('0')}${td('0')}</tr>`,
    `<tr>${td('第二十条第（八）项', 'colspan="4"')}</tr>`,
    `<tr>${td('信息内容')}${td('上一年项目数量')}${td('本年增/减', 'colspan="2"')}</tr>`,
    `<tr>${td('行政事业性收费')}${td('3')}${td('0', 'colspan="2"')}</tr>`,
    `<tr>${td('第二十条第（九）项', 'colspan="4"')}</tr>`,
    `<tr>${td('信息内容')}${td('采购项目数量')}${td('采购总金额', 'colspan="2"')}</tr>`,
    `<tr>${td('政府集中采购')}${td('2')}${td('30', 'colspan="2"')}</tr>`,
  ];
  return `<table border="1"><tbody>${rows.join('')}</tbody></table>`;
}

// ---------- table 3 ----------

export interface Table3Options extends Markup {
  /** 'rowspan': 自然人/总计 span the two header rows (Pingtan); 'placeholder': empty cells below them (hangzhou-style). */
  header?: 'rowspan' | 'placeholder';
  /** 'rowspan': group labels in rowspan cells; 'ownRow': each group label is a subtotal row with numbers above its leaves. */
  groups?: 'rowspan' | 'ownRow';
  /** A 小计 column under 法人或其他组织, after 其他. */
  legalSubtotal?: boolean;
  /** The 2019 trial format: （六）其他处理 is one row without leaves. */
  trial2019?: boolean;
  /** Only 自然人 and 总计 filled; the 法人或其他组织 cells blank. */
  blankLegal?: boolean;
}

const SUBTOTAL = 900;
const LEGAL_SUBTOTAL = 800;

export function table3Rows(options: Table3Options = {}): string[] {
  const l = (t: string) => label(t, options);
  const v = (x: string | number) => value(x, options);
  const legal = options.legalSubtotal ? ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '小计'] : ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
  const placeholder = options.header === 'placeholder';
  const rows: string[] = [
    `<tr>${td(l('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), 'colspan="3" rowspan="3"')}${td(l('申请人情况'), `colspan="${legal.length + 2}"`)}</tr>`,
    `<tr>${td(l('自然人'), placeholder ? '' : 'rowspan="2"')}${td(l('法人或其他组织'), `colspan="${legal.length}"`)}${td(l('总计'), placeholder ? '' : 'rowspan="2"')}</tr>`,
    `<tr>${placeholder ? td('') : ''}${legal.map((h) => td(l(h))).join('')}${placeholder ? td('') : ''}</tr>`,
  ];
  const values = (rowIndex: number) =>
    TABLE3_COLUMNS.map((_, j) => (options.blankLegal && j >= 1 && j <= 5 ? '&nbsp;' : v(t3Value(rowIndex, j))));
  const valueCells = (rowIndex: number) => {
    const cells = values(rowIndex);
    if (options.legalSubtotal) cells.splice(6, 0, v(LEGAL_SUBTOTAL + rowIndex));
    return cells.map((c) => td(c)).join('');
  };
  const subtotalCells = () => Array.from({ length: legal.length + 2 }, (_, j) => td(v(SUBTOTAL + j))).join('');

  const groups = [...new Set(TABLE3_ROWS.map((r) => r.group).filter(Boolean))] as string[];
  const resultRows = TABLE3_ROWS.filter((r) => r.key.startsWith('results.'));
  const ownRow = options.groups === 'ownRow';
  const otherOneRow = options.trial2019;
  const resultRowCount =
    resultRows.length + (ownRow ? groups.length : 0) - (otherOneRow ? (ownRow ? 3 : 2) : 0);
  let resultsOpened = false;
  const openResults = () => {
    if (resultsOpened) return '';
    resultsOpened = true;
    return td(l('三、本年度办理结果'), `rowspan="${resultRowCount}"`);
  };

  TABLE3_ROWS.forEach((row, i) => {
    if (!row.key.startsWith('results.')) {
      rows.push(`<tr>${td(l(row.zh), 'colspan="3"')}${valueCells(i)}</tr>`);
      return;
    }
    if (!row.group) {
      rows.push(`<tr>${openResults()}${td(l(row.zh), 'colspan="2"')}${valueCells(i)}</tr>`);
      return;
    }
    const leaves = TABLE3_ROWS.filter((r) => r.group === row.group);
    const first = leaves[0] === row;
    if (otherOneRow && row.group === '（六）其他处理') {
      if (first) rows.push(`<tr>${openResults()}${td(l('（六）其他处理'), 'colspan="2"')}${subtotalCells()}</tr>`);
      return;
    }
    if (ownRow) {
      if (first) rows.push(`<tr>${openResults()}${td(l(row.group), 'colspan="2"')}${subtotalCells()}</tr>`);
      rows.push(`<tr>${openResults()}${td(l(row.zh), 'colspan="2"')}${valueCells(i)}</tr>`);
    } else {
      const groupCell = first ? td(l(row.group), `rowspan="${leaves.length}"`) : '';
      rows.push(`<tr>${openResults()}${groupCell}${td(l(row.zh))}${valueCells(i)}</tr>`);
    }
  });
  return rows;
}

export const table3Html = (options: Table3Options = {}) =>
  `<table border="1"><tbody>${table3Rows(options).join('')}</tbody></table>`;

// ---------- table 4 ----------

export interface Table4Options extends Markup {
  header?: 'rowspan' | 'placeholder';
  /** The heading typo 行政法复议. */
  typo?: boolean;
}

export function table4Rows(options: Table4Options = {}): string[] {
  const l = (t: string) => label(t, options);
  const v = (x: string | number) => value(x, options);
  const sub = TABLE4_COLUMNS.map((c) => c.zh);
  const placeholder = options.header === 'placeholder';
  return [
    `<tr>${td(l(options.typo ? '行政法复议' : '行政复议'), 'colspan="5"')}${td(l('行政诉讼'), 'colspan="10"')}</tr>`,
    `<tr>${sub.map((h) => td(l(h), placeholder ? '' : 'rowspan="2"')).join('')}${td(l('未经复议直接起诉'), 'colspan="5"')}${td(l('复议后起诉'), 'colspan="5"')}</tr>`,
    `<tr>${placeholder ? sub.map(() => td('')).join('') : ''}${[...sub, ...sub].map((h) => td(l(h))).join('')}</tr>`,
    `<tr>${TABLE4_BLOCKS.flatMap((_, b) => sub.map((__, c) => td(v(t4Value(b, c))))).join('')}</tr>`,
  ];
}

export const table4Html = (options: Table4Options = {}) =>
  `<table border="1"><tbody>${table4Rows(options).join('')}</tbody></table>`;

// ---------- pages ----------

export const METADATA_TABLE = `<table class="meta"><tr><td>索引号</td><td>000014348/2024-00012</td><td>发布机构</td><td>某某区人民政府办公室</td></tr>
<tr><td>标题</td><td colspan="3">某某区2023年政府信息公开工作年度报告</td></tr><tr><td>文号</td><td></td><td>发布日期</td><td>2024-01-20</td></tr></table>`;

export function page(body: string, title = '某某区2023年政府信息公开工作年度报告'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="article">${body}</div></body></html>`;
}

export function standardPage(options: { t2?: Table2Options; t3?: Table3Options; t4?: Table4Options; metadata?: boolean } = {}) {
  return page(
    (options.metadata ? METADATA_TABLE : '') +
      '<p>二、主动公开政府信息情况</p>' +
      table2Html(options.t2) +
      '<p>三、收到和处理政府信息公开申请情况</p>' +
      table3Html(options.t3) +
      '<p>四、政府信息公开行政复议、行政诉讼情况</p>' +
      table4Html(options.t4),
  );
}
