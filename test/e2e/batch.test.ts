/**
 * The whole-column batch and the history in real Chromium with the built extension, on the column fixtures
 * (test/fixtures/column, served as http://www.example.gov.cn:PORT/column/…):
 * - from a list page the popup offers the column; the results page fetches and checks every report (the PDF through
 *   the engine's PDF input) and each row shows its status; no request goes to the other host;
 * - the CSV, the .xlsx and the JSON download and parse back;
 * - a row opens its report with its badges; the PDF row opens it in the report viewer;
 * - a paged column is followed to its last page; a closed results tab resumes; pause and resume;
 * - a report checked after its previous year shows the X-CARRY badge on 上年结转, the popup names last year's report,
 *   and the options page lists and clears the history.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SUMMARY_HEADERS } from '../../lib/export/csv';
import { OTHER_HOST } from '../fixtures/column';
import { govUrl, launch, openPage, SCREENSHOT_DIR, serve, type LaunchedBrowser, type StaticServer } from './harness';
import { openPopupFor } from './popup-helpers';

/** storage.local as the extension's own pages see it (the options page runs the calls below). */
declare const chrome: {
  storage: {
    local: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
  };
};

let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  server = await serve();
  browser = await launch({ viewport: { width: 1280, height: 1000 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the popup for `listPage`, presses 核验本栏目全部年报 and returns the results page it opens. */
async function startColumn(listPage: Page, expectLinks: number): Promise<Page> {
  const popup = await openPopupFor(browser, listPage);
  const button = popup.locator('[data-action="check-column"]');
  await expect.poll(() => button.textContent(), { timeout: 15_000 }).toContain(`找到 ${expectLinks} 个年报链接`);
  expect(await button.textContent()).toContain('核验本栏目全部年报');
  const [results] = await Promise.all([browser.context.waitForEvent('page'), button.click()]);
  await popup.close();
  await results.waitForLoadState();
  expect(results.url()).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/batch\\.html\\?job=`));
  return results;
}

async function waitDone(results: Page, total: number) {
  await expect.poll(() => results.locator('[data-progress]').textContent(), { timeout: 90_000, interval: 250 }).toBe(`已处理 ${total}/${total} · 已完成`);
}

/** Row status by the last part of each row's report URL. */
async function statuses(results: Page): Promise<Record<string, string>> {
  return results.locator('table.results tbody tr').evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const href = row.querySelector('a')!.getAttribute('href')!;
        return [new URL(href).pathname.split('/').pop()!, row.getAttribute('data-status')!];
      }),
    ),
  );
}

async function download(results: Page, action: string) {
  const [file] = await Promise.all([results.waitForEvent('download'), results.locator(`[data-action="${action}"]`).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('a one-page column: several bodies in 2023 and every kind of link that is not a report', () => {
  let results: Page;
  const extensionRequests: string[] = [];

  test('the popup offers the column; the results page checks it; each row has the right status; the slow link held nothing up', async () => {
    const list = await openPage(browser.context, govUrl(server, '/column/static/index.html'));
    server.requests.length = 0;
    browser.context.on('request', (request) => extensionRequests.push(request.url()));
    results = await startColumn(list, 9);
    await waitDone(results, 10);
    expect(await statuses(results)).toEqual({
      'a-2023.html': 'warnings',
      'b-2023.html': 'ok',
      'c-2023.html': 'ok',
      'd-2023.html': 'ok',
      'e-2023-gbk.html': 'ok',
      'jiedu-2023.html': 'no-report',
      'verify.html': 'failed',
      'missing-2023.html': 'failed',
      'hongze-2024.pdf': 'warnings', // the PDF attachment, read by the engine's PDF input
      '2023.html': 'skipped',
    });
    const texts = await results.locator('table.results tbody tr').allTextContents();
    expect(texts.find((t) => t.includes('verify') || t.includes('己局'))).toContain('需登录或被拦截');
    expect(texts.find((t) => t.includes('庚局'))).toContain('404 页面不存在');
    expect(texts.find((t) => t.includes('hongze') || t.includes('洪泽区'))).toContain('淮安市洪泽区人民政府');
    expect(texts.find((t) => t.includes('辛局'))).toContain('其他网站，未访问');
    expect(texts.find((t) => t.includes('戊局'))).toContain('2023'); // the GBK page's body and year were read
    expect(await results.locator('[data-summary]').textContent()).toBe('6 份报告，0 份有错误');
    // The slow page (2.5 s) was answered after pages requested later: the second slot went on meanwhile.
    const order = server.requests.map((r) => r.split(' ')[1]);
    expect(order.indexOf('/column/static/e-2023-gbk.html')).toBeGreaterThan(order.indexOf('/cross-year/d-2023.html?delay=2500'));
  });

  test('no request to another host; each same-site link fetched once', () => {
    expect(server.requests.some((r) => r.startsWith(OTHER_HOST))).toBe(false);
    expect(extensionRequests.some((u) => u.includes(OTHER_HOST))).toBe(false);
    expect(server.requests.every((r) => r.startsWith(`www.example.gov.cn:${server.port} `))).toBe(true);
    // Each of the 9 same-site links once: no retry was needed, and the list page itself was read off the open tab.
    // (The browser's own requests for the list tab, its favicon, are not the batch's.)
    const paths = server.requests.map((r) => r.split(' ')[1]).filter((p) => p !== '/favicon.ico' && p !== '/column/static/index.html');
    expect(paths.sort()).toEqual([
      '/column/static/e-2023-gbk.html',
      '/column/static/jiedu-2023.html',
      '/column/static/missing-2023.html',
      '/column/static/verify.html',
      '/cross-year/a-2023.html',
      '/cross-year/b-2023.html',
      '/cross-year/c-2023.html',
      '/cross-year/d-2023.html?delay=2500',
      '/realworld/hongze-2024.pdf',
    ]);
  });

  test('sort and filter', async () => {
    await results.locator('[data-sort="warnings"]').click();
    await results.locator('[data-sort="warnings"]').click(); // descending
    expect(await results.locator('th[aria-sort="descending"] [data-sort="warnings"]').count()).toBe(1);
    const first = await results.locator('table.results tbody tr').first().getAttribute('data-status');
    expect(first).toBe('warnings');
    await results.getByLabel('按状态筛选').selectOption('problems');
    expect(await results.locator('table.results tbody tr').count()).toBe(3);
    await results.getByLabel('按状态筛选').selectOption('all');
    await results.getByLabel('按机关或标题筛选').fill('戊局');
    expect(await statuses(results)).toEqual({ 'e-2023-gbk.html': 'ok' });
    await results.getByLabel('按机关或标题筛选').fill('');
    await results.locator('[data-sort="n"]').click();
  });

  test('the CSV downloads and parses: the header, one row per link, the counts', async () => {
    const csv = await download(results, 'export-csv');
    expect(csv.name).toMatch(/年报批量核验\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const records: string[][] = parse(text, { bom: true });
    expect(records[0]).toEqual([...SUMMARY_HEADERS]);
    expect(records).toHaveLength(11);
    const a2023 = records.find((r) => r[0].endsWith('/a-2023.html'))!;
    expect([a2023[1], a2023[2], a2023[4]]).toEqual(['测试市甲局', '2023', '已检查']);
    expect(Number(a2023[7])).toBeGreaterThan(0); // blanks
    expect(records.find((r) => r[0].endsWith('/missing-2023.html'))![12]).toBe('页面不存在（HTTP 404）');
  });

  test('the .xlsx downloads and opens (read back with ExcelJS); the JSON holds every report', async () => {
    const xlsx = await download(results, 'export-xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(11);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...SUMMARY_HEADERS]);

    const json = JSON.parse((await download(results, 'export-json')).bytes.toString('utf8'));
    expect(json.reports).toHaveLength(10);
    // The six reports (the PDF's included) as the popup exports one; the other rows say why in their row.
    expect(json.reports.filter((r: { report: unknown }) => r.report !== null)).toHaveLength(6);
    expect(json.reports.find((r: { url: string }) => r.url.endsWith('/jiedu-2023.html')).row.status).toBe('no-report');
  });

  test('accessible (axe: no serious or critical violation); screenshot', async () => {
    await results.evaluate(axe.source);
    const violations = await results.evaluate(async () => {
      const engine = (window as unknown as { axe: typeof axe }).axe;
      const run = await engine.run(document, { resultTypes: ['violations'] });
      return run.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
    });
    expect(violations).toEqual([]);
    await results.screenshot({ path: join(SCREENSHOT_DIR, 'batch-results.png'), fullPage: true });
  });

  test('a row opens its report in a tab, with its badges', async () => {
    const [report] = await Promise.all([
      browser.context.waitForEvent('page'),
      results.locator('table.results tbody tr a[href$="/a-2023.html"]').click(),
    ]);
    await report.waitForLoadState();
    expect(report.url()).toMatch(/\/cross-year\/a-2023\.html$/);
    await expect
      .poll(() => report.evaluate(() => document.querySelector('[data-gov-report-checker]')?.shadowRoot?.querySelectorAll('.badge[data-kind="blank"]').length ?? 0), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await report.close();
  });

  test('the PDF row opens the report viewer, which fetches that PDF (the host permission the batch had) and checks it', async () => {
    const [viewer] = await Promise.all([
      browser.context.waitForEvent('page'),
      results.locator('table.results tbody tr a[href$="hongze-2024.pdf"]').click(),
    ]);
    const opened = new URL(viewer.url());
    expect(opened.pathname).toBe('/viewer.html');
    expect(opened.searchParams.get('src')).toMatch(/\/realworld\/hongze-2024\.pdf$/);
    await viewer.locator('#status-heading[data-status], .failure').first().waitFor({ timeout: 60_000 });
    expect(await viewer.locator('#status-heading').getAttribute('data-status')).toBe('ok');
    expect(await viewer.locator('[data-file-name]').textContent()).toBe('hongze-2024.pdf');
    await expect.poll(() => viewer.locator('.pdf-page').count()).toBeGreaterThan(0);
    await viewer.close();
  });
});

describe('a paged column: followed to its last page; a closed tab resumes; pause and resume', () => {
  test('three list pages, seven reports, 甲局 2022 carries over wrongly', async () => {
    const list = await openPage(browser.context, govUrl(server, '/column/paged/index.html'));
    let results = await startColumn(list, 2);
    const url = results.url();
    // Close the tab once something is done, and open the same job again: it goes on by itself.
    await expect.poll(() => results.locator('table.results tbody tr[data-status]:not([data-status="pending"])').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await results.close();
    results = await browser.context.newPage();
    await results.goto(url);
    await expect.poll(() => results.locator('[data-progress]').textContent(), { timeout: 30_000 }).toMatch(/正在核验|已处理 7\/7/);
    // Pause (if still running), then resume.
    if ((await results.locator('[data-action="pause"]').count()) > 0) {
      await results.locator('[data-action="pause"]').click();
      await expect.poll(() => results.locator('[data-progress]').textContent()).toContain('已暂停');
      await results.locator('[data-action="resume"]').click();
    }
    await waitDone(results, 7);
    expect(await results.locator('.progress .hint').textContent()).toContain('已读取栏目 3 页（上限 10 页）');
    const rows = await statuses(results);
    expect(rows['a-2022.html']).toBe('errors');
    expect(rows['a-2021.html']).toBe('ok');
    expect(rows['b-2023.html']).toBe('ok');
    expect(await results.locator('[data-summary]').textContent()).toBe('7 份报告，1 份有错误');
    const a2022 = results.locator('table.results tbody tr[data-status="errors"] .cross-year');
    expect(await a2022.textContent()).toBe('✗ 2 处不符（2021）');
    await results.screenshot({ path: join(SCREENSHOT_DIR, 'batch-results-paged.png'), fullPage: true });
    await results.close();
  }, 150_000);
});

describe('a single report after its previous year: X-CARRY on the page', () => {
  test('history cleared on the options page; 甲局 2021 checked, then 2022 shows the X-CARRY badge and the popup names 2021', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => options.locator('[data-history-count]').textContent()).toMatch(/共 \d+ 份/);
    await options.locator('[data-action="clear-history"]').click();
    await expect.poll(() => options.locator('[data-history-count]').textContent()).toBe('暂无记录。');
    const status = options.locator('.history [role="status"]');
    expect(await status.textContent()).toBe('历史记录已清空');

    const first = await openPage(browser.context, govUrl(server, '/cross-year/a-2021.html'));
    await expect.poll(() => options.locator('[data-history-count]').textContent(), { timeout: 20_000 }).toBe('共 1 份');
    // The history changed since it was cleared: the status line no longer says it is empty.
    await expect.poll(() => status.textContent()).toBe('');
    expect(await options.locator('.history tbody').textContent()).toContain('测试市甲局');
    await first.close();

    const page = await openPage(browser.context, govUrl(server, '/cross-year/a-2022.html'));
    const carryBadge = () =>
      page.evaluate(() => {
        const badge = document
          .querySelector('[data-gov-report-checker]')
          ?.shadowRoot?.querySelector<HTMLElement>('.badge[data-path="table3.legalPerson.commercial.carriedOver"]');
        return badge ? { kind: badge.dataset.kind, label: badge.getAttribute('aria-label') } : null;
      });
    await expect.poll(carryBadge, { timeout: 20_000 }).not.toBeNull();
    expect((await carryBadge())!.kind).toBe('error');
    // Its tooltip names last year's report and the cell read from it.
    const tooltip = await page.evaluate(async () => {
      const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
      root.querySelector<HTMLElement>('.badge[data-path="table3.legalPerson.commercial.carriedOver"]')!.focus();
      await new Promise((resolve) => setTimeout(resolve, 100));
      return root.querySelector<HTMLElement>('.tooltip')!.textContent ?? '';
    });
    expect(tooltip).toContain('X-CARRY');
    expect(tooltip).toContain('《测试市甲局2021年政府信息公开工作年度报告》');
    expect(tooltip).toContain('结转下年度');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'x-carry-badge.png') });

    const popup = await openPopupFor(browser, page);
    await expect.poll(() => popup.locator('[data-previous]').textContent(), { timeout: 15_000 }).toContain('已与上年报告核对结转');
    expect(await popup.locator('[data-previous]').textContent()).toContain('a-2021.html');
    await popup.locator('main').screenshot({ path: join(SCREENSHOT_DIR, 'popup-previous-year.png') });
    expect(await popup.locator('[data-history-problem]').count()).toBe(0);
    await popup.close();

    // A history write that failed (storage full) is said in the popup as well as on the options page.
    const a2022 = `history:${govUrl(server, '/cross-year/a-2022.html')}`;
    await expect.poll(() => options.evaluate(async (key: string) => key in (await chrome.storage.local.get(null)), a2022), { timeout: 20_000 }).toBe(true);
    await options.evaluate(() =>
      chrome.storage.local.set({ historyProblem: { zh: '未能保存 1 份报告的记录：浏览器存储空间已满。', en: "1 report(s) could not be saved to the history: the browser's storage is full.", at: 0 } }),
    );
    const warned = await openPopupFor(browser, page);
    const unsaved = warned.locator('[data-history-problem]');
    await expect.poll(() => unsaved.textContent(), { timeout: 15_000 }).toContain('浏览器存储空间已满');
    expect(await unsaved.getAttribute('role')).toBe('alert');
    await warned.locator('main').screenshot({ path: join(SCREENSHOT_DIR, 'popup-history-problem.png') });
    await warned.close();
    await options.evaluate(() => chrome.storage.local.set({ historyProblem: null }));
    await page.close();
    await options.screenshot({ path: join(SCREENSHOT_DIR, 'options-history.png'), fullPage: true });
    await options.close();
  }, 120_000);

  test('a history kept under the old single key (reportHistory) is listed, used for X-CARRY, and moved to one key per report', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => options.locator('[data-history-count]').textContent()).toMatch(/共 \d+ 份/);
    // Make the old shape from today's records: every entry under `reportHistory`, no per-report keys.
    const oldShape = await options.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      const history: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(all)) if (key.startsWith('history:')) history[key.slice('history:'.length)] = value;
      const ours = Object.keys(all).filter((key) => key.startsWith('history:') || key.startsWith('historyIndex:'));
      await chrome.storage.local.remove(ours);
      await chrome.storage.local.set({ reportHistory: history });
      return Object.keys(history).sort();
    });
    expect(oldShape).toContain(govUrl(server, '/cross-year/a-2021.html'));
    await options.reload();
    await expect.poll(() => options.locator('[data-history-count]').textContent()).toBe(`共 ${oldShape.length} 份`);

    // 2022 finds 2021 in the old key, and its own record, the first write, moves the old key over.
    const page = await openPage(browser.context, govUrl(server, '/cross-year/a-2022.html'));
    const carryKind = () =>
      page.evaluate(
        () =>
          document
            .querySelector('[data-gov-report-checker]')
            ?.shadowRoot?.querySelector<HTMLElement>('.badge[data-path="table3.legalPerson.commercial.carriedOver"]')?.dataset.kind ?? null,
      );
    await expect.poll(carryKind, { timeout: 20_000 }).toBe('error');
    const keys = () => options.evaluate(async () => Object.keys(await chrome.storage.local.get(null)));
    await expect.poll(async () => (await keys()).includes('reportHistory'), { timeout: 20_000 }).toBe(false);
    const after = (await keys()).filter((key) => key.startsWith('history:')).map((key) => key.slice('history:'.length));
    expect(after.sort()).toEqual([...new Set([...oldShape, govUrl(server, '/cross-year/a-2022.html')])].sort());
    await expect.poll(() => options.locator('[data-history-count]').textContent()).toBe(`共 ${after.length} 份`);
    await page.close();

    // A failed write (the background keeps why, historyProblem) is said on the options page until a write succeeds.
    await options.evaluate(() =>
      chrome.storage.local.set({
        historyProblem: {
          zh: '未能保存 1 份报告的记录：浏览器存储空间已满。请在选项页删除部分历史记录或清空，或释放磁盘空间。（QUOTA_BYTES quota exceeded）',
          en: "1 report(s) could not be saved to the history: the browser's storage is full. (QUOTA_BYTES quota exceeded)",
          at: 0,
        },
      }),
    );
    const problem = options.locator('[data-history-problem]');
    await expect.poll(() => problem.textContent()).toContain('浏览器存储空间已满');
    expect(await problem.getAttribute('role')).toBe('alert');
    await options.screenshot({ path: join(SCREENSHOT_DIR, 'options-history-problem.png'), fullPage: true });
    const again = await openPage(browser.context, govUrl(server, '/cross-year/a-2021.html'));
    await expect.poll(() => problem.count(), { timeout: 20_000 }).toBe(0);
    await again.close();
    await options.close();
  }, 120_000);
});
