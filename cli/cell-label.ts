/** Cell path → the label a reader finds on the page, e.g. `表三 · 自然人 · （四）无法提供 1.本机关不掌握相关政府信息`. */
import type { Bilingual } from './sniff';
import { table2Path, table3Path, table4Path } from '../lib/paths';
import { TABLE2_COUNT_COLUMNS, TABLE2_ITEMS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../lib/template';

const LABELS = new Map<string, Bilingual>();

for (const item of TABLE2_ITEMS) {
  if (!item.multi) LABELS.set(table2Path(item.key), { zh: `表二 · ${item.zh}`, en: `Table 2 · ${item.en}` });
  else {
    for (const col of TABLE2_COUNT_COLUMNS) {
      LABELS.set(table2Path(item.key, col.key), { zh: `表二 · ${item.zh} · ${col.zh}`, en: `Table 2 · ${item.en} · ${col.en}` });
    }
  }
}
for (const col of TABLE3_COLUMNS) {
  for (const row of TABLE3_ROWS) {
    const rowZh = row.group ? `${row.group} ${row.zh}` : row.zh;
    LABELS.set(table3Path(col.key, row.key), { zh: `表三 · ${col.zh} · ${rowZh}`, en: `Table 3 · ${col.en} · ${row.en}` });
  }
}
for (const block of TABLE4_BLOCKS) {
  for (const col of TABLE4_COLUMNS) {
    LABELS.set(table4Path(block.key, col.key), { zh: `表四 · ${block.zh} · ${col.zh}`, en: `Table 4 · ${block.en} · ${col.en}` });
  }
}

/** The label of a template cell path; undefined for a path outside the template. */
export function cellLabel(path: string): Bilingual | undefined {
  return LABELS.get(path);
}
