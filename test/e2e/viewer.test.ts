/**
 * The report viewer (entrypoints/viewer) in Chromium: the ways in from the popup (a tab showing a PDF; a page that
 * links its report PDF, on its own origin or on another host the extension may read), a .docx dropped on it, a saved
 * page and bad files picked; the same badges over the PDF's cells, the findings list jumping to a cell, the export,
 * axe over the viewer with its badges, no request but the PDF's, and screenshots.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { govUrl, REPO_ROOT, SCREENSHOT_DIR, serve, type LaunchedBrowser, type StaticServer } from './harness';
import { launchWithLocalAccess, localUrl, openPopupFor } from './popup-helpers';
import { byKind, expectBadgesOnCells, overlay, textLayerUnderBadge } from './overlay-reader';
import { expectAccessible } from './axe';
import { schemaValidator } from '../export-fixture';
import { PRINT_VARIANTS } from '../fixtures/documents-catalogue';

const NATURAL_TOTAL = 'table3.naturalPerson.results.totalProcessed';
const GRAND_TOTAL = 'table3.total.results.totalProcessed';
const SUSPECT = 'table3.naturalPerson.results.unableToProvide.noInfo';
const DOCUMENTS = join(REPO_ROOT, 'test/fixtures/documents');

let server: StaticServer;
let browser: LaunchedBrowser;
const validate = schemaValidator();

beforeAll(async () => {
  server = await serve();
  browser = await launchWithLocalAccess();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks in the popup and returns the viewer tab it opens. */
async function viewerFrom(popup: Page, selector: string): Promise<Page> {
  const opened = browser.context.waitForEvent('page');
  await popup.locator(selector).click();
  const viewer = await opened;
  await viewer.waitForLoadState('load');
  return viewer;
}

async function waitForResult(viewer: Page) {
  await viewer.locator('#status-heading[data-status], .failure').first().waitFor({ timeout: 45_000 });
}

