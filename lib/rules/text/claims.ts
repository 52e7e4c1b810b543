/**
 * Reading figures out of the report's own text: where a number sits, which clause and sentence hold it, and the
 * context words that make a clause not about this year's 政府信息公开 requests. Every text rule reads its claims here.
 *
 * The text is in label form (lib/text.ts normaliseLabel): no whitespace, full-width ASCII folded (，→ , ；→ ; ：→ :
 * （→ ( ％ → %), so a clause ends at , ; . ! ? or the ideographic 。.
 */
import { digitsValue, normaliseLabel, WHOLE_NUMBER } from '../../text';

/** A count as printed, 1,234 or 1234, as its one group: digits as a cell reads them (lib/text.ts). */
export const NUM = `(${WHOLE_NUMBER})`;
/** The units counts are written in: 件 (requests, documents), 条 (items), 个, 起 (cases). */
export const UNIT = '[件条个起]';
/** The word a stated total may carry before its number: 共计, 共 or 合计 (optional). */
export const TOTAL_WORD = '(?:共计|共|合计)?';
/** What may stand between a keyword and its number: no clause break, no other number. */
export const GAP = (max: number) => String.raw`[^。;,!?\d]{0,${max}}?`;

/** Words that put a clause in another period or make it a comparison. */
export const OTHER_PERIOD = /上年|去年|上一年|同比|环比|较|以来|累计|历年/;
/** Requests that are not 政府信息公开 requests (reviews, complaints, suggestions, public services, licences…). */
export const OTHER_REQUEST_KINDS = /复议|诉讼|投诉|举报|信访|建议|提案|咨询|留言|热线|来信|来电|政务服务|许可|审批|办件/;
/** Words that make a count about one kind of applicant only. */
export const ONE_APPLICANT_KIND = /自然人|法人|企业|组织|机构|个人/;
/** Either: a clause holding one of these is not about all of this year's 政府信息公开 requests. */
export const OTHER_REQUESTS = new RegExp(`${OTHER_REQUEST_KINDS.source}|${ONE_APPLICANT_KIND.source}`);

const CLAUSE_END = '。;,!?';

/** One number the text states, with the words it was read from. */
export interface Claim {
  value: number;
  /** The words the number was read from (as in the text, label form). */
  quote: string;
  /** Where the sentence (up to 。) holding the claim starts: claims in one sentence may be parts of one total. */
  sentence: number;
  /** Where the quote starts in the text: claims are listed in reading order. */
  index: number;
}

/** Where a match sits: its clause (from the previous , ; 。 up to the end of the match) and what came before. */
export interface ClaimContext {
  clause: string;
  /** The sentence's text before the clause: it may name the subject (政府信息公开申请) the clause leaves out. */
  lead: string;
  /** The rest of the clause after the match, up to the next , ; 。. */
  rest: string;
  /** The whole sentence, up to the next 。. */
  sentence: string;
  /** The matched words. */
  match: RegExpMatchArray;
}

export function clauseStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && !CLAUSE_END.includes(text[start - 1])) start--;
  return start;
}

export const sentenceStart = (text: string, index: number) => text.lastIndexOf('。', index - 1) + 1;

function sentenceEnd(text: string, index: number): number {
  const end = text.indexOf('。', index);
  return end < 0 ? text.length : end;
}

function contextOf(text: string, match: RegExpMatchArray): ClaimContext {
  const index = match.index ?? 0;
  const end = index + match[0].length;
  const start = clauseStart(text, index);
  const sentence = sentenceStart(text, index);
  let clauseEnd = end;
  while (clauseEnd < text.length && !CLAUSE_END.includes(text[clauseEnd])) clauseEnd++;
  return {
    clause: text.slice(start, end),
    lead: text.slice(sentence, start),
    rest: text.slice(end, clauseEnd),
    sentence: text.slice(sentence, sentenceEnd(text, index)),
    match,
  };
}

/**
 * How a number is found: a global pattern whose first group is the number, or whose match means `value` (a
 * negation such as 未收到…申请 means 0).
 */
export interface ClaimPattern {
  regex: RegExp;
  value?: number;
}

/**
 * Every claim the patterns find whose clause is about this period and passes `accept`, in reading order. Only
 * sentences holding one of the `keywords` are read (a claim never spans a 。).
 */
