/**
 * The key two reports of the same issuing body share, from the body's name as each report prints it. Titles vary
 * in width, spacing, quotes and brackets from year to year (（） vs (), a stray space, 关于… in front), not in the
 * words, so only those are removed. Nothing is guessed: a body that renames itself or adds a second name in
 * brackets gets a different key, and the reports are not paired (a wrong pair would give false errors).
 */
import { foldWidth } from '../text';

const INVISIBLE = /[\s\u200b-\u200d\u2060\u00ad\ufeff]+/g;
const PUNCTUATION = /[()[\]{}<>〔〕【】《》〈〉“”‘’"'「」『』·•・、，,。.:：;；!！?？\-—–_|/\\]+/g;

/** The normalised body name, or null when there is none to match on. */
export function bodyKey(body: string | null | undefined): string | null {
  if (!body) return null;
  const key = foldWidth(body.normalize('NFKC')).replace(INVISIBLE, '').replace(PUNCTUATION, '').replace(/^关于/, '');
  return key === '' ? null : key;
}
