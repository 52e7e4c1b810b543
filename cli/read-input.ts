/**
 * Command-line inputs → HTML text, or the bytes of a PDF or Word file (read by cli/check-page.ts). A file is
 * read, a directory expands to every .html/.htm/.pdf/.docx inside (recursively, sorted), an http(s) URL is fetched.
 * Every failure becomes a bilingual reason, never an exception, so one bad input does not stop the others.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bilingual } from '../lib/rules/labels';
import type { DocumentFile } from './read-document';
import { decodeHtml } from './decode';
import { describeMediaType, documentKind, whyNotHtml } from '../lib/sniff';

export type ReadOutcome =
  | { ok: true; input: string; html: string; url: string | null; encoding: string }
  | { ok: true; input: string; file: DocumentFile; url: string | null }
  | { ok: false; input: string; reason: Bilingual };

export interface ReadOptions {
  /** Give up on a URL after this long. */
  timeoutMs?: number;
}

/** Larger inputs are refused before reading: no report page is anywhere near this. */
const MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 20_000;
const CHECKED_FILE = /\.(?:html?|pdf|docx)$/i;


/** Each input in order; a directory yields one outcome per page inside it. */
export async function* readInputs(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<ReadOutcome> {
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      yield await fetchPage(input, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      continue;
    }
    const kind = await pathKind(input);
    if (kind === 'dir') {
      const unreadable: ReadOutcome[] = [];
      const files = await listCheckedFiles(input, unreadable);
      yield* unreadable;
      if (files.length > 0) for (const file of files) yield await readPage(file);
      else if (unreadable.length === 0) {
        yield { ok: false, input, reason: { zh: '目录中没有 .html/.htm/.pdf/.docx 文件', en: 'no .html/.htm/.pdf/.docx file in this directory' } };
      }
    } else if (kind === 'file') yield await readPage(input);
    else yield { ok: false, input, reason: kind.reason };
  }
}

async function pathKind(path: string): Promise<'file' | 'dir' | { reason: Bilingual }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return 'dir';
    if (info.isFile()) return 'file';
    return { reason: { zh: '不是普通文件或目录', en: 'not a regular file or directory' } };
  } catch (error) {
    return { reason: fileErrorReason(error) };
  }
}

/** Every .html/.htm/.pdf/.docx file under `dir`, sorted; directories that cannot be read are added to `unreadable`. */
async function listCheckedFiles(dir: string, unreadable: ReadOutcome[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    unreadable.push({ ok: false, input: dir, reason: fileErrorReason(error) });
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listCheckedFiles(path, unreadable)));
    else if (CHECKED_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) files.push(path);
  }
  return files.sort();
}

async function readPage(path: string): Promise<ReadOutcome> {
  try {
    const info = await stat(path);
    if (info.size > MAX_BYTES) return { ok: false, input: path, reason: tooLarge(info.size) };
    return fromBytes(path, new Uint8Array(await readFile(path)), null, null);
  } catch (error) {
    return { ok: false, input: path, reason: fileErrorReason(error) };
  }
}

async function fetchPage(url: string, timeoutMs: number): Promise<ReadOutcome> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' },
    });
    if (!response.ok) {
      await response.body?.cancel();
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return { ok: false, input: url, reason: { zh: `服务器返回 ${status}`, en: `the server answered ${status}` } };
    }
    const contentType = response.headers.get('content-type');
    const notPage = describeMediaType(contentType);
    if (notPage) {
      await response.body?.cancel();
      return { ok: false, input: url, reason: notPage };
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_BYTES) {
      await response.body?.cancel();
      return { ok: false, input: url, reason: tooLarge(length) };
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_BYTES) return { ok: false, input: url, reason: tooLarge(bytes.length) };
    return fromBytes(url, bytes, contentType, response.url || url);
  } catch (error) {
    return { ok: false, input: url, reason: fetchErrorReason(error, timeoutMs) };
  }
}

function fromBytes(input: string, bytes: Uint8Array, contentType: string | null, url: string | null): ReadOutcome {
  const kind = documentKind(url ? new URL(url).pathname : input, bytes, contentType);
  if (kind !== 'html') return { ok: true, input, file: { kind, bytes }, url };
  const notHtml = whyNotHtml(bytes);
  if (notHtml) return { ok: false, input, reason: notHtml };
  const decoded = decodeHtml(bytes, contentType);
  return { ok: true, input, html: decoded.text, url, encoding: decoded.encoding };
}

function tooLarge(bytes: number): Bilingual {
  const mb = (bytes / 1024 / 1024).toFixed(0);
  return { zh: `文件过大（${mb} MB），不检查`, en: `too large (${mb} MB), not checked` };
}

function fileErrorReason(error: unknown): Bilingual {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return { zh: '文件或目录不存在', en: 'no such file or directory' };
    case 'EACCES':
    case 'EPERM':
      return { zh: '没有读取权限', en: 'permission denied' };
    case 'EISDIR':
      return { zh: '是目录，不是文件', en: 'is a directory' };
    default:
      return { zh: `无法读取（${code ?? errorMessage(error)}）`, en: `cannot read (${code ?? errorMessage(error)})` };
  }
}

function fetchErrorReason(error: unknown, timeoutMs: number): Bilingual {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    const seconds = Math.round(timeoutMs / 1000);
    return { zh: `${seconds} 秒内没有下载完成（超时）`, en: `timed out after ${seconds} s` };
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? errorMessage(error);
  return { zh: `无法下载（${detail}）`, en: `could not fetch (${detail})` };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
