/**
 * TEXT-*: numbers in the report's own text that disagree with its tables (template-2021.md: "numbers in the text
 * agree with the tables"). The words are ambiguous, so these are warnings, never errors, and each check is
 * conservative: a false warning on a correct report is a defect.
 * - only Arabic numerals directly before a unit (件/条), in one clause (between ，；。);
 * - a clause about another year or a comparison (上年, 同比, 较, 累计…) is skipped;
 * - when the text states the number more than once, one agreeing statement is enough, and numbers stated in one
 *   sentence may be parts (by channel) that add up to the table's number;
 * - 收到/办结 clauses about one kind of applicant (自然人, 法人…) or another kind of request (复议, 信访…) are skipped;
 * - a check runs only when its table cells hold numbers.
 *
 * Checks: TEXT-T3-NEW (收到…申请N件 vs 新收, or 新收+上年结转), TEXT-T3-DONE (办结…N件 vs （七）总计),
 * TEXT-T4-REVIEW (行政复议N件 vs table 4 复议总计), TEXT-T4-LITIGATION (行政诉讼N件 vs the two litigation totals,
 * their sum or either one), TEXT-T2-VALID (现行有效规范性文件N件 vs table 2 现行有效件数), TEXT-ACTIVE-LIST
 * (主动公开政府信息N条，其中… whose list cannot add up to N: above N, or below N while listing 其他).
 */
import type { Finding, Rule, RuleContext } from '../findings';
import type { Report } from '../report';
import { table2Path, table3Path, table4Path, cellAt, knownValue } from '../paths';
import { normaliseLabel } from '../text';
import type { Bilingual } from './labels';

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
/** Words that put a clause in another period or make it a comparison. */
const OTHER_PERIOD = /上年|去年|上一年|同比|环比|较|以来|累计|历年/;
/** Requests that are not 政府信息公开 requests, or only some of them (one kind of applicant). */
const OTHER_REQUESTS = /复议|诉讼|投诉|举报|信访|建议|提案|咨询|留言|自然人|法人|企业|组织|机构|个人/;

const toNumber = (digits: string) => Number(digits.replace(/,/g, ''));

const known = (report: Report, path: string) => knownValue(cellAt(report, path));

interface Claim {
  value: number;
  /** The words the number was read from. */
  quote: string;
  /** Where the sentence (up to 。) holding the claim starts: claims in one sentence may be parts of one total. */
  sentence: number;
}

/** The clause a match sits in: from the previous ，；。 (folded to , ;) up to the end of the match. */
function clauseOf(text: string, index: number, end: number): string {
  let start = index;
  while (start > 0 && !'。;,!?'.includes(text[start - 1])) start--;
  return text.slice(start, end);
}

function findClaims(text: string, patterns: readonly RegExp[], accept: (clause: string) => boolean): Claim[] {
  const claims: Claim[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const index = match.index ?? 0;
      const clause = clauseOf(text, index, index + match[0].length);
      if (OTHER_PERIOD.test(clause) || !accept(clause)) continue;
      claims.push({ value: toNumber(match[1]), quote: match[0], sentence: text.lastIndexOf('。', index) });
    }
  }
  return claims;
}

/** What the text is compared with: the values that agree, and how to describe the table side. */
interface Comparison {
  target: string;
  parts: string[];
  accepted: number[];
  table: Bilingual;
}

interface TextCheck {
  id: string;
  meta: Bilingual;
  patterns: readonly RegExp[];
  accept: (clause: string) => boolean;
  compare: (report: Report) => Comparison | null;
}

const T3_TOTAL = 'total';
const NEW = table3Path(T3_TOTAL, 'newReceived');
const CARRIED_OVER = table3Path(T3_TOTAL, 'carriedOver');
const PROCESSED = table3Path(T3_TOTAL, 'results.totalProcessed');
const REVIEW_TOTAL = table4Path('review', 'total');
const DIRECT_TOTAL = table4Path('litigationDirect', 'total');
const POST_REVIEW_TOTAL = table4Path('litigationPostReview', 'total');
const VALID_DOCUMENTS = table2Path('normativeDocuments', 'valid');

