import { describe, expect, test } from 'vitest';
import { PoliteFetcher, type PoliteDeps } from '../../lib/batch/polite-fetch';
import { BAD_INPUT, LIMITS } from '../../lib/sources/bad-input';
import { fetchFailure } from '../../utils/batch/check-fetched';

const SITE = 'http://www.example.gov.cn/list/index.html';
const url = (path: string) => new URL(path, SITE).href;

/** A fake site: each path answers as `routes` says, on a clock that only the fetcher's own sleeps move. */
function fakeSite(routes: Record<string, (signal: AbortSignal) => Promise<Response>>) {
  let clock = 0;
  let inFlight = 0;
  const log = { maxInFlight: 0, starts: [] as { url: string; at: number }[] };
  const deps: PoliteDeps = {
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    fetch: async (href, init) => {
      log.starts.push({ url: href, at: clock });
      inFlight++;
      log.maxInFlight = Math.max(log.maxInFlight, inFlight);
      try {
        const route = routes[new URL(href).pathname];
        if (!route) return new Response('not found', { status: 404 });
        return await route(init.signal as AbortSignal);
      } finally {
        inFlight--;
      }
    },
  };
  return { deps, log };
}

const ok = (body: string, headers: Record<string, string> = {}) => async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return new Response(body, { status: 200, headers: { 'content-type': 'text/html', ...headers } });
};
const hang = (signal: AbortSignal) =>
  new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

describe('PoliteFetcher', () => {
  test('at most 2 requests at once, and the gap between any two starts', async () => {
    const routes = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/r${i}.html`, ok(`page ${i}`)]));
    const { deps, log } = fakeSite(routes);
    const fetcher = new PoliteFetcher(SITE, { gapMs: 500 }, deps);
    const outcomes = await Promise.all(Object.keys(routes).map((path) => fetcher.get(url(path))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(log.maxInFlight).toBe(2);
    const gaps = log.starts.slice(1).map((s, i) => s.at - log.starts[i].at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
    expect(new TextDecoder().decode(outcomes[3].ok ? outcomes[3].body.bytes : undefined)).toBe('page 3');
  });

  test('never requests another host: the URL, or a redirect that leads there', async () => {
    const { deps, log } = fakeSite({
      '/moved.html': async () => new Response(null, { status: 302, headers: { location: 'http://login.other.gov.cn/sso' } }),
      '/same.html': async () => new Response(null, { status: 301, headers: { location: '/r.html' } }),
      '/r.html': ok('here'),
    });
    const fetcher = new PoliteFetcher(SITE, { gapMs: 1 }, deps);
    expect(await fetcher.get('http://www.other.gov.cn/a.html')).toEqual({
      ok: false,
      failure: { kind: 'other-host', url: 'http://www.other.gov.cn/a.html' },
      tries: 1,
    });
    expect(await fetcher.get(url('/moved.html'))).toEqual({
      ok: false,
      failure: { kind: 'other-host', url: 'http://login.other.gov.cn/sso' },
      tries: 1,
    });
    const same = await fetcher.get(url('/same.html'));
    expect(same.ok && same.body.url).toBe(url('/r.html'));
    expect(log.starts.map((s) => new URL(s.url).host)).toEqual(['www.example.gov.cn', 'www.example.gov.cn', 'www.example.gov.cn']);
  });

  test('a timeout is tried once more, then reported; a 404 is not retried', async () => {
    const { deps, log } = fakeSite({ '/slow.html': hang });
    const fetcher = new PoliteFetcher(SITE, { gapMs: 1, timeoutMs: 30 }, deps);
    expect(await fetcher.get(url('/slow.html'))).toEqual({ ok: false, failure: { kind: 'timeout' }, tries: 2 });
    expect(await fetcher.get(url('/missing.html'))).toEqual({ ok: false, failure: { kind: 'http', status: 404 }, tries: 1 });
    expect(log.starts.map((s) => new URL(s.url).pathname)).toEqual(['/slow.html', '/slow.html', '/missing.html']);
  });

  test('a 503 then a page: the retry succeeds', async () => {
    let calls = 0;
    const { deps } = fakeSite({
      '/flaky.html': async () => (++calls === 1 ? new Response('busy', { status: 503 }) : new Response('fine', { status: 200 })),
    });
    const outcome = await new PoliteFetcher(SITE, { gapMs: 1 }, deps).get(url('/flaky.html'));
    expect(outcome.ok && outcome.tries).toBe(2);
  });

  test('aborting stops a request in flight and those waiting for a slot', async () => {
    const { deps, log } = fakeSite({ '/a.html': hang, '/b.html': hang, '/c.html': hang });
    const fetcher = new PoliteFetcher(SITE, { gapMs: 1, timeoutMs: 60_000 }, deps);
    const controller = new AbortController();
    const pending = ['/a.html', '/b.html', '/c.html'].map((p) => fetcher.get(url(p), controller.signal));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const outcomes = await Promise.all(pending);
    expect(outcomes.map((o) => !o.ok && o.failure.kind)).toEqual(['aborted', 'aborted', 'aborted']);
    expect(log.starts).toHaveLength(2); // the third never started
  });

  test('a body over the limit is not kept', async () => {
    const { deps } = fakeSite({ '/big.html': async () => new Response('x'.repeat(100), { status: 200 }) });
    const outcome = await new PoliteFetcher(SITE, { gapMs: 1, maxBytes: 10 }, deps).get(url('/big.html'));
    expect(outcome).toEqual({ ok: false, failure: { kind: 'too-large', bytes: 100 }, tries: 1 });
  });
});

describe('the batch takes the files the engine takes', () => {
  test('a 30 MB attachment (under the engine limit) is fetched with the default options', async () => {
    const size = 30 * 1024 * 1024;
    const { deps } = fakeSite({
      '/report.pdf': async () =>
        new Response(new Uint8Array(size), { status: 200, headers: { 'content-type': 'application/pdf', 'content-length': String(size) } }),
    });
    const outcome = await new PoliteFetcher(SITE, { gapMs: 1 }, deps).get(url('/report.pdf'));
    expect(outcome.ok && outcome.body.bytes.length).toBe(size);
  });

  test('a file over the engine limit is refused before its body is read, with the engine’s bilingual message', async () => {
    const declared = LIMITS.maxBytes + 1024 * 1024;
    let bodyRead = false;
    const body = new ReadableStream(
      {
        pull() {
          bodyRead = true;
        },
      },
      { highWaterMark: 0 },
    );
    const { deps } = fakeSite({
      '/huge.pdf': async () => new Response(body, { status: 200, headers: { 'content-length': String(declared) } }),
    });
    const outcome = await new PoliteFetcher(SITE, { gapMs: 1 }, deps).get(url('/huge.pdf'));
    expect(outcome).toEqual({ ok: false, failure: { kind: 'too-large', bytes: declared }, tries: 1 });
    expect(bodyRead).toBe(false);
    if (outcome.ok || outcome.failure.kind !== 'too-large') return;
    const { why, reason } = fetchFailure(outcome.failure);
    expect(why).toBe('too-large');
    expect(reason).toEqual(BAD_INPUT.tooLarge(declared).reason);
    expect(reason.zh).toMatch(/^文件过大（51 MB，上限 50 MB）/);
    expect(reason.en).toMatch(/^file too large \(51 MB, limit 50 MB\)/);
  });
});
