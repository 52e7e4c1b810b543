/** T3-RESULTS: per column of table 3, （七）总计 = the result rows （一）…（六）: 21 leaves, or 19 where （六） is one row. */
import { sumRule } from './sum-check';
import { sumSpecsOf } from './sum-specs';

export const t3Results = sumRule(
  {
    id: 'T3-RESULTS',
    zh: '表三办理结果：（七）总计 = （一）至（六）各项之和',
    en: 'Table 3 results: (7) total = the result rows',
    docs: 'Per column (7): the total processed equals the sum of the 21 leaf result rows (the template has no subtotal rows); where （六）其他处理 is one row (the 2019 template) that row stands for its three leaves.',
  },
  (report) => sumSpecsOf(report).results,
);
