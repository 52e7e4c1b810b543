/** Every rule family, in the order findings are listed. `runRules` is the engine's one entry point to them. */
import type { Finding, Rule, RuleContext } from '../findings';
import type { Report } from '../report';

export const RULES: Rule[] = [];

export function runRules(report: Report, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) findings.push(...rule.check(report, context));
  return findings;
}
