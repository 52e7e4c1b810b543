/**
 * The popup and the options page in real Chromium with the built extension: check a page, read the outcome,
 * click a finding (the page scrolls to the cell), copy JSON and TSV (read back from the clipboard), download,
 * and change options (language, badge kinds) and see them take effect.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { govUrl, openPage, SCREENSHOT_DIR, serve, type LaunchedBrowser, type StaticServer } from './harness';
import { badgeTextOf, launchWithLocalAccess, localUrl, openPopupFor, tabIdOf } from './popup-helpers';
import { schemaValidator } from '../export-fixture';

let server: StaticServer;
let browser: LaunchedBrowser;
const validate = schemaValidator();

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  server = await serve();
  browser = await launchWithLocalAccess();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const NATURAL_TOTAL = 'table3.naturalPerson.results.totalProcessed';

async function checkInPopup(popup: Page) {
  await popup.getByRole('button', { name: /核验本页|重新核验|Check this page|Check again/ }).click();
  await popup.locator('.overview h2[data-status]').waitFor({ timeout: 20_000 });
}

async function clipboard(popup: Page): Promise<string> {
  return popup.evaluate(() => navigator.clipboard.readText());
}

/** The 自然人 cell of the table-3 row labelled `label`, as the page lays it out now, and the viewport height. */
async function naturalPersonCell(page: Page, label: string) {
  return page.evaluate((text) => {
    const row = [...document.querySelectorAll('tr')].find((tr) =>
      [...tr.cells].some((c) => c.textContent?.replace(/\s/g, '') === text),
    );
    const cell = row ? [...row.cells].slice(-7)[0] : null;
    const r = cell?.getBoundingClientRect();
    return { text: cell?.textContent?.trim() ?? null, top: r?.top ?? NaN, bottom: r?.bottom ?? NaN, innerHeight, scrollY };
  }, label);
}

