/**
 * The blank-aware sum check behind every sum rule (template-2021.md, "What a cell holds"), shown on a plain sum
 * (table 4 行政复议: 总计 = 维持 + 纠正 + 其他 + 尚未审结) and on the two-sided T3-BALANCE (一 + 二 = （七） + 四).
 */
import { describe, expect, it } from 'vitest';
import { checkSum } from '../../lib/rules/sum-check';
import { sumSpecsOf } from '../../lib/rules/sum-specs';
import { MISSING, buildReport, type CellSpec } from '../helpers/report-builder';

const REVIEW = sumSpecsOf({ format: '2021', otherOneRow: false }).block[0];
/** 行政复议 block: 维持, 纠正, 其他, 尚未审结, 总计. */
const review = (maintain: CellSpec, correct: CellSpec, other: CellSpec, unfinished: CellSpec, total: CellSpec) =>
  checkSum(
    buildReport({
      'table4.review.maintain': maintain,
      'table4.review.correct': correct,
      'table4.review.other': other,
      'table4.review.unfinished': unfinished,
      'table4.review.total': total,
    }),
    REVIEW,
  );

describe('a plain sum: total = parts', () => {
  it('every operand filled and equal: no finding', () => {
    expect(review('1', '2', '0', '3', '6')).toBeNull();
  });

  it('every operand filled, different: error with expected = Σ parts, found = total and the formula', () => {
    expect(review('1', '1', '1', '1', '5')).toMatchObject({
      rule: 'T4-BLOCK',
      severity: 'error',
      outcome: 'mismatch',
      table: 'table4',
      target: 'table4.review.total',
      parts: ['table4.review.maintain', 'table4.review.correct', 'table4.review.other', 'table4.review.unfinished'],
      expected: 4,
      found: 5,
      formula: '1 + 1 + 1 + 1 = 4 ≠ 5',
      message: { zh: '行政复议：总计应为 4，实为 5' },
    });
  });

  it('full-width and thousands-separated numbers are numbers', () => {
    expect(review('１,０００', '0', '0', '0', '1000')).toBeNull();
  });

  it('total filled, a part blank, the filled parts already above the total: error whatever the blank holds', () => {
    const finding = review('3', '', '2', '0', '4');
    expect(finding).toMatchObject({ severity: 'error', outcome: 'mismatch', expected: 5, found: 4 });
    expect(finding?.formula).toBe('3 + □ + 2 + 0 = 5 > 4');
    expect(finding?.message.zh).toContain('空白');
  });

  it('total filled, a part blank, the filled parts equal to the total: passes, saying the blank was read as 0', () => {
    const finding = review('3', '', '1', '0', '4');
    expect(finding).toMatchObject({ severity: 'info', outcome: 'blanks-as-zero', expected: 4, found: 4 });
    expect(finding?.formula).toBe('3 + □ + 1 + 0 = 4 = 4');
    expect(finding?.message.zh).toContain('空白格按 0 计');
    expect(finding?.message.en).toContain('read as 0');
  });

  it('whitespace-only cells (&nbsp;, U+3000) are blanks, never zeros', () => {
    expect(review('3', '\u00a0', '1', '\u3000', '4')).toMatchObject({ outcome: 'blanks-as-zero' });
  });

  it('total filled, a part blank, the filled parts below the total: cannot verify (warning)', () => {
    const finding = review('3', '', '0', '0', '4');
    expect(finding).toMatchObject({ severity: 'warning', outcome: 'cannot-verify' });
    expect(finding?.formula).toBe('3 + □ + 0 + 0 = 3 < 4');
    expect(finding?.expected).toBeUndefined();
  });

  it('total blank: warning on the blank total, naming the parts sum', () => {
    const finding = review('1', '1', '0', '0', '');
    expect(finding).toMatchObject({ severity: 'warning', outcome: 'total-blank', target: 'table4.review.total' });
    expect(finding?.formula).toBe('1 + 1 + 0 + 0 = 2 ? □');
    expect(finding?.message.zh).toBe('行政复议：总计为空白，无法核对（维持+纠正+其他+尚未审结为 2）');
  });

  it('every operand blank: the total is blank, so a total-blank warning (BLANK names each cell)', () => {
    expect(review('', '', '', '', '')).toMatchObject({ severity: 'warning', outcome: 'total-blank' });
  });

  it('a text operand makes the sum unverifiable, and the message says what was found', () => {
    const finding = review('2件', '0', '0', '0', '2');
    expect(finding).toMatchObject({ severity: 'warning', outcome: 'cannot-verify' });
    expect(finding?.message.zh).toContain('「2件」');
    expect(finding?.formula).toBe('「2件」 + 0 + 0 + 0 = 0 < 2');
  });

  it('an na operand (/) makes the sum unverifiable', () => {
    expect(review('/', '1', '0', '0', '1')).toMatchObject({ severity: 'warning', outcome: 'cannot-verify' });
  });

  it('an na total is unverifiable too', () => {
    expect(review('1', '1', '0', '0', '—')).toMatchObject({ severity: 'warning', outcome: 'cannot-verify' });
  });

  it('a text operand does not hide a certain error: the other parts already exceed the total', () => {
    expect(review('详见附件', '3', '0', '0', '2')).toMatchObject({ severity: 'error', outcome: 'mismatch' });
  });

  it('a missing part says nothing (MISSING reports it) unless the sum is wrong whatever it holds', () => {
    expect(review(MISSING, '1', '0', '0', '3')).toBeNull();
    expect(review(MISSING, '1', '0', '0', '1')).toBeNull();
    expect(review(MISSING, '4', '0', '0', '3')).toMatchObject({ severity: 'error', outcome: 'mismatch' });
  });

  it('an absent table gives no finding', () => {
    expect(checkSum(buildReport({}, { table4: null }), REVIEW)).toBeNull();
  });
});

