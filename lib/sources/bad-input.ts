/**
 * The limits on a PDF or Word input and the bilingual reasons an input is refused. The file sources (pdf.ts,
 * docx.ts) return one of these instead of throwing, so the CLI and the report viewer show the same words.
 */
import type { Bilingual } from '../rules/labels';
import type { SourceDocument } from '../cell-source';

export const LIMITS = {
  /** Bytes of a PDF or .docx file. */
  maxBytes: 50 * 1024 * 1024,
  maxPdfPages: 200,
  /** Reading one file gives up after this long. */
  timeLimitMs: 30_000,
  /** A .docx is a zip: the bytes all its entries may inflate to, and how many entries it may have. */
  maxDocxInflatedBytes: 100 * 1024 * 1024,
  maxDocxEntries: 2_000,
} as const;

export type BadInputCode =
  | 'empty'
  | 'too-large'
  | 'too-many-pages'
  | 'not-pdf'
  | 'truncated'
  | 'damaged'
  | 'encrypted'
  | 'scanned'
  | 'timeout'
  | 'not-docx'
  | 'legacy-word'
  | 'zip-bomb'
  /** The caller stopped the reading (the viewer's cancel button). */
  | 'cancelled';

export interface BadInput {
  ok: false;
  code: BadInputCode;
  reason: Bilingual;
}

/** What a file source gives: the document (and what the source adds, e.g. page sizes), or why not. */
export type SourceRead<Ref, Extra = unknown> = ({ ok: true; document: SourceDocument<Ref> } & Extra) | BadInput;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 1 : 0);

export const BAD_INPUT = {
  empty: (): BadInput => bad('empty', '空文件，没有内容', 'empty file: nothing to check'),
  tooLarge: (bytes: number): BadInput =>
    bad('too-large', `文件过大（${mb(bytes)} MB，上限 ${mb(LIMITS.maxBytes)} MB），不检查`, `file too large (${mb(bytes)} MB, limit ${mb(LIMITS.maxBytes)} MB); not checked`),
  tooManyPages: (pages: number): BadInput =>
    bad('too-many-pages', `PDF 页数过多（${pages} 页，上限 ${LIMITS.maxPdfPages} 页），不检查`, `PDF has too many pages (${pages}, limit ${LIMITS.maxPdfPages}); not checked`),
  notPdf: (): BadInput => bad('not-pdf', '不是 PDF 文件（没有 %PDF- 文件头），无法核验', 'not a PDF file (no %PDF- header); cannot check'),
  truncated: (): BadInput =>
    bad('truncated', 'PDF 文件不完整（缺少文件结尾，可能下载中断），无法核验', 'incomplete PDF (its end is missing: an interrupted download?); cannot check'),
  damaged: (detail: string): BadInput => bad('damaged', `PDF 文件已损坏，无法读取（${detail}）`, `damaged PDF, cannot read it (${detail})`),
  encrypted: (): BadInput => bad('encrypted', 'PDF 已加密，需要密码才能打开，无法核验', 'encrypted PDF: it needs a password to open; cannot check'),
  scanned: (): BadInput => bad('scanned', '扫描件 PDF，没有文字层，无法核验', 'scanned PDF without a text layer; cannot check'),
  timeout: (seconds: number): BadInput => bad('timeout', `读取文件超时（${seconds} 秒），不检查`, `reading the file timed out (${seconds} s); not checked`),
  notDocx: (detail: string): BadInput => bad('not-docx', `不是有效的 .docx 文件（${detail}），无法核验`, `not a valid .docx file (${detail}); cannot check`),
  legacyWord: (): BadInput =>
    bad('legacy-word', '旧版 Word/WPS 二进制文件（.doc/.wps），无法核验：请另存为 .docx 或 PDF', 'binary .doc/.wps file: cannot check it; save it as .docx or PDF'),
  zipBomb: (detail: string): BadInput =>
    bad('zip-bomb', `.docx 压缩包超出限制（${detail}），可能是压缩炸弹，不检查`, `.docx archive beyond the limits (${detail}): a zip bomb?; not checked`),
};

/** Not bad input as such: the reading was stopped by whoever asked for it. */
export const CANCELLED: BadInput = { ok: false, code: 'cancelled', reason: { zh: '已取消', en: 'cancelled' } };

function bad(code: BadInputCode, zh: string, en: string): BadInput {
  return { ok: false, code, reason: { zh, en } };
}

/** The OLE2 compound file signature: .doc, .wps, .xls (and other old Office binaries). */
export function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 && bytes[4] === 0xa1 && bytes[5] === 0xb1 && bytes[6] === 0x1a && bytes[7] === 0xe1;
}

/** Runs `work` but gives up at `deadline` (ms since the epoch), calling `cancel` so the work stops too. */
export async function beforeDeadline<T>(work: Promise<T>, deadline: number, cancel: () => void): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadline - Date.now()));
  });
  try {
    const outcome = await Promise.race([work, timeout]);
    if (outcome === TIMED_OUT) cancel();
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}

export const TIMED_OUT: unique symbol = Symbol('timed out');
