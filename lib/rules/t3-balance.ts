/** T3-BALANCE: per column of table 3, 一 + 二 = （七）总计 + 四 (the relation printed in the table's corner). */
import { sumRule } from './sum-check';
import { sumSpecsOf } from './sum-specs';

export const t3Balance = sumRule(
  {
    id: 'T3-BALANCE',
    zh: '表三收支平衡：一 + 二 = （七）总计 + 四',
    en: 'Table 3 balance: I + II = (7) total processed + IV',
    docs:
      'Per column (7): new requests plus those carried over equal the requests handled plus those carried forward. ' +
      'Sums on both sides; the badge goes on （七）总计. expected = 一+二−四 (what （七） should hold), found = （七）.',
  },
  (report) => sumSpecsOf(report).balance,
);