const TEXT_CHECKS: readonly TextCheck[] = [
  {
    id: 'TEXT-T3-NEW',
    meta: { zh: '正文收到申请数与表三新收', en: 'Requests received in the text vs table 3 new requests' },
    patterns: [new RegExp(String.raw`(?:收到|接收|受理|新收)[^。;,]{0,30}?申请[^。;,\d]{0,6}?${NUM}[件条个]`, 'g')],
    accept: (clause) => !OTHER_REQUESTS.test(clause),
    compare(report) {
      const fresh = known(report, NEW);
      if (fresh === null) return null;
      const carried = known(report, CARRIED_OVER);
      const withCarried = carried === null ? null : fresh + carried;
      return {
        target: NEW,
        parts: carried === null ? [] : [CARRIED_OVER],
        accepted: withCarried === null ? [fresh] : [fresh, withCarried],
        table: {
          zh: `表三“一、本年新收”总计为 ${fresh}${withCarried === null ? '' : `（加上年结转为 ${withCarried}）`}`,
          en: `table 3 new requests total ${fresh}${withCarried === null ? '' : ` (${withCarried} with those carried over)`}`,
        },
      };
    },
  },
  {
    id: 'TEXT-T3-DONE',
    meta: { zh: '正文办结数与表三（七）总计', en: 'Requests handled in the text vs table 3 (7) total' },
    patterns: [new RegExp(String.raw`办结[^。;,\d]{0,12}?${NUM}件`, 'g')],
    accept: (clause) => clause.includes('申请') && !OTHER_REQUESTS.test(clause),
    compare(report) {
      const processed = known(report, PROCESSED);
      if (processed === null) return null;
      return {
        target: PROCESSED,
        parts: [],
        accepted: [processed],
        table: { zh: `表三（七）总计为 ${processed}`, en: `table 3 (7) total processed is ${processed}` },
      };
    },
  },
  {
    id: 'TEXT-T4-REVIEW',
    meta: { zh: '正文行政复议数与表四', en: 'Administrative reviews in the text vs table 4' },
    patterns: [new RegExp(String.raw`行政复议(?:案件|申请)?(?:共计|共|合计)?${NUM}件`, 'g')],
    accept: (clause) => clause.includes('信息公开'),
    compare(report) {
      const review = known(report, REVIEW_TOTAL);
      if (review === null) return null;
      return {
        target: REVIEW_TOTAL,
        parts: [],
        accepted: [review],
        table: { zh: `表四行政复议总计为 ${review}`, en: `table 4 administrative review total is ${review}` },
      };
    },
  },
  {
    id: 'TEXT-T4-LITIGATION',
    meta: { zh: '正文行政诉讼数与表四', en: 'Lawsuits in the text vs table 4' },
    patterns: [new RegExp(String.raw`行政诉讼(?:案件)?(?:共计|共|合计)?${NUM}件`, 'g')],
    accept: (clause) => clause.includes('信息公开'),
    compare(report) {
      const direct = known(report, DIRECT_TOTAL);
      const postReview = known(report, POST_REVIEW_TOTAL);
      if (direct === null || postReview === null) return null;
      return {
        target: DIRECT_TOTAL,
        parts: [POST_REVIEW_TOTAL],
        // 行政诉讼 may mean both blocks or, loosely, one of them.
        accepted: [direct + postReview, direct, postReview],
        table: {
          zh: `表四行政诉讼总计为 ${direct} + ${postReview} = ${direct + postReview}`,
          en: `table 4 litigation totals are ${direct} + ${postReview} = ${direct + postReview}`,
        },
      };
    },
  },
  {
    id: 'TEXT-T2-VALID',
    meta: { zh: '正文现行有效规范性文件数与表二', en: 'Normative documents in force in the text vs table 2' },
    patterns: [
      new RegExp(String.raw`现行有效(?:的)?(?:行政)?规范性文件(?:共计|共|合计)?${NUM}件`, 'g'),
      new RegExp(String.raw`规范性文件[^。;,\d]{0,6}?现行有效(?:的)?(?:共计|共|合计)?${NUM}件`, 'g'),
    ],
    accept: () => true,
    compare(report) {
      const valid = known(report, VALID_DOCUMENTS);
      if (valid === null) return null;
      return {
        target: VALID_DOCUMENTS,
        parts: [],
        accepted: [valid],
        table: { zh: `表二行政规范性文件现行有效件数为 ${valid}`, en: `table 2 normative documents in force: ${valid}` },
      };
    },
  },
];

