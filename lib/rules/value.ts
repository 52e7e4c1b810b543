/**
 * VALUE: a statistic cell holds a non-negative whole number (the fee: a non-negative decimal; in the 2019 format the
 * procurement amount is a decimal that may carry its unit 元/万元, and 本年增/减 may be negative).
 * - text → error: `not-a-number` (`2件`, `详见附件`), `negative` (`-3`), or `not-whole` (`3.5` in a count);
 * - na (`/`, `—`, `无`, `不适用`) → warning `na`: a statistic cell should hold a number, but "not applicable" is a
 *   statement, not a mistake we can prove;
 * - a number read as text (lib/parse.ts: one merged page cell across several template cells) → warning `merged-cell`:
 *   the page printed one number for several template cells, so which one it counts cannot be known;
 * - blank and missing cells are left to BLANK and MISSING.
 */
import type { Finding, Rule, RuleContext } from '../findings';
import type { Cell, Report } from '../report';
import { cellAt } from '../paths';
import { classifyCell, foldWidth, trimAll } from '../text';
import { cellLabel } from './labels';
import { statisticCells, type StatisticCell } from './statistic-cells';

const NEGATIVE = /^[-−－]\s*\d/;
const FRACTION = /^\d[\d,]*\.\d+$/;

function finding(where: StatisticCell, severity: Finding['severity'], outcome: string, zh: string, en: string): Finding {
  const label = cellLabel(where.path);
  return {
    rule: 'VALUE',
    severity,
    outcome,
    table: where.table,
    target: where.path,
    parts: [],
    message: { zh: `${label.zh}：${zh}`, en: `${label.en}: ${en}` },
  };
}

function valueFinding(cell: Cell, where: StatisticCell): Finding | null {
  if (cell.kind === 'number' || cell.kind === 'zero') {
    const value = cell.value;
    if (value === null) return null;
    if (value < 0 && !where.signed) return finding(where, 'error', 'negative', `${value} 为负数，不能为负`, `${value} is negative`);
    if (!where.decimal && !Number.isInteger(value))
      return finding(where, 'error', 'not-whole', `${value} 不是整数，件数应为整数`, `${value} is not a whole number; counts are`);
    return null;
  }
  if (cell.kind === 'na') {
    const raw = trimAll(cell.raw);
    return finding(where, 'warning', 'na', `填的是「${raw}」（不适用），应填数字`, `holds "${raw}" (not applicable) instead of a number`);
  }
  if (cell.kind === 'text') {
    const raw = trimAll(cell.raw);
    if (readsAsValue(raw, where)) return mergedCellFinding(raw, where);
    const folded = foldWidth(raw);
    if (NEGATIVE.test(folded))
      return finding(where, 'error', 'negative', `「${raw}」为负数，件数不能为负`, `"${raw}" is negative; counts cannot be`);
    if (!where.decimal && FRACTION.test(folded))
      return finding(where, 'error', 'not-whole', `「${raw}」不是整数，件数应为整数`, `"${raw}" is not a whole number; counts are`);
    return finding(where, 'error', 'not-a-number', `填的是「${raw}」，不是数字`, `holds "${raw}", which is not a number`);
  }
  return null;
}

/** True when text would classify as a value here: only lib/parse.ts's merged-cell reading makes such a cell text. */
function readsAsValue(raw: string, where: StatisticCell): boolean {
  const kind = classifyCell(raw, where).kind;
  return kind === 'number' || kind === 'zero';
}

function mergedCellFinding(raw: string, where: StatisticCell): Finding {
  return finding(
    where,
    'warning',
    'merged-cell',
    `「${raw}」所在单元格跨多栏（或多行）合并，一个数不能确定属于哪一栏，本栏不计入核算`,
    `"${raw}" sits in a cell merged across several columns (or rows); one number cannot be assigned to one column, so this cell is not counted`,
  );
}

export const value: Rule = {
  meta: {
    id: 'VALUE',
    zh: '数值：件数为非负整数，收费金额为非负数',
    en: 'Values: counts are non-negative whole numbers; the fee is a non-negative decimal',
    docs: 'Every statistic cell on the page. Text, negative or fractional counts are errors; 不适用 marks (/, —, 无) are warnings.',
  },
  check(report: Report, _context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const where of statisticCells(report)) {
      const cell = cellAt(report, where.path);
      if (!cell) continue;
      const finding = valueFinding(cell, where);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