describe('popup on a page outside the auto-check list (seed 004, two T3-RESULTS errors)', () => {
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    page = await openPage(browser.context, localUrl(server, '/fixtures/004-plain.html'));
    await page.setViewportSize({ width: 1000, height: 500 });
    popup = await openPopupFor(browser, page);
  });

  test('nothing runs until the button is pressed; then the content script is injected and the outcome shown', async () => {
    await expect.poll(() => popup.locator('main').textContent()).toContain('本页尚未核验');
    expect(await page.evaluate(() => document.querySelector('[data-gov-report-checker]') !== null)).toBe(false);

    await checkInPopup(popup);
    expect(await popup.locator('.overview h2').textContent()).toBe('找到年报统计表');
    const tables = await popup.locator('.tables li').allTextContents();
    expect(tables).toEqual(['表二 主动公开勾稽关系 ✓', '表三 依申请公开2 处错误', '表四 复议诉讼勾稽关系 ✓']);
    expect(await popup.locator('.meta dd').first().textContent()).toContain('2023');
    const errorGroup = popup.locator('.group.severity-error');
    expect(await errorGroup.locator('h3').textContent()).toBe('错误 2');
    const paths = await errorGroup.locator('.finding-button').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect(paths).toContain(NATURAL_TOTAL);
    // The formula names its non-zero terms, then how many are 0.
    expect(await errorGroup.locator(`.finding-button[data-path="${NATURAL_TOTAL}"] .formula`).textContent()).toBe(
      '内部事务信息 1 + 本机关不掌握 2 = 3 ≠ （七）总计 1，其余 19 项为 0',
    );
    // The content script now runs in the page: its overlay is there.
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-gov-report-checker]') !== null)).toBe(true);
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => badgeTextOf(browser, tabId)).toBe('2');
    await popup.bringToFront();
    await popup.locator('main').screenshot({ path: join(SCREENSHOT_DIR, 'popup-seed-004.png') });
  });

  test('clicking a finding scrolls the page to its cell', async () => {
    const before = await naturalPersonCell(page, '（七）总计');
    expect(before.text).toBe('1');
    expect(before.scrollY).toBe(0);
    expect(before.top).toBeGreaterThan(before.innerHeight); // below the fold: the click has to scroll

    await popup.locator(`.finding-button[data-path="${NATURAL_TOTAL}"]`).click();
    await expect.poll(async () => (await naturalPersonCell(page, '（七）总计')).scrollY).toBeGreaterThan(0);
    const after = await naturalPersonCell(page, '（七）总计');
    expect(after.top).toBeGreaterThanOrEqual(0);
    expect(after.bottom).toBeLessThanOrEqual(after.innerHeight);
  });

  test('keyboard: Tab reaches the finding buttons and Enter reveals', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await popup.bringToFront();
    await popup.locator(`.finding-button[data-path="${NATURAL_TOTAL}"]`).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await naturalPersonCell(page, '（七）总计')).scrollY).toBeGreaterThan(0);
  });

  test('复制 JSON puts a document on the clipboard that validates against the published schema', async () => {
    await popup.bringToFront();
    await popup.locator('[data-action="copy-json"]').click();
    await expect.poll(() => popup.locator('.export-status').textContent()).toBe('已复制 JSON');
    const doc = JSON.parse(await clipboard(popup));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.scope).toBe('report');
    expect(doc.report.table3.naturalPerson.results.totalProcessed).toEqual({ raw: '1', kind: 'number', value: 1 });
    expect(doc.findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
    expect(doc.causes.map((c: { severity: string; findings: number[] }) => [c.severity, c.findings.length])).toEqual([
      ['error', 1],
      ['error', 1],
    ]);
  });

  test('复制 TSV of table 3 pastes the template labels and the values', async () => {
    await popup.locator('.export-scope select').selectOption('table3');
    await popup.locator('[data-action="copy-tsv"]').click();
    await expect.poll(() => popup.locator('.export-status').textContent()).toBe('已复制 TSV');
    const rows = (await clipboard(popup)).trimEnd().split('\n').map((line) => line.split('\t'));
    expect(rows[0]).toEqual(['三、收到和处理政府信息公开申请情况']);
    expect(rows[1].slice(2)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(rows.find((r) => r[1] === '（七）总计')?.slice(2)).toEqual(['1', '1', '0', '0', '0', '0', '2']);
    expect(rows.find((r) => r[1] === '1.本机关不掌握相关政府信息')?.slice(2)).toEqual(['2', '0', '0', '0', '0', '0', '2']);
  });

  test('下载 .json saves the same document for the chosen table', async () => {
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.locator('[data-action="download-json"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/table3-年报核验\.json$/);
    const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.scope).toBe('table3');
    expect(doc.report.table2).toBeNull();
  });

  test('the popup makes no network request, and its Content-Security-Policy forbids one', async () => {
    const requests: string[] = [];
    popup.on('request', (request) => requests.push(request.url()));
    await popup.reload();
    await checkInPopup(popup);
    await popup.locator('[data-action="copy-json"]').click();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(`chrome-extension://${browser.extensionId}/`))).toEqual([]);
    const attempt = await popup.evaluate(
      (url) => fetch(url).then(() => 'fetched', () => 'blocked'),
      govUrl(server, '/fixtures/000-plain.html'),
    );
    expect(attempt).toBe('blocked');
  });

  test('language: English chosen on the options page shows in the popup; the popup switches back', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('English（英文）').check();
    await expect.poll(() => options.locator('h1').textContent()).toBe('Gov Report Checker · Options');
    await options.close();

    await popup.bringToFront();
    await expect.poll(() => popup.locator('#findings-heading').textContent()).toBe('Findings');
    expect(await popup.locator('.overview h2').textContent()).toBe('Report tables found');
    expect(await popup.locator('[data-action="check"]').textContent()).toBe('Check again');
    expect(await popup.locator('.export-status').textContent()).toBe('Copied JSON');
    await popup.locator('main').screenshot({ path: join(SCREENSHOT_DIR, 'popup-seed-004-en.png') });

    await popup.getByRole('button', { name: '切换到中文' }).click();
    await expect.poll(() => popup.locator('#findings-heading').textContent()).toBe('核验结果');
  });
});

