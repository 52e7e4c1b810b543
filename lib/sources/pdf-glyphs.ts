/**
 * Text as a PDF's fonts map it back to Unicode, made plain: Chromium (Skia) and some CJK fonts map an ideograph
 * that shares its glyph with a radical to the radical's code point (⼀ U+2F00 for 一, ⼈ for 人, ⺠ U+2EA0 for 民),
 * so `⾏政复议` would not match `行政复议`. Kangxi radicals have a compatibility mapping (NFKC); the CJK radicals
 * supplement mostly does not, so the forms that are also common characters are listed here.
 */
const SUPPLEMENT: Record<string, string> = {
  '\u2e9f': '母', '\u2ea0': '民', '\u2ec4': '西', '\u2ec5': '见', '\u2ec6': '角', '\u2ec9': '贝', '\u2ecb': '车',
  '\u2ed3': '长', '\u2ed4': '门', '\u2ed8': '青', '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞', '\u2edd': '食',
  '\u2ee2': '马', '\u2ee3': '骨', '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee8': '麦', '\u2ee9': '黄',
  '\u2eec': '齐', '\u2eee': '齿', '\u2ef0': '龙', '\u2ef3': '龟',
};

const RADICALS = /[\u2e80-\u2eff\u2f00-\u2fdf]/;
const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

export function plainGlyphs(text: string): string {
  if (!RADICALS.test(text)) return text;
  return text.replace(RADICAL, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}
