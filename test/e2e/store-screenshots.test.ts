/**
 * The store screenshots (1280×800, the size both the Chrome Web Store and addons.mozilla.org take), made from the
 * built extension in Chromium on every e2e run: test-results/screenshots/store/ by default, docs/screenshots/store/
 * with `npm run screenshots`. A screenshot with the popup shows it as the browser does, over the page's top-right
 * corner under the toolbar: the popup page is shot on its own and laid over the page's shot in a blank page.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { govUrl, openPage, SCREENSHOT_DIR, serve, type LaunchedBrowser, type StaticServer } from './harness';
import { launchWithLocalAccess, openPopupFor } from './popup-helpers';
import { waitForOverlay } from './overlay-reader';

const STORE_DIR = join(SCREENSHOT_DIR, 'store');
const SIZE = { width: 1280, height: 800 };
/** Drawn at 1.25 device pixels per CSS pixel: a 1024×640 viewport, shot at 1280×800, so the text is large enough to read. */
const SCALE = 1.25;
const VIEWPORT = { width: SIZE.width / SCALE, height: SIZE.height / SCALE };
/** The popup's own width (entrypoints/popup/style.css). */
const POPUP_WIDTH = 420;
let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  mkdirSync(STORE_DIR, { recursive: true });
  server = await serve();
  browser = await launchWithLocalAccess({ deviceScaleFactor: SCALE, viewport: VIEWPORT });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function setLanguage(language: 'zh' | 'en') {
  await browser.context.serviceWorkers()[0].evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.sync.set({ language: value });
  }, language);
}

/** The seed-004 report page at 1280×800, scrolled so that table 3's totals are in view, the tooltip open on one. */
async function reportPage(): Promise<Page> {
  const page = await openPage(browser.context, govUrl(server, '/fixtures/004-cms.html'));
  await waitForOverlay(page);
  await page.evaluate(() => {
    const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
    const badge = root.querySelector<HTMLElement>('.badge.error[data-path="table3.naturalPerson.results.totalProcessed"]')!;
    // The red badge a third of the way down, its tooltip below it, the suspect row above.
    window.scrollTo(0, badge.getBoundingClientRect().top + window.scrollY - innerHeight / 3);
    badge.focus({ preventScroll: true });
  });
  await page.waitForTimeout(300); // the tooltip's placement and the parts' flash settle
  return page;
}

/** The page's shot with the popup's shot laid over its top-right corner, as the browser shows a toolbar popup. */
async function withPopup(pageShot: Buffer, popupShot: Buffer, file: string) {
  const canvas = await browser.context.newPage();
  await canvas.setViewportSize(VIEWPORT);
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  // In CSS pixels of the scaled canvas: the page's shot fills it, the popup's shot is drawn at its CSS size.
  await canvas.setContent(`<!doctype html><html><body style="margin:0;width:${VIEWPORT.width}px;height:${VIEWPORT.height}px;overflow:hidden;position:relative">
    <img src="${src(pageShot)}" style="position:absolute;left:0;top:0;width:${VIEWPORT.width}px;height:${VIEWPORT.height}px">
    <img src="${src(popupShot)}" style="position:absolute;right:12px;top:6px;width:${POPUP_WIDTH}px;max-height:${VIEWPORT.height - 12}px;object-fit:cover;object-position:top;
      border:1px solid #c4c7c5;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.28);background:#fff">
  </body></html>`);
  await canvas.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  await canvas.screenshot({ path: file });
  await canvas.close();
}

test('store screenshots, 1280×800: badges with a tooltip, the popup, the options page, in English', async () => {
  const files: string[] = [];

  // 1. The badges and a tooltip on the report page.
  const page = await reportPage();
  files.push(join(STORE_DIR, '1-badges-tooltip.png'));
  await page.screenshot({ path: files.at(-1)! });

  // 2. The popup over the same page, after its check.
  const popup = await openPopupFor(browser, page);
  await popup.setViewportSize({ width: POPUP_WIDTH, height: VIEWPORT.height });
  await popup.locator('.overview h2[data-status]').waitFor({ timeout: 20_000 });
  const popupShot = await popup.locator('main').screenshot();
  await page.bringToFront();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const pageShot = await page.screenshot();
  files.push(join(STORE_DIR, '2-popup.png'));
  await withPopup(pageShot, popupShot, files.at(-1)!);

  // 3. The options page.
  const options = await browser.context.newPage();
  await options.setViewportSize(VIEWPORT);
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('h1').waitFor();
  files.push(join(STORE_DIR, '3-options.png'));
  await options.screenshot({ path: files.at(-1)! });
  await options.close();

  // 4. In English: the page's labels and tooltip, and the popup.
  await setLanguage('en');
  try {
    await expect.poll(() => popup.locator('#findings-heading').textContent()).toBe('Findings');
    const popupEn = await popup.locator('main').screenshot();
    const pageEn = await reportPage();
    await expect
      .poll(() => pageEn.evaluate(() => document.querySelector('[data-gov-report-checker]')!.shadowRoot!.querySelector('.chip.errors')?.textContent))
      .toBe('2 errors');
    const pageEnShot = await pageEn.screenshot();
    files.push(join(STORE_DIR, '4-english.png'));
    await withPopup(pageEnShot, popupEn, files.at(-1)!);
    await pageEn.close();
  } finally {
    await setLanguage('zh');
  }
  await popup.close();
  await page.close();

  for (const file of files) expect(pngSize(file), file).toEqual(SIZE);
});
