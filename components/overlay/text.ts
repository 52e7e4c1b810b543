/** Every word the overlay prints, Chinese first, English second. */
import type { Finding } from '@/lib/findings';
import { readableFormula } from '@/lib/formula-text';
import type { Cell } from '@/lib/report';
import { RULES } from '@/lib/rules/registry';
import { kindLabel } from '@/lib/text';
import type { Language } from '@/utils/settings';
import type { BadgeKind, CellBadge, SuspectMark, TableSummary } from '@/utils/overlay/model';
import { cellLabel as describePath, type Bilingual } from '@/lib/rules/labels';

const TABLE_NAMES: Record<string, Bilingual> = {
  table2: { zh: '表二', en: 'Table 2' },
  table3: { zh: '表三', en: 'Table 3' },
  table4: { zh: '表四', en: 'Table 4' },
};
export const tableName = (table: string): Bilingual => TABLE_NAMES[table] ?? { zh: table, en: table };

export const pick = (text: Bilingual, language: Language) => text[language];
/** For aria-labels: both languages, Chinese first. */
export const both = (text: Bilingual) => `${text.zh}。${text.en}`;

const KIND_TITLES: Record<BadgeKind, Bilingual> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '无法核验', en: 'Cannot verify' },
  blank: { zh: '空白单元格', en: 'Blank cell' },
  na: { zh: '不适用标记', en: 'Not-applicable mark' },
  text: { zh: '非数字内容', en: 'Not a number' },
};

function ruleTitle(ruleId: string): Bilingual {
  const rule = RULES.find((r) => r.meta.id === ruleId);
  return rule ? { zh: `${rule.meta.zh}（${ruleId}）`, en: `${rule.meta.en} (${ruleId})` } : { zh: ruleId, en: ruleId };
}

/** The visible label of a red badge: 应为 3 · 实为 1. Null when the badge shows no label. */
export function badgeLabel(badge: CellBadge<unknown>): Bilingual | null {
  if (badge.kind !== 'error') return null;
  const finding = badge.findings.find((f) => f.severity === 'error');
  if (finding?.expected !== undefined && finding.found !== undefined) {
    return {
      zh: `应为 ${formatNumber(finding.expected)} · 实为 ${formatNumber(finding.found)}`,
      en: `expected ${formatNumber(finding.expected)} · found ${formatNumber(finding.found)}`,
    };
  }
  return cellKindText(badge.cell);
}

export function badgeAria(badge: CellBadge<unknown>): string {
  const where = describePath(badge.path);
  const title = KIND_TITLES[badge.kind];
  const label = badgeLabel(badge);
  return both({
    zh: `${title.zh}：${where.zh}${label ? `，${label.zh}` : ''}`,
    en: `${title.en}: ${where.en}${label ? `, ${label.en}` : ''}`,
  });
}

export function badgeTitle(badge: CellBadge<unknown>): Bilingual {
  return KIND_TITLES[badge.kind];
}

export function suspectLabel(suspect: SuspectMark<unknown>): Bilingual {
  return suspect.suggested === undefined
    ? { zh: '可能有误', en: 'likely wrong' }
    : { zh: `可能有误 → ${formatNumber(suspect.suggested)}`, en: `likely wrong → ${formatNumber(suspect.suggested)}` };
}

export function suspectAria(suspect: SuspectMark<unknown>): string {
  const where = describePath(suspect.path);
  const label = suspectLabel(suspect);
  const why = suspect.reason;
  return both({
    zh: `最可能有误的单元格：${where.zh}，${label.zh}${why ? `。${why.zh}` : ''}`,
    en: `Most likely wrong cell: ${where.en}, ${label.en}${why ? `. ${why.en}` : ''}`,
  });
}

/** The chip: what the table's causes come to (lib/causes.ts), e.g. `2 处错误 · 1 处空白`. */
export function summaryText(summary: TableSummary<unknown>): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  const add = (n: number, zhWord: string, enWord: string) => {
    if (n === 0) return;
    zh.push(`${n} 处${zhWord}`);
    en.push(`${n} ${enWord}${n === 1 ? '' : 's'}`);
  };
  add(summary.errors, '错误', 'error');
  add(summary.blanks, '空白', 'blank');
  add(summary.warnings, '警告', 'warning');
  if (zh.length === 0) return { zh: '勾稽关系 ✓', en: 'Sums check ✓' };
  return { zh: zh.join(' · '), en: en.join(' · ') };
}

export function summaryAria(summary: TableSummary<unknown>): string {
  const name = tableName(summary.table);
  const text = summaryText(summary);
  return both({ zh: `${name.zh}：${text.zh}`, en: `${name.en}: ${text.en}` });
}

export const TOO_LARGE: Bilingual = {
  zh: '页面过大，未核验年报表格',
  en: 'Page too large: the report tables were not checked',
};

export const CLOSE: Bilingual = { zh: '关闭', en: 'Close' };

export const TRIAL_2019: Bilingual = { zh: '2019 年试行格式', en: '2019 trial format' };

export function cellKindText(cell: Cell | undefined): Bilingual | null {
  return cell ? kindLabel(cell.kind) : null;
}

export function findingLines(finding: Finding): { title: Bilingual; formula?: Bilingual; message: Bilingual } {
  const zh = readableFormula(finding, 'zh');
  const en = readableFormula(finding, 'en');
  const formula = zh !== undefined && en !== undefined ? { zh, en } : undefined;
  return { title: ruleTitle(finding.rule), formula, message: finding.message };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

export { describePath };
