/**
 * The Firefox package (.output/firefox-mv3) in Debian's Firefox ESR, installed over WebDriver BiDi (firefox-harness.ts):
 * the core flows of the Chromium suite — badges on seed 004 and on a real page, the popup's check, the JSON copy, the
 * options — and what Firefox does differently: the page CSP against our injected styles, the MV3 host-permission
 * opt-in (a user can withhold *.gov.cn), the clipboard; plus axe-core and the keyboard over the same UI.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { govUrl, serve, type StaticServer } from './harness';
import { launchFirefox, type LaunchedFirefox } from './firefox-harness';
import {
  byKind,
  expectBadgesOnCells,
  expectSameBox,
  expectStyledUnderStrictCsp,
  overlay,
  valueCells,
  waitForOverlay,
} from './overlay-reader';
import { expectAccessible, OVERLAY_SHADOW_ROOT } from './axe';
import { localUrl } from './popup-helpers';
import { schemaValidator } from '../export-fixture';

let server: StaticServer;
let firefox: LaunchedFirefox;
const validate = schemaValidator();
const NATURAL_TOTAL = 'table3.naturalPerson.results.totalProcessed';
const GOV_PATTERN = '*://*.gov.cn/*';

beforeAll(async () => {
  server = await serve();
  // As for Chromium (popup-helpers.ts): the test copy also holds the test server's plain address, standing in for
  // the activeTab grant of a real toolbar click, which no test can make.
  firefox = await launchFirefox({ extraHostPermissions: ['*://127.0.0.1/*'] });
}, 180_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function openPopupFor(page: Page): Promise<Page> {
  const tabId = await firefox.tabIdOf(page);
  return firefox.openExtensionPage(`popup.html?tab=${tabId}`);
}

/** Polls the document (Puppeteer's waitForSelector polls on animation frames, which a tab in the background never gets). */
async function waitFor(page: Page, selector: string, timeout = 20_000) {
  await expect.poll(() => page.evaluate((s) => document.querySelector(s) !== null, selector), { timeout }).toBe(true);
}

async function checkInPopup(popup: Page) {
  await popup.click('[data-action="check"]');
  await waitFor(popup, '.overview h2[data-status]');
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((el) => el.textContent ?? ''));
const hasHost = (page: Page) => page.evaluate(() => document.querySelector('[data-gov-report-checker]') !== null);