async function openViewer(context: BrowserContext): Promise<Page> {
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${browser.extensionId}/viewer.html`);
  await viewer.locator('[data-action="pick-file"]').waitFor({ state: 'attached' });
  return viewer;
}

/** The text of the PDF's text layer under an overlay badge (the finding clicked first, so its page is drawn). */
async function textUnderBadge(viewer: Page, path: string): Promise<string> {
  await viewer.locator(`.finding-button[data-path="${path}"]`).first().click();
  await expect.poll(() => textLayerUnderBadge(viewer, path)).not.toBe('');
  return textLayerUnderBadge(viewer, path);
}

describe('a tab showing a PDF', () => {
  let pdfTab: Page;
  let viewer: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    pdfTab = await browser.context.newPage();
    await pdfTab.goto(localUrl(server, '/documents/004-libreoffice.pdf'));
    const popup = await openPopupFor(browser, pdfTab);
    await popup.locator('[data-action="open-viewer"]').waitFor();
    browser.context.on('request', (request) => requests.push(request.url()));
    viewer = await viewerFrom(popup, '[data-action="open-viewer"]');
    await waitForResult(viewer);
  }, 120_000);

  test('the popup offers 在核验视图中打开, and the viewer checks the PDF: seed 004 has its two errors', async () => {
    expect(await viewer.locator('#status-heading').getAttribute('data-status')).toBe('ok');
    expect(await viewer.locator('[data-file-name]').textContent()).toBe('004-libreoffice.pdf');
    expect(await viewer.locator('.tables li[data-table="table3"]').textContent()).toContain('2 处错误');
  });

  test('red badges on the two （七）总计 cells, each over the total the PDF prints there; the suspect outlined', async () => {
    const info = await overlay(viewer);
    expect(byKind(info, 'error').map((b) => b.path).sort()).toEqual([GRAND_TOTAL, NATURAL_TOTAL].sort());
    expect(byKind(info, 'suspect').map((b) => b.path)).toContain(SUSPECT);
    // The badge geometry comes from the cell's box in the PDF: the text drawn inside it is the total the engine read.
    expect(await textUnderBadge(viewer, NATURAL_TOTAL)).toBe('1');
    expect(await textUnderBadge(viewer, GRAND_TOTAL)).toMatch(/^\d+$/);
    await viewer.screenshot({ path: join(SCREENSHOT_DIR, 'viewer-pdf-seed-004.png') });
  });

  test('the text stays selectable and searchable: every page gets its text layer, whether painted or not', async () => {
    await viewer.evaluate(() => document.querySelector('.document')!.scrollTo(0, 0));
    const layers = () => viewer.evaluate(() => [...document.querySelectorAll('.pdf-page')].map((p) => p.querySelector('.textLayer')?.textContent ?? null));
    await expect.poll(async () => (await layers()).every((text) => text !== null), { timeout: 20_000 }).toBe(true);
    const text = (await layers()).join('').replace(/\s+/g, '');
    expect(text).toContain('本机关不掌握相关政府信息');
    expect(text).toContain('政府信息公开行政复议、行政诉讼情况');
    // Ctrl+F: the browser's own find reaches the last page's text without scrolling to it first.
    expect(await viewer.evaluate(() => (window as unknown as { find(s: string): boolean }).find('行政诉讼'))).toBe(true);
  });

  test('a tooltip on hover, as on a web page; a finding jumps to its cell by keyboard (its pane scrolled, flashed)', async () => {
    await viewer.evaluate(() => document.querySelector('.document')!.scrollTo(0, 0));
    await viewer.locator(`.finding-button[data-path="${NATURAL_TOTAL}"]`).first().focus();
    await viewer.keyboard.press('Enter');
    const flashed = await viewer.evaluate(() => !!document.querySelector('[data-gov-report-checker]')!.shadowRoot!.querySelector('[data-kind="flash"]'));
    expect(flashed).toBe(true);
    const inView = await viewer.evaluate((p) => {
      const badge = document.querySelector('[data-gov-report-checker]')!.shadowRoot!.querySelector(`.badge[data-path="${p}"]`)!;
      const r = badge.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, NATURAL_TOTAL);
    expect(inView).toBe(true);
    // Only the document's pane scrolled: the page itself (its header) did not move.
    expect(await viewer.evaluate(() => [scrollY, document.querySelector('.viewer > .bar')!.getBoundingClientRect().top])).toEqual([0, 0]);
    const badge = viewer.locator('[data-gov-report-checker] >> css=.badge.error[data-path="' + NATURAL_TOTAL + '"]');
    await badge.hover();
    const tip = viewer.locator('[data-gov-report-checker] >> css=.tooltip');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toContain('T3-RESULTS');
    await viewer.screenshot({ path: join(SCREENSHOT_DIR, 'viewer-pdf-tooltip.png') });
  });

  test('复制 JSON from the viewer validates against the schema, with the two errors', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await viewer.locator('[data-action="copy-json"]').click();
    await expect.poll(() => viewer.locator('.export-status').textContent()).toBe('已复制 JSON');
    const doc = JSON.parse(await viewer.evaluate(() => navigator.clipboard.readText()));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
  });

  test('axe: no serious or critical violation in the viewer with its badges', async () => {
    await expectAccessible(viewer);
  });

  test('no network request but the PDF itself (fetched in the tab, from its own origin)', () => {
    // chrome:// requests are the browser's own PDF viewer in the PDF tab.
    const outside = requests.filter((url) => /^https?:/.test(url));
    expect(outside.length).toBeGreaterThan(0);
    expect(new Set(outside)).toEqual(new Set([localUrl(server, '/documents/004-libreoffice.pdf')]));
  });

  afterAll(async () => {
    await viewer?.close();
    await pdfTab?.close();
  });
});

describe('a page that links its report PDF', () => {
  test('the popup lists the report attachment (not the other PDF) and checks it in the viewer', async () => {
    const page = await browser.context.newPage();
    await page.goto(localUrl(server, '/e2e/pdf-attachment.html'));
    const popup = await openPopupFor(browser, page);
    const items = popup.locator('.report-pdfs li');
    await items.first().waitFor();
    expect(await items.count()).toBe(1);
    expect(await items.textContent()).toContain('某某局2023年政府信息公开工作年度报告.pdf');
    const viewer = await viewerFrom(popup, '[data-action="check-pdf"]');
    await waitForResult(viewer);
    expect(await viewer.locator('.tables li[data-table="table3"]').textContent()).toContain('2 处错误');
    expect(byKind(await overlay(viewer), 'error')).toHaveLength(2);
    await Promise.all([viewer.close(), page.close(), popup.close().catch(() => undefined)]);
  });

  test('a PDF on another host of the site is fetched with the host permission the extension has (*.gov.cn)', async () => {
    const page = await browser.context.newPage();
    await page.goto(govUrl(server, '/e2e/pdf-elsewhere.html'));
    const popup = await openPopupFor(browser, page);
    expect(await popup.locator('[data-action="check-pdf"]').getAttribute('data-url')).toBe(govUrl(server, '/documents/004-libreoffice.pdf', 'files.example.gov.cn'));
    const viewer = await viewerFrom(popup, '[data-action="check-pdf"]');
    await waitForResult(viewer);
    expect(await viewer.locator('.tables li[data-table="table3"]').textContent()).toContain('2 处错误');
    await Promise.all([viewer.close(), page.close(), popup.close().catch(() => undefined)]);
  });

  test('a PDF on a host the extension may not read: the viewer says so and offers to ask for that one site', async () => {
    const page = await browser.context.newPage();
    await page.goto(localUrl(server, '/e2e/pdf-attachment.html'));
    const popup = await openPopupFor(browser, page);
    await popup.locator('[data-action="check-pdf"]').waitFor();
    const tabId = new URL(popup.url()).searchParams.get('tab');
    const viewer = await browser.context.newPage();
    // localhost: the same server, but neither the tab's origin nor a granted host.
    await viewer.goto(`chrome-extension://${browser.extensionId}/viewer.html?tab=${tabId}&src=${encodeURIComponent(`http://localhost:${server.port}/documents/004-libreoffice.pdf`)}`);
    await waitForResult(viewer);
    expect(await viewer.locator('.failure [data-reason]').textContent()).toContain('需要您允许本扩展读取 localhost');
    expect(await viewer.locator('.failure button').textContent()).toBe('允许读取 localhost 的文件');
    await Promise.all([viewer.close(), page.close(), popup.close().catch(() => undefined)]);
  });
});

