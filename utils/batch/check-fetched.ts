/**
 * One fetched body → what the batch row says: checked (the engine's result), or why it could not be. Runs in the
 * results page (an extension page), never in the report's tab: a page's bytes are decoded by its declared charset
 * (lib/html-encoding.ts, GBK included), parsed by DOMParser (no script runs, nothing loads) and checked through the
 * DOM adapter in slices, so the results page stays responsive; a PDF or Word attachment goes through the engine's
 * file inputs (`FileReader`).
 */
import { blockedByContent, blockedByStatus } from '@/lib/batch/blocked-page';
import type { FetchFailure, FetchedBody } from '@/lib/batch/polite-fetch';
import { checkDocumentSteps } from '@/lib/check';
import type { CheckResult } from '@/lib/findings';
import { sniffHtmlEncoding } from '@/lib/html-encoding';
import type { Bilingual } from '@/lib/rules/labels';
import type { SourceDocument } from '@/lib/cell-source';
import { describeMediaType, documentKind, whyNotHtml } from '@/lib/sniff';
import { BAD_INPUT } from '@/lib/sources/bad-input';
import { fromDomSteps } from '@/lib/sources/dom';
import type { FailureKind } from './job';
import { Slices } from '../time-slices';

export type Checked = { kind: 'checked'; result: CheckResult } | { kind: 'failed'; why: FailureKind; reason: Bilingual };

/** Reads a PDF or Word file into a SourceDocument (the results page: utils/batch/read-file-in-page.ts; tests: the CLI's reader). */
export type FileReader = (
  kind: 'pdf' | 'docx',
  bytes: Uint8Array,
) => Promise<{ document: SourceDocument<unknown> } | { reason: Bilingual }>;

/** How long one slice of reading or checking may run before the results page gets a turn. */
const SLICE_MS = 30;
const newSlices = () => new Slices({ sliceMs: SLICE_MS, pause: () => new Promise((resolve) => setTimeout(resolve, 0)) });

export async function checkFetched(body: FetchedBody, readFile: FileReader): Promise<Checked> {
  const kind = documentKind(new URL(body.url).pathname, body.bytes, body.contentType);
  if (kind !== 'html') {
    const read = await readFile(kind, body.bytes);
    if ('reason' in read) return { kind: 'failed', why: 'not-html', reason: read.reason };
    const { result } = await newSlices().run('check', checkDocumentSteps(read.document, { url: body.url }));
    return { kind: 'checked', result };
  }
  const notHtml = describeMediaType(body.contentType) ?? whyNotHtml(body.bytes);
  if (notHtml) return { kind: 'failed', why: 'not-html', reason: notHtml };
  const doc = parseHtml(body.bytes, body.contentType);
  const slices = newSlices();
  const source = await slices.run('read', fromDomSteps(doc, slices.shouldPause));
  const { result } = await slices.run('check', checkDocumentSteps(source, { url: body.url }));
  if (result.status === 'no-report') {
    const blocked = blockedByContent(source.title, source.bodyText);
    if (blocked) return { kind: 'failed', why: 'blocked', reason: blocked };
  }
  return { kind: 'checked', result };
}

/** Bytes → a parsed document, decoded as the page declares (BOM, HTTP charset, <meta>), GB18030 as the fallback. */
export function parseHtml(bytes: Uint8Array, contentType: string | null): Document {
  return new DOMParser().parseFromString(decodeHtml(bytes, contentType), 'text/html');
}

export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  const { encoding, skip } = sniffHtmlEncoding(bytes, contentType, canDecode);
  return new TextDecoder(encoding).decode(bytes.subarray(skip));
}

function canDecode(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** What a failed fetch means for the row, in both languages. */
export function fetchFailure(failure: Exclude<FetchFailure, { kind: 'aborted' }>): { why: FailureKind; reason: Bilingual } {
  switch (failure.kind) {
    case 'http': {
      if (failure.status === 404 || failure.status === 410) {
        return { why: 'not-found', reason: { zh: `页面不存在（HTTP ${failure.status}）`, en: `page not found (HTTP ${failure.status})` } };
      }
      const blocked = blockedByStatus(failure.status);
      if (blocked) return { why: 'blocked', reason: { zh: `${blocked.zh}（HTTP ${failure.status}）`, en: `${blocked.en} (HTTP ${failure.status})` } };
      return { why: 'http', reason: { zh: `网站返回错误（HTTP ${failure.status}）`, en: `the site answered with an error (HTTP ${failure.status})` } };
    }
    case 'timeout':
      return { why: 'timeout', reason: { zh: '超时：网站长时间未响应（已重试一次）', en: 'timed out: the site did not answer (tried twice)' } };
    case 'network':
      return { why: 'network', reason: { zh: `网络错误：${failure.message}`, en: `network error: ${failure.message}` } };
    case 'other-host':
      return {
        why: 'redirect',
        reason: { zh: `跳转到其他网站（${hostOf(failure.url)}），未访问`, en: `redirects to another site (${hostOf(failure.url)}): not followed` },
      };
    case 'redirect':
      return { why: 'redirect', reason: { zh: '页面跳转，未跟随', en: 'the page redirects: not followed' } };
    case 'too-large':
      return { why: 'too-large', reason: BAD_INPUT.tooLarge(failure.bytes).reason };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
