/** T3-ROW: per row of table 3, 总计 = 自然人 + the five 法人或其他组织 columns. */
import { sumRule } from './sum-check';
import { sumSpecsOf } from './sum-specs';

export const t3Row = sumRule(
  {
    id: 'T3-ROW',
    zh: '表三各行：总计 = 各申请人之和',
    en: 'Table 3 rows: Total = the six applicant columns',
    docs: 'Per row (25, or 23 where （六） is one row): the 总计 column equals 自然人 plus 商业企业, 科研机构, 社会公益组织, 法律服务机构 and 其他.',
  },
  (report) => sumSpecsOf(report).row,
);
