/** The readable report of `npm run check`: one block per input (one entry per cause), then a summary line. */
import { countCauses } from '../lib/causes';
import type { Cause, CheckResult, CheckStatus, Finding, PreviousYearOutcome, Severity } from '../lib/findings';
import { readableFormula } from '../lib/formula-text';
import { listReports, reportName } from '../lib/cross-year/record';
import type { TableId } from '../lib/report';
import type { Lang } from './args';
import { cellLabel } from '../lib/rules/labels';
import type { Bilingual } from '../lib/rules/labels';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const TABLES: readonly { id: TableId; zh: string; en: string }[] = [
  { id: 'table2', zh: '表二', en: 'Table 2' },
  { id: 'table3', zh: '表三', en: 'Table 3' },
  { id: 'table4', zh: '表四', en: 'Table 4' },
];
const SEVERITY_HEADINGS: Record<Severity, Bilingual> = {
  error: { zh: '错误', en: 'Errors' },
  warning: { zh: '警告', en: 'Warnings' },
  info: { zh: '提示', en: 'Notes' },
};
const SEVERITY_MARKS: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };
const STATUS_LABELS: Record<CheckStatus, Bilingual> = {
  ok: { zh: '已检查', en: 'checked' },
  'no-report': { zh: '未找到报告表格', en: 'no report tables found' },
  'trial-2019': { zh: '2019 年试行格式（按 2019 年模板核对）', en: '2019 trial format (checked by its own template)' },
  'too-large': { zh: '页面过大，未检查', en: 'page too large, not checked' },
};
/** Always in both languages: the mark readers look for. */
const SUSPECT_MARK = '最可能有误 · most likely wrong';
/** Always in both languages: what the source could not read into a cell (a PDF number between two columns). */
const READING_NOTES_MARK = '读取说明 · Reading notes';

