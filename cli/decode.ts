/**
 * Bytes → HTML text, choosing the encoding the way a browser does (lib/html-encoding.ts), decoding with iconv-lite.
 */
import iconv from 'iconv-lite';
import { sniffHtmlEncoding, type HtmlEncoding } from '../lib/html-encoding';

export interface DecodedHtml {
  text: string;
  /** The encoding used, as a WHATWG-style name (`utf-8`, `gb18030`, `windows-1252`…). */
  encoding: string;
  /** Where the encoding came from. */
  source: HtmlEncoding['source'];
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const { encoding, source, skip } = sniffHtmlEncoding(bytes, contentType, (label) => iconv.encodingExists(label));
  return { text: decodeAs(bytes.subarray(skip), encoding), encoding, source };
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}
