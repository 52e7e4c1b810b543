/**
 * The extension pages that read documents, in Firefox ESR (firefox-harness.ts): the report viewer opened from the
 * popup on a tab showing a PDF (Firefox's own PDF viewer) and on a page linking its report PDF, a .docx dropped on it,
 * a bad file picked; the batch results page on a one-page column (a PDF attachment among its rows). What Firefox does
 * differently is asserted where it shows: its PDF viewer cannot be scripted, so the PDF of a site the extension may not
 * read is fetched only after the user allows that site. Chromium's counterparts: viewer.test.ts, batch.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { govUrl, REPO_ROOT, serve, type StaticServer } from './harness';
import { EXTENSION_ORIGIN, launchFirefox, type LaunchedFirefox } from './firefox-harness';
import { byKind, expectBadgesOnCells, overlay, textLayerUnderBadge } from './overlay-reader';
import { expectAccessible } from './axe';
import { localUrl } from './popup-helpers';

const NATURAL_TOTAL = 'table3.naturalPerson.results.totalProcessed';
const GRAND_TOTAL = 'table3.total.results.totalProcessed';
const SUSPECT = 'table3.naturalPerson.results.unableToProvide.noInfo';
const DOCUMENTS = join(REPO_ROOT, 'test/fixtures/documents');
const VIEWER = `${EXTENSION_ORIGIN}/viewer.html`;

let server: StaticServer;
let firefox: LaunchedFirefox;

beforeAll(async () => {
  server = await serve();
  // No test-only host permission: 127.0.0.1 stands for a site the extension has not been allowed to read.
  firefox = await launchFirefox();
}, 180_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/**
 * Polls the document (waitForSelector polls on animation frames, which a background tab never gets); a loop of its
 * own rather than expect.poll, which vitest allows only inside a test, not in beforeAll.
 */
