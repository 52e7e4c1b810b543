/**
 * A sum rule's formula as people read it: the operands that are not 0, by name, then how many are 0.
 *   内部事务信息 1 + 本机关不掌握 2 = 3 ≠ （七）总计 1，其余 19 项为 0
 *   Internal affairs 1 + Not held 2 = 3 ≠ (7) Total processed 1; the other 19 are 0
 * Blank, n/a, text and missing operands are always shown (a side of more than three, all blank, as `21 项均为空白`),
 * and so is the badge cell (the first total).
 * The popup, the overlay's tooltip and the CLI's text output all render findings through `readableFormula`.
 */
import type { Equation, EquationTerm, Finding } from './findings';

type Lang = 'zh' | 'en';

const STATE_WORDS: Record<'blank' | 'missing', Record<Lang, string>> = {
  blank: { zh: '（空白）', en: '(blank)' },
  missing: { zh: '（缺）', en: '(absent)' },
};

/** The finding's formula in one language: readable when it has an equation, else its compact formula (if any). */
export function readableFormula(finding: Pick<Finding, 'equation' | 'formula'>, lang: Lang): string | undefined {
  return finding.equation ? readableEquation(finding.equation, lang) : finding.formula;
}

function readableEquation(equation: Equation, lang: Lang): string {
  let zeros = 0;
  const shown = (terms: readonly EquationTerm[], keep: (index: number) => boolean) =>
    terms.filter((term, index) => {
      if (keep(index) || term.value !== 0) return true;
      zeros++;
      return false;
    });
  const parts = shown(equation.parts, () => false);
  const totals = shown(equation.totals, (index) => index === 0);
  const side = (terms: EquationTerm[]) => terms.map((term) => termText(term, lang)).join(' + ');

  // A side's sum is worth printing when it adds two or more shown terms, one of them a number.
  const summed = (terms: EquationTerm[]) => terms.length > 1 && terms.some((term) => term.value !== null);
  const left =
    parts.length === 0
      ? '0'
      : allBlank(parts)
        ? ALL_BLANK[lang](parts.length)
        : summed(parts)
          ? `${side(parts)} = ${equation.partsSum}`
          : side(parts);
  const right = summed(totals) ? `${equation.totalsSum} = ${side(totals)}` : side(totals);
  const formula = `${left} ${equation.relation} ${right}`;
  if (zeros === 0) return formula;
  const all = parts.length === 0 && totals.length === 1 && equation.totals.length === 1;
  if (lang === 'zh') return `${formula}，${all ? `${zeros} 项均为 0` : `其余 ${zeros} 项为 0`}`;
  return `${formula}; ${all ? `all ${zeros} are 0` : `the other ${zeros} ${zeros === 1 ? 'is' : 'are'} 0`}`;
}

/** A long side whose every operand is blank says so once (the 21 result rows of a blank column). */
const allBlank = (terms: readonly EquationTerm[]) => terms.length > 3 && terms.every((term) => term.kind === 'blank');
const ALL_BLANK: Record<Lang, (n: number) => string> = {
  zh: (n) => `${n} 项均为空白`,
  en: (n) => `all ${n} blank`,
};

function termText(term: EquationTerm, lang: Lang): string {
  const name = term.label[lang];
  if (term.value !== null) return `${name} ${formatNumber(term.value)}`;
  if (term.kind === 'blank' || term.kind === 'missing') return `${name} ${STATE_WORDS[term.kind][lang]}`;
  return `${name} 「${term.raw ?? ''}」`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}