/** The block for one checked input. */
export function formatResult(input: string, result: CheckResult, lang: Lang): string {
  const t = (text: Bilingual) => text[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  const meta = result.report?.meta;
  const lines = [`▶ ${input}`];
  lines.push(`  ${t({ zh: '标题', en: 'Title' })}${sep}${meta?.title ?? '—'}`);
  lines.push(
    `  ${t({ zh: '机关', en: 'Organ' })}${sep}${meta?.organ ?? '—'}   ${t({ zh: '年度', en: 'Year' })}${sep}${meta?.year ?? '—'}` +
      `   ${t({ zh: '状态', en: 'Status' })}${sep}${t(STATUS_LABELS[result.status])}`,
  );
  if (result.reason) lines.push(`  ${t(result.reason)}`);
  if (result.previousYear) lines.push(`  ${t({ zh: '上年报告', en: 'Previous year' })}${sep}${previousYearText(result.previousYear, lang)}`);
  if (result.report) lines.push(`  ${TABLES.map((table) => `${t(table)} ${tableStatus(result, table.id, lang)}`).join('   ')}`);

  // One entry per cause (lib/causes.ts): what a reader fixes, not one line per cell.
  for (const severity of SEVERITIES) {
    const causes = result.causes.filter((c) => c.severity === severity);
    if (causes.length === 0) continue;
    lines.push(`  ${t(SEVERITY_HEADINGS[severity])} (${causes.length})`);
    for (const cause of causes) lines.push(...formatCause(cause, result.findings, lang));
  }

  if (result.suspects.length > 0) {
    lines.push(`  ${SUSPECT_MARK}:`);
    for (const suspect of result.suspects) {
      const suggested =
        suspect.suggested === undefined ? '' : `   ${t({ zh: '使各规则成立的值', en: 'value that satisfies every rule' })}${sep}${suspect.suggested}`;
      lines.push(`    ★ ${withLabel(suspect.path, lang)}${suggested}`);
      if (suspect.reason) lines.push(`      ${t(suspect.reason)}`);
    }
  }

  if (result.readingNotes && result.readingNotes.length > 0) {
    lines.push(`  ${READING_NOTES_MARK} (${result.readingNotes.length}):`);
    for (const note of result.readingNotes) {
      const cells = note.cells?.map((path) => withLabel(path, lang)).join(lang === 'zh' ? '、' : ', ');
      lines.push(`    ? ${t(note)}`);
      if (cells) lines.push(`      ${t({ zh: '可能属于', en: 'may belong to' })}${sep}${cells}`);
    }
  }
  return lines.join('\n');
}

const NO_PREVIOUS_YEAR: Record<string, Bilingual> = {
  'not-found': { zh: '不在输入中，未核对跨年结转', en: 'not among the inputs; carry-over not checked' },
  'no-body': { zh: '报告未写明机关，无法匹配', en: 'the report names no body, so none can be matched' },
  'no-year': { zh: '报告未写明年度，无法匹配', en: 'the report gives no year, so none can be matched' },
};

function previousYearText(outcome: PreviousYearOutcome, lang: Lang): string {
  if (outcome.kind === 'found') return reportName(outcome.report);
  if (outcome.kind === 'none') return NO_PREVIOUS_YEAR[outcome.reason][lang];
  const names = listReports(outcome.candidates, outcome.count)[lang];
  return lang === 'zh'
    ? `不唯一（${outcome.count} 份），未核对跨年结转：${names}`
    : `ambiguous (${outcome.count} candidates), carry-over not checked: ${names}`;
}

function formatCause(cause: Cause, findings: readonly Finding[], lang: Lang): string[] {
  const t = (text: Bilingual) => text[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  const lines = [`    ${SEVERITY_MARKS[cause.severity]} [${cause.rule}] ${t(cause.message)}`];
  const members = cause.findings.map((i) => findings[i]);
  if (members.length > 1) {
    const cell = cause.kind === 'finding' ? { zh: '单元格', en: 'Cell' } : { zh: '首个单元格', en: 'First cell' };
    if (cause.target) lines.push(`      ${t(cell)}${sep}${withLabel(cause.target, lang)}`);
    const byRule = new Map<string, number>();
    for (const f of members) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const list = [...byRule].map(([rule, n]) => `${rule} ${n}`).join(lang === 'zh' ? '、' : ', ');
    lines.push(`      ${lang === 'zh' ? `含 ${members.length} 条${sep}${list}` : `${members.length} findings${sep}${list}`}`);
    return lines;
  }
  const [finding] = members;
  if (finding.target) lines.push(`      ${t({ zh: '单元格', en: 'Cell' })}${sep}${withLabel(finding.target, lang)}`);
  const values: string[] = [];
  if (finding.expected !== undefined) values.push(`${t({ zh: '应为', en: 'expected' })} ${finding.expected}`);
  if (finding.found !== undefined) values.push(`${t({ zh: '实为', en: 'found' })} ${finding.found}`);
  const formula = readableFormula(finding, lang);
  if (formula) values.push(formula);
  if (values.length > 0) lines.push(`      ${values.join('   ')}`);
  return lines;
}

function withLabel(path: string, lang: Lang): string {
  const label = cellLabel(path)[lang];
  return label === path ? path : `${path} (${label})`;
}

function tableStatus(result: CheckResult, table: TableId, lang: Lang): string {
  if (!result.report?.[table]) return lang === 'zh' ? '— 未找到' : '— not found';
  const { error: errors, warning: warnings } = countCauses(result.causes, table);
  const parts: string[] = [];
  if (errors > 0) parts.push(lang === 'zh' ? `${errors} 个错误` : `${errors} error${errors > 1 ? 's' : ''}`);
  if (warnings > 0) parts.push(lang === 'zh' ? `${warnings} 个警告` : `${warnings} warning${warnings > 1 ? 's' : ''}`);
  if (parts.length === 0) return lang === 'zh' ? '✓ 通过' : '✓ passes';
  return `${errors > 0 ? '✗' : '!'} ${parts.join(lang === 'zh' ? '，' : ', ')}`;
}

export interface RunSummary {
  checked: number;
  withErrors: number;
  unreadable: number;
  /** Causes (lib/causes.ts) over all checked pages. */
  errors: number;
  warnings: number;
}

/** The closing line, e.g. `共检查 3 个页面：1 个有错误，2 个无错误；共 2 处错误、1 处警告；1 个输入无法读取。` */
export function formatSummary({ checked, withErrors, unreadable, errors, warnings }: RunSummary, lang: Lang): string {
  const clean = checked - withErrors;
  if (lang === 'zh') {
    const failed = unreadable > 0 ? `；${unreadable} 个输入无法读取` : '';
    return `共检查 ${checked} 个页面：${withErrors} 个有错误，${clean} 个无错误；共 ${errors} 处错误、${warnings} 处警告${failed}。`;
  }
  const failed = unreadable > 0 ? `; ${unreadable} input${unreadable > 1 ? 's' : ''} could not be read` : '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `Checked ${plural(checked, 'page')}: ${withErrors} with errors, ${clean} without; ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in all${failed}.`;
}

/** The stderr line for an input that could not be read. */
export function formatUnreadable(input: string, reason: Bilingual, lang: Lang): string {
  return `${lang === 'zh' ? '无法检查' : 'cannot check'} ${input}: ${reason[lang]}`;
}