/**
 * Seed 004's plain page printed without borders, its 一、本年新收 商业企业 number moved onto the line between the 自然人
 * and 商业企业 columns: the engine leaves it out with a reading note that has the number's box.
 */
async function printWithStraddlingNumber(context: BrowserContext): Promise<Buffer> {
  const page = await context.newPage();
  // setContent on about:blank: no content script runs, so nothing of ours is printed.
  await page.setContent(readFileSync(join(REPO_ROOT, 'test/fixtures/pages/004-plain.html'), 'utf8'));
  await page.addStyleTag({ content: PRINT_VARIANTS.borderless });
  await page.evaluate(() => {
    const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent!.includes('本年新收'))!;
    const cells = [...row.querySelectorAll('td, th')] as HTMLElement[];
    const [natural, commercial] = cells.slice(-7);
    commercial.innerHTML = `<span style="position: relative">${commercial.textContent}</span>`;
    const span = commercial.firstElementChild as HTMLElement;
    const box = span.getBoundingClientRect();
    span.style.left = `${natural.getBoundingClientRect().right - (box.left + box.width / 2)}px`;
  });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.close();
  return pdf;
}

describe('a PDF with a number the engine left out (a reading note)', () => {
  let viewer: Page;

  beforeAll(async () => {
    const pdf = await printWithStraddlingNumber(browser.context);
    viewer = await openViewer(browser.context);
    await viewer.locator('[data-action="pick-file"]').setInputFiles({ name: 'moved-number.pdf', mimeType: 'application/pdf', buffer: pdf });
    await waitForResult(viewer);
  }, 120_000);

  afterAll(() => viewer?.close());

  test('the note is listed, and a dashed mark outlines the number left out, its note as a bilingual tooltip', async () => {
    const notes = viewer.locator('[data-reading-note]');
    expect(await notes.count()).toBe(1);
    expect(await notes.first().textContent()).toContain('“1”跨两列或在列外');
    const marks = viewer.locator('.pdf-page .note-mark');
    expect(await marks.count()).toBe(1);
    const title = (await marks.first().getAttribute('title'))!;
    expect(title.split('\n')).toEqual([expect.stringContaining('未读取'), expect.stringContaining('left out')]);
    // The mark is on page 2, around the very number the PDF prints there (read from the text layer under it).
    expect(await marks.first().evaluate((m) => m.closest<HTMLElement>('.pdf-page')!.dataset.page)).toBe('2');
    await viewer.locator('[data-show-note="0"]').click();
    const underMark = () =>
      viewer.evaluate(() => {
        const r = document.querySelector('.note-mark')!.getBoundingClientRect();
        return [...document.querySelectorAll('.textLayer span')]
          .filter((span) => {
            const s = span.getBoundingClientRect();
            return s.x + s.width / 2 > r.left && s.x + s.width / 2 < r.right && s.y + s.height / 2 > r.top && s.y + s.height / 2 < r.bottom;
          })
          .map((span) => span.textContent)
          .join('')
          .trim();
      });
    await expect.poll(underMark, { timeout: 20_000 }).toBe('1');
  });

  test('keyboard: 页面上的位置 on the note scrolls the document pane (not the page) to the mark and flashes it', async () => {
    await viewer.evaluate(() => document.querySelector('.document')!.scrollTo(0, 0));
    await viewer.locator('[data-show-note="0"]').focus();
    await viewer.keyboard.press('Enter');
    const state = await viewer.evaluate(() => {
      const mark = document.querySelector('.note-mark')!;
      const r = mark.getBoundingClientRect();
      const pane = document.querySelector('.document')!.getBoundingClientRect();
      return { inPane: r.top >= pane.top && r.bottom <= pane.bottom, flashing: mark.getAnimations().length > 0, pageScroll: scrollY };
    });
    expect(state).toEqual({ inPane: true, flashing: true, pageScroll: 0 });
    await viewer.screenshot({ path: join(SCREENSHOT_DIR, 'viewer-reading-note.png') });
    await expectAccessible(viewer);
  });
});

