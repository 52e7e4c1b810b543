/**
 * The popup's and options page's own words, Chinese first. (Findings carry their own {zh, en} messages;
 * template labels come from lib/template.ts.) `t(lang).key` picks one language.
 */
import type { Language } from './settings';

import type { Bilingual } from '@/lib/rules/labels';

const STRINGS = {
  appName: { zh: '政府信息公开年报核验', en: 'Gov Report Checker' },
  checkPage: { zh: '核验本页', en: 'Check this page' },
  checkAgain: { zh: '重新核验', en: 'Check again' },
  checking: { zh: '正在核验…', en: 'Checking…' },
  notCheckedYet: { zh: '本页尚未核验。点击“核验本页”开始。', en: 'This page has not been checked yet. Press “Check this page”.' },
  cannotCheck: {
    zh: '此页面无法核验（浏览器内部页面或扩展商店页面）。',
    en: 'This page cannot be checked (a browser page or an extension store page).',
  },
  noTab: { zh: '找不到要核验的标签页。', en: 'No tab to check.' },
  reportFound: { zh: '找到年报统计表', en: 'Report tables found' },
  noReport: { zh: '未找到年报统计表', en: 'No report tables found' },
  trial2019: { zh: '2019 年试行格式', en: 'The 2019 trial format' },
  tooLarge: { zh: '页面过大，未核验', en: 'Page too large; not checked' },
  reasonNoTables: { zh: '本页没有表格。', en: 'This page has no tables.' },
  reasonTablesNotReport: {
    zh: '本页有表格，但不是年报的三张统计表。',
    en: 'This page has tables, but not the three statistical tables of a report.',
  },
  reasonPdf: {
    zh: '年报是 PDF 文件：请在下方“在核验视图中打开”，在扩展的核验视图中核验。',
    en: 'The report is a PDF file: open it in the checking viewer below to check it.',
  },
  // Popup: the ways into the report viewer
  openInViewer: { zh: '在核验视图中打开', en: 'Open in the checking viewer' },
  pdfTabHint: { zh: '本页是 PDF 文件。', en: 'This tab shows a PDF.' },
  reportPdfs: { zh: '本页的 PDF 报告', en: 'PDF reports on this page' },
  checkPdf: { zh: '核验', en: 'Check' },
  checkPdfLabel: { zh: '在核验视图中核验 {name}', en: 'Check {name} in the checking viewer' },
  checkFile: { zh: '核验本机文件（PDF、Word、网页）…', en: 'Check a file (PDF, Word, web page)…' },
  // The report viewer
  viewerTitle: { zh: '核验视图', en: 'Checking viewer' },
  chooseFile: { zh: '选择文件', en: 'Choose a file' },
  dropHere: {
    zh: '把 PDF、Word 文档（.docx）或保存的网页（.html）拖到这里，或点“选择文件”。',
    en: 'Drop a PDF, a Word draft (.docx) or a saved web page (.html) here, or press “Choose a file”.',
  },
  localOnly: { zh: '文件只在本机浏览器中处理，不会上传。', en: 'The file is processed in this browser only; nothing is uploaded.' },
  documentArea: { zh: '报告内容', en: 'Report' },
  pageN: { zh: '第 {n} 页', en: 'Page {n}' },
  fetching: { zh: '正在获取 PDF…', en: 'Getting the PDF…' },
  fetchingBytes: { zh: '正在获取 PDF：{got} / {total} MB', en: 'Getting the PDF: {got} / {total} MB' },
  reading: { zh: '正在读取…', en: 'Reading…' },
  readingPages: { zh: '正在读取第 {n} / {total} 页', en: 'Reading page {n} of {total}' },
  cancel: { zh: '取消', en: 'Cancel' },
  cannotCheckFile: { zh: '无法核验此文件', en: 'This file cannot be checked' },
  allowSite: { zh: '允许读取 {host} 的文件', en: 'Allow reading files from {host}' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  zoom: { zh: '缩放', en: 'Zoom' },
  openedFile: { zh: '文件', en: 'File' },
  meta: { zh: '报告信息', en: 'Report' },
  title: { zh: '标题', en: 'Title' },
  organ: { zh: '机关', en: 'Organ' },
  year: { zh: '年度', en: 'Year' },
  unknown: { zh: '未识别', en: 'not found' },
  tables: { zh: '统计表', en: 'Tables' },
  tableMissing: { zh: '未找到', en: 'not found' },
  tableOk: { zh: '勾稽关系 ✓', en: 'rules hold ✓' },
  errorsN: { zh: '{n} 处错误', en: '{n} errors' },
  warningsN: { zh: '{n} 处警告', en: '{n} warnings' },
  findings: { zh: '核验结果', en: 'Findings' },
  noFindings: { zh: '未发现问题。', en: 'Nothing found.' },
  severityError: { zh: '错误', en: 'Errors' },
  severityWarning: { zh: '警告', en: 'Warnings' },
  severityInfo: { zh: '提示', en: 'Notes' },
  revealHint: { zh: '点击定位到表格中的单元格', en: 'Click to show the cell on the page' },
  pageText: { zh: '正文', en: 'text' },
  suspects: { zh: '最可能填错的单元格', en: 'Most likely wrong cells' },
  readingNotesHint: {
    zh: '文件中有数字未能确定其所在的格，未读取：相关单元格按空白核验。',
    en: 'Numbers in the file that could not be placed in one cell were left out: those cells were checked as blank.',
  },
  showNoteOnPage: { zh: '页面上的位置', en: 'Where on the page' },
  suggested: { zh: '应为 {n}', en: 'should be {n}' },
  causeDetails: { zh: '明细 {n} 条', en: '{n} findings' },
  copyJson: { zh: '复制 JSON', en: 'Copy JSON' },
  copyTsv: { zh: '复制 TSV', en: 'Copy TSV' },
  downloadJson: { zh: '下载 .json', en: 'Download .json' },
  wholeReport: { zh: '整份报告', en: 'Whole report' },
  exportScope: { zh: '导出范围', en: 'Export' },
  copied: { zh: '已复制', en: 'Copied' },
  actionFailed: { zh: '未完成：{e}', en: 'Failed: {e}' },
  downloaded: { zh: '已下载', en: 'Downloaded' },
  error: { zh: '出错：{e}', en: 'Error: {e}' },
  switchLanguage: { zh: 'English', en: '中文' },
  switchLanguageLabel: { zh: 'Switch to English', en: '切换到中文' },
  options: { zh: '设置', en: 'Options' },
  table2: { zh: '表二 主动公开', en: 'Table 2 Proactive disclosure' },
  table3: { zh: '表三 依申请公开', en: 'Table 3 Requests' },
  table4: { zh: '表四 复议诉讼', en: 'Table 4 Review and litigation' },
  // Options page
  optionsTitle: { zh: '年报核验 · 设置', en: 'Gov Report Checker · Options' },
  autoCheckSites: { zh: '自动核验的网站', en: 'Sites checked automatically' },
  autoCheckHelp: {
    zh: '打开这些网站的网页时自动核验。添加网站时浏览器会请求访问该网站的权限。其他网页可在工具栏弹窗中点击“核验本页”。',
    en: 'Pages on these sites are checked when they open. Adding a site asks the browser for access to it. Any other page can be checked from the toolbar popup.',
  },
  hostPlaceholder: { zh: '例如 *.example.org 或 www.example.com', en: 'e.g. *.example.org or www.example.com' },
  addSite: { zh: '添加', en: 'Add' },
  newSite: { zh: '要添加的网站', en: 'Site to add' },
  removeSite: { zh: '删除', en: 'Remove' },
  removeSiteLabel: { zh: '删除 {host}', en: 'Remove {host}' },
  siteAdded: { zh: '已添加 {host}', en: 'Added {host}' },
  siteRemoved: { zh: '已删除 {host}', en: 'Removed {host}' },
  permissionDenied: { zh: '未获得访问 {host} 的权限，未添加。', en: 'Access to {host} was not granted; not added.' },
  noAccess: { zh: '浏览器未允许访问，不会自动核验', en: 'no access allowed in the browser: not checked automatically' },
  allowAccess: { zh: '允许访问', en: 'Allow access' },
  allowAccessLabel: { zh: '允许访问 {host}', en: 'Allow access to {host}' },
  accessAllowed: { zh: '已允许访问 {host}', en: 'Access to {host} allowed' },
  alreadyListed: { zh: '{host} 已在列表中。', en: '{host} is already listed.' },
  badgeKinds: { zh: '页面上显示的标记', en: 'Badges shown on the page' },
  badgeError: { zh: '错误（红色，勾稽关系不符）', en: 'Errors (red, a rule fails)' },
  badgeBlank: { zh: '空白单元格（橙色）', en: 'Blank cells (amber)' },
  badgeNonNumeric: { zh: '不适用或文字（灰色）', en: 'Not applicable or text (grey)' },
  language: { zh: '语言', en: 'Language' },
  languageZh: { zh: '中文', en: '中文 (Chinese)' },
  languageEn: { zh: 'English（英文）', en: 'English' },
} satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof STRINGS;

/** The strings of one language; `{name}` placeholders are filled by `fill`. */
export function t(lang: Language): Record<StringKey, string> {
  return pick(STRINGS, lang);
}

/** One language of a table of bilingual strings (this file's, or a feature's own: utils/i18n-batch.ts). */
export function pick<K extends string>(table: Record<K, Bilingual>, lang: Language): Record<K, string> {
  return Object.fromEntries(Object.entries<Bilingual>(table).map(([k, v]) => [k, v[lang]])) as Record<K, string>;
}

/** Replaces `{name}` placeholders, e.g. fill('{n} 处错误', { n: 3 }). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
