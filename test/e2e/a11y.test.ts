/**
 * Accessibility, measured in real Chromium with the built extension: axe-core over the popup, the options page and
 * the overlay's shadow root (0 serious or critical violations); a keyboard-only walk through every badge on the page
 * and every finding in the popup (Tab order, Enter, Escape); the contrast of every badge and chip colour (≥ 4.5:1).
 * firefox.test.ts runs the same axe checks in Firefox.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { govUrl, openPage, SCREENSHOT_DIR, serve, type LaunchedBrowser, type StaticServer } from './harness';
import { launchWithLocalAccess, localUrl, openPopupFor } from './popup-helpers';
import { expectAccessible, OVERLAY_SHADOW_ROOT, overlayContrast, runAxe } from './axe';
import { waitForOverlay } from './overlay-reader';

let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  server = await serve();
  browser = await launchWithLocalAccess();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const MIN_CONTRAST = 4.5;

async function checkInPopup(popup: Page) {
  await popup.getByRole('button', { name: /核验本页|重新核验|Check this page|Check again/ }).click();
  await popup.locator('.overview h2[data-status]').waitFor({ timeout: 20_000 });
}

/** What has keyboard focus: an overlay badge (inside our shadow root) or an element of the document. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-gov-report-checker]');
    const inner = document.activeElement === host ? (host?.shadowRoot?.activeElement as HTMLElement | null) : null;
    const tip = host?.shadowRoot?.querySelector<HTMLElement>('.tooltip');
    return {
      badge: inner?.classList.contains('badge') ? `${inner.dataset.kind} ${inner.dataset.path}` : null,
      tooltipShown: tip ? !tip.hidden : false,
      describedByTooltip: !!inner && !!tip && inner.getAttribute('aria-describedby') === tip.id,
      outside: inner ? null : (document.activeElement?.localName ?? null),
    };
  });
}

/** Every badge of the overlay, in the order of the page cells they mark. */
async function badgesInCellOrder(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
    const cellOf = (badge: HTMLElement) => {
      const r = badge.getBoundingClientRect();
      return document
        .elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)
        .find((el) => el.localName === 'td' || el.localName === 'th')!;
    };
    return [...root.querySelectorAll<HTMLElement>('.badge')]
      .map((b) => {
        b.scrollIntoView({ block: 'center' });
        return { id: `${b.dataset.kind} ${b.dataset.path}`, cell: cellOf(b) };
      })
      .sort((a, b) => (a.cell === b.cell ? 0 : a.cell.compareDocumentPosition(b.cell) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      .map((b) => b.id);
  });
}

describe('axe-core: 0 serious or critical violations', () => {
  test('the helper finds known violations (a nameless button, light grey text)', async () => {
    const page = await openPage(browser.context, govUrl(server, '/e2e/a11y-bad.html'));
    const { violations } = await runAxe(page);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(serious).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
    await page.close();
  });

  test('popup: before the check, with the findings of seed 004, in English, with no report', async () => {
    const page = await openPage(browser.context, localUrl(server, '/fixtures/004-plain.html'));
    const popup = await openPopupFor(browser, page);
    await popup.locator('[data-action="check"]').waitFor();
    await expectAccessible(popup);
    await checkInPopup(popup);
    await popup.locator('[data-action="copy-json"]').click();
    await expectAccessible(popup);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expectAccessible(options);
    await options.getByLabel('English（英文）').check();
    await expect.poll(() => popup.locator('#findings-heading').textContent()).toBe('Findings');
    await expectAccessible(options);
    await expectAccessible(popup);
    await options.getByLabel('中文').check();
    await options.close();
    await popup.close();
    await page.close();

    const none = await openPage(browser.context, localUrl(server, '/fixtures/no-report.html'));
    const popupNone = await openPopupFor(browser, none);
    await checkInPopup(popupNone);
    await expectAccessible(popupNone);
    await popupNone.close();
    await none.close();
  });

  const overlayPages = [
    ['seed 004 (red badges, suspects)', '/fixtures/004-word.html'],
    ['blank 法人 columns (125 amber badges)', '/fixtures/000-blank-plain.html'],
    ['n/a and text cells (grey badges)', '/fixtures/001-na-text-plain.html'],
    ['a real page (Pingtan 2023)', '/realworld/pingtan-2023.html'],
    ['the too-large notice', '/fixtures/huge-20000.html'],
  ] as const;
  for (const [name, path] of overlayPages) {
    test(`overlay shadow root: ${name}`, async () => {
      const page = await openPage(browser.context, govUrl(server, path));
      if (path.includes('huge')) {
        await expect.poll(() => page.evaluate(() => !!document.querySelector('[data-gov-report-checker]')?.shadowRoot?.querySelector('.notice')), { timeout: 15_000 }).toBe(true);
      } else {
        await waitForOverlay(page);
      }
      await expectAccessible(page, { within: OVERLAY_SHADOW_ROOT });
      // The tooltip, open on the first badge.
      const hasBadge = await page.evaluate(() => {
        const badge = document.querySelector('[data-gov-report-checker]')!.shadowRoot!.querySelector<HTMLElement>('.badge');
        badge?.focus();
        return !!badge;
      });
      if (hasBadge) {
        expect((await focused(page)).tooltipShown).toBe(true);
        await expectAccessible(page, { within: OVERLAY_SHADOW_ROOT });
      }
      await page.close();
    });
  }
});