describe('long work', () => {
  test('getting a slow PDF shows progress and cancels by keyboard: no document, a message, the viewer usable again', async () => {
    const viewer = await browser.context.newPage();
    // 127.0.0.1 is a host this test build may read, so the viewer fetches it itself; the server answers after 20 s.
    const src = localUrl(server, '/documents/004-libreoffice.pdf?delay=20000');
    await viewer.goto(`chrome-extension://${browser.extensionId}/viewer.html?src=${encodeURIComponent(src)}`);
    await viewer.locator('.progress').waitFor();
    expect(await viewer.locator('.progress label').textContent()).toContain('正在获取 PDF');
    await viewer.locator('[data-action="cancel"]').focus();
    await viewer.keyboard.press('Enter');
    await viewer.locator('.failure').waitFor();
    expect(await viewer.locator('.failure [data-reason]').textContent()).toContain('已取消');
    expect(await viewer.locator('.pdf-page').count()).toBe(0);
    await viewer.locator('[data-action="pick-file"]').setInputFiles(join(DOCUMENTS, '004-template.docx'));
    await waitForResult(viewer);
    expect(await viewer.locator('.tables li[data-table="table3"]').textContent()).toContain('2 处错误');
    await viewer.close();
  });
});

describe('files dropped on or picked in the viewer', () => {
  test('a .docx dropped on the viewer is checked: badges on the two totals in the rendered draft', async () => {
    const viewer = await openViewer(browser.context);
    const bytes = readFileSync(join(DOCUMENTS, '004-template.docx')).toString('base64');
    await viewer.evaluate(async (b64) => {
      const bin = atob(b64);
      const data = Uint8Array.from(bin, (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], '004-template.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      const target = document.querySelector('.document')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await waitForResult(viewer);
    expect(await viewer.locator('.tables li[data-table="table3"]').textContent()).toContain('2 处错误');
    const frame = viewer.frameLocator('iframe.document-frame');
    await frame.locator('table').first().waitFor();
    const draft = viewer.frames().find((f) => f !== viewer.mainFrame())!;
    const info = await overlay(draft);
    expect(byKind(info, 'error').map((b) => b.path).sort()).toEqual([GRAND_TOTAL, NATURAL_TOTAL].sort());
    expectBadgesOnCells(info);
    await viewer.screenshot({ path: join(SCREENSHOT_DIR, 'viewer-docx-dropped.png') });
    await expectAccessible(viewer);
    await viewer.close();
  });

  test('a saved web page picked is checked like the page itself; nothing in it runs or loads', async () => {
    const viewer = await openViewer(browser.context);
    await viewer.locator('[data-action="pick-file"]').setInputFiles(join(REPO_ROOT, 'test/fixtures/pages/004-cms.html'));
    await waitForResult(viewer);
    expect(await viewer.locator('.tables li[data-table="table3"]').textContent()).toContain('2 处错误');
    const draft = viewer.frames().find((f) => f !== viewer.mainFrame())!;
    expect(byKind(await overlay(draft), 'error')).toHaveLength(2);
    expect(await draft.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    await viewer.close();
  });

  test.each([
    ['scanned-chromium.pdf', '扫描件 PDF，没有文字层，无法核验'],
    ['encrypted-libreoffice.pdf', 'PDF 已加密'],
    ['004-template.doc', '请另存为 .docx 或 PDF'],
  ])('bad input %s: the engine\'s message, in Chinese then English, and no document', async (file, message) => {
    const viewer = await openViewer(browser.context);
    await viewer.locator('[data-action="pick-file"]').setInputFiles(join(DOCUMENTS, file));
    await waitForResult(viewer);
    expect(await viewer.locator('.failure [data-reason]').textContent()).toContain(message);
    expect((await viewer.locator('.failure [data-reason] [lang="en"]').textContent())?.trim()).not.toBe('');
    expect(await viewer.locator('.pdf-page, iframe').count()).toBe(0);
    await viewer.close();
  });
});
