/**
 * Text helpers shared by the whole engine: the canonical label form, and the one meaning of a cell's text.
 *
 * Canonical label form (normaliseLabel):
 * - every whitespace character is removed (spaces, tabs, line breaks, &nbsp; U+00A0, U+3000 and the other Unicode
 *   spaces) together with zero-width characters (U+200B–U+200D, U+2060, U+FEFF, soft hyphen), because labels are
 *   split across <p>/<span>/<br> in published tables (商业 / 企业);
 * - full-width ASCII (U+FF01–U+FF5E: ０-９, Ａ-Ｚ, （）, ．, ，, ：…) is folded to half-width, so （一） and (一) and
 *   1． and 1. compare equal;
 * - every quotation mark (“ ” ‘ ’ 「 」 『 』 " ') becomes the ASCII double quote ";
 * - CJK punctuation without a half-width twin (、。《》) is kept as is.
 */
import type { Cell, CellKind } from './report';

// All whitespace JS knows (\s covers U+00A0, U+3000, U+2000–U+200A, U+FEFF…) plus zero-width and soft-hyphen characters.
const INVISIBLE_CHAR = /[\s\u200b-\u200d\u2060\u00ad\ufeff]/;
const INVISIBLE = new RegExp(`${INVISIBLE_CHAR.source}+`, 'g');
const EDGE_INVISIBLE = new RegExp(`^${INVISIBLE_CHAR.source}+|${INVISIBLE_CHAR.source}+$`, 'g');
const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
const QUOTES = /[“”‘’「」『』'＂＇]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

const foldChar = (ch: string) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET);

// Non-global twins for a cheap test first: most cells (numbers) need no replacing at all.
const HAS_INVISIBLE = INVISIBLE_CHAR;
const HAS_FULL_WIDTH = new RegExp(FULL_WIDTH_ASCII.source);
const HAS_QUOTE = new RegExp(QUOTES.source);

/** Full-width ASCII → half-width; everything else untouched. */
export function foldWidth(s: string): string {
  return HAS_FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_ASCII, foldChar) : s;
}

/**
 * True when normaliseLabel has nothing to change: only printable ASCII other than space and the quote ' (digits,
 * letters, ( ) . …), and CJK ideographs. One charCode loop; most cells (numbers, plain labels) end here.
 */
function alreadyCanonical(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      if (c === 0x27) return false;
    } else if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
}

/** The canonical label form described at the top of this file. */
export function normaliseLabel(s: string): string {
  if (alreadyCanonical(s)) return s;
  const visible = HAS_INVISIBLE.test(s) ? s.replace(INVISIBLE, '') : s;
  const folded = foldWidth(visible);
  return HAS_QUOTE.test(folded) ? folded.replace(QUOTES, '"') : folded;
}

const HAS_ZERO_WIDTH = /[\u200b-\u200d\u2060\u00ad]/;

/** Removes leading and trailing whitespace, including &nbsp;, U+3000 and zero-width characters. */
export function trimAll(s: string): string {
  // String.prototype.trim already covers every \s character (U+00A0, U+3000, U+FEFF…); only zero-width needs the regex.
  const trimmed = s.trim();
  return HAS_ZERO_WIDTH.test(trimmed) ? trimmed.replace(EDGE_INVISIBLE, '') : trimmed;
}

/** Collapses every run of whitespace (including &nbsp; and U+3000) to one space and trims. */
export function collapseWhitespace(s: string): string {
  return s.replace(INVISIBLE, ' ').trim();
}

// ---------- cell meaning ----------

/** Marks that say "not applicable". Compared after width folding (／ → /, － → -). */
const NOT_APPLICABLE = new Set(['/', '\\', '-', '--', '—', '——', '–', '――', '―', '无', '不适用']);
const ZERO_WORDS = new Set(['零', '〇']);
/**
 * A whole number as printed, 1234 or 1,234 (regex source, no anchors or group): the cells' and the text rules' one
 * reading of digits (lib/rules/text/claims.ts NUM). The grouped form comes first so an unanchored match takes 1,234 whole.
 */
export const WHOLE_NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const INTEGER = new RegExp(`^(?:${WHOLE_NUMBER})$`);
const DECIMAL = new RegExp(`^(?:${WHOLE_NUMBER})(?:\\.\\d+)?$`);

/** The value of digits WHOLE_NUMBER (or DECIMAL) matched: the thousands commas dropped. */
export const digitsValue = (digits: string): number => Number(digits.replace(/,/g, ''));

export interface ClassifyOptions {
  /** Accept a decimal fraction (table 2's fee, in 万元). Counts are whole numbers: `3.5` in a count cell is text. */
  decimal?: boolean;
  /** Accept a sign (`-3`, `+2`): the 2019 format's 本年增/减. Counts are never negative. */
  signed?: boolean;
  /** Units the number may be followed by (`251000元`); the value is the number as written. */
  units?: readonly string[];
}

const SIGN = /^[-−+]/;

/**
 * The single meaning of a published cell (template-2021.md, "What a cell holds").
 * `raw` is kept exactly as given. Negative numbers are `text`: counts are never negative, and the VALUE rule says so.
 */
export function classifyCell(raw: string, options: ClassifyOptions = {}): Cell {
  const digits = plainDigits(raw);
  if (digits >= 0) return { raw, kind: digits === 0 ? 'zero' : 'number', value: digits };
  const core = foldWidth(trimAll(raw));
  if (core === '') return { raw, kind: 'blank', value: null };
  if (NOT_APPLICABLE.has(core)) return { raw, kind: 'na', value: null };
  if (ZERO_WORDS.has(core)) return { raw, kind: 'zero', value: 0 };
  const value = numberIn(core, options);
  if (value !== null) return { raw, kind: value === 0 ? 'zero' : 'number', value };
  return { raw, kind: 'text', value: null };
}

/** The number `core` (trimmed, width-folded) writes under `options`, or null. */
function numberIn(core: string, options: ClassifyOptions): number | null {
  let digits = core;
  const unit = options.units?.find((u) => digits.length > u.length && digits.endsWith(u));
  if (unit) digits = trimAll(digits.slice(0, -unit.length));
  let sign = 1;
  if (options.signed && SIGN.test(digits)) {
    sign = digits[0] === '+' ? 1 : -1;
    digits = trimAll(digits.slice(1));
  }
  const pattern = options.decimal ? DECIMAL : INTEGER;
  if (!pattern.test(digits)) return null;
  return sign * digitsValue(digits) + 0; // + 0 turns −0 into 0
}

/** The value of a cell that is only ASCII digits (most cells), read as classifyCell would; -1 for anything else. */
function plainDigits(raw: string): number {
  if (raw.length === 0 || raw.length > 15) return -1;
  let value = 0;
  for (let i = 0; i < raw.length; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** True when the cell text holds a value (number or zero) as classifyCell would read it with `decimal` allowed. */
export function looksNumeric(raw: string): boolean {
  const kind = classifyCell(raw, { decimal: true }).kind;
  return kind === 'number' || kind === 'zero';
}

const KIND_LABELS: Record<CellKind, { zh: string; en: string }> = {
  number: { zh: '数值', en: 'number' },
  zero: { zh: '零', en: 'zero' },
  blank: { zh: '空白', en: 'blank' },
  na: { zh: '不适用', en: 'not applicable' },
  text: { zh: '文字', en: 'text' },
  missing: { zh: '缺失', en: 'missing' },
};

/** The name of a cell kind for messages, Chinese and English. */
export function kindLabel(kind: CellKind): { zh: string; en: string } {
  return KIND_LABELS[kind];
}
