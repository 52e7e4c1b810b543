/**
 * End-to-end harness: the built extension in Debian's Chromium, pages served from 127.0.0.1 under *.gov.cn names.
 *
 *   const server = await serve();                 // static server on a random port
 *   const browser = await launch();               // Chromium with .output/chrome-mv3 loaded
 *   const page = await openPage(browser.context, govUrl(server, '/fixtures/seed-004.html'));
 *   browser.extensionId                           // from the background service worker's URL
 *   await sendToTab(browser, page, { type: 'get-result' })   // a ContentRequest, as the popup sends it
 *   await injectFile(browser, page, 'engine.js') // as scripting.executeScript({ files }) does
 *   await browser.close(); await server.close();
 *
 * URL space of the server (one origin, six roots):
 *   /fixtures/…   test/fixtures/pages   (generated seed pages in several markups)
 *   /e2e/…        test/e2e/pages        (e2e-only pages: strict CSP, delayed table, tab, SPA, huge)
 *   /realworld/…  ../shared/realworld   (real published pages, read in place)
 *   /documents/…  test/fixtures/documents (PDF and .docx reports made from the seeds)
 *   /cross-year/… test/fixtures/cross-year, /column/… test/fixtures/column (the batch's 年报 list pages)
 * `?csp=strict` on any URL adds `Content-Security-Policy: default-src 'none'; style-src 'none'` (CSP_POLICIES);
 * `?delay=ms` answers that much later (at most 30 s). `server.requests` lists every request as `host path`.
 * `govUrl` gives http://www.example.gov.cn:PORT/…; Chromium resolves every *.gov.cn to 127.0.0.1
 * (--host-resolver-rules), so the manifest's *.gov.cn match and the auto-check run exactly as on a real site.
 *
 * The extension is built by `npm run test:e2e` (wxt build) before vitest starts; `ensureBuilt()` builds only when
 * .output/chrome-mv3 is missing. Each launch loads a private copy of the build, so a rebuild during a run is harmless.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { GATE_GUARD } from '../../utils/content-scripts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = join(REPO_ROOT, '.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Test runs write screenshots to test-results/screenshots; `npm run screenshots` writes the README's copies in docs/screenshots. */
export const SCREENSHOT_DIR = join(REPO_ROOT, process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');

const ROOTS: Record<string, string> = {
  fixtures: join(REPO_ROOT, 'test/fixtures/pages'),
  e2e: join(REPO_ROOT, 'test/e2e/pages'),
  realworld: resolve(REPO_ROOT, '../shared/realworld'),
  'cross-year': join(REPO_ROOT, 'test/fixtures/cross-year'),
  column: join(REPO_ROOT, 'test/fixtures/column'),
  documents: join(REPO_ROOT, 'test/fixtures/documents'),
};

const CONTENT_TYPES: Record<string, string> = {
  // No charset for HTML: the page's own <meta charset> decides, as for a real site that sends none (GBK pages).
  '.html': 'text/html',
  '.htm': 'text/html',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function ensureBuilt(): string {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  return EXTENSION_DIR;
}

// ---------- static server ----------

const CSP_POLICIES: Record<string, string> = {
  strict: "default-src 'none'; style-src 'none'",
};

export interface StaticServer {
  port: number;
  /** Every request received, as `host path?query`, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function serve(): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    requests.push(`${request.headers.host ?? ''} ${request.url ?? ''}`);
    try {
      const url = new URL(request.url ?? '/', 'http://x');
      const delay = Math.min(Number(url.searchParams.get('delay')) || 0, 30_000);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const file = resolveFile(url.pathname);
      if (!file) return void response.writeHead(404).end('not found');
      const body = await readFile(file);
      const headers: Record<string, string> = {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      const csp = CSP_POLICIES[url.searchParams.get('csp') ?? ''];
      if (csp) headers['content-security-policy'] = csp;
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function resolveFile(pathname: string): string | null {
  const [, rootName, ...rest] = decodeURIComponent(pathname).split('/');
  const root = ROOTS[rootName];
  if (!root) return null;
  const file = normalize(join(root, ...rest));
  return file.startsWith(root + sep) ? file : null;
}


/** A URL on the served pages under a *.gov.cn host, e.g. govUrl(server, '/e2e/no-report.html'). */
export function govUrl(server: StaticServer, path: string, host = 'www.example.gov.cn'): string {
  return `http://${host}:${server.port}${path}`;
}

// ---------- browser ----------

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The copy of the build this browser loaded. */
  extensionDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel (1 by default). */
  deviceScaleFactor?: number;
}

/** Chromium's flags for a browser with the extension in `dir` loaded and *.gov.cn served from this machine. */
export function extensionBrowserArgs(dir: string): string[] {
  return [
    '--no-sandbox',
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--host-resolver-rules=MAP *.gov.cn 127.0.0.1',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ];
}

export async function launch(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const dir = snapshotExtension(options.extensionDir ?? ensureBuilt());
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    // Playwright's `headless: true` starts Chromium's new headless mode, which loads extensions.
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'zh-CN',
    args: [...extensionBrowserArgs(dir), '--disable-gpu', '--disable-quic', '--disable-sync'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    extensionDir: dir,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A private copy of the built extension: other runs may rebuild .output/chrome-mv3 while a browser is open.
 * Waits (up to 30 s) for a complete build: the manifest and every file it names.
 */
export function snapshotExtension(built: string): string {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const copy = mkdtempSync(join(tmpdir(), 'gov-report-checker-ext-'));
    try {
      cpSync(built, copy, { recursive: true });
      if (buildComplete(copy)) return copy;
    } catch {
      // a file vanished while copying: the build is being rewritten
    }
    rmSync(copy, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`no complete extension build in ${built}`);
    execFileSync('sleep', ['1']);
  }
}

function buildComplete(dir: string): boolean {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string; scripts?: string[] };
    content_scripts?: { js?: string[] }[];
  };
  const files = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []), // Firefox's event page
    ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []),
  ];
  return files.every((file) => !file || existsSync(join(dir, file)));
}