async function waitFor(page: Page, selector: string, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate((s) => document.querySelector(s) !== null, selector).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${selector} did not appear in ${page.url()} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

async function openPopupFor(page: Page): Promise<Page> {
  const tabId = await firefox.tabIdOf(page);
  return firefox.openExtensionPage(`popup.html?tab=${tabId}`);
}

/** Clicks in the popup and returns the viewer tab it opens, once the viewer has a result or a failure. */
async function viewerFrom(popup: Page, selector: string): Promise<Page> {
  await waitFor(popup, selector);
  await popup.click(selector);
  const viewer = await firefox.waitForTab(VIEWER);
  await waitForResult(viewer);
  return viewer;
}

async function waitForResult(viewer: Page) {
  await waitFor(viewer, '#status-heading[data-status], .failure', 45_000);
}

async function closeAll(...pages: (Page | undefined)[]) {
  await Promise.all(pages.map((p) => p?.close().catch(() => undefined)));
}

describe('a tab showing a PDF in Firefox’s own PDF viewer', () => {
  let pdfTab: Page;
  let viewer: Page;

  beforeAll(async () => {
    pdfTab = await firefox.openPage(govUrl(server, '/documents/004-libreoffice.pdf'));
    const popup = await openPopupFor(pdfTab);
    await waitFor(popup, '[data-action="open-viewer"]');
    expect(await text(popup, '.pdf-tab .hint')).toContain('本页是 PDF 文件');
    viewer = await viewerFrom(popup, '[data-action="open-viewer"]');
    await closeAll(popup);
  }, 120_000);

  afterAll(() => closeAll(viewer, pdfTab));

  test('Firefox’s PDF viewer cannot be scripted: the popup knows the tab by its .pdf URL', async () => {
    const tabId = await firefox.tabIdOf(pdfTab);
    const outcome = await firefox.extensionApi(
      (id) =>
        (globalThis as unknown as { browser: ScriptingApi }).browser.scripting
          .executeScript({ target: { tabId: id }, func: () => document.contentType })
          .then((frames) => `ran: ${frames[0]?.result}`, () => 'refused'),
      tabId,
    );
    expect(outcome).toBe('refused');
  });

  test('the viewer checks the PDF (pdf.js, its worker and CMaps from moz-extension://): seed 004 has its two errors', async () => {
    expect(await viewer.$eval('#status-heading', (el) => el.getAttribute('data-status'))).toBe('ok');
    expect(await text(viewer, '[data-file-name]')).toBe('004-libreoffice.pdf');
    expect(await text(viewer, '.tables li[data-table="table3"]')).toContain('2 处错误');
    expect(await text(viewer, '.group.severity-error h3')).toBe('错误 2');
    // The title is in the PDF's Chinese text, which reads right only with the packaged CMaps.
    expect(await text(viewer, 'main')).toContain('重庆市九龙坡区石板镇人民政府');
  });

  test('red badges on the two （七）总计 cells, each over the total the PDF prints there; the suspect outlined', async () => {
    const info = await overlay(viewer);
    expect(byKind(info, 'error').map((b) => b.path).sort()).toEqual([GRAND_TOTAL, NATURAL_TOTAL].sort());
    expect(byKind(info, 'suspect').map((b) => b.path)).toContain(SUSPECT);
    for (const [path, printed] of [[NATURAL_TOTAL, /^1$/], [GRAND_TOTAL, /^\d+$/]] as const) {
      await viewer.click(`.finding-button[data-path="${path}"]`);
      await expect.poll(() => textLayerUnderBadge(viewer, path)).toMatch(printed);
    }
  });

  test('a finding jumps to its cell by keyboard: its pane scrolls, the page does not', async () => {
    await viewer.evaluate(() => document.querySelector('.document')!.scrollTo(0, 0));
    await viewer.focus(`.finding-button[data-path="${NATURAL_TOTAL}"]`);
    await viewer.keyboard.press('Enter');
    await expect
      .poll(() =>
        viewer.evaluate((p) => {
          const r = document.querySelector('[data-gov-report-checker]')!.shadowRoot!.querySelector(`.badge[data-path="${p}"]`)!.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }, NATURAL_TOTAL),
      )
      .toBe(true);
    expect(await viewer.evaluate(() => [scrollY, document.querySelector('.viewer > .bar')!.getBoundingClientRect().top])).toEqual([0, 0]);
  });

  test('axe: no serious or critical violation in the viewer with its badges', async () => {
    await expectAccessible(viewer);
  });
});

describe('a page that links its report PDF', () => {
  test('the popup lists the report attachment (not the other PDF) and checks it in the viewer', async () => {
    const page = await firefox.openPage(govUrl(server, '/e2e/pdf-attachment.html'));
    const popup = await openPopupFor(page);
    await waitFor(popup, '.report-pdfs li');
    const items = await popup.$$eval('.report-pdfs li', (els) => els.map((el) => el.textContent ?? ''));
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('某某局2023年政府信息公开工作年度报告.pdf');
    const viewer = await viewerFrom(popup, '[data-action="check-pdf"]');
    expect(await text(viewer, '.tables li[data-table="table3"]')).toContain('2 处错误');
    expect(byKind(await overlay(viewer), 'error')).toHaveLength(2);
    await closeAll(viewer, page, popup);
  });
});

describe('files dropped on or picked in the viewer', () => {
  test('a .docx dropped on the viewer is checked: badges on the two totals in the rendered draft', async () => {
    const viewer = await firefox.openExtensionPage('viewer.html');
    const bytes = readFileSync(join(DOCUMENTS, '004-template.docx')).toString('base64');
    await viewer.evaluate((b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], '004-template.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      const target = document.querySelector('.document')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await waitForResult(viewer);
    expect(await text(viewer, '.tables li[data-table="table3"]')).toContain('2 处错误');
    await waitFor(viewer, 'iframe.document-frame');
    const draft = 'iframe.document-frame';
    await expect.poll(async () => (await overlay(viewer, draft)).badges.length).toBeGreaterThan(0);
    const info = await overlay(viewer, draft);
    expect(byKind(info, 'error').map((b) => b.path).sort()).toEqual([GRAND_TOTAL, NATURAL_TOTAL].sort());
    expectBadgesOnCells(info);
    await expectAccessible(viewer);
    await viewer.close();
  });

  test('a scanned PDF picked with 选择文件: the engine’s message, Chinese then English, and no document', async () => {
    const viewer = await firefox.openExtensionPage('viewer.html');
    const input = (await viewer.$('[data-action="pick-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(join(DOCUMENTS, 'scanned-chromium.pdf'));
    await waitForResult(viewer);
    expect(await text(viewer, '.failure [data-reason]')).toContain('扫描件 PDF，没有文字层，无法核验');
    expect((await text(viewer, '.failure [data-reason] [lang="en"]')).trim()).not.toBe('');
    expect(await viewer.evaluate(() => document.querySelectorAll('.pdf-page, iframe').length)).toBe(0);
    await viewer.close();
  });
});

describe('the batch results page on a one-page column', () => {
  test('the popup offers the column; each row gets its status, the PDF attachment read by pdf.js in the page', async () => {
    const list = await firefox.openPage(govUrl(server, '/column/static/index.html'));
    const popup = await openPopupFor(list);
    await expect.poll(() => popup.evaluate(() => document.querySelector('[data-action="check-column"]')?.textContent ?? ''), { timeout: 15_000 }).toContain('找到 9 个年报链接');
    await popup.click('[data-action="check-column"]');
    const results = await firefox.waitForTab(`${EXTENSION_ORIGIN}/batch.html?job=`);
    await expect.poll(() => text(results, '[data-progress]'), { timeout: 90_000, interval: 500 }).toBe('已处理 10/10 · 已完成');
    const statuses = await results.$$eval('table.results tbody tr', (rows) =>
      Object.fromEntries(rows.map((row) => [new URL(row.querySelector('a')!.getAttribute('href')!).pathname.split('/').pop()!, row.getAttribute('data-status')!])),
    );
    expect(statuses).toEqual({
      'a-2023.html': 'warnings',
      'b-2023.html': 'ok',
      'c-2023.html': 'ok',
      'd-2023.html': 'ok',
      'e-2023-gbk.html': 'ok',
      'jiedu-2023.html': 'no-report',
      'verify.html': 'failed',
      'missing-2023.html': 'failed',
      'hongze-2024.pdf': 'warnings',
      '2023.html': 'skipped',
    });
    expect(await text(results, '[data-summary]')).toBe('6 份报告，0 份有错误');
    await expectAccessible(results);
    await closeAll(results, popup, list);
  }, 150_000);
});

describe('a PDF tab on a site the extension may not read (Firefox differs here)', () => {
  test('the viewer cannot fetch through the PDF tab, says so, and checks the PDF once the user allows that one site', async () => {
    const src = localUrl(server, '/documents/004-libreoffice.pdf');
    const pdfTab = await firefox.openPage(src);
    const tabId = await firefox.tabIdOf(pdfTab);
    // The address the popup's 在核验视图中打开 opens (the popup itself needs the toolbar click's activeTab to see this
    // tab's URL, which no test can make).
    const viewer = await firefox.openExtensionPage(`viewer.html?tab=${tabId}&src=${encodeURIComponent(src)}`);
    await waitForResult(viewer);
    expect(await text(viewer, '.failure [data-reason]')).toContain('需要您允许本扩展读取 127.0.0.1');
    expect(await text(viewer, '.failure [data-reason]')).toContain('Firefox 自带的 PDF 阅读器');
    expect(await text(viewer, '.failure button')).toBe('允许读取 127.0.0.1 的文件');
    await expectAccessible(viewer);
    await viewer.click('.failure button');
    await waitFor(viewer, '#status-heading[data-status]', 45_000);
    expect(await text(viewer, '.tables li[data-table="table3"]')).toContain('2 处错误');
    await closeAll(viewer, pdfTab);
  });
});

interface ScriptingApi {
  scripting: { executeScript(details: { target: { tabId: number }; func: () => unknown }): Promise<{ result?: unknown }[]> };
}
