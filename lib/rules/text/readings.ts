/**
 * The table side of a text figure, and the one judgement of whether the text agrees with it.
 *
 * A figure may mean more than one thing (收到75件: 新收, or 新收 + 上年结转): each meaning is a Reading, a sum of
 * table cells. The text agrees when one of its claims equals one reading. Cells that hold no number make a reading a
 * lower bound (counts are never negative, so a blank can only add): the text then disagrees only when it says less.
 */
import type { Bilingual } from '../labels';
import type { Claim } from './claims';

/** One addend of a reading: a cell, or when that cell holds no number, the cells it totals (a row's 总计 → its columns). */
export interface Term {
  path: string;
  fallback?: readonly string[];
}

export interface Reading {
  terms: readonly Term[];
  /** The table side in words, e.g. 表三“一、本年新收”总计 · table 3 new requests total. */
  label: Bilingual;
  /** What the text's word is taken to mean under this reading, for saying which one agreed (按本年新收理解). */
  as?: Bilingual;
  /**
   * A loose reading that excuses a count but not a 0: 行政诉讼5件 may count one litigation block only, but
   * 没有行政诉讼 means none in either.
   */
  notForZero?: boolean;
}

/** A cell's number, or null where it holds none (blank, n/a, text, missing). */
export type ValueOf = (path: string) => number | null;

export interface ReadingValue {
  reading: Reading;
  /** Each term's number (blanks as 0). */
  terms: number[];
  /** Their sum. */
  value: number;
  /** False when a cell held no number: the sum is then a lower bound. */
  exact: boolean;
  /** True when a term's own cell held no number and its fallback cells were added instead. */
  fellBack: boolean;
}

export function evaluate(reading: Reading, valueOf: ValueOf): ReadingValue {
  let exact = true;
  let fellBack = false;
  const terms = reading.terms.map((term) => {
    const own = valueOf(term.path);
    if (own !== null) return own;
    if (!term.fallback) {
      exact = false;
      return 0;
    }
    fellBack = true;
    let sum = 0;
    for (const path of term.fallback) {
      const value = valueOf(path);
      if (value === null) exact = false;
      else sum += value;
    }
    return sum;
  });
  return { reading, terms, value: terms.reduce((a, b) => a + b, 0), exact, fellBack };
}

/** The reading's sum as a formula: `470`, or `272 + 3 = 275`. */
export const formulaOf = (v: ReadingValue) => (v.terms.length > 1 ? `${v.terms.join(' + ')} = ${v.value}` : `${v.value}`);

export type Verdict =
  /** A claim equals an exact reading. */
  | { kind: 'agrees'; claim: Claim; value: ReadingValue }
  /** No claim equals a reading, but one is at least a reading's lower bound: blanks could explain it. */
  | { kind: 'possible' }
  /** Every claim differs from every reading. */
  | { kind: 'disagrees'; claim: Claim; values: ReadingValue[] }
  /** The text states nothing here. */
  | { kind: 'silent' };

/**
 * Whether the text's claims agree with the readings. One agreeing statement is enough when the text states the number
 * more than once, and numbers stated in one sentence may be parts (by channel) that add up to the table's number.
 */
export function judge(claims: readonly Claim[], readings: readonly Reading[], valueOf: ValueOf): Verdict {
  if (claims.length === 0 || readings.length === 0) return { kind: 'silent' };
  const values = readings.map((r) => evaluate(r, valueOf));
  const candidates = [...claims, ...sentenceSums(claims)];
  const applies = (v: ReadingValue, claim: Claim) => !(v.reading.notForZero && claim.value === 0);
  for (const claim of candidates) {
    const value = values.find((v) => v.exact && v.value === claim.value && applies(v, claim));
    if (value) return { kind: 'agrees', claim, value };
  }
  if (candidates.some((claim) => values.some((v) => !v.exact && claim.value >= v.value && applies(v, claim)))) {
    return { kind: 'possible' };
  }
  return { kind: 'disagrees', claim: claims[0], values };
}

/** 网络收到申请50件、信函收到申请31件: one claim per sentence with two or more parts, their sum. */
function sentenceSums(claims: readonly Claim[]): Claim[] {
  const bySentence = new Map<number, Claim[]>();
  for (const c of claims) bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), c]);
  return [...bySentence.values()]
    .filter((parts) => parts.length > 1)
    .map((parts) => ({
      value: parts.reduce((sum, c) => sum + c.value, 0),
      quote: parts.map((c) => c.quote).join('、'),
      sentence: parts[0].sentence,
      index: parts[0].index,
    }));
}

/** What the table says, every reading: 表二…为 470 · 表三…为 74；或新收加上年结转为 74 + 1 = 75. */
export function describeTable(values: readonly ReadingValue[]): Bilingual {
  const one = (v: ReadingValue): Bilingual => {
    const note = notes(v);
    return {
      zh: `${v.reading.label.zh}${v.exact ? '为' : '至少为'} ${formulaOf(v)}${note.zh}`,
      en: `${v.reading.label.en} is ${v.exact ? '' : 'at least '}${formulaOf(v)}${note.en}`,
    };
  };
  const parts = values.map(one);
  return { zh: parts.map((p) => p.zh).join('；或'), en: parts.map((p) => p.en).join('; or ') };
}

function notes(v: ReadingValue): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  if (v.fellBack) {
    zh.push('总计格空白的行按各申请人列相加');
    en.push('rows with a blank total counted by their applicant columns');
  }
  if (!v.exact) {
    zh.push('空白格按 0 计');
    en.push('blank cells read as 0');
  }
  return zh.length === 0 ? { zh: '', en: '' } : { zh: `（${zh.join('，')}）`, en: ` (${en.join('; ')})` };
}
