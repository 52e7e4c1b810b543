/**
 * Helpers for the popup's browser test, on top of harness.ts.
 *
 * The popup normally works on the tab whose toolbar button was clicked (activeTab). A test cannot click the
 * toolbar, so it opens popup.html as a page of its own with `?tab=<id>`, and — to let the popup inject the
 * content script into a page outside the auto-check list, as activeTab allows after a real click — it loads a
 * copy of the built extension whose manifest also grants *://127.0.0.1/* (the test server's plain address).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuilt, launch, type LaunchedBrowser, type LaunchOptions, type StaticServer } from './harness';

export async function launchWithLocalAccess(options: Omit<LaunchOptions, 'extensionDir'> = {}): Promise<LaunchedBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-checker-popup-'));
  cpSync(ensureBuilt(), dir, { recursive: true });
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), '*://127.0.0.1/*'];
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return launch({ ...options, extensionDir: dir });
}

/** A URL on the test server by its plain address: not on the auto-check list, so no content script runs by itself. */
export function localUrl(server: StaticServer, path: string): string {
  return `http://127.0.0.1:${server.port}${path}`;
}

/** The browser's tab id of `page`, asked of the extension's service worker while the page is the active tab. */
export async function tabIdOf(browser: LaunchedBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = browser.context.serviceWorkers()[0];
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** The popup page for the tab of `page`, opened as a page of its own (with clipboard access granted). */
export async function openPopupFor(browser: LaunchedBrowser, page: Page): Promise<Page> {
  const tabId = await tabIdOf(browser, page);
  const origin = `chrome-extension://${browser.extensionId}`;
  // Chromium refuses a grant for the chrome-extension: origin alone ("opaque"), so the grant is for every origin.
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const popup = await browser.context.newPage();
  await popup.goto(`${origin}/popup.html?tab=${tabId}`);
  return popup;
}

/** The toolbar badge text the background set for the tab of `page`. */
export async function badgeTextOf(browser: LaunchedBrowser, tabId: number): Promise<string> {
  const worker = browser.context.serviceWorkers()[0];
  return worker.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId);
}