function runTextCheck(check: TextCheck, text: string, report: Report): Finding | null {
  const comparison = check.compare(report);
  if (!comparison) return null;
  const claims = findClaims(text, check.patterns, check.accept);
  if (claims.length === 0 || claims.some((c) => comparison.accepted.includes(c.value))) return null;
  // 网络收到申请50件、信函收到申请31件: the parts of one sentence may add up to the table's number.
  const sentenceSums = new Map<number, number>();
  for (const c of claims) sentenceSums.set(c.sentence, (sentenceSums.get(c.sentence) ?? 0) + c.value);
  if ([...sentenceSums.values()].some((sum) => comparison.accepted.includes(sum))) return null;
  const claim = claims[0];
  return {
    rule: check.id,
    severity: 'warning',
    outcome: 'text-disagrees',
    table: 'text',
    target: comparison.target,
    parts: comparison.parts,
    expected: comparison.accepted[0],
    found: claim.value,
    message: {
      zh: `正文“${claim.quote}”为 ${claim.value}，但${comparison.table.zh}`,
      en: `The text says “${claim.quote}” (${claim.value}), but ${comparison.table.en}`,
    },
  };
}

const ACTIVE_LIST = new RegExp(
  String.raw`主动公开[^。;,\d]{0,8}?信息(?:共计|共|合计)?${NUM}条?[。,;:]?其中[:,]?([^。]*)`,
  'g',
);
const LIST_ITEM = /^(\D*?)(\d+)条$/;

/** 主动公开政府信息N条，其中 A a条、B b条… where the items cannot add up to N. */
function activeListFinding(text: string): Finding | null {
  for (const match of text.matchAll(ACTIVE_LIST)) {
    const index = match.index ?? 0;
    if (OTHER_PERIOD.test(clauseOf(text, index, index + match[0].length - match[2].length))) continue;
    const stated = toNumber(match[1]);
    const segments = match[2].split(/[、,;]/).filter((s) => s !== '');
    const items = segments.map((s) => LIST_ITEM.exec(s));
    if (items.length < 2 || items.some((item) => item === null)) continue;
    const parsed = items as RegExpExecArray[];
    const sum = parsed.reduce((total, item) => total + Number(item[2]), 0);
    // A 其中 list may name only some kinds; it claims to be complete when it ends in an 其他 item.
    const claimsComplete = parsed.some((item) => item[1].includes('其他'));
    if (sum === stated || (sum < stated && !claimsComplete)) continue;
    const listed = parsed.map((item) => item[2]).join(' + ');
    return {
      rule: 'TEXT-ACTIVE-LIST',
      severity: 'warning',
      outcome: 'text-disagrees',
      table: 'text',
      target: null,
      parts: [],
      expected: stated,
      found: sum,
      formula: `${listed} = ${sum} ≠ ${stated}`,
      message: {
        zh: `正文说主动公开政府信息 ${stated} 条，但“其中”所列各项之和为 ${sum}`,
        en: `The text says ${stated} items were published proactively, but the items listed after 其中 add up to ${sum}`,
      },
    };
  }
  return null;
}

/** The body text in label form; every text rule asks for it, so the last one is kept (the text may be 500 kB). */
let lastBody: { raw: string; label: string } = { raw: '', label: '' };
function bodyLabel(raw: string): string {
  if (raw !== lastBody.raw) lastBody = { raw, label: normaliseLabel(raw) };
  return lastBody.label;
}

function textRule(id: string, meta: Bilingual, run: (text: string, report: Report) => Finding | null): Rule {
  return {
    meta: {
      id,
      zh: meta.zh,
      en: meta.en,
      docs: 'A warning when a number in the report text disagrees with the tables; never an error (the words are ambiguous).',
    },
    check(report: Report, context: RuleContext): Finding[] {
      const text = bodyLabel(context?.bodyText ?? '');
      if (text === '') return [];
      const finding = run(text, report);
      return finding ? [finding] : [];
    },
  };
}

export const TEXT_RULES: readonly Rule[] = [
  ...TEXT_CHECKS.map((check) => textRule(check.id, check.meta, (text, report) => runTextCheck(check, text, report))),
  textRule(
    'TEXT-ACTIVE-LIST',
    { zh: '正文主动公开条数与其分项', en: 'Proactively published items in the text vs their breakdown' },
    (text) => activeListFinding(text),
  ),
];
