/**
 * End-to-end harness for Firefox: the built Firefox package (.output/firefox-mv3) installed in Debian's firefox-esr
 * over WebDriver BiDi (puppeteer-core's `installExtension`, a temporary add-on), pages from harness.ts's static server.
 *
 *   const server = await serve();                    // from harness.ts
 *   const firefox = await launchFirefox();           // firefox-esr, the build installed
 *   const page = await firefox.openPage(govUrl(server, '/fixtures/004-plain.html'));
 *   const options = await firefox.openExtensionPage('options.html');
 *   await firefox.extensionApi((id) => browser.tabs.get(id), tabId)   // runs in an extension page (`browser.*`)
 *   await firefox.close();
 *
 * What differs from the Chromium harness, and why:
 * - Host names: the pref `network.dns.localDomains` resolves the listed *.gov.cn names to 127.0.0.1 (no wildcard,
 *   so every name a test uses is listed in GOV_HOSTS).
 * - Extension pages: the add-on's internal UUID is fixed by the pref `extensions.webextensions.uuids`, so its pages
 *   are at moz-extension://<EXTENSION_UUID>/. WebDriver BiDi refuses to navigate a tab to moz-extension: URLs unless
 *   Firefox runs with `--remote-allow-system-access`, and the navigation's load event is not reported to the client
 *   across the switch to the extension process, so `openExtensionPage` starts it and waits for the document itself.
 * - Extension APIs: Firefox's MV3 background is an event page, not a service worker a client can evaluate in, so
 *   `extensionApi` evaluates in a hidden-from-tests extension page (options.html in a tab of its own).
 * - Permission prompts: `extensions.webextOptionalPermissionPrompts: false` grants permissions.request() without
 *   the doorhanger a headless browser cannot click (the request still needs the click's user activation).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REPO_ROOT, snapshotExtension } from './harness';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_BUILD = join(REPO_ROOT, '.output/firefox-mv3');
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const GECKO_ID = 'gov-report-checker@nianbao-hejian';
export const EXTENSION_UUID = '5f0c1a2e-7d4b-4c3a-9e1f-2b6d8a0c4e11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** Names the tests serve pages under (network.dns.localDomains takes exact names only). */
export const GOV_HOSTS = ['www.example.gov.cn'];

export function ensureFirefoxBuilt(): string {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  return FIREFOX_BUILD;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** Opens a tab at `url` and waits for its load event. */
  openPage(url: string): Promise<Page>;
  /** Opens popup.html, options.html… of the extension in a tab of its own and waits until it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * The tab the extension opened (tabs.create from the popup, a link of the batch page) whose address starts with
   * `prefix`, once it has loaded (BiDi does not report that load, as for openExtensionPage).
   */
  waitForTab(prefix: string, timeout?: number): Promise<Page>;
  /** Runs `fn(arg)` in an extension page, where `browser.*` is the WebExtension API; returns its (JSON) result. */
  extensionApi<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The tab id of `page` (brought to the front, then asked for as the active tab). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export async function launchFirefox(
  options: { extraHostPermissions?: string[]; viewport?: { width: number; height: number } } = {},
): Promise<LaunchedFirefox> {
  const dir = snapshotExtension(ensureFirefoxBuilt());
  if (options.extraHostPermissions?.length) addHostPermissions(dir, options.extraHostPermissions);
  const profile = mkdtempSync(join(tmpdir(), 'gov-report-checker-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    defaultViewport: options.viewport ?? { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'network.dns.localDomains': GOV_HOSTS.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.accept_languages': 'zh-CN, zh, en',
      'intl.locale.requested': 'zh-CN',
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  const installed = await browser.installExtension(dir);
  if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);

  let apiPage: Page | null = null;
  const openPage = async (url: string) => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };
  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    const url = `${EXTENSION_ORIGIN}/${path}`;
    // See the header: the navigation happens, its completion is never reported; the page itself says when it is done.
    page.goto(url, { timeout: 60_000 }).catch(() => {});
    const deadline = Date.now() + 20_000;
    for (;;) {
      const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
      if (state === `${url} complete`) return page;
      if (Date.now() > deadline) throw new Error(`${url} did not load (last: ${state || 'no document'})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const waitForTab = async (prefix: string, timeout = 20_000) => {
    const deadline = Date.now() + timeout;
    for (;;) {
      for (const page of await browser.pages()) {
        const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => ['', '']);
        if (state[0].startsWith(prefix) && state[1] === 'complete') return page;
      }
      if (Date.now() > deadline) throw new Error(`no tab at ${prefix}… loaded`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const ensureApiPage = async () => {
    if (!apiPage || apiPage.isClosed()) apiPage = await openExtensionPage('options.html');
    return apiPage;
  };
  const extensionApi = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    (await ensureApiPage()).evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>;
  const tabIdOf = async (page: Page) => {
    await ensureApiPage(); // before the page comes to the front: opening it would make its own tab the active one
    await page.bringToFront();
    return extensionApi(async () => {
      const api = (globalThis as unknown as { browser: ExtensionTabsApi }).browser;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      return tab.id;
    }, null);
  };
  return {
    browser,
    openPage,
    openExtensionPage,
    waitForTab,
    extensionApi,
    tabIdOf,
    close: async () => {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The test copy may hold host permissions the store package does not (as popup-helpers.ts does for Chromium). */
function addHostPermissions(dir: string, origins: string[]) {
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(file, JSON.stringify(manifest));
}

interface ExtensionTabsApi {
  tabs: { query(filter: object): Promise<{ id?: number }[]> };
}
