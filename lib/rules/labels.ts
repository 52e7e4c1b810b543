/**
 * Short bilingual names of template cells for rule messages, e.g. `自然人 · （四）无法提供 1.本机关不掌握相关政府信息`.
 * Built once from lib/template.ts; a lookup is a Map hit.
 */
import { lazy } from '../lazy';
import { table2Path, table3Path, table4Path } from '../paths';
import {
  TABLE2_BLOCKS,
  TABLE3_COLUMNS,
  TABLE3_ROWS_EVERY_LAYOUT,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
  type Table3Row,
} from '../template';

export interface Bilingual {
  zh: string;
  en: string;
}

/** A table-3 row label with its group, e.g. `（四）无法提供 1.本机关不掌握相关政府信息`. */
export function table3RowLabel(row: Table3Row): Bilingual {
  return { zh: row.group ? `${row.group} ${row.zh}` : row.zh, en: row.en };
}

/** Every template cell's label, built on first use. */
const labels = lazy(() => {
  const LABELS = new Map<string, Bilingual>();

  // Table 2 of both formats: their paths do not overlap (the 2019 columns have keys of their own).
  for (const blocks of Object.values(TABLE2_BLOCKS))
    for (const { items, columns } of blocks)
      for (const item of items)
        for (const col of columns)
          LABELS.set(
            table2Path(item.key, col.key ?? undefined),
            col.key === null
              ? { zh: `表二 ${item.zh}`, en: `Table 2 ${item.en}` }
              : { zh: `表二 ${item.zh} · ${col.zh}`, en: `Table 2 ${item.en} · ${col.en}` },
          );
  for (const col of TABLE3_COLUMNS)
    for (const row of TABLE3_ROWS_EVERY_LAYOUT) {
      const rowLabel = table3RowLabel(row);
      LABELS.set(table3Path(col.key, row.key), {
        zh: `表三 ${col.zh} · ${rowLabel.zh}`,
        en: `Table 3 ${col.en} · ${rowLabel.en}`,
      });
    }
  for (const block of TABLE4_BLOCKS)
    for (const col of TABLE4_COLUMNS)
      LABELS.set(table4Path(block.key, col.key), {
        zh: `表四 ${block.zh} · ${col.zh}`,
        en: `Table 4 ${block.en} · ${col.en}`,
      });
  return LABELS;
});

/** The label of a template cell path; the path itself for anything outside the template. */
export function cellLabel(path: string): Bilingual {
  return labels().get(path) ?? { zh: path, en: path };
}
