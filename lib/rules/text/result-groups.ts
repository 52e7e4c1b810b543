/**
 * The table-3 cells of one result group (（一）予以公开 … （六）其他处理) in one column.
 *
 * Stand-in: today it lists the group's leaves of lib/template.ts. A report whose （六）其他处理 is one row (the 2019
 * trial format) needs a layout-aware version; the text rules read groups only through this function, so that version
 * replaces this one body.
 */
import type { Report } from '../../report';
import { table3PathOf } from '../../paths';
import { TABLE3_LEAF_ROWS } from '../../template';

export const RESULT_GROUPS = ['granted', 'partialGrant', 'denied', 'unableToProvide', 'notProcessed', 'other'] as const;
export type ResultGroup = (typeof RESULT_GROUPS)[number];

const rowKeysOf = (group: ResultGroup) =>
  TABLE3_LEAF_ROWS.filter((row) => row.key === `results.${group}` || row.key.startsWith(`results.${group}.`)).map((row) => row.key);

const ROW_KEYS = new Map(RESULT_GROUPS.map((group) => [group, rowKeysOf(group)]));

export function resultGroupPaths(_report: Report, group: ResultGroup, columnKey: string): string[] {
  return (ROW_KEYS.get(group) ?? []).map((rowKey) => table3PathOf(columnKey, rowKey));
}
