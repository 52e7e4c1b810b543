/**
 * The one blank-aware check behind every sum rule (template-2021.md, "What a cell holds").
 *
 * A spec is the equation `Σ totals = Σ parts` (one total for a plain sum; （七）+四 vs 一+二 for T3-BALANCE).
 * Each operand is read as:
 * - known: a number or zero cell;
 * - blank: can hold any count ≥ 0, so it can only make its side larger;
 * - unreadable: na (`/`) or text (`2件`) — also some count ≥ 0 at best, but the rule cannot be verified;
 * - missing: the template cell is not on the page. Reported once by the MISSING rule, so a sum with a missing
 *   operand says nothing unless it is wrong whatever the missing cells hold.
 *
 * Outcomes, in this order:
 * 1. every operand known: equal → no finding; different → error `mismatch`.
 * 2. one side fully known and the other side's known cells already add up to more → error `mismatch`
 *    (the unknown cells can only add). This covers "parts already above the total" and its mirror for T3-BALANCE.
 * 3. a missing operand → no finding.
 * 4. the target cell blank → warning `total-blank`.
 * 5. an na/text operand → warning `cannot-verify`.
 * 6. blanks on both sides (T3-BALANCE only) → warning `cannot-verify`.
 * 7. blanks on one side: known sums equal → info `blanks-as-zero` (holds if the blanks are 0, and we say so);
 *    otherwise → warning `cannot-verify`.
 *
 * expected and found are about the badge cell, so a badge can say 应为 · 实为 truthfully: found = the target's value,
 * expected = the value that makes the sum hold with the other cells as published (blanks read as 0): Σ parts for a
 * plain sum, 一 + 二 − 四 for T3-BALANCE. Set for `mismatch` and `blanks-as-zero` when the target holds a number.
 * The formula shows every operand: blanks as □, na/text as 「raw」, missing as ∅, e.g. `22 + 19 + □ = 41 < 42`.
 */
import type { Cell } from '../report';
import type { Equation, EquationTerm, Finding, Rule, RuleContext } from '../findings';
import type { Report } from '../report';
import { cellAt, knownValue } from '../paths';
import { trimAll } from '../text';
import { cellLabel, type Bilingual } from './labels';
import type { SumSpec } from './sum-specs';
import { termLabels } from './term-labels';

const BLANK_MARK = '□';
const MISSING_MARK = '∅';

type OperandState = 'known' | 'blank' | 'unreadable' | 'missing';

interface Side {
  /** Sum of the known operands. */
  known: number;
  /** Some operand is blank, na, text or missing. */
  hasUnknown: boolean;
}

function stateOf(cell: Cell | undefined): OperandState {
  if (cell === undefined || cell.kind === 'missing') return 'missing';
  if (knownValue(cell) !== null) return 'known';
  if (cell.kind === 'blank') return 'blank';
  return 'unreadable';
}

/** Reads a cell by path; by default from the report, a cross-year rule also reads last year's cells through it. */
export type CellReader = (path: string) => Cell | undefined;