/** Opens a page and waits for its load event (the content script runs at document_idle, right after). */
export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * Sends a ContentRequest (utils/messages.ts) to the content script of `page` through the extension's service worker,
 * as the popup does, and returns the ContentResponse. The page is brought to the front first: the worker addresses
 * the active tab (the extension has no `tabs` permission, so it cannot look tabs up by URL).
 */
export async function sendToTab(browser: LaunchedBrowser, page: Page, message: unknown): Promise<unknown> {
  await page.bringToFront();
  const worker = browser.context.serviceWorkers()[0];
  return worker.evaluate(async (msg) => {
    // Runs in the service worker, where `chrome` is the extension API.
    const api = (globalThis as unknown as { chrome: ExtensionTabsApi }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return api.tabs.sendMessage(tab.id, msg);
  }, message);
}

interface ExtensionTabsApi {
  tabs: {
    query(filter: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * Runs a file of the loaded build in the page's content-script world, as `scripting.executeScript({ files })` does
 * (the service worker cannot inject here itself: activeTab needs a click on the toolbar button). Returns the
 * exception, if the script threw one.
 */
export async function injectFile(browser: LaunchedBrowser, page: Page, file: string): Promise<unknown> {
  const source = readFileSync(join(browser.extensionDir, file), 'utf8');
  const evaluated = await evaluateInContentWorld(browser, page, source);
  if (!evaluated) throw new Error('no content-script world in the page (no script of the extension ran there)');
  return evaluated.exceptionDetails;
}

/**
 * Evaluates `expression` in the page's content-script world (the extension's isolated world, where the gate and the
 * engine run) over CDP. Null when no script of the extension has run in the page yet.
 */
export async function evaluateInContentWorld(
  browser: LaunchedBrowser,
  page: Page,
  expression: string,
): Promise<{ value: unknown; exceptionDetails?: unknown } | null> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (event) => worlds.push(event.context));
    await cdp.send('Runtime.enable');
    const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(browser.extensionId));
    if (!world) return null;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true });
    return { value: result.value, exceptionDetails };
  } finally {
    await cdp.detach();
  }
}

/** How often the gate (entrypoints/gate) looked at the page: the count on its guard, 0 before it ran. */
export async function gateLooks(browser: LaunchedBrowser, page: Page): Promise<number> {
  const evaluated = await evaluateInContentWorld(browser, page, `window.${GATE_GUARD} ?? 0`);
  return Number(evaluated?.value ?? 0);
}
