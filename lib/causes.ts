/**
 * Findings grouped by cause: what a reader has to fix, so that a page whose five 法人或其他组织 columns are blank says
 * one thing (「表三 法人或其他组织 5 列整列空白（125 格），应填 0」) instead of 160. Runs after the rules (lib/check.ts).
 *
 * - Blank lines: per table, the columns whose every cell on the page is blank are one cause (`blank-columns`; every
 *   column blank: `blank-table`); then the rows blank in every other column are one cause (`blank-rows`). A line needs
 *   at least two blank cells. Every other BLANK finding is a cause of its own.
 * - A sum finding that is not an error (cannot-verify, total-blank, blanks-as-zero) folds into a cause when the cells
 *   that leave it open (blank, n/a or text operands) are all cells already reported (by BLANK or VALUE findings): into
 *   the cause of its badge cell when that is one of them, else into the cause reporting most of them. An error never
 *   folds: it is a cause of its own, so grouping can never hide one.
 * - Text warnings: the same rule about the same cell, stated more than once, is one cause (`repeated-text`).
 * - Everything else (MISSING, which already speaks once per absent row, column or table; VALUE; errors…) is one finding
 *   per cause.
 * Every finding stays in the result with its own target, so every cell still gets its badge; causes only say which
 * findings belong together and are what the chips, the popup, the toolbar badge and the CLI count.
 */
import type { Cause, Finding, Severity } from './findings';
import { lazy } from './lazy';
import { cellAt, table2Path, table3Path, table4Path } from './paths';
import type { Report, TableId } from './report';
import type { Bilingual } from './rules/labels';
import { TABLE3_SHORT_ROWS } from './rules/term-labels';
import {
  TABLE2_COUNT_COLUMNS,
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_ROWS_EVERY_LAYOUT,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
} from './template';

interface Line {
  name: Bilingual;
  paths: readonly string[];
}

interface TableLines {
  table: TableId;
  name: Bilingual;
  columns: readonly Line[];
  rows: readonly Line[];
  /** Named together when exactly these columns are blank, e.g. 法人或其他组织. */
  columnGroups?: readonly { name: Bilingual; keys: ReadonlySet<string> }[];
}

const LEGAL_PERSON = TABLE3_COLUMNS.filter((col) => col.key.startsWith('legalPerson.'));

/** Built on first use (a check with blank cells). */
const tableLines = lazy((): readonly TableLines[] => [
  {
    table: 'table2',
    name: { zh: '表二', en: 'Table 2' },
    columns: TABLE2_COUNT_COLUMNS.map((col) => ({
      name: col,
      paths: TABLE2_ITEMS.filter((item) => item.multi).map((item) => table2Path(item.key, col.key)),
    })),
    rows: TABLE2_ITEMS.filter((item) => item.multi).map((item) => ({
      name: item,
      paths: TABLE2_COUNT_COLUMNS.map((col) => table2Path(item.key, col.key)),
    })),
  },
  {
    table: 'table3',
    name: { zh: '表三', en: 'Table 3' },
    // Rows of every layout: a page holds either the one-row （六） or its three leaves, and absent cells are skipped.
    columns: TABLE3_COLUMNS.map((col) => ({ name: col, paths: TABLE3_ROWS_EVERY_LAYOUT.map((row) => table3Path(col.key, row.key)) })),
    rows: TABLE3_ROWS_EVERY_LAYOUT.map((row) => ({
      name: TABLE3_SHORT_ROWS[row.key] ?? row,
      paths: TABLE3_COLUMNS.map((col) => table3Path(col.key, row.key)),
    })),
    columnGroups: [
      {
        name: { zh: '法人或其他组织', en: 'legal-person (法人或其他组织)' },
        keys: new Set(LEGAL_PERSON.map((col) => col.zh)),
      },
    ],
  },
  {
    table: 'table4',
    name: { zh: '表四', en: 'Table 4' },
    columns: TABLE4_COLUMNS.map((col) => ({ name: col, paths: TABLE4_BLOCKS.map((block) => table4Path(block.key, col.key)) })),
    rows: TABLE4_BLOCKS.map((block) => ({ name: block, paths: TABLE4_COLUMNS.map((col) => table4Path(block.key, col.key)) })),
  },
]);

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Sum outcomes that only say the sum could not be settled: the ones that may fold into the cause of their cells. */
const OPEN_OUTCOMES = new Set(['cannot-verify', 'total-blank', 'blanks-as-zero']);
/** Rules whose findings name one cell as the culprit: a sum left open by that cell folds into their cause. */
const CELL_RULES = new Set(['BLANK', 'VALUE']);
/** Names listed in a group's message before 等 / "…". */
const NAMES_LISTED = 4;