describe('a two-sided sum: T3-BALANCE 一 + 二 = （七） + 四 (自然人)', () => {
  const NATURAL = sumSpecsOf({ format: '2021', otherOneRow: false }).balance[0];
  const balance = (fresh: CellSpec, carriedOver: CellSpec, processed: CellSpec, carriedForward: CellSpec) =>
    checkSum(
      buildReport({
        'table3.naturalPerson.newReceived': fresh,
        'table3.naturalPerson.carriedOver': carriedOver,
        'table3.naturalPerson.results.totalProcessed': processed,
        'table3.naturalPerson.carriedForward': carriedForward,
      }),
      NATURAL,
    );

  it('holds: no finding', () => {
    expect(balance('3', '1', '3', '1')).toBeNull();
  });

  it('all filled, different: error on （七）总计; expected is what （七） should hold (一+二−四), found is （七）', () => {
    expect(balance('3', '1', '4', '2')).toMatchObject({
      severity: 'error',
      outcome: 'mismatch',
      target: 'table3.naturalPerson.results.totalProcessed',
      parts: [
        'table3.naturalPerson.carriedForward',
        'table3.naturalPerson.newReceived',
        'table3.naturalPerson.carriedOver',
      ],
      expected: 2,
      found: 4,
      formula: '3 + 1 = 4 ≠ 6 = 4 + 2',
      message: {
        zh: '自然人：（七）总计应为 2，实为 4（一+二 = 4，（七）总计+四 = 6）',
        en: 'Natural persons: (7) total processed should be 2, found 4 (I new + II carried over = 4, (7) total processed + IV carried forward = 6)',
      },
    });
  });

  it('四 blank, （七） equal to 一+二: passes with 四 read as 0', () => {
    expect(balance('3', '1', '4', '')).toMatchObject({ severity: 'info', outcome: 'blanks-as-zero' });
  });

  it('四 blank, （七） already above 一+二: error (四 can only add)', () => {
    expect(balance('3', '1', '5', '')).toMatchObject({ severity: 'error', outcome: 'mismatch', expected: 4, found: 5 });
  });

  it('四 blank, （七） below 一+二: cannot verify', () => {
    expect(balance('3', '1', '2', '')).toMatchObject({ severity: 'warning', outcome: 'cannot-verify' });
  });

  it('二 blank, 一 already above （七）+四: error', () => {
    expect(balance('6', '', '4', '1')).toMatchObject({ severity: 'error', outcome: 'mismatch', expected: 5, found: 4 });
  });

  it('blanks on both sides: cannot verify, never an error', () => {
    expect(balance('9', '', '2', '')).toMatchObject({ severity: 'warning', outcome: 'cannot-verify' });
  });

  it('（七） blank: total-blank warning, unless 四 alone already exceeds 一+二', () => {
    expect(balance('3', '1', '', '0')).toMatchObject({ severity: 'warning', outcome: 'total-blank' });
    expect(balance('3', '1', '', '6')).toMatchObject({ severity: 'error', outcome: 'mismatch' });
  });
});
