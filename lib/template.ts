/**
 * The national format of 2021 (国办公开办函〔2021〕30号) as data: every row and column of tables 2, 3 and 4,
 * with the JSON key it is exported under and the labels it is printed with. Detection, parsing, rules,
 * messages and TSV export all read from here, so the template is written down once.
 */

export type Severity = 'error' | 'warning' | 'info';

// ---------- Table 3 ----------

export interface Table3Column {
  /** Key path inside a table-3 column group, e.g. `naturalPerson` or `legalPerson.commercial`. */
  key: string;
  zh: string;
  en: string;
}

export const TABLE3_COLUMNS: readonly Table3Column[] = [
  { key: 'naturalPerson', zh: '自然人', en: 'Natural persons' },
  { key: 'legalPerson.commercial', zh: '商业企业', en: 'Commercial enterprises' },
  { key: 'legalPerson.research', zh: '科研机构', en: 'Research institutions' },
  { key: 'legalPerson.social', zh: '社会公益组织', en: 'Social welfare organisations' },
  { key: 'legalPerson.legal', zh: '法律服务机构', en: 'Legal service organisations' },
  { key: 'legalPerson.other', zh: '其他', en: 'Other' },
  { key: 'total', zh: '总计', en: 'Total' },
] as const;

/** The six applicant columns whose sum is the 总计 column (T3-ROW). */
export const TABLE3_APPLICANT_COLUMNS = TABLE3_COLUMNS.slice(0, 6);
export const TABLE3_TOTAL_COLUMN = TABLE3_COLUMNS[6];

export interface Table3Row {
  /** Key path inside one column, e.g. `results.denied.stateSecret`. */
  key: string;
  /** The label as the template prints it (the leaf part only, e.g. `1.属于国家秘密`). */
  zh: string;
  /** Group label for leaves under （三）–（六）, e.g. `（三）不予公开`. */
  group?: string;
  en: string;
  /** One of the 21 leaf rows whose sum is （七）总计 (T3-RESULTS). */
  leaf: boolean;
}

