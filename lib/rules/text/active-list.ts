/**
 * TEXT-ACTIVE-LIST: 主动公开政府信息N条，其中 A a条、B b条… whose list cannot add up to N: above N, or below N while
 * listing 其他 (a list that names only some kinds need not add up).
 */
import type { Finding } from '../../findings';
import { digitsValue } from '../../text';
import { clauseStart, NUM, OTHER_PERIOD, TOTAL_WORD } from './claims';

const ACTIVE_LIST = new RegExp(
  String.raw`主动公开[^。;,\d]{0,8}?信息${TOTAL_WORD}${NUM}条?[。,;:]?其中[:,]?([^。]*)`,
  'g',
);
const LIST_ITEM = /^(\D*?)(\d+)条$/;

export function activeListFinding(text: string): Finding | null {
  // Not matchesIn: 主动公开政府信息127。其中… runs over a 。.
  for (const match of text.matchAll(ACTIVE_LIST)) {
    const index = match.index ?? 0;
    if (OTHER_PERIOD.test(text.slice(clauseStart(text, index), index + match[0].length - match[2].length))) continue;
    const stated = digitsValue(match[1]);
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