describe('contrast of the overlay colours (WCAG 2 ratio, measured on the live page)', () => {
  test('every badge border, badge label, chip and tooltip text, and the page text under a badge: ≥ 4.5:1', async () => {
    const measured: { what: string; ratio: number }[] = [];
    for (const path of ['/fixtures/004-plain.html', '/fixtures/000-blank-plain.html', '/fixtures/001-na-text-plain.html']) {
      const page = await openPage(browser.context, govUrl(server, path));
      await waitForOverlay(page);
      await page.evaluate(() =>
        {
          const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
          (root.querySelector<HTMLElement>('.badge.error') ?? root.querySelector<HTMLElement>('.badge'))!.focus();
        },
      );
      measured.push(...(await overlayContrast(page)));
      await page.close();
    }
    const kinds = new Set(measured.map((m) => m.what));
    // Every colour pair the overlay draws was measured at least once.
    for (const what of [
      '.badge.error border',
      '.badge.error label',
      '.badge.error cell text',
      '.badge.suspect border',
      '.badge.suspect label',
      '.badge.suspect cell text',
      '.badge.blank border',
      '.badge.na border',
      '.badge.na cell text',
      '.badge.text border',
      '.badge.text cell text',
      '.chip.ok text',
      '.chip.errors text',
      '.chip.blanks text',
      '.tooltip .rule',
      '.tooltip .formula',
      '.tooltip .second',
    ]) {
      expect(kinds, what).toContain(what);
    }
    console.log(measured.map((m) => `${m.what}: ${m.ratio}`).join('\n'));
    for (const m of measured) expect(m.ratio, m.what).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });
});

