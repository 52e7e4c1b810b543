/** T4-BLOCK: per block of table 4, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
import { sumRule } from './sum-check';
import { sumSpecsOf } from './sum-specs';

export const t4Block = sumRule(
  {
    id: 'T4-BLOCK',
    zh: '表四各组：总计 = 维持 + 纠正 + 其他 + 尚未审结',
    en: 'Table 4 blocks: Total = upheld + corrected + other + pending',
    docs: 'Per block (3: 行政复议, 未经复议直接起诉, 复议后起诉): the total equals its four result columns.',
  },
  (report) => sumSpecsOf(report).block,
);
