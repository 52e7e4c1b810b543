/**
 * What an input is: a PDF or a Word file (read by lib/sources/pdf.ts and docx.ts), or else an HTML page we can check,
 * or something else government sites publish (images, spreadsheets), said so.
 */

import type { Bilingual } from './rules/labels';
import { isOle2 } from './sources/bad-input';

export type DocumentKind = 'pdf' | 'docx' | 'html';

const PDF_NAME = /\.pdf$/i;
const WORD_NAME = /\.(?:docx|docm|dotx|doc|dot|wps|wpt)$/i;
const OTHER_OFFICE_NAME = /\.(?:xlsx?|pptx?|et|dps)$/i;

/**
 * Which reader an input goes to: by its first bytes (%PDF-, a zip, an old Office binary), else by its name or media
 * type (a file named .pdf that is not a PDF is still read as one, so it is refused as "not a PDF").
 */
export function documentKind(name: string, bytes: Uint8Array, contentType: string | null = null): DocumentKind {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if ((zip || isOle2(bytes)) && !OTHER_OFFICE_NAME.test(name)) return 'docx';
  if (PDF_NAME.test(name) || type === 'application/pdf') return 'pdf';
  if (WORD_NAME.test(name) || type.includes('wordprocessingml') || type === 'application/msword') return 'docx';
  return 'html';
}

const NOT_CHECKABLE = '此处无法检查（只能检查 HTML 页面、PDF 和 .docx 中的表格）';
const NOT_CHECKABLE_EN = 'not checkable here (only tables in an HTML page, a PDF or a .docx can be checked)';

const SIGNATURES: { bytes: number[]; zh: string; en: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], zh: '图片（PNG）', en: 'image (PNG)' },
  { bytes: [0xff, 0xd8, 0xff], zh: '图片（JPEG）', en: 'image (JPEG)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], zh: '图片（GIF）', en: 'image (GIF)' }, // GIF8
  { bytes: [0x50, 0x4b, 0x03, 0x04], zh: 'Office 表格、演示文稿或压缩包（xlsx/pptx/zip）', en: 'spreadsheet, slides or archive (xlsx/pptx/zip)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], zh: 'Office 表格或演示文稿（xls/ppt）', en: 'spreadsheet or slides (xls/ppt)' },
];

/** Media types that are never a page or document we read, by the Content-Type of an HTTP response. */
export function describeMediaType(contentType: string | null): Bilingual | null {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  if (type === 'application/pdf' || type.includes('wordprocessingml') || type === 'application/msword') return null;
  if (type.startsWith('image/')) return notCheckable(`图片（${type}）`, `image (${type})`);
  if (type.startsWith('video/') || type.startsWith('audio/')) return notCheckable(`音视频（${type}）`, `media (${type})`);
  if (/msword|ms-excel|officedocument|\bzip\b/.test(type)) {
    return notCheckable(`非网页文件（${type}）`, `not a web page (${type})`);
  }
  return null;
}

/** Why these bytes are not an HTML page, or null when they may be one. */
export function whyNotHtml(bytes: Uint8Array): Bilingual | null {
  if (bytes.length === 0) return { zh: '空文件，没有内容', en: 'empty: nothing to check' };
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((b, i) => bytes[i] === b)) return notCheckable(signature.zh, signature.en);
  }
  if (looksBinary(bytes)) return { zh: '不是 HTML 页面（二进制数据）', en: 'not an HTML page (binary data)' };
  return null;
}

function notCheckable(zh: string, en: string): Bilingual {
  return { zh: `${zh}：${NOT_CHECKABLE}`, en: `${en}: ${NOT_CHECKABLE_EN}` };
}

/**
 * Text (in any ASCII-compatible encoding, or UTF-16 with a BOM) has no NUL bytes and few control characters.
 * Only the head is sampled, like a browser's sniffer.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return false;
  const sample = bytes.subarray(0, 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > sample.length * 0.05;
}
