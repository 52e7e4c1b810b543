/**
 * The text's request counts against table 3's 总计 column:
 * - TEXT-T3-NEW: 收到/接收/受理 …申请N件 (or N件申请; 未收到…申请 is 0) vs 一、本年新收, or 新收 + 二、上年结转 (both
 *   readings are accepted, and an info finding says which one agreed);
 * - TEXT-T3-DONE: 办结/答复 N件 vs （七）总计;
 * - TEXT-T3-HANDLED: 办理…申请N件, which may mean the requests received or those handled: 新收, 新收 + 上年结转 or （七）总计;
 * - TEXT-T3-FORWARD: N件结转下年度 / 结转至<next year>N件 vs 四、结转下年度继续办理.
 */
import type { Report } from '../../report';
import { table3Path } from '../../paths';
import { aboutRequests, findClaims, GAP, NUM, OTHER_REQUESTS, TOTAL_WORD, UNIT, type ClaimContext, type ClaimPattern } from './claims';
import type { TextKind } from './kind';
import type { Reading } from './readings';

const NEW = table3Path('total', 'newReceived');
const CARRIED_OVER = table3Path('total', 'carriedOver');
const PROCESSED = table3Path('total', 'results.totalProcessed');
const FORWARD = table3Path('total', 'carriedForward');

const RECEIVE = '(?:收到|接收|受理|新收)';
/** The words that may qualify 申请 in a negation: 未收到政府信息公开申请, 未收到依申请公开信息. */
const DISCLOSURE_REQUEST = '(?:政府信息公开|信息公开|依申请公开|依申请)';
/** A count that is only some of the requests: 延期答复3件, 按期办结3件 (the total is stated elsewhere, or not at all). */
const PART_OF_REQUESTS = /延期|逾期|超期|按期|当场|补正/;

const newReading: Reading = {
  terms: [{ path: NEW }],
  label: { zh: '表三“一、本年新收”总计', en: 'table 3 new requests total' },
  as: { zh: '按本年新收理解', en: 'as the new requests' },
};
const newWithCarriedReading: Reading = {
  terms: [{ path: NEW }, { path: CARRIED_OVER }],
  label: { zh: '新收加上年结转', en: 'new plus carried-over requests' },
  as: { zh: '按本年新收加上年结转理解', en: 'as the new plus carried-over requests' },
};
const processedReading: Reading = {
  terms: [{ path: PROCESSED }],
  label: { zh: '表三（七）总计', en: 'table 3 (7) total processed' },
  as: { zh: '按（七）总计理解', en: 'as the total processed' },
};

const whenTable3 = (report: Report, readings: Reading[]) => (report.table3 ? readings : []);

const NEW_PATTERNS: readonly ClaimPattern[] = [
  { regex: new RegExp(`${RECEIVE}[^。;,]{0,30}?申请${GAP(6)}${NUM}${UNIT}`, 'g') },
  { regex: new RegExp(`${RECEIVE}${GAP(12)}${NUM}${UNIT}${GAP(10)}申请`, 'g') },
  { regex: new RegExp(`(?:未|没有)(?:收到|接到|接收|受理)(?:过)?(?:任何)?${DISCLOSURE_REQUEST}`, 'g'), value: 0 },
];
const DONE_PATTERNS: readonly ClaimPattern[] = [
  { regex: new RegExp(`(?:办结|答复)${GAP(12)}${NUM}${UNIT}`, 'g') },
  { regex: new RegExp(`${NUM}${UNIT}(?:申请)?(?:均|已|全部){0,3}(?:办结|答复)`, 'g') },
];
const HANDLED_PATTERNS: readonly ClaimPattern[] = [{ regex: new RegExp(`办理${GAP(12)}申请${GAP(6)}${NUM}${UNIT}`, 'g') }];

export const newRequests: TextKind = {
  rule: 'TEXT-T3-NEW',
  meta: { zh: '正文收到申请数与表三新收', en: 'Requests received in the text vs table 3 new requests' },
  sayWhich: true,
  claims: (text) =>
    findClaims(
      text,
      /收到|接收|受理|新收|接到/,
      NEW_PATTERNS,
      // Every pattern names its subject (申请, 信息公开): the clause alone is read.
      ({ clause }) => !OTHER_REQUESTS.test(clause),
    ),
  readings: (report) => whenTable3(report, [newReading, newWithCarriedReading]),
};

/**
 * 办结69件 right after 收到70件申请: with the subject only in an earlier clause, the number must follow the verb (or
 * come first: 1件结转下年度), and 结转 needs no more words than its year.
 */
const BARE_COUNT = new RegExp(String.raw`^(?:(?:办结|答复)了?${TOTAL_WORD}\d|结转)|^\d[\d,]*${UNIT}`);

/** A clause about all of this year's requests; a bare 办结N件 only right after the verb. */
const aboutAllRequests = (context: ClaimContext) =>
  !PART_OF_REQUESTS.test(context.clause) &&
  aboutRequests(context) &&
  (context.clause.includes('申请') || BARE_COUNT.test(context.match[0]));

export const doneRequests: TextKind = {
  rule: 'TEXT-T3-DONE',
  meta: { zh: '正文办结数与表三（七）总计', en: 'Requests handled in the text vs table 3 (7) total' },
  claims: (text) =>
    findClaims(
      text,
      /办结|答复/,
      DONE_PATTERNS,
      aboutAllRequests,
    ),
  readings: (report) => whenTable3(report, [processedReading]),
};

export const handledRequests: TextKind = {
  rule: 'TEXT-T3-HANDLED',
  meta: { zh: '正文办理申请数与表三', en: 'Requests dealt with in the text vs table 3' },
  sayWhich: true,
  claims: (text) =>
    findClaims(text, /办理/, HANDLED_PATTERNS, aboutAllRequests),
  readings: (report) => whenTable3(report, [newReading, newWithCarriedReading, processedReading]),
};

/** 结转下年度 / 结转至2024年: the year after the report's. */
const NEXT_YEAR = String.raw`(?:下一?年度?|\d{4}年度?)`;
const yearIn = (quote: string) => /(\d{4})年/.exec(quote)?.[1];

const FORWARD_PATTERNS: readonly ClaimPattern[] = [
  { regex: new RegExp(`结转(?:至|到)?${NEXT_YEAR}(?:继续)?(?:办理)?(?:的)?(?:申请)?${NUM}${UNIT}`, 'g') },
  { regex: new RegExp(`${NUM}${UNIT}(?:申请)?(?:将|需|已)?结转(?:至|到)?${NEXT_YEAR}`, 'g') },
];

export const forwardRequests: TextKind = {
  rule: 'TEXT-T3-FORWARD',
  meta: { zh: '正文结转下年度数与表三', en: 'Requests carried forward in the text vs table 3' },
  claims: (text) =>
    findClaims(
      text,
      /结转/,
      FORWARD_PATTERNS,
      aboutAllRequests,
    ),
  // A year named must be the one after the report's: 结转至2024年 in a 2024 report is about last year's requests.
  keep: (claim, report) => {
    const year = yearIn(claim.quote);
    return year === undefined || (report.meta.year !== null && Number(year) === report.meta.year + 1);
  },
  readings: (report) =>
    whenTable3(report, [{ terms: [{ path: FORWARD }], label: { zh: '表三“四、结转下年度继续办理”总计', en: 'table 3 carried forward total' } }]),
};
