/**
 * TEXT-T3-CATEGORY: the result categories and their shares as reports write them —
 * 予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件…；不予处理1件…；其他处理2件… —
 * each count against its group of table-3 rows (总计 column; a row whose 总计 is blank counts its applicant columns,
 * as a lower bound), each share against count ÷ （七）总计 at the printed decimals, rounded or truncated.
 *
 * Read only in a sentence about requests (申请, 办结, 答复, 办理) or one listing two categories or more, and not in a
 * clause about one kind of applicant, another period or another kind of request.
 */
import type { Finding } from '../../findings';
import type { Report } from '../../report';
import { resultGroupPaths, table3Path } from '../../paths';
import { digitsValue } from '../../text';
import { TABLE3_APPLICANT_COLUMNS, TABLE3_RESULT_GROUPS, type Table3ResultGroup as ResultGroup } from '../../template';
import {
  cachedClaims,
  clauseStart,
  matchesIn,
  NUM,
  ONE_APPLICANT_KIND,
  OTHER_PERIOD,
  OTHER_REQUEST_KINDS,
  offTopic,
  sentenceStart,
  UNIT,
  type Claim,
} from './claims';
import { claimsOf, disagreement, tableValue, type TextKind } from './kind';
import { evaluate, judge, type Reading, type ReadingValue, type ValueOf } from './readings';

type Category = 'grantedAll' | 'granted' | 'partial' | 'denied' | 'unable' | 'notProcessed' | 'other';

/** The words of each category, longest first: 予以公开及部分公开 is one category, not 予以公开 and 部分公开. */
const CATEGORY_WORDS: readonly [Category, string][] = [
  ['grantedAll', '(?<!不)予以(?:全部)?公开(?:及|和|与|以及|、|或|或者|加|\\+)(?:予以)?部分公开'],
  ['grantedAll', '(?<!不)予以公开\\(含部分公开\\)'],
  ['grantedAll', '全部(?:或|和|及)部分公开'],
  ['granted', '(?<!不)予以(?:全部)?公开|同意公开|全部公开'],
  ['partial', '部分公开'],
  ['denied', '不予(?:以)?公开'],
  ['unable', '无法提供'],
  ['notProcessed', '不予(?:以)?处理'],
  ['other', '其他处理'],
];
const KEYWORDS = new RegExp(CATEGORY_WORDS.map(([, source]) => `(${source})`).join('|'), 'g');
/** The same words, for a yes/no test (a global regex keeps state between tests). */
const ANY_KEYWORD = new RegExp(KEYWORDS.source);

