/** TEXT-T2-VALID: 现行有效(行政)规范性文件N件 in the text vs table 2's 现行有效件数. */
import { table2Path } from '../../paths';
import { findClaims, GAP, NUM, TOTAL_WORD, UNIT, type ClaimPattern } from './claims';
import type { TextKind } from './kind';

const VALID_DOCUMENTS = table2Path('normativeDocuments', 'valid');
const PATTERNS: readonly ClaimPattern[] = [
  { regex: new RegExp(`现行有效(?:的)?(?:行政)?规范性文件${TOTAL_WORD}${NUM}${UNIT}`, 'g') },
  { regex: new RegExp(`规范性文件${GAP(6)}现行有效(?:的)?${TOTAL_WORD}${NUM}${UNIT}`, 'g') },
];

export const validDocuments: TextKind = {
  rule: 'TEXT-T2-VALID',
  meta: { zh: '正文现行有效规范性文件数与表二', en: 'Normative documents in force in the text vs table 2' },
  claims: (text) => findClaims(text, /规范性文件/, PATTERNS, () => true),
  readings: (report) =>
    report.table2
      ? [{ terms: [{ path: VALID_DOCUMENTS }], label: { zh: '表二行政规范性文件现行有效件数', en: 'table 2 normative documents in force' } }]
      : [],
};