describe('keyboard only', () => {
  test('Tab walks every badge in the order of its cell; each shows its tooltip; Escape closes it, Enter opens it again', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    const expected = await badgesInCellOrder(page);
    expect(expected.length).toBeGreaterThanOrEqual(4); // 2 red totals, 2 suspects (and any warnings)
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      (document.activeElement as HTMLElement | null)?.blur();
    });

    const walked: string[] = [];
    // The page's own links and controls come first; the overlay is the last thing in the document.
    for (let i = 0; i < 300 && walked.length < expected.length; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now.badge) {
        expect(walked, `focus left the badges for <${now.outside}> after ${walked.length}`).toEqual([]);
        continue;
      }
      walked.push(now.badge);
      expect(now.tooltipShown, `${now.badge}: tooltip on focus`).toBe(true);
      expect(now.describedByTooltip).toBe(true);
      await page.keyboard.press('Escape');
      expect((await focused(page)).tooltipShown, `${now.badge}: Escape closes the tooltip`).toBe(false);
      expect((await focused(page)).badge, 'Escape keeps focus on the badge').toBe(now.badge);
      await page.keyboard.press('Enter');
      expect((await focused(page)).tooltipShown, `${now.badge}: Enter opens it again`).toBe(true);
    }
    expect(walked).toEqual(expected);
    // Shift+Tab goes back through them in reverse.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).badge).toBe(expected[expected.length - 2]);
    await page.close();
  });

  test('popup: Tab reaches the check button and every finding in order; Enter on each shows its cell on the page', async () => {
    const page = await openPage(browser.context, localUrl(server, '/fixtures/004-plain.html'));
    await page.setViewportSize({ width: 1000, height: 500 });
    const popup = await openPopupFor(browser, page);
    await popup.locator('[data-action="check"]').waitFor();
    // The header's language switch and options link, then the check button.
    const stops: string[] = [];
    for (let i = 0; i < 3; i++) {
      await popup.keyboard.press('Tab');
      stops.push(await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.dataset.action ?? el.className;
      }));
    }
    expect(stops).toEqual(['lang', 'link', 'check']);
    await popup.keyboard.press('Enter');
    await popup.locator('.overview h2[data-status]').waitFor({ timeout: 20_000 });

    const reached: string[] = [];
    let opened = 0;
    for (let i = 0; i < 80; i++) {
      await popup.keyboard.press('Tab');
      const active = await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (el?.localName === 'summary') return { summary: !(el.parentElement as HTMLDetailsElement).open, finding: null };
        const isFinding = !!el?.matches('.finding-button, .suspects button');
        return { summary: false, finding: isFinding ? (el!.getAttribute('data-path') ?? el!.textContent ?? '') : null };
      });
      if (active.summary) {
        // A cause's members are folded under <details>: Enter on its summary opens them, and Tab goes on into them.
        await popup.keyboard.press('Enter');
        opened++;
        continue;
      }
      if (active.finding === null) {
        if (reached.length > 0) break; // past the last finding (the export bar)
        continue;
      }
      reached.push(active.finding);
      // Flashes of earlier findings may still be fading out: only a new one counts.
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        document.querySelector('[data-gov-report-checker]')?.shadowRoot?.querySelectorAll<HTMLElement>('.flash').forEach((f) => (f.dataset.old = ''));
      });
      await popup.keyboard.press('Enter');
      // The page scrolls the cell into view and flashes it in the overlay.
      await expect
        .poll(() =>
          page.evaluate(() => {
            const flash = document.querySelector('[data-gov-report-checker]')?.shadowRoot?.querySelector('.flash:not([data-old])');
            const r = flash?.getBoundingClientRect();
            return !!r && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
          }),
        )
        .toBe(true);
    }
    // Every finding of the popup (those under opened details included), each once, in the order shown.
    const findings = await popup.locator('.finding-button, .suspects button').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-path') ?? el.textContent ?? ''),
    );
    expect(findings.length).toBeGreaterThanOrEqual(4);
    expect(await popup.locator('details:not([open])').count()).toBe(0);
    console.log(`popup keyboard walk: ${reached.length} findings, ${opened} details opened`);
    expect(reached).toEqual(findings);
    await popup.close();
    await page.close();
  });
  test('popup: a cause folded under <details> opens with Enter on its summary, and Tab then reaches its members', async () => {
    const page = await openPage(browser.context, localUrl(server, '/fixtures/000-blank-plain.html'));
    const popup = await openPopupFor(browser, page);
    await checkInPopup(popup);
    expect(await popup.locator('details.members').count()).toBeGreaterThan(0);
    let onSummary = false;
    for (let i = 0; i < 40 && !onSummary; i++) {
      await popup.keyboard.press('Tab');
      onSummary = await popup.evaluate(() => document.activeElement?.localName === 'summary');
    }
    expect(onSummary).toBe(true);
    await popup.keyboard.press('Enter');
    expect(await popup.evaluate(() => (document.activeElement!.parentElement as HTMLDetailsElement).open)).toBe(true);
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => !!document.activeElement?.closest('details.members') && document.activeElement!.matches('.finding-button'))).toBe(true);
    await popup.close();
    await page.close();
  });
});
