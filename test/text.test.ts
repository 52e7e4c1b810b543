import { describe, expect, it } from 'vitest';
import { classifyCell, collapseWhitespace, kindLabel, normaliseLabel, trimAll } from '../lib/text';

describe('normaliseLabel', () => {
  it('removes every kind of whitespace so split labels match', () => {
    expect(normaliseLabel('商业\n企业')).toBe('商业企业');
    expect(normaliseLabel(' 商\u00a0业\u3000企\t业 ')).toBe('商业企业');
    expect(normaliseLabel('三、本\r\n年度办\u200b理结果\ufeff')).toBe('三、本年度办理结果');
  });
  it('folds full-width ASCII to half-width', () => {
    expect(normaliseLabel('（一）予以公开')).toBe('(一)予以公开');
    expect(normaliseLabel('１．属于国家秘密')).toBe('1.属于国家秘密');
    expect(normaliseLabel('ＡＢｃ：')).toBe('ABc:');
  });
  it('makes all quote styles one', () => {
    expect(normaliseLabel('3.危及“三安全一稳定”')).toBe(normaliseLabel('3.危及"三安全一稳定"'));
    expect(normaliseLabel('「三安全一稳定」')).toBe('"三安全一稳定"');
  });
  it('keeps CJK punctuation without a half-width twin', () => {
    expect(normaliseLabel('一、本年新收')).toBe('一、本年新收');
  });
});

describe('trimAll / collapseWhitespace', () => {
  it('trims nbsp, ideographic space and zero-width', () => {
    expect(trimAll('\u00a0\u3000 12\u200b ')).toBe('12');
    expect(collapseWhitespace(' a \u00a0\n b\u3000c ')).toBe('a b c');
  });
});

describe('classifyCell', () => {
  const kind = (raw: string, decimal = false) => classifyCell(raw, { decimal }).kind;
  const value = (raw: string, decimal = false) => classifyCell(raw, { decimal }).value;

  it('reads whole numbers, full-width digits and separators', () => {
    expect(classifyCell('3')).toEqual({ raw: '3', kind: 'number', value: 3 });
    expect(value('１２')).toBe(12);
    expect(value('1,234')).toBe(1234);
    expect(value('1，234')).toBe(1234);
    expect(value('11398889')).toBe(11398889);
    expect(value('\u00a081\u3000')).toBe(81);
  });
  it('keeps raw exactly as given', () => {
    expect(classifyCell(' 7\u00a0').raw).toBe(' 7\u00a0');
  });
  it('reads zero', () => {
    expect(classifyCell('0')).toEqual({ raw: '0', kind: 'zero', value: 0 });
    expect(kind('０')).toBe('zero');
    expect(kind('零')).toBe('zero');
    expect(kind('0.00', true)).toBe('zero');
  });
  it('accepts decimals only where asked (the fee)', () => {
    expect(classifyCell('18651.06', { decimal: true })).toEqual({ raw: '18651.06', kind: 'number', value: 18651.06 });
    expect(value('5949.088667', true)).toBe(5949.088667);
    expect(value('18,651.06', true)).toBe(18651.06);
    expect(kind('3.5')).toBe('text');
    expect(kind('3.0')).toBe('text');
  });
  it('reads blanks', () => {
    for (const raw of ['', '   ', '\u00a0', '\u3000', '\n\t', '\u200b']) expect(kind(raw)).toBe('blank');
  });
  it('reads not-applicable marks', () => {
    for (const raw of ['/', '／', '-', '－', '—', '——', '–', '无', '不适用', ' / ']) expect(kind(raw)).toBe('na');
  });
  it('calls everything else text, including negatives and malformed numbers', () => {
    for (const raw of ['详见附件', '2件', '-3', '1,23', '1 2', '+5', '.5', '1.2.3', 'abc']) {
      expect(classifyCell(raw)).toEqual({ raw, kind: 'text', value: null });
    }
  });
  it('names kinds in both languages', () => {
    expect(kindLabel('blank')).toEqual({ zh: '空白', en: 'blank' });
  });
});

describe('classifyCell: the 2019 format’s signed changes and amounts with a unit', () => {
  it('reads a sign only where allowed, and a trailing unit only where given', () => {
    expect(classifyCell('-3', { signed: true })).toEqual({ raw: '-3', kind: 'number', value: -3 });
    expect(classifyCell('＋2', { signed: true })).toEqual({ raw: '＋2', kind: 'number', value: 2 });
    expect(classifyCell('-0', { signed: true })).toEqual({ raw: '-0', kind: 'zero', value: 0 });
    expect(classifyCell('-3').kind).toBe('text');
    expect(classifyCell('-', { signed: true }).kind).toBe('na');
    expect(classifyCell('251000元', { decimal: true, units: ['万元', '元'] })).toEqual({ raw: '251000元', kind: 'number', value: 251000 });
    expect(classifyCell('25.1 万元', { decimal: true, units: ['万元', '元'] }).value).toBe(25.1);
    expect(classifyCell('251000元').kind).toBe('text');
    expect(classifyCell('元', { units: ['元'] }).kind).toBe('text');
  });
});
