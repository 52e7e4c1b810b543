/**
 * Fetching a site's own pages for a batch, politely: at most `concurrency` requests at once (2), a pause between
 * the starts of two requests, a timeout, one retry after a transient failure. Every URL is checked against the
 * site before any request (and so is every redirect, which is followed by hand), so no request reaches another
 * host. Standard fetch only: the extension's results page runs it; tests give it a fake fetch and clock.
 */
import { LIMITS } from '../sources/bad-input';
import { sameSite } from './column-links';

export interface PoliteOptions {
  /** Requests in flight at most. */
  concurrency: number;
  /** Milliseconds between the starts of two requests. */
  gapMs: number;
  /** Milliseconds until a request (headers and body) is given up. */
  timeoutMs: number;
  /** Tries after the first, for a timeout, a network error, HTTP 429 or 5xx. */
  retries: number;
  /** A response body above this many bytes is not read (by default the engine's own document limit). */
  maxBytes: number;
  /** Redirects followed (same site only). */
  maxRedirects: number;
}

export const POLITE_DEFAULTS: PoliteOptions = {
  concurrency: 2,
  gapMs: 1000,
  timeoutMs: 20_000,
  retries: 1,
  maxBytes: LIMITS.maxBytes,
  maxRedirects: 3,
};

export interface FetchedBody {
  /** The URL the body came from, after same-site redirects. */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
}

export type FetchFailure =
  | { kind: 'http'; status: number }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string }
  /** The URL, or a redirect, leads to another host: not requested. */
  | { kind: 'other-host'; url: string }
  /** A redirect the browser does not let us see (opaque): not followed. */
  | { kind: 'redirect' }
  | { kind: 'too-large'; bytes: number }
  /** The batch was paused or cancelled while the request waited or ran. */
  | { kind: 'aborted' };

type Once = { ok: true; body: FetchedBody } | { ok: false; failure: FetchFailure };
export type FetchOutcome = Once & { tries: number };

export interface PoliteDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
}

const realDeps = (): PoliteDeps => ({
  fetch: (url, init) => fetch(url, init),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const onAbort = () => (clearTimeout(timer), resolve());
      const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  now: () => Date.now(),
});

export class PoliteFetcher {
  private readonly options: PoliteOptions;
  private readonly deps: PoliteDeps;
  private inFlight = 0;
  private lastStart = -Infinity;
  private waiting: (() => void)[] = [];
  /** Starts are granted one after another, so the gap holds between any two. */
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly siteUrl: string,
    options: Partial<PoliteOptions> = {},
    deps: Partial<PoliteDeps> = {},
  ) {
    this.options = { ...POLITE_DEFAULTS, ...options };
    this.deps = { ...realDeps(), ...deps };
  }

  /** Fetches `url` (same site only), with the retries; `signal` stops waiting and aborts the request. */
  async get(url: string, signal?: AbortSignal): Promise<FetchOutcome> {
    let tries = 0;
    for (;;) {
      tries++;
      const outcome = await this.once(url, signal);
      if (outcome.ok || !transient(outcome.failure) || tries > this.options.retries) return { ...outcome, tries };
      await this.deps.sleep(this.options.gapMs, signal);
      if (signal?.aborted) return { ok: false, failure: { kind: 'aborted' }, tries };
    }
  }

  private async once(url: string, signal?: AbortSignal): Promise<Once> {
    let current = url;
    for (let hop = 0; ; hop++) {
      if (!sameSite(current, this.siteUrl)) return { ok: false, failure: { kind: 'other-host', url: current } };
      const release = await this.acquire(signal);
      if (!release) return { ok: false, failure: { kind: 'aborted' } };
      let answer: Answer;
      try {
        answer = await this.request(current, signal);
      } finally {
        release();
      }
      if ('failure' in answer) return { ok: false, failure: answer.failure };
      if (answer.redirect === 'opaque') return { ok: false, failure: { kind: 'redirect' } };
      if (answer.redirect !== null) {
        if (hop >= this.options.maxRedirects) return { ok: false, failure: { kind: 'redirect' } };
        current = new URL(answer.redirect, current).href;
        continue;
      }
      if (answer.status < 200 || answer.status > 299) return { ok: false, failure: { kind: 'http', status: answer.status } };
      return { ok: true, body: { url: current, status: answer.status, contentType: answer.contentType, bytes: answer.bytes } };
    }
  }

  /** One request, headers and body under one timeout; a redirect comes back unfollowed (`redirect: 'manual'`). */
  private async request(url: string, signal?: AbortSignal): Promise<Answer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await this.deps.fetch(url, { redirect: 'manual', credentials: 'omit', signal: controller.signal });
      const contentType = response.headers.get('content-type');
      if (response.type === 'opaqueredirect') return { status: 0, contentType, redirect: 'opaque', bytes: EMPTY };
      if (isRedirect(response.status)) {
        const location = response.headers.get('location');
        if (!location) return { failure: { kind: 'http', status: response.status } };
        return { status: response.status, contentType, redirect: location, bytes: EMPTY };
      }
      if (!response.ok) return { status: response.status, contentType, redirect: null, bytes: EMPTY };
      const declared = Number(response.headers.get('content-length'));
      if (declared > this.options.maxBytes) return { failure: { kind: 'too-large', bytes: declared } };
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length > this.options.maxBytes) return { failure: { kind: 'too-large', bytes: bytes.length } };
      return { status: response.status, contentType, redirect: null, bytes };
    } catch (error) {
      if (signal?.aborted) return { failure: { kind: 'aborted' } };
      if (controller.signal.aborted) return { failure: { kind: 'timeout' } };
      return { failure: { kind: 'network', message: error instanceof Error ? error.message : String(error) } };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Waits for a free slot and for the gap since the last start; the release function, or null when aborted. */
  private acquire(signal?: AbortSignal): Promise<(() => void) | null> {
    const granted = this.turn.then(async () => {
      while (this.inFlight >= this.options.concurrency) {
        if (signal?.aborted) return null;
        await new Promise<void>((resolve) => this.waiting.push(resolve));
      }
      const wait = this.lastStart + this.options.gapMs - this.deps.now();
      if (wait > 0) await this.deps.sleep(wait, signal);
      if (signal?.aborted) return null;
      this.lastStart = this.deps.now();
      this.inFlight++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        this.inFlight--;
        this.waiting.shift()?.();
      };
    });
    this.turn = granted.then(() => undefined);
    return granted;
  }
}

const EMPTY = new Uint8Array(0);

type Answer =
  | { status: number; contentType: string | null; redirect: string | 'opaque' | null; bytes: Uint8Array }
  | { failure: FetchFailure };

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

function transient(failure: FetchFailure): boolean {
  if (failure.kind === 'timeout' || failure.kind === 'network') return true;
  return failure.kind === 'http' && (failure.status === 429 || failure.status >= 500);
}
