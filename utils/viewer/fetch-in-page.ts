/**
 * Fetching a report PDF from the page's own origin, inside the tab (the content-script world, with the page's
 * cookies, as the page itself would load it): `fetchInPage` keeps the bytes in the page's extension world under a key,
 * `sliceInPage` hands them over in base64 slices (extension messaging carries JSON, not bytes), `dropInPage` forgets
 * them. Each runs through scripting.executeScript, so each uses nothing outside itself.
 */

export type InPageFetch =
  | { ok: true; size: number; contentType: string }
  | { ok: false; code: 'cross-origin' | 'too-large' | 'http' | 'network'; status?: number; size?: number; detail?: string };

export async function fetchInPage(url: string, maxBytes: number, key: string): Promise<InPageFetch> {
  const store = ((globalThis as { __govReportCheckerFetched__?: Record<string, Uint8Array> }).__govReportCheckerFetched__ ??= {});
  let target: URL;
  try {
    target = new URL(url, location.href);
  } catch {
    return { ok: false, code: 'network', detail: 'bad URL' };
  }
  if (target.origin !== location.origin) return { ok: false, code: 'cross-origin' };
  try {
    const response = await fetch(target.href, { credentials: 'include' });
    if (!response.ok) return { ok: false, code: 'http', status: response.status };
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) return { ok: false, code: 'too-large', size: declared };
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, code: 'too-large', size };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    store[key] = bytes;
    return { ok: true, size, contentType: response.headers.get('content-type') ?? '' };
  } catch (error) {
    return { ok: false, code: 'network', detail: error instanceof Error ? error.message : String(error) };
  }
}

export function sliceInPage(key: string, start: number, length: number): string | null {
  const bytes = (globalThis as { __govReportCheckerFetched__?: Record<string, Uint8Array> }).__govReportCheckerFetched__?.[key];
  if (!bytes) return null;
  const slice = bytes.subarray(start, start + length);
  let binary = '';
  for (let i = 0; i < slice.length; i += 0x8000) binary += String.fromCharCode(...slice.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function dropInPage(key: string): void {
  const store = (globalThis as { __govReportCheckerFetched__?: Record<string, Uint8Array> }).__govReportCheckerFetched__;
  if (store) delete store[key];
}