interface Draft {
  kind: Cause['kind'];
  table: TableId | 'text';
  findings: number[];
  /** The finding that defines a one-finding cause (its rule, message and cell); the others were folded into it. */
  lead: number;
  /** How many of `findings` are sum findings folded in (the ones this cause's cells alone leave open). */
  folded: number;
  /** For blank groups: the message without the folded-findings note, and the first blank cell. */
  message?: Bilingual;
  target?: string | null;
}

/** Groups `findings` (as runRules returned them) by cause; see the header. Pure. */
export function groupByCause(report: Report, findings: readonly Finding[]): Cause[] {
  const drafts: Draft[] = [];
  const causeOfCell = new Map<string, number>();
  const assigned = new Array<boolean>(findings.length).fill(false);

  const blankAt = new Map<string, number>();
  findings.forEach((f, i) => {
    if (f.rule === 'BLANK' && f.target !== null) blankAt.set(f.target, i);
  });
  if (blankAt.size > 0) {
    for (const lines of tableLines()) {
      if (report[lines.table] === null) continue;
      for (const group of blankGroups(report, lines, blankAt)) {
        const index = drafts.length;
        drafts.push(group);
        for (const i of group.findings) {
          assigned[i] = true;
          causeOfCell.set(findings[i].target as string, index);
        }
      }
    }
  }

  // Cell findings first (the rules list sums before BLANK), so a sum can find the cause of the cells that leave it open.
  findings.forEach((f, i) => {
    if (assigned[i] || !CELL_RULES.has(f.rule) || f.target === null) return;
    assigned[i] = true;
    causeOfCell.set(f.target, drafts.length);
    drafts.push({ kind: 'finding', table: f.table, findings: [i], lead: i, folded: 0 });
  });

  const textCauses = new Map<string, number>();
  findings.forEach((f, i) => {
    if (assigned[i]) return;
    const folded = foldInto(f, causeOfCell);
    if (folded !== null) {
      drafts[folded].findings.push(i);
      drafts[folded].folded++;
      return;
    }
    if (f.table === 'text') {
      const key = `${f.rule}\u0000${f.target ?? ''}`;
      const existing = textCauses.get(key);
      if (existing !== undefined) {
        drafts[existing].kind = 'repeated-text';
        drafts[existing].findings.push(i);
        return;
      }
      textCauses.set(key, drafts.length);
    }
    drafts.push({ kind: 'finding', table: f.table, findings: [i], lead: i, folded: 0 });
  });

  // In the rules' order of the finding that defines each cause: MISSING, VALUE, sum errors, blanks, text.
  return drafts.sort((a, b) => a.lead - b.lead).map((draft) => toCause(draft, findings));
}

/**
 * The cause a non-error sum finding folds into, or null: when every cell that leaves it open is already reported, it
 * joins the cause of its badge cell if that is one of them, else the cause reporting most of them (the first on a tie).
 */