/** After the keyword: a few words (的, 申请, 共…), then the count. */
const COUNT_AFTER = new RegExp(`^[^。;,!?\\d]{0,6}?${NUM}${UNIT}`);
/** Before the keyword, at the start of its clause: (其中)42件(申请)(被/均/依法)予以公开. */
const COUNT_BEFORE = new RegExp(`(?:^|[:、])(?:其中)?:?(?:有)?${NUM}${UNIT}(?:申请)?(?:被|均|已|依法)*$`);
/** After the count: 占51.85%, (占比51.85%), 占总数的33.9%. */
const SHARE = /^(?:申请)?[,(]?(?:占|比例为|比例)[^。;,!?\d%]{0,10}?(\d+(?:\.\d+)?)%/;
const ABOUT_REQUESTS = /申请|办结|答复|办理/;

interface Share {
  /** As printed, e.g. `51.85`. */
  text: string;
  /** The printed number times 10^decimals, e.g. 5185. */
  scaled: number;
  decimals: number;
}

interface CategoryClaim extends Claim {
  category: Category;
  share?: Share;
}

/** A percentage that is a change, not a share: 占比同比上升5%. */
const CHANGE = /同比|环比|上升|下降|增|减|较|提高|降低/;

function shareOf(after: string): Share | undefined {
  const match = SHARE.exec(after);
  if (!match || CHANGE.test(match[0])) return undefined;
  const decimals = match[1].split('.')[1]?.length ?? 0;
  return { text: match[1], scaled: Math.round(Number(match[1]) * 10 ** decimals), decimals };
}

/** Every category claim in the text, in reading order (one pass for all categories). */
function readCategoryClaims(text: string): CategoryClaim[] {
  const bySentence = new Map<number, CategoryClaim[]>();
  for (const match of matchesIn(text, ANY_KEYWORD, KEYWORDS)) {
    const index = match.index ?? 0;
    const end = index + match[0].length;
    const category = CATEGORY_WORDS[match.slice(1).findIndex((group) => group !== undefined)][0];
    const start = clauseStart(text, index);
    let claim: CategoryClaim | null = null;
    const after = COUNT_AFTER.exec(text.slice(end, end + 40));
    if (after && !ANY_KEYWORD.test(after[0])) {
      const quoteEnd = end + after[0].length;
      claim = { category, value: digitsValue(after[1]), quote: text.slice(index, quoteEnd), index, sentence: 0 };
      claim.share = shareOf(text.slice(quoteEnd, quoteEnd + 24));
    } else {
      const before = COUNT_BEFORE.exec(text.slice(start, index));
      if (before) {
        const from = start + before.index;
        claim = { category, value: digitsValue(before[1]), quote: text.slice(from, end), index: from, sentence: 0 };
        claim.share = shareOf(text.slice(end, end + 24));
      }
    }
    if (!claim) continue;
    const clause = text.slice(start, claim.index + claim.quote.length);
    if (OTHER_PERIOD.test(clause) || ONE_APPLICANT_KIND.test(clause) || OTHER_REQUEST_KINDS.test(clause)) continue;
    claim.sentence = sentenceStart(text, index);
    if (offTopic(text.slice(claim.sentence, start))) continue;
    bySentence.set(claim.sentence, [...(bySentence.get(claim.sentence) ?? []), claim]);
  }
  const claims: CategoryClaim[] = [];
  for (const [start, list] of bySentence) {
    const end = text.indexOf('。', start);
    const sentence = text.slice(start, end < 0 ? text.length : end);
    const listed = new Set(list.map((c) => c.category)).size > 1;
    // One category alone in a sentence about proactive disclosure (依申请公开转主动公开…予以公开12条) is not a result.
    if (listed || (ABOUT_REQUESTS.test(sentence) && !sentence.includes('主动公开'))) claims.push(...list);
  }
  return claims.sort((a, b) => a.index - b.index);
}

const categoryClaims = (text: string) => cachedClaims(text, 'TEXT-T3-CATEGORY', readCategoryClaims);

/** A group's rows in the 总计 column; a row whose 总计 holds no number counts its six applicant columns. */
function groupTerms(report: Report, group: ResultGroup) {
  const totals = resultGroupPaths(report, group, 'total');
  const columns = TABLE3_APPLICANT_COLUMNS.map((column) => resultGroupPaths(report, group, column.key));
  return totals.map((path, row) => ({ path, fallback: columns.map((paths) => paths[row]) }));
}

function groupsReading(report: Report, groups: readonly ResultGroup[]): Reading {
  // The template's own group labels; CATEGORY_GROUPS lists groups in template order.
  const labels = TABLE3_RESULT_GROUPS.filter((group) => groups.includes(group.key));
  return {
    terms: groups.flatMap((g) => groupTerms(report, g)),
    label: {
      zh: `表三${labels.map((l) => l.zh).join(' + ')}各行总计之和`,
      en: `the total column of table 3 ${labels.map((l) => l.en).join(' + ')}`,
    },
  };
}

/** The groups each category may mean: 予以公开 alone is sometimes written for 予以公开 and 部分公开 together. */
const CATEGORY_GROUPS: Record<Category, readonly (readonly ResultGroup[])[]> = {
  grantedAll: [['granted', 'partialGrant']],
  granted: [['granted'], ['granted', 'partialGrant']],
  partial: [['partialGrant']],
  denied: [['denied']],
  unable: [['unableToProvide']],
  notProcessed: [['notProcessed']],
  other: [['other']],
};

const categoryKind = (category: Category): TextKind => ({
  rule: 'TEXT-T3-CATEGORY',
  key: `TEXT-T3-CATEGORY:${category}`,
  meta: { zh: '正文办理结果分类数与表三', en: 'Result categories in the text vs table 3' },
  claims: (text) => categoryClaims(text).filter((c) => c.category === category),
  readings: (report) => (report.table3 ? CATEGORY_GROUPS[category].map((groups) => groupsReading(report, groups)) : []),
});

export const CATEGORY_KINDS: readonly TextKind[] = (Object.keys(CATEGORY_GROUPS) as Category[]).map(categoryKind);

// ---------- shares ----------

const PROCESSED = table3Path('total', 'results.totalProcessed');
const NEW = table3Path('total', 'newReceived');
const CARRIED_OVER = table3Path('total', 'carriedOver');

/** What a share may be of: （七）总计 as a rule; some reports divide by the requests received. */
function denominators(valueOf: ValueOf): number[] {
  const processed = valueOf(PROCESSED);
  const fresh = valueOf(NEW);
  const carried = valueOf(CARRIED_OVER);
  const all = [processed, fresh, fresh !== null && carried !== null ? fresh + carried : null];
  return [...new Set(all.filter((d): d is number => d !== null && d > 0))];
}

/** True when share% is count ÷ denominator rounded or truncated to the share's printed decimals. */
function shareFits(share: Share, count: number, denominator: number): boolean {
  const exact = count * 100 * 10 ** share.decimals; // the share times 10^decimals, times the denominator
  const printed = share.scaled * denominator;
  const rounded = 2 * Math.abs(exact - printed) <= denominator;
  const truncated = printed <= exact && exact < printed + denominator;
  return rounded || truncated;
}

const percent = (count: number, denominator: number, decimals: number) =>
  `${((count * 100) / denominator).toFixed(Math.max(decimals, 2))}%`;

/** Shares that fit none of the exact readings' counts: the first one, with the reading it was checked against. */
function misfitShare(claims: readonly CategoryClaim[], values: readonly ReadingValue[], valueOf: ValueOf) {
  const processed = valueOf(PROCESSED);
  const exact = values.filter((v) => v.exact);
  if (processed === null || processed === 0 || exact.length === 0) return null;
  const dividers = denominators(valueOf);
  for (const claim of claims) {
    const { share } = claim;
    if (!share) continue;
    if (exact.some((v) => dividers.some((d) => shareFits(share, v.value, d)))) continue;
    return { claim, share, value: exact[0], processed };
  }
  return null;
}

/** The count findings of every category, and a share finding where the count agrees but its share does not. */
export function categoryFindings(text: string, report: Report): Finding[] {
  const valueOf = tableValue(report);
  const findings: Finding[] = [];
  for (const kind of CATEGORY_KINDS) {
    const claims = claimsOf(kind, text, report) as CategoryClaim[];
    const readings = kind.readings(report);
    const verdict = judge(claims, readings, valueOf);
    if (verdict.kind === 'disagrees') {
      const finding = disagreement(kind, verdict, readings);
      const fit = misfitShare([verdict.claim as CategoryClaim], verdict.values, valueOf);
      findings.push(fit ? withShareNote(finding, fit) : finding);
    } else if (verdict.kind === 'agrees') {
      const values = readings.map((r) => evaluate(r, valueOf)).filter((v) => v.value === verdict.value.value);
      const fit = misfitShare(claims.filter((c) => c.value === verdict.value.value), values, valueOf);
      if (fit) findings.push(shareFinding(kind, fit));
    }
  }
  return findings;
}

type Misfit = NonNullable<ReturnType<typeof misfitShare>>;

function withShareNote(finding: Finding, { share, value, processed }: Misfit): Finding {
  const ratio = percent(value.value, processed, share.decimals);
  return {
    ...finding,
    message: {
      zh: `${finding.message.zh}；所占比例 ${share.text}% 亦与 ${value.value} ÷ ${processed}（（七）总计）= ${ratio} 不符`,
      en: `${finding.message.en}; its share ${share.text}% does not fit ${value.value} ÷ ${processed} (total processed) = ${ratio} either`,
    },
  };
}

function shareFinding(kind: TextKind, { claim, share, value, processed }: Misfit): Finding {
  const ratio = percent(value.value, processed, share.decimals);
  const paths = value.reading.terms.map((t) => t.path);
  return {
    rule: kind.rule,
    severity: 'warning',
    outcome: 'share-disagrees',
    table: 'text',
    target: PROCESSED,
    parts: paths,
    expected: Number(((value.value * 100) / processed).toFixed(share.decimals)),
    found: Number(share.text),
    formula: `${value.value} ÷ ${processed} = ${ratio}`,
    message: {
      zh: `正文“${claim.quote}”所占比例为 ${share.text}%，但 ${value.value} ÷ ${processed}（（七）总计）= ${ratio}`,
      en: `The text gives “${claim.quote}” a share of ${share.text}%, but ${value.value} ÷ ${processed} (total processed) = ${ratio}`,
    },
  };
}