/** The outcome of one spec on one report, or null when there is nothing to say (the sum holds, or MISSING speaks). */
export function checkSum(report: Report, spec: SumSpec, read: CellReader = (path) => cellAt(report, path)): Finding | null {
  let anyMissing = false;
  let firstUnreadable: { path: string; raw: string } | null = null;
  let targetBlank = false;

  const readSide = (paths: readonly string[]): Side => {
    const side: Side = { known: 0, hasUnknown: false };
    for (const path of paths) {
      const cell = read(path);
      const state = stateOf(cell);
      if (state === 'known') {
        side.known += (cell as Cell).value as number;
        continue;
      }
      side.hasUnknown = true;
      if (state === 'missing') anyMissing = true;
      else if (state === 'unreadable' && firstUnreadable === null) firstUnreadable = { path, raw: (cell as Cell).raw };
      else if (state === 'blank' && path === spec.target) targetBlank = true;
    }
    return side;
  };

  const totals = readSide(spec.totals);
  const parts = readSide(spec.parts);
  const partsSum = parts.known;
  const totalsSum = totals.known;
  // The common case, a sum that holds, allocates nothing more.
  if (!totals.hasUnknown && !parts.hasUnknown && partsSum === totalsSum) return null;
  const targetValue = knownValue(read(spec.target));
  // What the target should hold given every other cell, and what it holds (see the header).
  const badge =
    targetValue === null ? {} : { expected: partsSum - (totalsSum - targetValue), found: targetValue };
  const twoSided = spec.totals.length > 1;
  const where = spec.where;
  const equation = equationOf(read, spec, totals, parts);
  const base = {
    rule: spec.rule,
    table: spec.table,
    target: spec.target,
    parts: [...spec.totals.filter((p) => p !== spec.target), ...spec.parts],
    formula: compactFormula(equation),
    equation,
  };

  if (!totals.hasUnknown && !parts.hasUnknown) {
    const { expected, found } = badge as { expected: number; found: number };
    const sides = twoSided
      ? {
          zh: `（${spec.partsLabel.zh} = ${partsSum}，${spec.totalsLabel.zh} = ${totalsSum}）`,
          en: ` (${spec.partsLabel.en} = ${partsSum}, ${spec.totalsLabel.en} = ${totalsSum})`,
        }
      : { zh: '', en: ` (${spec.partsLabel.en})` };
    return {
      ...base,
      severity: 'error',
      outcome: 'mismatch',
      expected,
      found,
      message: {
        zh: `${where.zh}：${spec.targetLabel.zh}应为 ${expected}，实为 ${found}${sides.zh}`,
        en: `${where.en}: ${spec.targetLabel.en} should be ${expected}, found ${found}${sides.en}`,
      },
    };
  }

  // Unknown cells hold counts ≥ 0: a side with unknowns can only grow.
  const partsAbove = !totals.hasUnknown && parts.hasUnknown && partsSum > totalsSum;
  const totalsAbove = totals.hasUnknown && !parts.hasUnknown && totalsSum > partsSum;
  if (partsAbove || totalsAbove) {
    const [grow, growSum, fixed, fixedSum] = partsAbove
      ? [spec.partsLabel, partsSum, spec.totalsLabel, totalsSum]
      : [spec.totalsLabel, totalsSum, spec.partsLabel, partsSum];
    return {
      ...base,
      severity: 'error',
      outcome: 'mismatch',
      ...badge,
      message: {
        zh: `${where.zh}：${grow.zh}中已填数字之和为 ${growSum}，已超过${fixed.zh} ${fixedSum}；其余格（空白或非数字）只会使和更大，必有错误`,
        en: `${where.en}: the filled cells of ${grow.en} already add up to ${growSum}, more than ${fixed.en} = ${fixedSum}; the other cells (blank or not a number) can only add, so this is wrong`,
      },
    };
  }

  if (anyMissing) return null;

  if (targetBlank) {
    const partsNote = parts.hasUnknown ? '' : `（${spec.partsLabel.zh}为 ${partsSum}）`;
    const partsNoteEn = parts.hasUnknown ? '' : ` (${spec.partsLabel.en} is ${partsSum})`;
    return {
      ...base,
      severity: 'warning',
      outcome: 'total-blank',
      message: {
        zh: `${where.zh}：${spec.targetLabel.zh}为空白，无法核对${partsNote}`,
        en: `${where.en}: ${spec.targetLabel.en} is blank, so the sum cannot be verified${partsNoteEn}`,
      },
    };
  }

  const unreadable = firstUnreadable as { path: string; raw: string } | null;
  if (unreadable) {
    const label = cellLabel(unreadable.path);
    const raw = trimAll(unreadable.raw);
    return {
      ...base,
      severity: 'warning',
      outcome: 'cannot-verify',
      message: {
        zh: `${where.zh}：${label.zh}为「${raw}」，不是数字，无法核对`,
        en: `${where.en}: ${label.en} holds "${raw}", not a number, so the sum cannot be verified`,
      },
    };
  }

  if (totals.hasUnknown && parts.hasUnknown) {
    return {
      ...base,
      severity: 'warning',
      outcome: 'cannot-verify',
      message: {
        zh: `${where.zh}：${spec.totalsLabel.zh}与${spec.partsLabel.zh}两边都有空白格，无法核对`,
        en: `${where.en}: both ${spec.totalsLabel.en} and ${spec.partsLabel.en} have blank cells, so this cannot be verified`,
      },
    };
  }

  if (partsSum === totalsSum) {
    return {
      ...base,
      severity: 'info',
      outcome: 'blanks-as-zero',
      ...badge,
      message: {
        zh: `${where.zh}：空白格按 0 计时成立（${spec.partsLabel.zh} ${partsSum} = ${spec.totalsLabel.zh} ${totalsSum}）`,
        en: `${where.en}: holds if the blank cells are read as 0 (${spec.partsLabel.en} ${partsSum} = ${spec.totalsLabel.en} ${totalsSum})`,
      },
    };
  }

  const [short, shortSum, other, otherSum] = parts.hasUnknown
    ? [spec.partsLabel, partsSum, spec.totalsLabel, totalsSum]
    : [spec.totalsLabel, totalsSum, spec.partsLabel, partsSum];
  return {
    ...base,
    severity: 'warning',
    outcome: 'cannot-verify',
    message: {
      zh: `${where.zh}：${short.zh}有空白格，已填部分为 ${shortSum}，少于${other.zh} ${otherSum}，无法核对`,
      en: `${where.en}: ${short.en} has blank cells and its filled cells add up to ${shortSum}, less than ${other.en} = ${otherSum}, so this cannot be verified`,
    },
  };
}

