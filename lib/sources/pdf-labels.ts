/**
 * The template's printed labels, for telling a label cut by a page break (`4.无正当理由大` + `量反复申请`) from two
 * labels of their own (`规章`, `行政规范性文件`). Compared by detection's label key (lib/detect/labels.ts templateKey):
 * words only, numbering and punctuation dropped.
 */
import { lazy } from '../lazy';
import { templateKey } from '../detect/labels';
import { TABLE2_ITEMS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../template';

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
      .map(templateKey),
  ),
]);

/** True when `first` and `rest` read together begin a template label that `first` alone is not. */
export function joinsIntoLabel(first: string, rest: string): boolean {
  const head = templateKey(first);
  const joined = head + templateKey(rest);
  if (head === '' || joined === head) return false;
  return !labels().includes(head) && labels().some((label) => label.startsWith(joined));
}
