/**
 * Short names of a sum's operands, for formulas people read: `内部事务信息 1 + 本机关不掌握 2 = 3 ≠ （七）总计 1`.
 * Within one sum the operands share a column (T3-RESULTS, T3-BALANCE: named by their row) or a row (T3-ROW, T4-BLOCK:
 * named by their column); otherwise each keeps its full label (lib/rules/labels.ts).
 */
import { lazy } from '../lazy';
import { table2Path, table3Path, table4Path } from '../paths';
import {
  TABLE2_COUNT_COLUMNS,
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_ROWS_EVERY_LAYOUT,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
} from '../template';
import { cellLabel, type Bilingual } from './labels';

/** Table 3's rows as a formula names them: the words that tell a row from its neighbours. */
export const TABLE3_SHORT_ROWS: Readonly<Record<string, Bilingual>> = {
  newReceived: { zh: '一、新收', en: 'I new' },
  carriedOver: { zh: '二、上年结转', en: 'II carried over' },
  'results.granted': { zh: '予以公开', en: 'Disclosed' },
  'results.partialGrant': { zh: '部分公开', en: 'Partly disclosed' },
  'results.denied.stateSecret': { zh: '国家秘密', en: 'State secret' },
  'results.denied.lawForbidden': { zh: '法律法规禁止公开', en: 'Forbidden by law' },
  'results.denied.safetyStability': { zh: '三安全一稳定', en: 'Security or stability' },
  'results.denied.thirdPartyRights': { zh: '第三方合法权益', en: 'Third-party rights' },
  'results.denied.internalAffairs': { zh: '内部事务信息', en: 'Internal affairs' },
  'results.denied.processInfo': { zh: '过程性信息', en: 'Process information' },
  'results.denied.enforcementCase': { zh: '行政执法案卷', en: 'Enforcement case file' },
  'results.denied.adminQuery': { zh: '行政查询事项', en: 'Administrative query' },
  'results.unableToProvide.noInfo': { zh: '本机关不掌握', en: 'Not held' },
  'results.unableToProvide.needCreation': { zh: '需另行制作', en: 'Would need creating' },
  'results.unableToProvide.unclear': { zh: '补正后仍不明确', en: 'Still unclear' },
  'results.notProcessed.complaint': { zh: '信访举报投诉', en: 'Petition or complaint' },
  'results.notProcessed.repeat': { zh: '重复申请', en: 'Repeated request' },
  'results.notProcessed.publication': { zh: '公开出版物', en: 'Published material' },
  'results.notProcessed.massiveRequests': { zh: '大量反复申请', en: 'Mass repeated requests' },
  'results.notProcessed.confirmInfo': { zh: '确认或重新出具', en: 'Confirm or reissue' },
  'results.other.overdueCorrection': { zh: '逾期不补正', en: 'No correction in time' },
  'results.other.overdueFee': { zh: '逾期未缴费', en: 'Fee not paid in time' },
  'results.other.otherReasons': { zh: '其他处理·其他', en: 'Other handling' },
  'results.totalProcessed': { zh: '（七）总计', en: '(7) Total processed' },
  carriedForward: { zh: '四、结转下年度', en: 'IV carried forward' },
};

/** Just the two names, so a finding carries no template key with them (they are exported). */
const named = (label: Bilingual): Bilingual => ({ zh: label.zh, en: label.en });

interface Place {
  column: string;
  row: string;
  columnName: Bilingual;
  rowName: Bilingual;
}

/** Where each template cell sits, built on first use. */
const templatePlaces = lazy(() => {
  const PLACES = new Map<string, Place>();
  for (const col of TABLE3_COLUMNS)
    for (const row of TABLE3_ROWS_EVERY_LAYOUT)
      PLACES.set(table3Path(col.key, row.key), {
        column: `table3.${col.key}`,
        row: `table3:${row.key}`,
        columnName: named(col),
        rowName: named(TABLE3_SHORT_ROWS[row.key] ?? row),
      });
  for (const block of TABLE4_BLOCKS)
    for (const col of TABLE4_COLUMNS)
      PLACES.set(table4Path(block.key, col.key), {
        column: `table4:${col.key}`,
        row: `table4.${block.key}`,
        columnName: named(col),
        rowName: named(block),
      });
  for (const item of TABLE2_ITEMS)
    if (item.multi)
      for (const col of TABLE2_COUNT_COLUMNS)
        PLACES.set(table2Path(item.key, col.key), {
          column: `table2:${col.key}`,
          row: `table2.${item.key}`,
          columnName: named(col),
          rowName: named(item),
        });
  return PLACES;
});

/** The short name of each path, in order, as operands of one sum (see the header). */
export function termLabels(paths: readonly string[]): Bilingual[] {
  const found = templatePlaces();
  const places = paths.map((path) => found.get(path));
  if (places.every((p): p is Place => p !== undefined)) {
    if (places.every((p) => p.column === places[0].column)) return places.map((p) => p.rowName);
    if (places.every((p) => p.row === places[0].row)) return places.map((p) => p.columnName);
  }
  return paths.map(cellLabel);
}