/** Every operand of the spec as the page has it, each with its short name within this sum. */
function equationOf(read: CellReader, spec: SumSpec, totals: Side, parts: Side): Equation {
  const labels = labelsOf(spec);
  const equation: Equation = {
    parts: termsOf(read, spec.parts, labels, spec.totals.length),
    totals: termsOf(read, spec.totals, labels, 0),
    partsSum: parts.known,
    totalsSum: totals.known,
    relation: '=',
  };
  equation.relation = relationOf(equation, totals, parts);
  return equation;
}

function termsOf(read: CellReader, paths: readonly string[], labels: readonly Bilingual[], offset: number): EquationTerm[] {
  return paths.map((path, i) => termOf(path, read(path), labels[offset + i]));
}

function termOf(path: string, cell: Cell | undefined, label: Bilingual): EquationTerm {
  const kind = cell?.kind ?? 'missing';
  const term: EquationTerm = { path, label, kind, value: knownValue(cell) };
  if (cell && (kind === 'na' || kind === 'text')) term.raw = trimAll(cell.raw);
  return term;
}

/** A cell as a formula shows it: its number, □ for a blank, ∅ for a missing cell, 「raw」 for n/a or text. */
export function displayCell(cell: Cell | undefined): string {
  return compactTerm(termOf('', cell, { zh: '', en: '' }));
}

/** The operands' short names, totals first, once per spec. */
const LABELS = new WeakMap<SumSpec, readonly Bilingual[]>();
function labelsOf(spec: SumSpec): readonly Bilingual[] {
  let labels = LABELS.get(spec);
  if (labels === undefined) {
    labels = termLabels([...spec.totals, ...spec.parts]);
    LABELS.set(spec, labels);
  }
  return labels;
}

/**
 * `=`/`≠` with every operand known. With unknowns: `<`/`>` between the known sums; `=` when they are equal and the
 * unknowns are blanks (the sum holds if they are 0); `?` when nothing can be said (both sides unknown, the single total
 * unknown, or equal known sums beside an n/a or text operand).
 */
function relationOf(equation: Equation, totals: Side, parts: Side): Equation['relation'] {
  const { partsSum, totalsSum } = equation;
  if (!totals.hasUnknown && !parts.hasUnknown) return partsSum === totalsSum ? '=' : '≠';
  if (totals.hasUnknown && (parts.hasUnknown || equation.totals.length === 1)) return '?';
  if (partsSum !== totalsSum) return partsSum < totalsSum ? '<' : '>';
  const unreadable = [...equation.totals, ...equation.parts].some((t) => t.kind === 'na' || t.kind === 'text');
  return unreadable ? '?' : '=';
}

/** `parts = Σparts REL total` for a plain sum; `一 + 二 = Σ REL Σ = （七） + 四` for T3-BALANCE (see the header). */
function compactFormula(equation: Equation): string {
  const shown = (terms: readonly EquationTerm[]) => terms.map(compactTerm).join(' + ');
  const left = `${shown(equation.parts)} = ${equation.partsSum}`;
  if (equation.totals.length === 1) return `${left} ${equation.relation} ${shown(equation.totals)}`;
  return `${left} ${equation.relation} ${equation.totalsSum} = ${shown(equation.totals)}`;
}

function compactTerm(term: EquationTerm): string {
  if (term.value !== null) return String(term.value);
  if (term.kind === 'blank') return BLANK_MARK;
  if (term.kind === 'missing') return MISSING_MARK;
  return `「${term.raw ?? ''}」`;
}

/** A rule family made of sum specs (those that apply to the report's layout): checks each spec with `checkSum`. */
export function sumRule(meta: Rule['meta'], specsOf: (report: Report) => readonly SumSpec[]): Rule {
  return {
    meta,
    check(report: Report, _context: RuleContext): Finding[] {
      const findings: Finding[] = [];
      for (const spec of specsOf(report)) {
        const finding = checkSum(report, spec);
        if (finding) findings.push(finding);
      }
      return findings;
    },
  };
}
