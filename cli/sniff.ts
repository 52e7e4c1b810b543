/** Is this byte stream an HTML page we can check? Recognises what government sites publish instead: PDFs, images, Office files. */

import type { Bilingual } from '../lib/rules/labels';

const NOT_CHECKABLE = '此处无法检查（只能检查 HTML 页面中的表格）';
const NOT_CHECKABLE_EN = 'not checkable here (only tables in an HTML page can be checked)';

const SIGNATURES: { bytes: number[]; zh: string; en: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], zh: 'PDF 文件', en: 'PDF file' }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47], zh: '图片（PNG）', en: 'image (PNG)' },
  { bytes: [0xff, 0xd8, 0xff], zh: '图片（JPEG）', en: 'image (JPEG)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], zh: '图片（GIF）', en: 'image (GIF)' }, // GIF8
  { bytes: [0x50, 0x4b, 0x03, 0x04], zh: 'Office 文档或压缩包（docx/xlsx/zip）', en: 'Office document or archive (docx/xlsx/zip)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], zh: 'Office 文档（doc/xls）', en: 'Office document (doc/xls)' },
];

/** Media types that are never an HTML page, by the Content-Type of an HTTP response. */
export function describeMediaType(contentType: string | null): Bilingual | null {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  if (type === 'application/pdf') return notCheckable('PDF 文件', 'PDF file');
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
