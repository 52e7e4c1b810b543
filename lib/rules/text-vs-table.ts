/**
 * TEXT-*: numbers in the report's own text that disagree with its tables (docs/format.md: "numbers in the text agree
 * with the tables"). The words are ambiguous, so these are warnings, never errors, and each check is conservative: a
 * false warning on a correct report is a defect.
 * - a count is an Arabic numeral with its unit (件/条/个/起), before or after its keyword, in one clause (between
 *   ，；。); a clause about another year or a comparison (上年, 同比, 较, 累计…) is skipped;
 * - when the text states a number more than once, one agreeing statement is enough, and numbers stated in one
 *   sentence may be parts (by channel) that add up to the table's number;
 * - a word that may mean several table figures (收到: 新收 or 新收 + 上年结转) agrees with any of them, and an info
 *   finding says which one it was;
 * - table cells that hold no number make the table side a lower bound: the text disagrees only when it says less.
 *
 * One module per kind of claim in ./text/: requests (TEXT-T3-NEW, -DONE, -HANDLED, -FORWARD), appeals
 * (TEXT-T4-REVIEW, -LITIGATION), documents (TEXT-T2-VALID), categories (TEXT-T3-CATEGORY, counts and shares),
 * active-list (TEXT-ACTIVE-LIST). The same claims are the suspect search's evidence (textEvidence, lib/locate.ts).
 */
import type { Finding, Rule, RuleContext } from '../findings';
import type { Report } from '../report';
import type { Bilingual } from './labels';
import { activeListFinding } from './text/active-list';
import { reviews, lawsuits } from './text/appeals';
import { CATEGORY_KINDS, categoryFindings } from './text/categories';
import { bodyLabel } from './text/claims';
import { validDocuments } from './text/documents';
import { kindEvidence, kindFinding, type TextEvidence, type TextKind } from './text/kind';
import { doneRequests, forwardRequests, handledRequests, newRequests } from './text/requests';

export type { TextEvidence } from './text/kind';

/** Every kind of figure whose claims are compared one by one, in the order their rules are listed. */
const SIMPLE_KINDS: readonly TextKind[] = [
  newRequests,
  doneRequests,
  handledRequests,
  forwardRequests,
  reviews,
  lawsuits,
  validDocuments,
];

function textRule(id: string, meta: Bilingual, run: (text: string, report: Report) => Finding[]): Rule {
  return {
    meta: {
      id,
      zh: meta.zh,
      en: meta.en,
      docs: 'A warning when a number in the report text disagrees with the tables; never an error (the words are ambiguous).',
    },
    check(report: Report, context: RuleContext): Finding[] {
      const text = bodyLabel(context?.bodyText ?? '');
      return text === '' ? [] : run(text, report);
    },
  };
}

const kindRule = (kind: TextKind) =>
  textRule(kind.rule, kind.meta, (text, report) => {
    const finding = kindFinding(kind, text, report);
    return finding ? [finding] : [];
  });

export const TEXT_RULES: readonly Rule[] = [
  ...SIMPLE_KINDS.map(kindRule),
  textRule('TEXT-T3-CATEGORY', CATEGORY_KINDS[0].meta, categoryFindings),
  textRule(
    'TEXT-ACTIVE-LIST',
    { zh: '正文主动公开条数与其分项', en: 'Proactively published items in the text vs their breakdown' },
    (text) => {
      const finding = activeListFinding(text);
      return finding ? [finding] : [];
    },
  ),
];

/** What the text says about table cells, for breaking ties in the suspect search (lib/locate.ts). */
export function textEvidence(report: Report, bodyText: string): TextEvidence[] {
  const text = bodyLabel(bodyText);
  if (text === '') return [];
  return [...SIMPLE_KINDS, ...CATEGORY_KINDS]
    .map((kind) => kindEvidence(kind, text, report))
    .filter((evidence): evidence is TextEvidence => evidence !== null);
}
