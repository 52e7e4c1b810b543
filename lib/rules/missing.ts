/**
 * MISSING: template tables, rows, columns and blocks that are not on the page. A warning, not an error: the page may
 * use another layout (the 2019 trial format) and we cannot tell that from a publisher's omission.
 * One finding per absent table; then per table-3 column absent in every row, per table-3 row (its remaining absent
 * cells), per table-4 block and per table-2 item. The sum rules stay silent about missing operands.
 */
import type { Finding, Rule, RuleContext } from '../findings';
import type { Report, TableId } from '../report';
import { table2Path, table3Path, table4Path } from '../paths';
import { readCell } from './read-cell';
import {
  TABLE2_COUNT_COLUMNS,
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
} from '../template';
import { table3RowLabel, type Bilingual } from './labels';

const TABLE_NAMES: Record<TableId, Bilingual> = {
  table2: { zh: '表二（主动公开政府信息情况）', en: 'Table 2 (proactive disclosure)' },
  table3: { zh: '表三（收到和处理政府信息公开申请情况）', en: 'Table 3 (requests received and handled)' },
  table4: { zh: '表四（行政复议、行政诉讼情况）', en: 'Table 4 (administrative review and litigation)' },
};

const isMissing = (report: Report, path: string) => {
  const cell = readCell(report, path);
  return cell === undefined || cell.kind === 'missing';
};

function finding(table: TableId, parts: string[], zh: string, en: string): Finding {
  return { rule: 'MISSING', severity: 'warning', outcome: 'missing', table, target: null, parts, message: { zh, en } };
}

/**
 * Missing cells of one group (a row, a block, an item), as a finding when any is absent.
 * `group` names the group as it reads in a sentence, e.g. `“二、上年结转…”行` or `“行政复议”`.
 */
function groupFinding(
  report: Report,
  table: TableId,
  paths: string[],
  names: Bilingual[],
  group: Bilingual,
  exclude: ReadonlySet<string> = new Set(),
): Finding | null {
  const absent: number[] = [];
  paths.forEach((path, i) => {
    if (!exclude.has(path) && isMissing(report, path)) absent.push(i);
  });
  if (absent.length === 0) return null;
  const tableName = TABLE_NAMES[table];
  const parts = absent.map((i) => paths[i]);
  if (absent.length === paths.length)
    return finding(table, parts, `${tableName.zh}缺少${group.zh}`, `${tableName.en} has no ${group.en}`);
  const zh = absent.map((i) => names[i].zh).join('、');
  const en = absent.map((i) => names[i].en).join(', ');
  return finding(table, parts, `${tableName.zh}${group.zh}缺少：${zh}`, `${tableName.en} ${group.en} lacks: ${en}`);
}

function table3Findings(report: Report): Finding[] {
  const findings: Finding[] = [];
  const absentColumns = new Set<string>();
  for (const col of TABLE3_COLUMNS) {
    const paths = TABLE3_ROWS.map((row) => table3Path(col.key, row.key));
    if (!paths.every((path) => isMissing(report, path))) continue;
    paths.forEach((path) => absentColumns.add(path));
    findings.push(
      finding('table3', paths, `${TABLE_NAMES.table3.zh}缺少“${col.zh}”列`, `${TABLE_NAMES.table3.en} has no “${col.en}” column`),
    );
  }
  const columnNames = TABLE3_COLUMNS.map((col) => ({ zh: col.zh, en: col.en }));
  for (const row of TABLE3_ROWS) {
    const paths = TABLE3_COLUMNS.map((col) => table3Path(col.key, row.key));
    const label = table3RowLabel(row);
    const group = { zh: `“${label.zh}”行`, en: `row “${label.en}”` };
    const found = groupFinding(report, 'table3', paths, columnNames, group, absentColumns);
    if (found) findings.push(found);
  }
  return findings;
}

function table4Findings(report: Report): Finding[] {
  const names = TABLE4_COLUMNS.map((col) => ({ zh: col.zh, en: col.en }));
  return TABLE4_BLOCKS.flatMap((block) => {
    const paths = TABLE4_COLUMNS.map((col) => table4Path(block.key, col.key));
    const found = groupFinding(report, 'table4', paths, names, { zh: `“${block.zh}”`, en: `“${block.en}”` });
    return found ? [found] : [];
  });
}

function table2Findings(report: Report): Finding[] {
  return TABLE2_ITEMS.flatMap((item) => {
    const columns = item.multi ? TABLE2_COUNT_COLUMNS.map((c) => ({ key: c.key, zh: c.zh, en: c.en })) : [];
    const paths = item.multi ? columns.map((c) => table2Path(item.key, c.key)) : [table2Path(item.key)];
    const names = item.multi ? columns : [{ zh: item.zh, en: item.en }];
    const found = groupFinding(report, 'table2', paths, names, { zh: `“${item.zh}”`, en: `“${item.en}”` });
    return found ? [found] : [];
  });
}

export const missing: Rule = {
  meta: {
    id: 'MISSING',
    zh: '缺项：模板中的表、行、列不在页面上',
    en: 'Missing: template tables, rows or columns absent from the page',
    docs: 'One warning per absent table, table-3 column, table-3 row, table-4 block or table-2 item. Sum rules do not repeat it.',
  },
  check(report: Report, _context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of ['table2', 'table3', 'table4'] as const) {
      if (report[table] !== null) continue;
      findings.push(finding(table, [], `未找到${TABLE_NAMES[table].zh}`, `${TABLE_NAMES[table].en} was not found`));
    }
    if (report.table2) findings.push(...table2Findings(report));
    if (report.table3) findings.push(...table3Findings(report));
    if (report.table4) findings.push(...table4Findings(report));
    return findings;
  },
};
