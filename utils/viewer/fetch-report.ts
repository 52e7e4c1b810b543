/**
 * Getting a report PDF the user chose in the popup, and nothing else: only the URL given, only from
 * - the page's own origin, fetched inside the tab as the page would (fetch-in-page.ts), or
 * - an origin the user already granted the extension (its *.gov.cn host permission, or a site added on the options
 *   page), fetched by the viewer itself;
 * otherwise the viewer asks for that one site's permission (a button: the browser shows its prompt).
 * The file limits are the engine's (LIMITS.maxBytes); what the bytes are is for readPdf to say.
 */
import { browser } from 'wxt/browser';
import { BAD_INPUT, CANCELLED, LIMITS } from '@/lib/sources/bad-input';
import type { Bilingual } from '@/lib/rules/labels';
import { dropInPage, fetchInPage, sliceInPage, type InPageFetch } from './fetch-in-page';

export interface FetchedFile {
  bytes: Uint8Array;
  contentType: string;
  name: string;
}

export type FetchOutcome =
  | { ok: true; file: FetchedFile }
  | { ok: false; reason: Bilingual; /** The origin pattern to ask for, when only a permission is missing. */ permission?: string };

export interface FetchOptions {
  signal?: AbortSignal;
  onProgress?: (received: number, total: number | null) => void;
}

/** Base64 slices of 1 MB: well under the messaging limits, few enough round trips for 50 MB. */
const SLICE_BYTES = 1024 * 1024;

export async function fetchReport(src: string, tabId: number | null, options: FetchOptions = {}): Promise<FetchOutcome> {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return { ok: false, reason: badUrl(src) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: badUrl(src) };
  const name = fileNameOf(url);

  // Firefox shows a PDF tab in its own pdf.js viewer, a page no extension script may enter: the tab cannot fetch.
  let tabUnreadable = false;
  if (tabId !== null) {
    const viaTab = await fetchThroughTab(tabId, url.href, options).catch(() => null);
    if (viaTab && (viaTab.ok || !('crossOrigin' in viaTab))) return viaTab.ok ? { ok: true, file: { ...viaTab.file, name } } : viaTab;
    tabUnreadable = viaTab === null;
  }
  const permission = originPattern(url);
  if (!(await browser.permissions.contains({ origins: [permission] }).catch(() => false))) {
    const why = tabUnreadable ? TAB_UNREADABLE : { zh: '', en: '' };
    return {
      ok: false,
      permission,
      reason: {
        zh: `${why.zh}需要您允许本扩展读取 ${url.host} 上的文件，才能获取这份 PDF`,
        en: `${why.en}To get this PDF the extension needs your permission to read files from ${url.host}`,
      },
    };
  }
  return fetchDirectly(url, name, options);
}

/** Asks for one site's permission (call it from a click: the browser shows its prompt). */
export function requestOrigin(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] }).catch(() => false);
}

export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

type TabOutcome = { ok: true; file: Omit<FetchedFile, 'name'> } | { ok: false; reason: Bilingual } | { ok: false; crossOrigin: true };

async function fetchThroughTab(tabId: number, url: string, options: FetchOptions): Promise<TabOutcome> {
  const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const run = async <A extends unknown[], R>(func: (...args: A) => R, ...args: A): Promise<Awaited<R>> => {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func, args });
    return frame?.result as Awaited<R>;
  };
  const fetched = await run(fetchInPage, url, LIMITS.maxBytes, key);
  if (!fetched) throw new Error('no answer from the tab');
  if (!fetched.ok) return fetched.code === 'cross-origin' ? { ok: false, crossOrigin: true } : { ok: false, reason: fetchFailure(fetched) };
  try {
    const bytes = new Uint8Array(fetched.size);
    for (let start = 0; start < fetched.size; start += SLICE_BYTES) {
      if (options.signal?.aborted) return { ok: false, reason: CANCELLED.reason };
      const slice = await run(sliceInPage, key, start, SLICE_BYTES);
      if (slice === null) throw new Error('the page was closed or reloaded');
      bytes.set(fromBase64(slice), start);
      options.onProgress?.(Math.min(fetched.size, start + SLICE_BYTES), fetched.size);
    }
    return { ok: true, file: { bytes, contentType: fetched.contentType } };
  } finally {
    void run(dropInPage, key).catch(() => undefined);
  }
}

async function fetchDirectly(url: URL, name: string, options: FetchOptions): Promise<FetchOutcome> {
  try {
    const response = await fetch(url.href, { credentials: 'include', signal: options.signal });
    if (!response.ok) return { ok: false, reason: fetchFailure({ ok: false, code: 'http', status: response.status }) };
    const declared = Number(response.headers.get('content-length') ?? 0) || null;
    if (declared !== null && declared > LIMITS.maxBytes) return { ok: false, reason: fetchFailure({ ok: false, code: 'too-large', size: declared }) };
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > LIMITS.maxBytes) {
        await reader.cancel();
        return { ok: false, reason: fetchFailure({ ok: false, code: 'too-large', size }) };
      }
      chunks.push(value);
      options.onProgress?.(size, declared);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return { ok: true, file: { bytes, contentType: response.headers.get('content-type') ?? '', name } };
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, reason: CANCELLED.reason };
    return { ok: false, reason: fetchFailure({ ok: false, code: 'network', detail: error instanceof Error ? error.message : String(error) }) };
  }
}

const TAB_UNREADABLE: Bilingual = {
  zh: '浏览器不允许扩展从该标签页读取这份 PDF（Firefox 自带的 PDF 阅读器即如此）。',
  en: 'The browser does not let extensions read this PDF from its tab (Firefox’s own PDF viewer does not). ',
};

function fetchFailure(failure: Extract<InPageFetch, { ok: false }>): Bilingual {
  switch (failure.code) {
    case 'http':
      return { zh: `下载 PDF 失败（HTTP ${failure.status}）`, en: `could not download the PDF (HTTP ${failure.status})` };
    case 'too-large':
      return BAD_INPUT.tooLarge(failure.size ?? 0).reason;
    default:
      return { zh: `下载 PDF 失败（${failure.detail ?? '网络错误'}）`, en: `could not download the PDF (${failure.detail ?? 'network error'})` };
  }
}

function badUrl(src: string): Bilingual {
  return { zh: `不是可获取的网址：${src}`, en: `not a URL that can be fetched: ${src}` };
}

function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').pop() || url.hostname;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
