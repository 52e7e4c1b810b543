/**
 * The template's printed labels, for telling a label cut by a page break (`4.无正当理由大` + `量反复申请`) from two
 * labels of their own (`规章`, `行政规范性文件`).
 */
import { lazy } from '../lazy';
import { normaliseLabel } from '../text';
import { TABLE2_ITEMS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../template';

const squeeze = (s: string) => normaliseLabel(s).replace(/\s+/g, '');

/** Built on first use (lib/lazy.ts): only a table cut by a page break asks. */
const labels = lazy((): readonly string[] => [
  ...new Set(
    [
      ...TABLE3_ROWS.flatMap((r) => [r.zh, r.group ?? '']),
      ...TABLE3_COLUMNS.map((c) => c.zh),
      ...TABLE2_ITEMS.map((i) => i.zh),
      ...TABLE4_BLOCKS.flatMap((b) => b.zh.split('·')),
      ...TABLE4_COLUMNS.map((c) => c.zh),
      '三、本年度办理结果',
      '法人或其他组织',
      '申请人情况',
    ]
      .filter((l) => l !== '')
      .map(squeeze),
  ),
]);

/** True when `first` and `rest` read together begin a template label that `first` alone is not. */
export function joinsIntoLabel(first: string, rest: string): boolean {
  const head = squeeze(first);
  const joined = head + squeeze(rest);
  if (head === '' || joined === head) return false;
  return !labels().includes(head) && labels().some((label) => label.startsWith(joined));
}
