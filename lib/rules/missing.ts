/**
 * MISSING: template tables, rows, columns and blocks that are not on the page, by the template of the report's format
 * and with （六） as the page prints it (one row or three: STRUCTURE names that deviation). A warning, not an error.
 * One finding per absent table; then per table-3 column absent in every row, per table-3 row (its remaining absent
 * cells), per table-4 block and per table-2 item. The sum rules stay silent about missing operands.
 */
import type { Finding, Rule, RuleContext } from '../findings';
import type { Report, TableId } from '../report';
import { cellAt, layoutOf, table2Path, table3Path, table4Path } from '../paths';
import { TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE4_BLOCKS, TABLE4_COLUMNS, table3RowsWith, type ReportFormat } from '../template';
import { lazy, lazyPerKey } from '../lazy';
import { table3RowLabel, type Bilingual } from './labels';

const TABLE_NAMES: Record<TableId, Bilingual> = {
  table2: { zh: '表二（主动公开政府信息情况）', en: 'Table 2 (proactive disclosure)' },
  table3: { zh: '表三（收到和处理政府信息公开申请情况）', en: 'Table 3 (requests received and handled)' },
  table4: { zh: '表四（行政复议、行政诉讼情况）', en: 'Table 4 (administrative review and litigation)' },
};

const isMissing = (report: Report, path: string) => {
  const cell = cellAt(report, path);
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
  paths: readonly string[],
  names: readonly Bilingual[],
  group: Bilingual,
  exclude: ReadonlySet<string> = NO_EXCLUSIONS,
): Finding | null {
  const absent: number[] = [];
  for (let i = 0; i < paths.length; i++) if (!exclude.has(paths[i]) && isMissing(report, paths[i])) absent.push(i);
  if (absent.length === 0) return null;
  const tableName = TABLE_NAMES[table];
  const parts = absent.map((i) => paths[i]);
  if (absent.length === paths.length)
    return finding(table, parts, `${tableName.zh}缺少${group.zh}`, `${tableName.en} has no ${group.en}`);
  const zh = absent.map((i) => names[i].zh).join('、');
  const en = absent.map((i) => names[i].en).join(', ');
  return finding(table, parts, `${tableName.zh}${group.zh}缺少：${zh}`, `${tableName.en} ${group.en} lacks: ${en}`);
}

/** Per table-3 layout ((六) as three leaves or one row): each column's paths, and each row's paths and name. */
function table3Groups(otherOneRow: boolean) {
  const rows = table3RowsWith(otherOneRow);
  return {
    columns: TABLE3_COLUMNS.map((col) => rows.map((row) => table3Path(col.key, row.key))),
    rows: rows.map((row) => {
      const label = table3RowLabel(row);
      return {
        paths: TABLE3_COLUMNS.map((col) => table3Path(col.key, row.key)),
        group: { zh: `“${label.zh}”行`, en: `row “${label.en}”` },
      };
    }),
  };
}
const TABLE3_GROUPS = lazyPerKey(table3Groups);
const table4Groups = lazy(() =>
  TABLE4_BLOCKS.map((block) => ({
    paths: TABLE4_COLUMNS.map((col) => table4Path(block.key, col.key)),
    names: TABLE4_COLUMNS as readonly Bilingual[],
    group: { zh: `“${block.zh}”`, en: `“${block.en}”` },
  })),
);
/** Per format, each table-2 item with its cells' paths and column names. */
const table2Groups = (format: ReportFormat) =>
  TABLE2_BLOCKS[format].flatMap(({ items, columns }) =>
    items.map((item) => ({
      paths: columns.map((col) => table2Path(item.key, col.key ?? undefined)),
      names: columns.map((col) => (col.key === null ? item : col)) as readonly Bilingual[],
      group: { zh: `“${item.zh}”`, en: `“${item.en}”` },
    })),
  );
const TABLE2_GROUPS = lazyPerKey(table2Groups);
const NO_EXCLUSIONS: ReadonlySet<string> = new Set();

function table3Findings(report: Report): Finding[] {
  const findings: Finding[] = [];
  const groups = TABLE3_GROUPS(layoutOf(report).otherOneRow);
  let absentColumns = NO_EXCLUSIONS;
  TABLE3_COLUMNS.forEach((col, c) => {
    const paths = groups.columns[c];
    if (!paths.every((path) => isMissing(report, path))) return;
    if (absentColumns === NO_EXCLUSIONS) absentColumns = new Set();
    paths.forEach((path) => (absentColumns as Set<string>).add(path));
    findings.push(
      finding('table3', [...paths], `${TABLE_NAMES.table3.zh}缺少“${col.zh}”列`, `${TABLE_NAMES.table3.en} has no “${col.en}” column`),
    );
  });
  for (const { paths, group } of groups.rows) {
    const found = groupFinding(report, 'table3', paths, TABLE3_COLUMNS, group, absentColumns);
    if (found) findings.push(found);
  }
  return findings;
}

function groupFindings(report: Report, table: TableId, groups: readonly { paths: string[]; names: readonly Bilingual[]; group: Bilingual }[]): Finding[] {
  const findings: Finding[] = [];
  for (const { paths, names, group } of groups) {
    const found = groupFinding(report, table, paths, names, group);
    if (found) findings.push(found);
  }
  return findings;
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
    if (report.table2) findings.push(...groupFindings(report, 'table2', TABLE2_GROUPS(report.format)));
    if (report.table3) findings.push(...table3Findings(report));
    if (report.table4) findings.push(...groupFindings(report, 'table4', table4Groups()));
    return findings;
  },
};
