/**
 * Which encoding an HTML page's bytes are in, the way a browser decides (WHATWG "determine the character encoding",
 * simplified): a BOM wins, then the HTTP Content-Type charset, then a <meta> in the first 1024 bytes. Without any of
 * these: UTF-8, or GB18030 when the bytes are not valid UTF-8 (what a zh-CN browser falls back to for a Chinese
 * government page). Pure and platform-free: the CLI decodes with iconv-lite, the extension with TextDecoder.
 */

/** Browsers only prescan this many bytes for a <meta> charset. */
const PRESCAN_BYTES = 1024;

export interface HtmlEncoding {
  /** A WHATWG-style name (`utf-8`, `gb18030`, `windows-1252`…). */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'http' | 'meta' | 'default' | 'fallback';
  /** Bytes of BOM to skip before decoding. */
  skip: number;
}

/**
 * `canDecode(label)` says whether the caller's decoder knows an encoding label that is none of the common ones
 * named here (GB family, UTF-8, Latin-1); an unknown label is ignored, as browsers do.
 */
export function sniffHtmlEncoding(
  bytes: Uint8Array,
  contentType: string | null | undefined,
  canDecode: (label: string) => boolean,
): HtmlEncoding {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom.encoding, source: 'bom', skip: bom.length };

  const fromHeader = contentType ? supportedEncoding(charsetParam(contentType), canDecode) : null;
  if (fromHeader) return { encoding: fromHeader, source: 'http', skip: 0 };

  const fromMeta = supportedEncoding(metaCharset(bytes), canDecode);
  if (fromMeta) return { encoding: fromMeta, source: 'meta', skip: 0 };

  if (isValidUtf8(bytes)) return { encoding: 'utf-8', source: 'default', skip: 0 };
  return { encoding: 'gb18030', source: 'fallback', skip: 0 };
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
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES)).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
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

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
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
function supportedEncoding(label: string | null, canDecode: (label: string) => boolean): string | null {
  if (!label) return null;
  const name = label.trim().toLowerCase();
  if (['gb2312', 'gbk', 'x-gbk', 'gb18030', 'gb_2312-80', 'chinese', 'csgb2312', 'iso-ir-58'].includes(name)) return 'gb18030';
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(name) || name.startsWith('utf-16')) return 'utf-8';
  if (['iso-8859-1', 'latin1', 'ascii', 'us-ascii'].includes(name)) return 'windows-1252';
  return canDecode(name) ? name : null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