describe('auto-check on *.gov.cn pages', () => {
  test('seed 004: two red badges on （七）总计 of 自然人 and 总计, suspects on 本机关不掌握, each on its cell', async () => {
    const page = await firefox.openPage(govUrl(server, '/fixtures/004-word.html'));
    await waitForOverlay(page);
    const info = await overlay(page);
    const errors = byKind(info, 'error');
    expect(errors.map((b) => b.path).sort()).toEqual([NATURAL_TOTAL, 'table3.total.results.totalProcessed']);
    expect(errors.map((b) => b.label).sort()).toEqual(['应为 3 · 实为 1', '应为 4 · 实为 2']);
    const totals = await valueCells(page, '（七）总计');
    expectSameBox(errors.find((b) => b.path === NATURAL_TOTAL)!.box, totals[0]);
    expect(byKind(info, 'suspect')).toHaveLength(2);
    expect(info.chips.find((c) => c.table === 'table3')?.text).toBe('2 处错误');
    expectBadgesOnCells(info);
    // The event page's toolbar count for the tab.
    const tabId = await firefox.tabIdOf(page);
    const badgeText = () =>
      firefox.extensionApi(
        (id) => (globalThis as unknown as { browser: ActionApi }).browser.action.getBadgeText({ tabId: id }),
        tabId,
      );
    await expect.poll(badgeText).toBe('2');
    await page.close();
  });

  test('a real page (Pingtan 2023): no red badge, a ✓ chip per table', async () => {
    const page = await firefox.openPage(govUrl(server, '/realworld/pingtan-2023.html'));
    await waitForOverlay(page);
    const info = await overlay(page);
    expect(byKind(info, 'error')).toHaveLength(0);
    expect(info.chips.map((c) => `${c.table} ${c.text}`).sort()).toEqual([
      'table2 勾稽关系 ✓',
      'table3 勾稽关系 ✓',
      'table4 勾稽关系 ✓',
    ]);
    expectBadgesOnCells(info);
    await page.close();
  });

  test("a page whose CSP forbids every style (style-src 'none'): the overlay is still styled", async () => {
    const page = await firefox.openPage(govUrl(server, '/fixtures/004-plain.html?csp=strict'));
    await expectStyledUnderStrictCsp(page);
    await page.close();
  });

  test('keyboard: Tab reaches a red badge and shows its tooltip; Escape closes it, Enter opens it again', async () => {
    const page = await firefox.openPage(govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    const focusedBadge = () =>
      page.evaluate(() => {
        const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
        const active = root.activeElement as HTMLElement | null;
        return { kind: active?.dataset.kind ?? null, tooltip: !root.querySelector<HTMLElement>('.tooltip')!.hidden };
      });
    let now = await focusedBadge();
    for (let i = 0; i < 200 && now.kind !== 'error'; i++) {
      await page.keyboard.press('Tab');
      now = await focusedBadge();
    }
    expect(now).toEqual({ kind: 'error', tooltip: true });
    await page.keyboard.press('Escape');
    expect(await focusedBadge()).toEqual({ kind: 'error', tooltip: false });
    await page.keyboard.press('Enter');
    expect(await focusedBadge()).toEqual({ kind: 'error', tooltip: true });
    await page.close();
  });
});

describe('popup', () => {
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    page = await firefox.openPage(localUrl(server, '/fixtures/004-plain.html'));
    popup = await openPopupFor(page);
  });

  test('on a page outside the auto-check list the check injects the content script and shows the outcome', async () => {
    expect(await text(popup, 'main')).toContain('本页尚未核验');
    expect(await hasHost(page)).toBe(false);
    await checkInPopup(popup);
    expect(await text(popup, '.overview h2')).toBe('找到年报统计表');
    expect(await texts(popup, '.tables li')).toEqual(['表二 主动公开勾稽关系 ✓', '表三 依申请公开2 处错误', '表四 复议诉讼勾稽关系 ✓']);
    expect(await text(popup, '.group.severity-error h3')).toBe('错误 2');
    await expect.poll(() => hasHost(page)).toBe(true);
  });

  test('复制 JSON: the clipboard holds a document that validates against the published schema', async () => {
    await popup.click('[data-action="copy-json"]');
    await expect.poll(() => text(popup, '.export-status')).toBe('已复制 JSON');
    const doc = JSON.parse(await popup.evaluate(() => navigator.clipboard.readText()));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.report.table3.naturalPerson.results.totalProcessed).toEqual({ raw: '1', kind: 'number', value: 1 });
    expect(doc.findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
  });

  test('when the async clipboard refuses, the copy still lands on the clipboard (the selection fallback)', async () => {
    await popup.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused for the test', 'NotAllowedError'));
    });
    await popup.click('[data-action="copy-tsv"]');
    await expect.poll(() => text(popup, '.export-status')).toBe('已复制 TSV');
    const rows = (await popup.evaluate(() => navigator.clipboard.readText())).trimEnd().split('\n');
    expect(rows[0]).toBe('二、主动公开政府信息情况');
    expect(rows.some((row) => row.split('\t').includes('（七）总计'))).toBe(true);
  });

  test('clicking a finding scrolls the page to its cell', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.click(`.finding-button[data-path="${NATURAL_TOTAL}"]`);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  test('axe-core: 0 serious or critical violations in the popup and on the page overlay', async () => {
    await expectAccessible(popup);
    await expectAccessible(page, { within: OVERLAY_SHADOW_ROOT });
  });

  test('the popup makes no network request: its CSP blocks a fetch to the page’s own site', async () => {
    const attempt = await popup.evaluate(
      (url) => fetch(url).then(() => 'fetched', () => 'blocked'),
      govUrl(server, '/fixtures/000-plain.html'),
    );
    expect(attempt).toBe('blocked');
  });
});