describe('why no report was found', () => {
  const cases = [
    ['/fixtures/pdf-only.html', 'PDF 附件'],
    ['/fixtures/image-only.html', '图片'],
    ['/fixtures/no-report.html', '不是年报的三张统计表'],
  ] as const;
  for (const [path, reason] of cases) {
    test(`${path}: ${reason}`, async () => {
      const page = await openPage(browser.context, localUrl(server, path));
      const popup = await openPopupFor(browser, page);
      await checkInPopup(popup);
      expect(await popup.locator('.overview h2').textContent()).toBe('未找到年报统计表');
      expect((await popup.locator('.overview .reason').allTextContents()).join(' ')).toContain(reason);
      expect(await popup.locator('[data-action="copy-json"]').count()).toBe(0);
      await popup.close();
      await page.close();
    });
  }
});

test('a browser page cannot be checked, and the popup says so', async () => {
  const page = await browser.context.newPage();
  await page.goto('chrome://version/');
  const popup = await openPopupFor(browser, page);
  await popup.getByRole('button', { name: '核验本页' }).click();
  await expect.poll(() => popup.locator('main').textContent()).toContain('此页面无法核验');
  await popup.close();
  await page.close();
});

test('a suspect chosen by the report’s text shows the text’s reason under it', async () => {
  const page = await openPage(browser.context, localUrl(server, '/fixtures/text-tie-review-stated-plain.html'));
  const popup = await openPopupFor(browser, page);
  await checkInPopup(popup);
  const suspects = popup.locator('.suspects li');
  expect(await suspects.count()).toBe(1);
  expect(await suspects.locator('.suspect-reason').textContent()).toBe('正文称“行政复议1起”，故表四 行政复议 · 总计应为 1');
  await popup.locator('.suspects').screenshot({ path: join(SCREENSHOT_DIR, 'popup-text-tie.png') });
  await popup.close();
  await page.close();
});

test('the 2019 trial format is named as such, and said to be checked by its own template', async () => {
  const page = await openPage(browser.context, localUrl(server, '/fixtures/004-trial2019.html'));
  const popup = await openPopupFor(browser, page);
  await checkInPopup(popup);
  expect(await popup.locator('.overview h2').textContent()).toBe('2019 年试行格式');
  expect(await popup.locator('.overview .reason').allTextContents()).toEqual([
    '2019年试行格式：按2019年试行模板核对',
  ]);
  await popup.close();
  await page.close();
});

describe('an auto-checked *.gov.cn page', () => {
  test('the toolbar badge counts the errors and is cleared when the tab navigates', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-word.html'));
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => badgeTextOf(browser, tabId), { timeout: 15_000 }).toBe('2');
    // A page off the auto-check list: no check runs there, so only the navigation itself can clear the count.
    await page.goto(localUrl(server, '/fixtures/004-plain.html'));
    await expect.poll(() => badgeTextOf(browser, tabId)).toBe('');
    await page.goto(govUrl(server, '/fixtures/000-plain.html'));
    await expect.poll(() => badgeTextOf(browser, tabId), { timeout: 15_000 }).toBe('✓');
    await page.close();
  });

  test('a check that finishes while the popup is open shows up without a click (table arriving 2 s late)', async () => {
    const page = await openPage(browser.context, govUrl(server, '/e2e/delayed-table.html'));
    const popup = await openPopupFor(browser, page);
    expect(await page.evaluate(() => document.body.dataset.loaded ?? null)).toBeNull();
    await expect.poll(() => popup.locator('.overview h2').textContent(), { timeout: 20_000 }).toBe('找到年报统计表');
    expect(await popup.locator('.tables li[data-table="table3"]').textContent()).toContain('2 处错误');
    await popup.close();
    await page.close();
  });

  test('the popup shows the result at once, and hiding blank badges on the options page removes them', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/000-blank-plain.html'));
    const blankBadges = () =>
      page.evaluate(
        () =>
          document.querySelector('[data-gov-report-checker]')?.shadowRoot?.querySelectorAll('.badge[data-kind="blank"]')
            .length ?? 0,
      );
    // The five blanked 法人或其他组织 columns × 25 rows (as the overlay test counts them).
    await expect.poll(blankBadges, { timeout: 15_000 }).toBe(125);

    const popup = await openPopupFor(browser, page);
    await expect.poll(() => popup.locator('.overview h2').textContent(), { timeout: 10_000 }).toBe('找到年报统计表');
    expect(await popup.locator('[data-action="check"]').textContent()).toBe('重新核验');
    // 160 findings, one cause: the popup counts and lists the cause; its findings wait under 明细.
    expect(await popup.locator('.tables li[data-table="table3"]').textContent()).toBe('表三 依申请公开勾稽关系 ✓ · 1 处警告');
    const warnings = popup.locator('.group.severity-warning');
    expect(await warnings.locator('h3').textContent()).toBe('警告 1');
    expect(await warnings.locator(':scope > ul > li > .finding-button .message').allTextContents()).toEqual([
      '表三 法人或其他组织 5 列整列空白（125 格），应填 0（另有 35 项核对取决于这些空白格）',
    ]);
    expect(await popup.locator('.group.severity-info').count()).toBe(0);
    const details = warnings.locator('details.members');
    expect(await details.locator('summary').textContent()).toBe('明细 160 条');
    expect(await details.locator('li.member').count()).toBe(160);
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await popup.locator('main').screenshot({ path: join(SCREENSHOT_DIR, 'popup-blank-columns.png') });

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const blankBox = options.locator('input[name="badge-blank"]');
    expect(await blankBox.isChecked()).toBe(true);
    await blankBox.uncheck();
    await expect.poll(blankBadges).toBe(0);
    await blankBox.check();
    await expect.poll(blankBadges).toBe(125);
    await options.setViewportSize({ width: 720, height: 640 });
    await options.locator('main').screenshot({ path: join(SCREENSHOT_DIR, 'options.png') });
    await options.close();
    await popup.close();
    await page.close();
  });
});