export function findClaims(
  text: string,
  keywords: RegExp,
  patterns: readonly ClaimPattern[],
  accept: (context: ClaimContext) => boolean,
): Claim[] {
  const claims: Claim[] = [];
  for (const pattern of patterns) {
    for (const match of matchesIn(text, keywords, pattern.regex)) {
      const context = contextOf(text, match);
      if (OTHER_PERIOD.test(context.clause) || offTopic(context.lead) || !accept(context)) continue;
      const index = match.index ?? 0;
      claims.push({
        value: pattern.value ?? digitsValue(match[1]),
        quote: match[0],
        sentence: sentenceStart(text, index),
        index,
      });
    }
  }
  return withoutOverlaps(claims);
}

interface Sentence {
  start: number;
  text: string;
}

/** A sentence can state a figure only with a digit, or with a word saying there was none (未收到, 没有…复议). */
const MAY_STATE_A_FIGURE = /\d|未|没有|无|不存在|零/;

let sentenceCache: { text: string; sentences: Sentence[] } = { text: '', sentences: [] };

/** The text's sentences (up to and with their 。) that may state a figure; split once per text. */
function figureSentences(text: string): Sentence[] {
  if (sentenceCache.text === text) return sentenceCache.sentences;
  const sentences: Sentence[] = [];
  for (let start = 0; start < text.length; ) {
    const stop = text.indexOf('。', start);
    const end = stop < 0 ? text.length : stop + 1;
    const sentence = text.slice(start, end);
    if (MAY_STATE_A_FIGURE.test(sentence)) sentences.push({ start, text: sentence });
    start = end;
  }
  sentenceCache = { text, sentences };
  return sentences;
}

/**
 * `regex` (global) over the sentences that may state a figure and hold one of `keywords` (not global: test() on a
 * global regex keeps state), as if over the whole text:
 * each match's index is its place in `text`. A page of 600,000 characters has a few dozen such sentences.
 */
export function matchesIn(text: string, keywords: RegExp, regex: RegExp): RegExpMatchArray[] {
  const matches: RegExpMatchArray[] = [];
  for (const sentence of figureSentences(text)) {
    if (!keywords.test(sentence.text)) continue;
    for (const match of sentence.text.matchAll(regex)) {
      match.index = sentence.start + (match.index ?? 0);
      matches.push(match);
    }
  }
  return matches;
}

/** Two patterns may read the same words (收到申请50件、信函收到申请…): the claim found first is kept. */
function withoutOverlaps(claims: Claim[]): Claim[] {
  const sorted = claims.map((claim, order) => ({ claim, order })).sort((a, b) => a.claim.index - b.claim.index || a.order - b.order);
  const kept: Claim[] = [];
  let end = -1;
  for (const { claim } of sorted) {
    if (claim.index < end) continue;
    kept.push(claim);
    end = claim.index + claim.quote.length;
  }
  return kept;
}

/**
 * True when an earlier clause of the sentence sets a topic that is not this year's requests as a whole: a clause
 * without numbers naming another period or one kind of applicant (与上年相比，… · 自然人申请中，…).
 */
export function offTopic(lead: string): boolean {
  return lead
    .split(/[。;,!?]/)
    .some((clause) => clause !== '' && !/\d/.test(clause) && (OTHER_PERIOD.test(clause) || ONE_APPLICANT_KIND.test(clause)));
}

/**
 * A clause about this year's 政府信息公开 requests: it names them (申请) or follows a clause of its sentence that
 * does (收到申请70件，办结69件), and neither it nor what came before is about another kind of request.
 */
export function aboutRequests({ clause, lead }: ClaimContext): boolean {
  if (OTHER_REQUESTS.test(clause)) return false;
  if (clause.includes('申请')) return true;
  return lead.includes('申请') && !OTHER_REQUEST_KINDS.test(lead);
}

/** A clause about 政府信息公开 itself, or following one in its sentence (因政府信息公开引发的行政复议2起，行政诉讼1起). */
export const aboutDisclosure = ({ clause, lead }: ClaimContext) => clause.includes('信息公开') || lead.includes('信息公开');

/** The body text in label form; every text rule asks for it, so the last one is kept (the text may be 500 kB). */
let lastBody: { raw: string; label: string } = { raw: '', label: '' };
export function bodyLabel(raw: string): string {
  if (raw !== lastBody.raw) lastBody = { raw, label: normaliseLabel(raw) };
  return lastBody.label;
}

/** Claims per reader for the last text read: the rules and the suspect search both ask, and the text is the same. */
let claimCache: { text: string; claims: Map<string, unknown> } = { text: '', claims: new Map() };
export function cachedClaims<T>(text: string, key: string, read: (text: string) => T): T {
  if (claimCache.text !== text) claimCache = { text, claims: new Map() };
  if (!claimCache.claims.has(key)) claimCache.claims.set(key, read(text));
  return claimCache.claims.get(key) as T;
}
