/**
 * The words of the batch (the popup's column offer and previous-year note, the results page, the options page's
 * history list), Chinese first; the table is kept apart so each feature owns its strings, the mechanism is
 * utils/i18n.ts's (`pick`, and `fill` for the placeholders).
 */
import type { Bilingual } from '@/lib/rules/labels';
import { pick } from './i18n';
import type { Language } from './settings';

const STRINGS = {
  // popup: the column
  checkColumn: { zh: '核验本栏目全部年报', en: 'Check every report in this column' },
  linksFound: { zh: '找到 {n} 个年报链接', en: '{n} report links found' },
  otherHostLinks: { zh: '另有 {n} 个指向其他网站的链接，不会访问', en: '{n} more point to other sites and will not be fetched' },
  pageLimit: { zh: '最多读取栏目页数', en: 'List pages to read at most' },
  pageLimitHelp: {
    zh: '本栏目有下一页时，按栏目自己的翻页链接继续读取，直到此页数。只访问本网站（{host}），每次最多 2 个请求，请求之间暂停 1 秒。',
    en: "Where the column has further pages, its own next-page links are followed up to this many pages. Only this site ({host}) is fetched, at most 2 requests at a time, 1 s apart.",
  },
  openLastResults: { zh: '打开上次的结果（{done}/{total}）', en: 'Open the last results ({done}/{total})' },
  accessDenied: { zh: '未获得访问 {host} 的权限，无法批量核验。', en: 'Access to {host} was not granted: the batch cannot run.' },
  // popup: last year
  previousYear: { zh: '上年报告', en: "Last year's report" },
  previousFound: { zh: '已与上年报告核对结转：{name}', en: 'Carry-over checked against last year: {name}' },
  previousMissing: {
    zh: '历史记录中没有{body}{year}年的报告，未核对上年结转。',
    en: "{body}'s {year} report is not in the history: the carry-over is not checked.",
  },
  previousNoIdentity: { zh: '未识别机关名称或年度，无法查找上年报告。', en: 'No body name or year found: last year cannot be looked up.' },
  checkPreviousLink: { zh: '核验上年报告：{text}', en: "Check last year's report: {text}" },
  previousAmbiguous: {
    zh: '历史中有 {n} 份可能的上年报告，请选择一份：',
    en: '{n} reports could be last year\'s. Pick one:',
  },
  usePrevious: { zh: '用这份核对', en: 'Use this one' },
  // results page
  batchTitle: { zh: '批量核验结果', en: 'Batch results' },
  column: { zh: '栏目', en: 'Column' },
  summaryLine: { zh: '{n} 份报告，{m} 份有错误', en: '{n} reports, {m} with errors' },
  summaryDetail: {
    zh: '链接 {links} 个：已核验 {checked}，未能读取 {failed}，未访问 {skipped}，待核验 {pending}',
    en: '{links} links: {checked} checked, {failed} could not be read, {skipped} not fetched, {pending} pending',
  },
  progress: { zh: '进度', en: 'Progress' },
  progressText: { zh: '已处理 {done}/{total}', en: '{done} of {total} processed' },
  listPages: { zh: '已读取栏目 {n} 页（上限 {limit} 页）', en: '{n} list pages read (limit {limit})' },
  listMore: { zh: '已到页数上限，栏目还有下一页未读取。', en: 'The page limit is reached; the column has further pages not read.' },
  listProblem: { zh: '栏目翻页中断：{e}', en: 'Paging stopped: {e}' },
  pause: { zh: '暂停', en: 'Pause' },
  resume: { zh: '继续', en: 'Resume' },
  cancel: { zh: '取消', en: 'Cancel' },
  stateRunning: { zh: '正在核验…', en: 'Checking…' },
  statePaused: { zh: '已暂停', en: 'Paused' },
  stateCancelled: { zh: '已取消', en: 'Cancelled' },
  stateDone: { zh: '已完成', en: 'Done' },
  noJob: { zh: '找不到这次批量核验的记录。', en: 'This batch is not found.' },
  filterStatus: { zh: '按状态筛选', en: 'Filter by status' },
  filterText: { zh: '按机关或标题筛选', en: 'Filter by body or title' },
  all: { zh: '全部', en: 'All' },
  withErrors: { zh: '有错误', en: 'With errors' },
  withWarnings: { zh: '有警告', en: 'With warnings' },
  problems: { zh: '未能读取或未访问', en: 'Not read or not fetched' },
  shown: { zh: '显示 {n} 行', en: '{n} rows shown' },
  colN: { zh: '序号', en: 'No.' },
  colBody: { zh: '机关', en: 'Body' },
  colYear: { zh: '年度', en: 'Year' },
  colReport: { zh: '报告', en: 'Report' },
  colStatus: { zh: '状态', en: 'Status' },
  colErrors: { zh: '错误', en: 'Errors' },
  colWarnings: { zh: '警告', en: 'Warnings' },
  colBlanks: { zh: '空白', en: 'Blanks' },
  colText: { zh: '文字不符', en: 'Text' },
  colCrossYear: { zh: '跨年结转', en: 'Carry-over' },
  sortBy: { zh: '按{c}排序', en: 'Sort by {c}' },
  openReport: { zh: '打开报告并显示标记', en: 'Open the report with its badges' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportXlsx: { zh: '导出 Excel (.xlsx)', en: 'Export Excel (.xlsx)' },
  exportJson: { zh: '导出 JSON（每份报告）', en: 'Export JSON (every report)' },
  exported: { zh: '已导出 {f}', en: 'Exported {f}' },
  // options: history
  history: { zh: '已核验报告的历史记录', en: 'History of checked reports' },
  historyHelp: {
    zh: '用于核对上年结转：每份报告保存机关、年度、网址和结转、现行有效件数等单元格，只保存在本浏览器中，从不发送。',
    en: "For the carry-over check: each report's body, year, URL and the carried-forward and in-force cells, kept in this browser only and never sent.",
  },
  historyEmpty: { zh: '暂无记录。', en: 'Nothing yet.' },
  historyCount: { zh: '共 {n} 份', en: '{n} reports' },
  checkedAt: { zh: '核验时间', en: 'Checked' },
  clearHistory: { zh: '清空历史记录', en: 'Clear the history' },
  historyCleared: { zh: '历史记录已清空', en: 'History cleared' },
  forget: { zh: '删除', en: 'Remove' },
  forgetLabel: { zh: '删除 {name}', en: 'Remove {name}' },
} satisfies Record<string, Bilingual>;

export type BatchStringKey = keyof typeof STRINGS;

export function tb(lang: Language): Record<BatchStringKey, string> {
  return pick(STRINGS, lang);
}