export const TABLE3_ROWS: readonly Table3Row[] = [
  { key: 'newReceived', zh: '一、本年新收政府信息公开申请数量', en: 'I. New requests this year', leaf: false },
  { key: 'carriedOver', zh: '二、上年结转政府信息公开申请数量', en: 'II. Carried over from last year', leaf: false },
  { key: 'results.granted', zh: '（一）予以公开', en: '(1) Disclosed', leaf: true },
  { key: 'results.partialGrant', zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: '(2) Partly disclosed', leaf: true },
  { key: 'results.denied.stateSecret', group: '（三）不予公开', zh: '1.属于国家秘密', en: '(3) Not disclosed: 1. State secret', leaf: true },
  { key: 'results.denied.lawForbidden', group: '（三）不予公开', zh: '2.其他法律行政法规禁止公开', en: '(3) 2. Forbidden by other laws', leaf: true },
  { key: 'results.denied.safetyStability', group: '（三）不予公开', zh: '3.危及“三安全一稳定”', en: '(3) 3. Endangers security or stability', leaf: true },
  { key: 'results.denied.thirdPartyRights', group: '（三）不予公开', zh: '4.保护第三方合法权益', en: '(3) 4. Third-party rights', leaf: true },
  { key: 'results.denied.internalAffairs', group: '（三）不予公开', zh: '5.属于三类内部事务信息', en: '(3) 5. Internal affairs', leaf: true },
  { key: 'results.denied.processInfo', group: '（三）不予公开', zh: '6.属于四类过程性信息', en: '(3) 6. Process information', leaf: true },
  { key: 'results.denied.enforcementCase', group: '（三）不予公开', zh: '7.属于行政执法案卷', en: '(3) 7. Enforcement case file', leaf: true },
  { key: 'results.denied.adminQuery', group: '（三）不予公开', zh: '8.属于行政查询事项', en: '(3) 8. Administrative query', leaf: true },
  { key: 'results.unableToProvide.noInfo', group: '（四）无法提供', zh: '1.本机关不掌握相关政府信息', en: '(4) Unable: 1. Not held', leaf: true },
  { key: 'results.unableToProvide.needCreation', group: '（四）无法提供', zh: '2.没有现成信息需要另行制作', en: '(4) 2. Would need creating', leaf: true },
  { key: 'results.unableToProvide.unclear', group: '（四）无法提供', zh: '3.补正后申请内容仍不明确', en: '(4) 3. Still unclear after correction', leaf: true },
  { key: 'results.notProcessed.complaint', group: '（五）不予处理', zh: '1.信访举报投诉类申请', en: '(5) Not processed: 1. Petition or complaint', leaf: true },
  { key: 'results.notProcessed.repeat', group: '（五）不予处理', zh: '2.重复申请', en: '(5) 2. Repeated request', leaf: true },
  { key: 'results.notProcessed.publication', group: '（五）不予处理', zh: '3.要求提供公开出版物', en: '(5) 3. Published material', leaf: true },
  { key: 'results.notProcessed.massiveRequests', group: '（五）不予处理', zh: '4.无正当理由大量反复申请', en: '(5) 4. Mass repeated requests', leaf: true },
  { key: 'results.notProcessed.confirmInfo', group: '（五）不予处理', zh: '5.要求行政机关确认或重新出具已获取信息', en: '(5) 5. Confirm or reissue information', leaf: true },
  { key: 'results.other.overdueCorrection', group: '（六）其他处理', zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: '(6) Other: 1. No correction in time', leaf: true },
  { key: 'results.other.overdueFee', group: '（六）其他处理', zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: '(6) 2. Fee not paid in time', leaf: true },
  { key: 'results.other.otherReasons', group: '（六）其他处理', zh: '3.其他', en: '(6) 3. Other', leaf: true },
  { key: 'results.totalProcessed', zh: '（七）总计', en: '(7) Total processed', leaf: false },
  { key: 'carriedForward', zh: '四、结转下年度继续办理', en: 'IV. Carried forward to next year', leaf: false },
] as const;

export const TABLE3_LEAF_ROWS = TABLE3_ROWS.filter((r) => r.leaf);

// ---------- Table 4 ----------

export const TABLE4_BLOCKS = [
  { key: 'review', zh: '行政复议', en: 'Administrative review' },
  { key: 'litigationDirect', zh: '行政诉讼·未经复议直接起诉', en: 'Litigation without prior review' },
  { key: 'litigationPostReview', zh: '行政诉讼·复议后起诉', en: 'Litigation after review' },
] as const;

export const TABLE4_COLUMNS = [
  { key: 'maintain', zh: '结果维持', en: 'Upheld' },
  { key: 'correct', zh: '结果纠正', en: 'Corrected' },
  { key: 'other', zh: '其他结果', en: 'Other result' },
  { key: 'unfinished', zh: '尚未审结', en: 'Pending' },
  { key: 'total', zh: '总计', en: 'Total' },
] as const;

// ---------- Table 2 ----------

export const TABLE2_COUNT_COLUMNS = [
  { key: 'made', zh: '本年制发件数', en: 'Issued this year' },
  { key: 'repealed', zh: '本年废止件数', en: 'Repealed this year' },
  { key: 'valid', zh: '现行有效件数', en: 'In force' },
] as const;

/** Table 2's value paths with labels; `decimal` marks the fee (万元), the only non-integer value in the format. */
export const TABLE2_ITEMS = [
  { key: 'regulations', zh: '规章', en: 'Regulations', block: '第二十条第（一）项', multi: true, decimal: false },
  { key: 'normativeDocuments', zh: '行政规范性文件', en: 'Normative documents', block: '第二十条第（一）项', multi: true, decimal: false },
  { key: 'licensing', zh: '行政许可', en: 'Administrative licensing', block: '第二十条第（五）项', multi: false, decimal: false },
  { key: 'punishment', zh: '行政处罚', en: 'Administrative penalties', block: '第二十条第（六）项', multi: false, decimal: false },
  { key: 'coercion', zh: '行政强制', en: 'Administrative coercion', block: '第二十条第（六）项', multi: false, decimal: false },
  { key: 'fees', zh: '行政事业性收费', en: 'Administrative fees (10k yuan)', block: '第二十条第（八）项', multi: false, decimal: true },
] as const;

