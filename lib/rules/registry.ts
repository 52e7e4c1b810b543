/**
 * Every rule family, in the order their findings are listed. `runRules` is the engine's one entry point to them.
 * To add a rule: write lib/rules/<name>.ts exporting a `Rule`, list it here, and give it test/rules/<name>.test.ts.
 */
import type { Finding, Rule, RuleContext } from '../findings';
import type { Report } from '../report';
import { blank } from './blank';
import { missing } from './missing';
import { structure } from './structure';
import { t3Balance } from './t3-balance';
import { t3Results } from './t3-results';
import { t3Row } from './t3-row';
import { t4Block } from './t4-block';
import { TEXT_RULES } from './text-vs-table';
import { value } from './value';
import { xCarry } from './x-carry';
import { xT2 } from './x-t2';

/** The rules that compare with the previous year's report (RuleContext.previousYear); silent without one. */
export const CROSS_YEAR_RULES: Rule[] = [xCarry, xT2];

export const RULES: Rule[] = [missing, structure, value, t3Balance, t3Results, t3Row, t4Block, blank, ...TEXT_RULES, ...CROSS_YEAR_RULES];

export function runRules(report: Report, context: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) findings.push(...rule.check(report, context));
  return findings;
}
