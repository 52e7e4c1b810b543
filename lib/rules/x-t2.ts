/**
 * X-T2 (info only): for 规章 and 行政规范性文件, last year's 现行有效 + this year's 本年制发 − 本年废止 against this
 * year's 现行有效. It often fails for good reasons (a clean-up re-counts the documents in force), so a difference is
 * a note with the figures, never a warning. It needs all four cells as numbers (blank or n/a cells are the BLANK
 * and VALUE rules' business) and both reports in the 2021 format (the 2019 table 2 counts other things).
 */
import type { Finding, Rule, RuleContext } from '../findings';
import type { Report } from '../report';
import { knownValue, table2Path } from '../paths';
import { TABLE2_ITEMS } from '../template';
import { bothYears, PREVIOUS_PREFIX, previousNote, previousReference } from './previous-year';

const ID = 'X-T2';
const STOCK_ITEMS = TABLE2_ITEMS.filter((item) => item.key === 'regulations' || item.key === 'normativeDocuments');

export const xT2: Rule = {
  meta: {
    id: ID,
    zh: '跨年存量（仅提示）：上年现行有效 + 本年制发 − 本年废止 = 本年现行有效',
    en: 'Stock across years (note only): last year in force + issued − repealed = in force this year',
    docs:
      "For 规章 and 行政规范性文件 in table 2, against the same body's previous-year report. Info only: official " +
      'clean-ups legitimately break it. Needs all four cells as numbers and both reports in the 2021 format.',
  },
  check(report: Report, context: RuleContext): Finding[] {
    const match = context.previousYear;
    if (match?.kind !== 'found' || report.format !== '2021' || match.previous.format !== '2021') return [];
    const previous = match.previous;
    const read = bothYears(report, previous);
    const findings: Finding[] = [];
    for (const item of STOCK_ITEMS) {
      const [madePath, repealedPath, validPath] = ['made', 'repealed', 'valid'].map((col) => table2Path(item.key, col));
      const [last, made, repealed, valid] = [PREVIOUS_PREFIX + validPath, madePath, repealedPath, validPath].map((p) => knownValue(read(p)));
      if (last === null || made === null || repealed === null || valid === null) continue;
      const expected = last + made - repealed;
      if (expected === valid) continue;
      const note = previousNote(previous);
      const difference = valid - expected;
      findings.push({
        rule: ID,
        severity: 'info',
        outcome: 'mismatch',
        table: 'table2',
        target: validPath,
        parts: [madePath, repealedPath],
        expected,
        found: valid,
        formula: `${last} + ${made} − ${repealed} = ${expected} ≠ ${valid}`,
        message: {
          zh: `${item.zh}：上年现行有效 ${last} + 本年制发 ${made} − 本年废止 ${repealed} = ${expected}，本年现行有效为 ${valid}（相差 ${signed(difference)}）；集中清理等原因常使两者不等，仅供参考${note.zh}`,
          en: `${item.en}: last year's ${last} in force + ${made} issued − ${repealed} repealed = ${expected}, but ${valid} are in force this year (${signed(difference)}); clean-ups often explain this, a note only${note.en}`,
        },
        previousYear: previousReference(previous, [validPath]),
      });
    }
    return findings;
  },
};

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
