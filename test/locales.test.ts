/**
 * The manifest's localised texts (public/_locales): the same messages in zh_CN and en, within the stores' limits
 * (Chrome Web Store: description ≤ 132 characters; name kept ≤ 45 for the add-on lists), each in its own language.
 * scripts/lint-firefox.ts checks the built manifest's __MSG_…__ against these files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const LOCALES = join(import.meta.dirname, '../public/_locales');
type Messages = Record<string, { message: string; description?: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8'));
const zh = read('zh_CN');
const en = read('en');
const CJK = /[\u4e00-\u9fff]/;

describe('public/_locales', () => {
  test('zh_CN and en carry the same messages: name, description, toolbar title', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(zh)).toEqual(expect.arrayContaining(['extName', 'extDescription', 'actionTitle']));
  });

  test('within the store limits', () => {
    for (const messages of [zh, en]) {
      expect(messages.extName.message.length).toBeLessThanOrEqual(45);
      expect(messages.extDescription.message.length).toBeLessThanOrEqual(132);
    }
  });

  test('each in its own language: Chinese in zh_CN, no Chinese in en', () => {
    for (const { message } of Object.values(zh)) expect(message).toMatch(CJK);
    for (const { message } of Object.values(en)) expect(message).not.toMatch(CJK);
  });
});