describe('options: the auto-check site list', () => {
  test('the manifest’s *.gov.cn has access from the install: no “no access” note, no Allow button', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => options.locator('.sites code').allTextContents()).toContain('*.gov.cn');
    await options.waitForTimeout(300); // the access look-up is asynchronous
    expect(await options.locator('.sites .no-access').count()).toBe(0);
    expect(await options.getByRole('button', { name: /允许访问/ }).count()).toBe(0);
    await options.close();
  });

  // The test copy of the extension already holds *://127.0.0.1/* (popup-helpers.ts), so the browser grants the
  // request without a prompt; what is tested is the rest: the list, the registration, the auto-check it brings.
  test('adding a site registers the content script there; removing it stops the auto-check', async () => {
    const overlayOn = (page: Page) => page.evaluate(() => document.querySelector('[data-gov-report-checker]') !== null);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('要添加的网站').fill('http://127.0.0.1:8080/fixtures/');
    await options.getByRole('button', { name: '添加' }).click();
    await expect.poll(() => options.locator('.message').textContent()).toBe('已添加 127.0.0.1');
    expect(await options.locator('.sites code').allTextContents()).toEqual(['*.gov.cn', '127.0.0.1']);

    const registered = () =>
      browser.context.serviceWorkers()[0].evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } })
          .chrome;
        return (await api.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
      });
    await expect.poll(registered).toEqual(['*://127.0.0.1/*']);
    const page = await openPage(browser.context, localUrl(server, '/fixtures/000-blank-plain.html'));
    await expect.poll(() => overlayOn(page), { timeout: 15_000 }).toBe(true);

    await options.bringToFront();
    await options.getByRole('button', { name: '删除 127.0.0.1' }).click();
    await expect.poll(() => options.locator('.sites code').allTextContents()).toEqual(['*.gov.cn']);
    await expect.poll(registered).toEqual([]);
    const later = await openPage(browser.context, localUrl(server, '/fixtures/000-blank-plain.html'));
    await later.waitForTimeout(1500);
    expect(await overlayOn(later)).toBe(false);

    await options.getByLabel('要添加的网站').fill('not a host');
    await options.getByRole('button', { name: '添加' }).click();
    await expect.poll(() => options.locator('.message.bad').textContent()).toContain('例如');
    await options.close();
    await page.close();
    await later.close();
  });
});
