/**
 * Bytes → HTML text, choosing the encoding the way a browser does (WHATWG "determine the character encoding",
 * simplified): a BOM wins, then the HTTP Content-Type charset, then a <meta> in the first 1024 bytes.
 * Without any of these we take UTF-8, or GB18030 when the bytes are not valid UTF-8 (what a zh-CN browser would
 * fall back to for a Chinese government page).
 */
import iconv from 'iconv-lite';

/** Browsers only prescan this many bytes for a <meta> charset. */
const PRESCAN_BYTES = 1024;

export interface DecodedHtml {
  text: string;
  /** The encoding used, as a WHATWG-style name (`utf-8`, `gb18030`, `windows-1252`…). */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'http' | 'meta' | 'default' | 'fallback';
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, source: 'bom' };

  const fromHeader = contentType ? supportedEncoding(charsetParam(contentType)) : null;
  if (fromHeader) return { text: decodeAs(bytes, fromHeader), encoding: fromHeader, source: 'http' };

  const fromMeta = supportedEncoding(metaCharset(bytes));
  if (fromMeta) return { text: decodeAs(bytes, fromMeta), encoding: fromMeta, source: 'meta' };

  if (isValidUtf8(bytes)) return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', source: 'default' };
  return { text: decodeAs(bytes, 'gb18030'), encoding: 'gb18030', source: 'fallback' };
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** The `charset` parameter of a Content-Type value, e.g. `text/html; charset="GBK"` → `GBK`. */
function charsetParam(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? match[3]).trim() : null;
}

/**
 * The charset a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` declares within the
 * first 1024 bytes. Comments are skipped, as the browser prescan does.
 */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1').replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const [tag] of head.matchAll(/<meta[\s/][^>]*>?/gi)) {
    const attrs = attributes(tag);
    if (attrs.charset) return attrs.charset.trim();
    if (attrs['http-equiv']?.trim().toLowerCase() === 'content-type' && attrs.content) {
      const match = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(attrs.content);
      if (match) return (match[1] ?? match[2] ?? match[3]).trim();
    }
  }
  return null;
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.slice('<meta'.length).matchAll(/([^\s=/>]+)\s*(?:=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/g)) {
    const name = m[1].toLowerCase();
    if (!(name in attrs)) attrs[name] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

/**
 * The encoding to decode a declared label with, or null when we cannot decode it. GB2312 and GBK are decoded
 * as GB18030, their superset, as WHATWG specifies; a declared UTF-16 in a meta means UTF-8 (the page was
 * already read as ASCII to find it).
 */
function supportedEncoding(label: string | null): string | null {
  if (!label) return null;
  const name = label.trim().toLowerCase();
  if (['gb2312', 'gbk', 'x-gbk', 'gb18030', 'gb_2312-80', 'chinese', 'csgb2312', 'iso-ir-58'].includes(name)) return 'gb18030';
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(name) || name.startsWith('utf-16')) return 'utf-8';
  if (['iso-8859-1', 'latin1', 'ascii', 'us-ascii'].includes(name)) return 'windows-1252';
  return iconv.encodingExists(name) ? name : null;
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
