/**
 * The sum rules as data (template-2021.md, "The rules"): every instance of T3-BALANCE, T3-RESULTS, T3-ROW and
 * T4-BLOCK as one equation `Σ totals = Σ parts`. The rule modules check them (sum-check.ts) and the
 * Fellegi–Holt search (lib/locate.ts) solves them, so the equations are written down once.
 */
import type { Report, TableId } from '../report';
import { layoutOf, resultGroupPaths, table3Path, table4Path, type Layout } from '../paths';
import {
  TABLE3_APPLICANT_COLUMNS,
  TABLE3_COLUMNS,
  TABLE3_RESULT_GROUPS,
  TABLE3_ROWS,
  TABLE3_TOTAL_COLUMN,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
  table3RowsWith,
} from '../template';
import { lazy, lazyPerKey } from '../lazy';
import { table3RowLabel, type Bilingual } from './labels';

export type SumRuleId = 'T3-BALANCE' | 'T3-RESULTS' | 'T3-ROW' | 'T4-BLOCK' | 'X-CARRY';

export interface SumSpec {
  rule: SumRuleId;
  table: TableId;
  /** Where this instance applies: a column (自然人), a row (一、本年新收…) or a block (行政复议). */
  where: Bilingual;
  /** The cell the badge goes on; always one of `totals`. */
  target: string;
  /** The side holding the target: `[total]` for a plain sum; `[（七）总计, 四]` for T3-BALANCE. */
  totals: readonly string[];
  /** The other side, the parts. */
  parts: readonly string[];
  /** Short name of the target, e.g. `（七）总计`. */
  targetLabel: Bilingual;
  totalsLabel: Bilingual;
  partsLabel: Bilingual;
}

const row = (key: string) => {
  const found = TABLE3_ROWS.find((r) => r.key === key);
  if (!found) throw new Error(`template has no table-3 row ${key}`);
  return found;
};
const NEW = row('newReceived');
const CARRIED_OVER = row('carriedOver');
const TOTAL_PROCESSED = row('results.totalProcessed');
const CARRIED_FORWARD = row('carriedForward');

/**
 * 一 + 二 = （七） + 四 per column. The badge goes on （七）总计: it is the cell T3-RESULTS also totals, and the
 * stated relation in the table's corner is about the handled requests. expected = 一+二−四, found = （七） (sum-check.ts).
 */
const balanceSpecs = lazy((): readonly SumSpec[] =>
  TABLE3_COLUMNS.map((col) => ({
    rule: 'T3-BALANCE',
    table: 'table3',
    where: { zh: col.zh, en: col.en },
    target: table3Path(col.key, TOTAL_PROCESSED.key),
    totals: [table3Path(col.key, TOTAL_PROCESSED.key), table3Path(col.key, CARRIED_FORWARD.key)],
    parts: [table3Path(col.key, NEW.key), table3Path(col.key, CARRIED_OVER.key)],
    targetLabel: { zh: '（七）总计', en: '(7) total processed' },
    totalsLabel: { zh: '（七）总计+四', en: '(7) total processed + IV carried forward' },
    partsLabel: { zh: '一+二', en: 'I new + II carried over' },
  })),
);

/** （七）总计 = the result rows （一）…（六）, in template order, per column: 21 leaves, or 19 where （六） is one row. */
function t3ResultsSpecs(otherOneRow: boolean): readonly SumSpec[] {
  return TABLE3_COLUMNS.map((col) => {
    const parts = TABLE3_RESULT_GROUPS.flatMap((group) => resultGroupPaths({ format: '2021', otherOneRow }, group.key, col.key));
    return {
      rule: 'T3-RESULTS',
      table: 'table3',
      where: { zh: col.zh, en: col.en },
      target: table3Path(col.key, TOTAL_PROCESSED.key),
      totals: [table3Path(col.key, TOTAL_PROCESSED.key)],
      parts,
      targetLabel: { zh: '（七）总计', en: '(7) total processed' },
      totalsLabel: { zh: '（七）总计', en: '(7) total processed' },
      partsLabel: { zh: '（一）至（六）各项之和', en: `the sum of the ${parts.length} result rows` },
    };
  });
}

/** 总计 = 自然人 + the five 法人或其他组织 columns, per row (（六） one row: that row, not its three leaves). */
function t3RowSpecs(otherOneRow: boolean): readonly SumSpec[] {
  return table3RowsWith(otherOneRow).map((r) => ({
    rule: 'T3-ROW',
    table: 'table3',
    where: table3RowLabel(r),
    target: table3Path(TABLE3_TOTAL_COLUMN.key, r.key),
    totals: [table3Path(TABLE3_TOTAL_COLUMN.key, r.key)],
    parts: TABLE3_APPLICANT_COLUMNS.map((col) => table3Path(col.key, r.key)),
    targetLabel: { zh: '总计', en: 'Total' },
    totalsLabel: { zh: '总计', en: 'Total' },
    partsLabel: { zh: '各申请人之和', en: 'the sum of the six applicant columns' },
  }));
}

/** 总计 = 维持 + 纠正 + 其他 + 尚未审结, per block. */
const blockSpecs = lazy((): readonly SumSpec[] =>
  TABLE4_BLOCKS.map((block) => ({
    rule: 'T4-BLOCK',
    table: 'table4',
    where: { zh: block.zh, en: block.en },
    target: table4Path(block.key, 'total'),
    totals: [table4Path(block.key, 'total')],
    parts: TABLE4_COLUMNS.filter((c) => c.key !== 'total').map((col) => table4Path(block.key, col.key)),
    targetLabel: { zh: '总计', en: 'Total' },
    totalsLabel: { zh: '总计', en: 'Total' },
    partsLabel: { zh: '维持+纠正+其他+尚未审结', en: 'upheld + corrected + other + pending' },
  })),
);

/** Every sum rule's instances in one table-3 layout. Table 2 has no sum rule, so the format does not matter. */
export interface SumSpecs {
  balance: readonly SumSpec[];
  results: readonly SumSpec[];
  row: readonly SumSpec[];
  block: readonly SumSpec[];
  all: readonly SumSpec[];
}
const specsFor = (otherOneRow: boolean): SumSpecs => {
  const results = t3ResultsSpecs(otherOneRow);
  const row = t3RowSpecs(otherOneRow);
  const balance = balanceSpecs();
  const block = blockSpecs();
  return { balance, results, row, block, all: [...balance, ...results, ...row, ...block] };
};
const SPECS = lazyPerKey(specsFor);

/** The sum specs that apply to a report: where （六） is one row, its value stands for the three leaves. */
export function sumSpecsOf(report: Report | Layout): SumSpecs {
  const layout = 'otherOneRow' in report ? report : layoutOf(report);
  return SPECS(layout.otherOneRow);
}
