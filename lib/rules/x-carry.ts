/**
 * X-CARRY: per column of table 3, this year's 二、上年结转 equals the same body's previous-year 四、结转下年度继续办理.
 * Blanks are read as in every sum rule (sum-check.ts): an error only where both cells are numbers and differ;
 * a blank or n/a side cannot be verified (warning), or holds if read as 0 (info). The badge goes on 上年结转, and
 * every finding names last year's report and cell (Finding.previousYear). An ambiguous previous year gives one
 * info finding listing the candidates and checks nothing.
 */
import type { Equation, EquationTerm, Finding, Rule, RuleContext } from '../findings';
import type { Bilingual } from './labels';
import type { Report } from '../report';
import { table3Path } from '../paths';
import { listReports, type YearRecord } from '../cross-year/record';
import { TABLE3_COLUMNS, type Table3Column } from '../template';
import { bothYears, cellPhrase, PREVIOUS_PREFIX, previousNote, previousReference } from './previous-year';
import { checkSum, displayCell } from './sum-check';
import type { SumSpec } from './sum-specs';

const ID = 'X-CARRY';
const THIS_ROW = { zh: '二、上年结转', en: 'II (carried over)' };
const LAST_ROW = { zh: '四、结转下年度继续办理', en: 'IV (carried forward)' };

export const xCarry: Rule = {
  meta: {
    id: ID,
    zh: '跨年结转：本年“二、上年结转” = 上年“四、结转下年度继续办理”',
    en: "Carry-over: this year's II carried over = last year's IV carried forward",
    docs:
      "Per column (7) of table 3, against the same body's report of the year before (matched by body and year − 1). " +
      'Error where both cells are numbers and differ; blanks and n/a as in the sum rules. The badge goes on 二、上年结转.',
  },
  check(report: Report, context: RuleContext): Finding[] {
    const match = context.previousYear;
    if (!match || match.kind === 'none') return [];
    if (match.kind === 'ambiguous') return [ambiguous(report, match.candidates)];
    const previous = match.previous;
    const read = bothYears(report, previous);
    const findings: Finding[] = [];
    for (const column of TABLE3_COLUMNS) {
      const spec = carrySpec(column);
      const outcome = checkSum(report, spec, read);
      if (!outcome) continue;
      const thisCell = read(spec.target);
      const lastCell = read(spec.parts[0]);
      const relation = outcome.outcome === 'mismatch' ? '≠' : outcome.outcome === 'blanks-as-zero' ? '=' : '?';
      const verdict = VERDICTS[outcome.outcome] ?? VERDICTS['cannot-verify'];
      const thisPhrase = cellPhrase(thisCell);
      const lastPhrase = cellPhrase(lastCell);
      const note = previousNote(previous);
      findings.push({
        ...outcome,
        equation: outcome.equation && labelled(outcome.equation),
        parts: [],
        formula: `${displayCell(lastCell)} ${relation} ${displayCell(thisCell)}`,
        message: {
          zh: `${column.zh}：本年“${THIS_ROW.zh}”${thisPhrase.zh}，上年“${LAST_ROW.zh}”${lastPhrase.zh}，${verdict.zh}${note.zh}`,
          en: `${column.en}: this year's ${THIS_ROW.en} ${thisPhrase.en}, last year's ${LAST_ROW.en} ${lastPhrase.en}; ${verdict.en}${note.en}`,
        },
        previousYear: previousReference(previous, [spec.parts[0].slice(PREVIOUS_PREFIX.length)]),
      });
    }
    return findings;
  },
};

/** The two operands named by their year, for the readable formula (the template's labels would name this year's only). */
function labelled(equation: Equation): Equation {
  const as = (label: Bilingual) => (term: EquationTerm) => ({ ...term, label });
  return {
    ...equation,
    totals: equation.totals.map(as({ zh: `本年${THIS_ROW.zh}`, en: `this year's ${THIS_ROW.en}` })),
    parts: equation.parts.map(as({ zh: `上年${LAST_ROW.zh}`, en: `last year's ${LAST_ROW.en}` })),
  };
}

const VERDICTS: Record<string, { zh: string; en: string }> = {
  mismatch: { zh: '两者应相等', en: 'they should be equal' },
  'total-blank': { zh: '无法核对', en: 'so this cannot be verified' },
  'cannot-verify': { zh: '无法核对', en: 'so this cannot be verified' },
  'blanks-as-zero': { zh: '空白按 0 计时相符', en: 'they agree if the blank is read as 0' },
};

/** 上年结转 = last year's 四 as a one-part sum, so blanks and n/a are read exactly as in the other sum rules. */
function carrySpec(column: Table3Column): SumSpec {
  const target = table3Path(column.key, 'carriedOver');
  return {
    rule: ID,
    table: 'table3',
    where: { zh: column.zh, en: column.en },
    target,
    totals: [target],
    parts: [PREVIOUS_PREFIX + table3Path(column.key, 'carriedForward')],
    targetLabel: THIS_ROW,
    totalsLabel: THIS_ROW,
    partsLabel: LAST_ROW,
  };
}

function ambiguous(report: Report, candidates: readonly YearRecord[]): Finding {
  const year = report.meta.year === null ? '' : String(report.meta.year - 1);
  const names = listReports(candidates.map((c) => c.identity));
  return {
    rule: ID,
    severity: 'info',
    outcome: 'ambiguous-previous',
    table: 'table3',
    target: null,
    parts: [],
    message: {
      zh: `找到 ${candidates.length} 份可能的上年（${year}年）报告，无法确定用哪一份，未核对跨年结转：${names.zh}`,
      en: `${candidates.length} reports could be last year's (${year}); none was chosen, so the carry-over was not checked: ${names.en}`,
    },
  };
}