describe('options', () => {
  test('English on the options page: the overlay and the popup follow without a reload; axe finds nothing serious', async () => {
    const page = await firefox.openPage(govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    const popup = await openPopupFor(page);
    await waitFor(popup, '.overview h2[data-status]');
    const options = await firefox.openExtensionPage('options.html');
    await expectAccessible(options);
    await options.click('input[name="language"][value="en"]');
    try {
      await expect.poll(() => text(options, 'h1')).toBe('Gov Report Checker · Options');
      await expect
        .poll(async () => byKind(await overlay(page), 'error').map((b) => b.label).sort(), { timeout: 5000 })
        .toEqual(['expected 3 · found 1', 'expected 4 · found 2']);
      await expect.poll(() => text(popup, '#findings-heading')).toBe('Findings');
      await expectAccessible(options);
    } finally {
      await options.click('input[name="language"][value="zh"]');
    }
    await expect.poll(async () => (await overlay(page)).chips.find((c) => c.table === 'table3')?.text).toBe('2 处错误');
    await options.close();
    await popup.close();
    await page.close();
  });

  test('hiding a badge kind removes those badges at once', async () => {
    const page = await firefox.openPage(govUrl(server, '/fixtures/000-blank-plain.html'));
    const blanks = () => overlay(page).then((info) => byKind(info, 'blank').length);
    await expect.poll(blanks, { timeout: 15_000 }).toBe(125);
    const options = await firefox.openExtensionPage('options.html');
    await options.click('input[name="badge-blank"]');
    await expect.poll(blanks).toBe(0);
    await options.click('input[name="badge-blank"]');
    await expect.poll(blanks).toBe(125);
    await options.close();
    await page.close();
  });

  test('adding a site registers the content script there (event page); removing it stops the auto-check', async () => {
    const options = await firefox.openExtensionPage('options.html');
    await options.type('#new-host', '127.0.0.1');
    await options.click('.add-site button[type="submit"]');
    await expect.poll(() => text(options, '.message')).toBe('已添加 127.0.0.1');
    const page = await firefox.openPage(localUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    expect(byKind(await overlay(page), 'error')).toHaveLength(2);
    await page.close();

    await options.bringToFront();
    await options.click('.sites button[aria-label="删除 127.0.0.1"]');
    await expect.poll(() => texts(options, '.sites code')).toEqual(['*.gov.cn']);
    const later = await firefox.openPage(localUrl(server, '/fixtures/004-plain.html'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await hasHost(later)).toBe(false);
    await later.close();
    await options.close();
  });

  test('MV3 host-permission opt-in: with *.gov.cn withheld nothing runs there and the options page says so; Allow access brings auto-check back', async () => {
    const granted = () =>
      firefox.extensionApi(
        (origin) => (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.contains({ origins: [origin] }),
        GOV_PATTERN,
      );
    expect(await granted()).toBe(true); // Firefox grants it at install; the user can switch it off in about:addons
    // What that switch does: the same call the add-on manager makes.
    await firefox.extensionApi(
      (origin) => (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.remove({ origins: [origin] }),
      GOV_PATTERN,
    );
    expect(await granted()).toBe(false);
    try {
      const withheld = await firefox.openPage(govUrl(server, '/fixtures/004-plain.html'));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await hasHost(withheld)).toBe(false);
      await withheld.close();

      const options = await firefox.openExtensionPage('options.html');
      await expect.poll(() => texts(options, '.sites .no-access')).toEqual(['浏览器未允许访问，不会自动核验']);
      await expectAccessible(options);
      await options.click('.sites button[aria-label="允许访问 *.gov.cn"]');
      await expect.poll(() => text(options, '.message')).toBe('已允许访问 *.gov.cn');
      await expect.poll(() => texts(options, '.sites .no-access')).toEqual([]);
      expect(await granted()).toBe(true);
      await options.close();
    } finally {
      if (!(await granted())) {
        // Leave the browser as it was for the other tests even when an assertion above failed.
        const options = await firefox.openExtensionPage('options.html');
        await options.click('.sites button[aria-label="允许访问 *.gov.cn"]').catch(() => {});
        await options.close();
      }
    }
    const page = await firefox.openPage(govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    expect(byKind(await overlay(page), 'error')).toHaveLength(2);
    await page.close();
  });
});

interface ActionApi {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

interface PermissionsApi {
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
}