/** The one value column's header in each of table 2's single-value blocks (the 第二十条第（一）项 block has TABLE2_COUNT_COLUMNS). */
const TABLE2_VALUE_HEADERS: Readonly<Record<string, { zh: string; en: string }>> = {
  '第二十条第（五）项': { zh: '本年处理决定数量', en: 'Decisions this year' },
  '第二十条第（六）项': { zh: '本年处理决定数量', en: 'Decisions this year' },
  '第二十条第（八）项': { zh: '本年收费金额（单位：万元）', en: 'Fees this year (10k yuan)' },
};

// ---------- Formats: the 2019 trial format beside the 2021 one ----------

/**
 * '2021': the national format (国办公开办函〔2021〕30号). '2019': the trial format it replaced, used for the 2019 and
 * 2020 reports (and by some bodies later). They differ in table 2 (other blocks and columns) and in table 3's
 * （六）其他处理, one row in 2019; table 4 is the same.
 */
export type ReportFormat = '2021' | '2019';

/** A value column of a table-2 block. `key` null: the block's one value column (the cell's path is `table2.<item>`). */
export interface Table2Column {
  key: string | null;
  zh: string;
  en: string;
  /** May hold a decimal fraction (the fee in 万元, the procurement amount). */
  decimal?: boolean;
  /** May be negative (本年增/减). */
  signed?: boolean;
  /** Units a value may be written with (`251000元`); the value is the number as written. */
  units?: readonly string[];
}

export interface Table2Item {
  key: string;
  zh: string;
  en: string;
}

/** One block of table 2: its caption (第二十条第（一）项…), value columns and rows. */
export interface Table2Block {
  caption: string;
  columns: readonly Table2Column[];
  items: readonly Table2Item[];
}

const TABLE2_BLOCKS_2021: readonly Table2Block[] = [...new Set(TABLE2_ITEMS.map((i) => i.block))].map((caption) => {
  const items = TABLE2_ITEMS.filter((i) => i.block === caption);
  const columns: Table2Column[] = items[0].multi
    ? TABLE2_COUNT_COLUMNS.map((c) => ({ key: c.key, zh: c.zh, en: c.en }))
    : [{ key: null, ...TABLE2_VALUE_HEADERS[caption], decimal: items[0].decimal }];
  return { caption, columns, items: items.map(({ key, zh, en }) => ({ key, zh, en })) };
});

const PROJECT_COLUMNS: readonly Table2Column[] = [
  { key: 'previousItems', zh: '上一年项目数量', en: 'Items last year' },
  { key: 'change', zh: '本年增/减', en: 'Change this year', signed: true },
];
const DECISIONS_COLUMN: Table2Column = { key: 'decisions', zh: '处理决定数量', en: 'Decisions' };