function foldInto(finding: Finding, causeOfCell: ReadonlyMap<string, number>): number | null {
  const equation = finding.equation;
  if (finding.severity === 'error' || !equation || !OPEN_OUTCOMES.has(finding.outcome)) return null;
  // Each open operand's cause; the side arrays are short (at most 22 operands).
  const owners: number[] = [];
  for (const side of [equation.totals, equation.parts]) {
    for (const term of side) {
      if (term.value !== null) continue;
      const owner = causeOfCell.get(term.path);
      if (owner === undefined) return null;
      owners.push(owner);
    }
  }
  if (owners.length === 0) return null;
  // The badge cell is the first total (lib/findings.ts); when it is one of the open cells, its cause wins.
  if (equation.totals.length > 0 && equation.totals[0].value === null) return owners[0];
  let best = owners[0];
  let bestCount = 0;
  for (const candidate of owners) {
    let count = 0;
    for (const owner of owners) if (owner === candidate) count++;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/** The blank columns (or the whole table), then the blank rows of one table, as drafts holding their BLANK findings. */
function blankGroups(report: Report, lines: TableLines, blankAt: ReadonlyMap<string, number>): Draft[] {
  const absent = (path: string) => {
    const cell = cellAt(report, path);
    return cell === undefined || cell.kind === 'missing';
  };
  const blankLine = (paths: readonly string[]) => {
    let blanks = 0;
    for (const path of paths) {
      if (blankAt.has(path)) blanks++;
      else if (!absent(path)) return false;
    }
    return blanks >= 2;
  };
  const drafts: Draft[] = [];
  const taken = new Set<string>();
  const columns = lines.columns.filter((col) => blankLine(col.paths));
  if (columns.length > 0) {
    const paths = columns.flatMap((col) => col.paths.filter((path) => blankAt.has(path)));
    paths.forEach((path) => taken.add(path));
    const whole = columns.length === lines.columns.length;
    drafts.push({
      kind: whole ? 'blank-table' : 'blank-columns',
      table: lines.table,
      findings: indexes(paths, blankAt),
      lead: blankAt.get(paths[0]) as number,
      folded: 0,
      message: whole ? blankTableMessage(lines, paths.length) : blankLinesMessage(lines, 'column', columns, paths.length),
      target: paths[0],
    });
  }
  const rows = lines.rows
    .map((row) => ({ name: row.name, paths: row.paths.filter((path) => !taken.has(path)) }))
    .filter((row) => blankLine(row.paths));
  if (rows.length > 0) {
    const paths = rows.flatMap((row) => row.paths.filter((path) => blankAt.has(path)));
    drafts.push({
      kind: 'blank-rows',
      table: lines.table,
      findings: indexes(paths, blankAt),
      lead: blankAt.get(paths[0]) as number,
      folded: 0,
      message: blankLinesMessage(lines, 'row', rows, paths.length),
      target: paths[0],
    });
  }
  return drafts;
}

const indexes = (paths: readonly string[], at: ReadonlyMap<string, number>) =>
  paths.map((path) => at.get(path) as number).sort((a, b) => a - b);

function blankTableMessage(lines: TableLines, cells: number): Bilingual {
  return {
    zh: `${lines.name.zh}整表空白（${cells} 格），应填数字（没有的填 0）`,
    en: `${lines.name.en} is blank throughout (${cells} cells); fill in the numbers (0 for none)`,
  };
}

const AXES = {
  column: { zh: '列', en: 'column' },
  row: { zh: '行', en: 'row' },
} as const;

/** `表三“科研机构”列整列空白（25 格），应填 0`, or several lines listed, or a named group of columns (法人或其他组织). */
function blankLinesMessage(lines: TableLines, axis: keyof typeof AXES, blank: readonly Line[], cells: number): Bilingual {
  const { zh: unit, en: word } = AXES[axis];
  const table = lines.name;
  const tail = { zh: `整${unit}空白（${cells} 格），应填 0`, en: `blank throughout (${cells} cells); write 0 for none` };
  const names = new Set(blank.map((line) => line.name.zh));
  const group =
    axis === 'column'
      ? lines.columnGroups?.find((g) => g.keys.size === names.size && [...g.keys].every((k) => names.has(k)))
      : undefined;
  const count = blank.length;
  if (group) {
    return {
      zh: `${table.zh} ${group.name.zh} ${count} ${unit}${tail.zh}`,
      en: `${table.en}: the ${count} ${group.name.en} ${word}s are ${tail.en}`,
    };
  }
  if (count === 1) {
    return {
      zh: `${table.zh}“${blank[0].name.zh}”${unit}${tail.zh}`,
      en: `${table.en}: the ${word} “${blank[0].name.en}” is ${tail.en}`,
    };
  }
  const list = listNames(blank);
  return {
    zh: `${table.zh} ${list.zh} ${count} ${unit}${tail.zh}`,
    en: `${table.en}: ${count} ${word}s (${list.en}) are ${tail.en}`,
  };
}

function listNames(lines: readonly Line[]): Bilingual {
  const listed = lines.slice(0, NAMES_LISTED);
  const more = lines.length > NAMES_LISTED;
  return {
    zh: listed.map((l) => l.name.zh).join('、') + (more ? '等' : ''),
    en: listed.map((l) => l.name.en).join(', ') + (more ? ', …' : ''),
  };
}

function toCause(draft: Draft, findings: readonly Finding[]): Cause {
  const own = draft.findings.sort((a, b) => a - b);
  const first = findings[draft.lead];
  let severity: Severity = 'info';
  for (const i of own) if (SEVERITY_RANK[findings[i].severity] < SEVERITY_RANK[severity]) severity = findings[i].severity;
  const grouped = draft.message !== undefined;
  const base = draft.message ?? first.message;
  const folded = draft.folded;
  const repeated = draft.kind === 'repeated-text' ? own.length : 0;
  const message =
    folded > 0
      ? {
          zh: `${base.zh}（另有 ${folded} 项核对取决于${grouped ? '这些空白格' : '此格'}）`,
          en: `${base.en} (${folded} sum check${folded === 1 ? '' : 's'} depend${folded === 1 ? 's' : ''} on ${grouped ? 'these blanks' : 'this cell'})`,
        }
      : repeated > 0
        ? { zh: `${base.zh}（正文中 ${repeated} 处）`, en: `${base.en} (${repeated} places in the text)` }
        : base;
  return {
    kind: draft.kind,
    severity,
    rule: grouped ? 'BLANK' : first.rule,
    table: draft.table,
    findings: own,
    target: draft.target ?? first.target ?? first.parts[0] ?? null,
    message,
  };
}

/** How many causes of each severity, of one table or ('all') of the whole page: what people are shown as counts. */
export function countCauses(causes: readonly Cause[], table: TableId | 'text' | 'all' = 'all'): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const cause of causes) if (table === 'all' || cause.table === table) counts[cause.severity]++;
  return counts;
}
