/**
 * The text's review and lawsuit counts against table 4:
 * - TEXT-T4-REVIEW: 行政复议(案件)N件/起 (or N起行政复议) vs the 行政复议 总计;
 * - TEXT-T4-LITIGATION: 行政诉讼N件/起 vs the two litigation totals (their sum, or loosely either one).
 * 「没有/未发生…行政复议或行政诉讼」 states 0 for each named. The clause, or an earlier one of its sentence, must be
 * about 政府信息公开: a body that is itself a review authority reports reviews of every kind.
 */
import type { Report } from '../../report';
import { table4Path } from '../../paths';
import { aboutDisclosure, findClaims, GAP, NUM, TOTAL_WORD, UNIT, type ClaimContext, type ClaimPattern } from './claims';
import type { TextKind } from './kind';
import type { Reading } from './readings';

const REVIEW_TOTAL = table4Path('review', 'total');
const DIRECT_TOTAL = table4Path('litigationDirect', 'total');
const POST_REVIEW_TOTAL = table4Path('litigationPostReview', 'total');

/** Clauses about the outcome of cases (没有被纠错的) or about the body as a review authority, not about how many. */
const NOT_A_COUNT = /复议机关|纠错|纠正|败诉|撤销|违法|改变|维持|结果/;

const SUBJECT_TAIL = '(?:案件|申请|事项)?';

/** `行政复议36起`, `行政复议案件2件`, `2起行政复议`, `2起因政府信息公开引发的行政复议`. */
function countPatterns(keyword: string): ClaimPattern[] {
  return [
    { regex: new RegExp(`${keyword}${SUBJECT_TAIL}${TOTAL_WORD}${NUM}${UNIT}`, 'g') },
    { regex: new RegExp(`${NUM}${UNIT}${GAP(20)}${keyword}${SUBJECT_TAIL}(?=[、和及与或,;。]|$)`, 'g') },
  ];
}

/**
 * 「没有/未发生/无…行政复议、行政诉讼」 and 「行政复议、行政诉讼均为零」: a clause without numbers saying there were none.
 * The gap may not cross a heading (四、…) or a 情况 that ends another phrase; 无 is not 无论/无法/无正当.
 */
const NEGATION = '(?:没有|未发生|未出现|未收到|未接到|未产生|未有|不存在|无(?!论|法|正当|需|须))';
const NEGATION_GAP = String.raw`(?:(?![一二三四五六七八九十]、|情况)[^。;,!?\d]){0,30}?`;
const APPEALS = '(?:行政复议|行政诉讼)(?:(?:、|和|及|与|或|或者|以及)(?:被提起|提起)?(?:行政复议|行政诉讼))?';
const NONE: readonly ClaimPattern[] = [
  { regex: new RegExp(`${NEGATION}${NEGATION_GAP}${APPEALS}(?!机关|机构)`, 'g'), value: 0 },
  { regex: new RegExp(`${APPEALS}${SUBJECT_TAIL}(?:数量|数)?(?:均为|均是|为)(?:零|0${UNIT}?)(?![\\d.])`, 'g'), value: 0 },
];

const aboutCaseCounts = (context: ClaimContext) => aboutDisclosure(context) && !NOT_A_COUNT.test(context.clause);
/** A negation is read only in a clause without other numbers: 没有…复议 next to a count is about something else. */
const aboutNone = (keyword: string) => (context: ClaimContext) => {
  const whole = context.clause + context.rest;
  return context.match[0].includes(keyword) && aboutDisclosure(context) && !NOT_A_COUNT.test(whole) && !/\d/.test(whole.replace(/为0/, ''));
};

/** The claims of one keyword, 行政复议 or 行政诉讼: its counts and its negations. */
function appealReader(keyword: string) {
  const about = new RegExp(keyword);
  const counts = countPatterns(keyword);
  const none = aboutNone(keyword);
  return (text: string) =>
    [...findClaims(text, about, counts, aboutCaseCounts), ...findClaims(text, about, NONE, none)].sort((a, b) => a.index - b.index);
}

const whenTable4 = (report: Report, readings: Reading[]) => (report.table4 ? readings : []);

export const reviews: TextKind = {
  rule: 'TEXT-T4-REVIEW',
  meta: { zh: '正文行政复议数与表四', en: 'Administrative reviews in the text vs table 4' },
  claims: appealReader('行政复议'),
  readings: (report) =>
    whenTable4(report, [{ terms: [{ path: REVIEW_TOTAL }], label: { zh: '表四行政复议总计', en: 'table 4 administrative review total' } }]),
};

export const lawsuits: TextKind = {
  rule: 'TEXT-T4-LITIGATION',
  meta: { zh: '正文行政诉讼数与表四', en: 'Lawsuits in the text vs table 4' },
  claims: appealReader('行政诉讼'),
  // 行政诉讼 means both blocks or, loosely, one of them.
  readings: (report) =>
    whenTable4(report, [
      {
        terms: [{ path: DIRECT_TOTAL }, { path: POST_REVIEW_TOTAL }],
        label: { zh: '表四行政诉讼总计', en: 'table 4 litigation totals' },
      },
      { terms: [{ path: DIRECT_TOTAL }], label: { zh: '未经复议直接起诉', en: 'without prior review' }, notForZero: true },
      { terms: [{ path: POST_REVIEW_TOTAL }], label: { zh: '复议后起诉', en: 'after review' }, notForZero: true },
    ]),
};