/** Table 2 of the 2019 trial format. Its column keys differ from 2021's: the quantities are not the same. */
const TABLE2_BLOCKS_2019: readonly Table2Block[] = [
  {
    caption: '第二十条第（一）项',
    columns: [
      { key: 'newlyMade', zh: '本年新制作数量', en: 'Newly made this year' },
      { key: 'newlyPublished', zh: '本年新公开数量', en: 'Newly published this year' },
      { key: 'totalPublished', zh: '对外公开总数量', en: 'Published in total' },
    ],
    items: [
      { key: 'regulations', zh: '规章', en: 'Regulations' },
      { key: 'normativeDocuments', zh: '规范性文件', en: 'Normative documents' },
    ],
  },
  {
    caption: '第二十条第（五）项',
    columns: [...PROJECT_COLUMNS, DECISIONS_COLUMN],
    items: [
      { key: 'licensing', zh: '行政许可', en: 'Administrative licensing' },
      { key: 'otherServices', zh: '其他对外管理服务事项', en: 'Other external management services' },
    ],
  },
  {
    caption: '第二十条第（六）项',
    columns: [...PROJECT_COLUMNS, DECISIONS_COLUMN],
    items: [
      { key: 'punishment', zh: '行政处罚', en: 'Administrative penalties' },
      { key: 'coercion', zh: '行政强制', en: 'Administrative coercion' },
    ],
  },
  {
    caption: '第二十条第（八）项',
    columns: PROJECT_COLUMNS,
    items: [{ key: 'fees', zh: '行政事业性收费', en: 'Administrative fees' }],
  },
  {
    caption: '第二十条第（九）项',
    columns: [
      { key: 'projects', zh: '采购项目数量', en: 'Procurement projects' },
      { key: 'totalAmount', zh: '采购总金额', en: 'Total procurement amount', decimal: true, units: ['万元', '元'] },
    ],
    items: [{ key: 'procurement', zh: '政府集中采购', en: 'Centralised government procurement' }],
  },
];

/** Table 2's blocks in each format, in the order the template prints them. */
export const TABLE2_BLOCKS: Readonly<Record<ReportFormat, readonly Table2Block[]>> = {
  '2021': TABLE2_BLOCKS_2021,
  '2019': TABLE2_BLOCKS_2019,
};

/** （六）其他处理 printed as one row (the 2019 template; some later reports too): it stands for the three leaves. */
export const TABLE3_OTHER_ROW: Table3Row = { key: 'results.other', zh: '（六）其他处理', en: '(6) Other handling', leaf: true };

/** Whether each format's template prints （六）其他处理 as one row. */
export const OTHER_ONE_ROW: Readonly<Record<ReportFormat, boolean>> = { '2021': false, '2019': true };

/** Table 3's rows with （六） as its three leaves (the 2021 template) or as one row. */
export function table3RowsWith(otherOneRow: boolean): readonly Table3Row[] {
  return otherOneRow ? TABLE3_ROWS_OTHER_ONE_ROW : TABLE3_ROWS;
}
const TABLE3_ROWS_OTHER_ONE_ROW: readonly Table3Row[] = TABLE3_ROWS.flatMap((row) => {
  if (row.group !== TABLE3_OTHER_ROW.zh) return [row];
  return row.key === 'results.other.overdueCorrection' ? [TABLE3_OTHER_ROW] : [];
});

/**
 * Table 3's rows in every layout, in reading order: the one-row （六） just before its three leaves. For code that
 * walks rows whatever the page prints (a report holds either the one row or the leaves; the others are absent).
 */
export const TABLE3_ROWS_EVERY_LAYOUT: readonly Table3Row[] = TABLE3_ROWS.flatMap((row) =>
  row.key === 'results.other.overdueCorrection' ? [TABLE3_OTHER_ROW, row] : [row],
);

/** The result groups （一）…（六） of table 3, keyed as under `results` (a group's rows are `results.<key>[.<leaf>]`). */
export const TABLE3_RESULT_GROUPS = [
  { key: 'granted', zh: '（一）予以公开', en: '(1) Disclosed' },
  { key: 'partialGrant', zh: '（二）部分公开', en: '(2) Partly disclosed' },
  { key: 'denied', zh: '（三）不予公开', en: '(3) Not disclosed' },
  { key: 'unableToProvide', zh: '（四）无法提供', en: '(4) Unable to provide' },
  { key: 'notProcessed', zh: '（五）不予处理', en: '(5) Not processed' },
  { key: 'other', zh: '（六）其他处理', en: '(6) Other handling' },
] as const;
export type Table3ResultGroup = (typeof TABLE3_RESULT_GROUPS)[number]['key'];
