/**
 * The overlay in real Chromium with the built extension: pages served under *.gov.cn so auto-check runs by itself.
 * Every assertion reads the live page: the badges inside our shadow root, the page's own cells, the page's DOM.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  govUrl,
  injectFile,
  launch,
  openPage,
  SCREENSHOT_DIR,
  sendToTab,
  serve,
  gateLooks,
  type LaunchedBrowser,
  type StaticServer,
} from './harness';
import {
  byKind,
  expectBadgesOnCells,
  expectSameBox,
  expectStyledUnderStrictCsp,
  overlay,
  valueCells,
  waitForOverlay,
  type Box,
} from './overlay-reader';

let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  server = await serve();
  browser = await launch();
  // Main-world probes, installed before any page script: the DOM as parsed (before the content script runs at
  // document_idle), the boxes of every table and cell, and a 10 ms heartbeat whose gaps show main-thread blocking.
  // (PerformanceObserver 'longtask' does not report tasks of extension content scripts, so it cannot be used here.)
  await browser.context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const serialise = () => {
      const clone = document.documentElement.cloneNode(true) as Element;
      clone.querySelectorAll('[data-gov-report-checker]').forEach((node) => node.remove());
      return clone.outerHTML;
    };
    const boxes = () =>
      [...document.querySelectorAll('table, td, th')].map((el) => {
        const r = el.getBoundingClientRect();
        return [r.x, r.y, r.width, r.height].map((n) => Math.round(n * 10) / 10).join(',');
      });
    w.__serialise = serialise;
    w.__boxes = boxes;
    const gaps: { start: number; end: number }[] = [];
    w.__gaps = gaps;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      if (now - last > 50) gaps.push({ start: last, end: now });
      last = now;
    }, 10);
    document.addEventListener('DOMContentLoaded', () => {
      w.__before = serialise();
      w.__boxesBefore = boxes();
    });
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The check result, asked of the content script through the extension (as the popup does). */
async function result(page: Page): Promise<{ status: string; findings: { severity: string; rule: string }[] } | null> {
  const response = (await sendToTab(browser, page, { type: 'get-result' })) as { ok: boolean; result: never };
  expect(response.ok).toBe(true);
  return response.result;
}

async function waitForResult(page: Page) {
  await expect.poll(async () => (await result(page))?.status ?? null, { timeout: 15_000 }).not.toBeNull();
  return (await result(page))!;
}

async function expectPageUnchanged(page: Page) {
  const { before, after, boxesBefore, boxesAfter } = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      before: w.__before as string,
      after: (w.__serialise as () => string)(),
      boxesBefore: w.__boxesBefore as string[],
      boxesAfter: (w.__boxes as () => string[])(),
    };
  });
  expect(before.length).toBeGreaterThan(100);
  expect(after).toBe(before);
  expect(boxesAfter).toEqual(boxesBefore);
}

/** Focuses the first badge matching `selector` in our shadow root and returns the tooltip's text and lines. */
async function tooltipOf(page: Page, selector: string): Promise<{ text: string; causes: string[]; formulas: string[] }> {
  return page.evaluate((sel) => {
    const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
    root.querySelector<HTMLElement>(sel)!.focus();
    const tip = root.querySelector<HTMLElement>('.tooltip')!;
    const texts = (cls: string) => [...tip.querySelectorAll(cls)].map((el) => el.textContent ?? '');
    return { text: tip.hidden ? '' : tip.textContent ?? '', causes: texts('.cause'), formulas: texts('.formula') };
  }, selector);
}

/** A screenshot of the viewport, or of `clip` given in document coordinates. */
async function screenshot(page: Page, name: string, clip?: Box) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), clip, fullPage: clip !== undefined });
}

/** The document-coordinate box around the first table containing `text`, with a margin for chips and labels. */
async function tableClip(page: Page, text: string, maxHeight = 1400): Promise<Box> {
  return page.evaluate(
    ({ text, maxHeight }) => {
      const t = [...document.querySelectorAll('table')].find((el) => el.textContent?.includes(text))!;
      const r = t.getBoundingClientRect();
      const y = Math.max(0, r.y + window.scrollY - 30);
      return { x: Math.max(0, r.x - 10), y, width: r.width + 20, height: Math.min(r.height + 40, maxHeight) };
    },
    { text, maxHeight },
  );
}

/** Presses Tab until a badge of `kind` has the focus (at most 200 times); the focused badge's kind and path. */
async function tabToBadge(page: Page, kind: string) {
  let focused: { kind?: string; path?: string } | null = null;
  for (let i = 0; i < 200 && focused?.kind !== kind; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => {
      const active = document.activeElement?.shadowRoot?.activeElement as HTMLElement | null | undefined;
      return active ? { kind: active.dataset.kind, path: active.dataset.path } : null;
    });
  }
  return focused;
}

// ---------- tests ----------

describe('seed pages', () => {
  test('seed 000: every rule holds, no error badge, a ✓ chip per table', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/000-plain.html'));
    await waitForOverlay(page);
    const info = await overlay(page);
    expect(byKind(info, 'error')).toHaveLength(0);
    expect(byKind(info, 'suspect')).toHaveLength(0);
    expect(info.chips.map((c) => c.table).sort()).toEqual(['table2', 'table3', 'table4']);
    for (const chip of info.chips) expect(chip.text).toBe('勾稽关系 ✓');
    expect((await result(page))!.status).toBe('ok');
    await expectPageUnchanged(page);
    await page.close();
  });

  test('seed 004: two red badges on （七）总计 of 自然人 and 总计, suspects on 本机关不掌握', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    const info = await overlay(page);

    const errors = byKind(info, 'error');
    expect(errors.map((b) => b.path).sort()).toEqual([
      'table3.naturalPerson.results.totalProcessed',
      'table3.total.results.totalProcessed',
    ]);
    const totals = await valueCells(page, '（七）总计');
    const natural = errors.find((b) => b.path.startsWith('table3.naturalPerson'))!;
    const total = errors.find((b) => b.path.startsWith('table3.total'))!;
    expectSameBox(natural.box, totals[0]);
    expectSameBox(total.box, totals[6]);
    expect(natural.label).toBe('应为 3 · 实为 1');
    expect(total.label).toBe('应为 4 · 实为 2');
    expect(natural.aria).toMatch(/^错误：.*Error:/);

    const suspects = byKind(info, 'suspect');
    expect(suspects).toHaveLength(2);
    const noInfo = await valueCells(page, '本机关不掌握');
    const suspectBoxes = suspects.map((s) => s.box).sort((a, b) => a.x - b.x);
    expectSameBox(suspectBoxes[0], noInfo[0]);
    expectSameBox(suspectBoxes[1], noInfo[6]);

    const chip3 = info.chips.find((c) => c.table === 'table3')!;
    expect(chip3.text).toBe('2 处错误');
    expectBadgesOnCells(info);
    await expectPageUnchanged(page);

    await screenshot(page, 'seed-004-table3', await tableClip(page, '自然人'));
    await page.close();
  });

  test('a 2021 report with （六）其他处理 as one row (Hongze 2024): one amber STRUCTURE badge on that row’s 总计, no red badge', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/hongze-hybrid-word.html'));
    await waitForOverlay(page);
    const info = await overlay(page);
    expect(byKind(info, 'error')).toHaveLength(0);
    const warnings = byKind(info, 'warning');
    expect(warnings.map((b) => b.path)).toEqual(['table3.total.results.other']);
    expectSameBox(warnings[0].box, (await valueCells(page, '（六）其他处理'))[6]);
    expect(warnings[0].aria).toContain('其他处理');
    expect((await result(page))!.status).toBe('ok');
    expect((await result(page))!.findings.filter((f) => f.rule === 'STRUCTURE')).toHaveLength(1);
    expectBadgesOnCells(info);
    await expectPageUnchanged(page);
    await screenshot(page, 'hongze-hybrid-table3', await tableClip(page, '自然人'));
    await page.close();
  });

  test('a tie the report’s text breaks: the suspect outline sits on 复议 总计 and its tooltip gives the text’s reason', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/text-tie-review-stated-plain.html'));
    await waitForOverlay(page);
    const info = await overlay(page);
    expect(byKind(info, 'suspect').map((b) => b.path)).toEqual(['table4.review.total']);
    expect((await tabToBadge(page, 'suspect'))?.kind).toBe('suspect');
    const tooltip = await page.evaluate(() => {
      const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
      const tip = root.querySelector<HTMLElement>('.tooltip')!;
      const active = root.activeElement as HTMLElement;
      return {
        hidden: tip.hidden,
        lines: [...tip.children].map((el) => el.textContent),
        label: active.getAttribute('aria-label') ?? '',
        tipBox: tip.getBoundingClientRect().toJSON(),
        badgeBox: active.getBoundingClientRect().toJSON(),
      };
    });
    expect(tooltip.hidden).toBe(false);
    expect(tooltip.lines).toContain('正文称“行政复议1起”，故表四 行政复议 · 总计应为 1');
    expect(tooltip.lines).toContain('The text says “行政复议1起”, so Table 4 Administrative review · Total should be 1');
    expect(tooltip.label).toContain('正文称“行政复议1起”');
    const scrollY = await page.evaluate(() => window.scrollY);
    const top = tooltip.badgeBox.y + scrollY - 200;
    const clip = { x: 0, y: top, width: 1280, height: tooltip.tipBox.y + tooltip.tipBox.height + scrollY + 12 - top };
    await screenshot(page, 'text-tie-tooltip', clip);
    await page.close();
  });

  test('keyboard focus on a red badge shows the tooltip with the rule and formula and outlines the added cells', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    const focused = await tabToBadge(page, 'error');
    expect(focused?.kind).toBe('error');
    const tooltip = await page.evaluate(() => {
      const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
      const tip = root.querySelector<HTMLElement>('.tooltip')!;
      const active = root.activeElement as HTMLElement;
      return {
        hidden: tip.hidden,
        text: tip.textContent ?? '',
        described: active.getAttribute('aria-describedby') === tip.id,
        parts: root.querySelectorAll('.part').length,
        tipBox: tip.getBoundingClientRect().toJSON(),
        badgeBox: active.getBoundingClientRect().toJSON(),
      };
    });
    expect(tooltip.hidden).toBe(false);
    expect(tooltip.described).toBe(true);
    expect(tooltip.text).toContain('T3-RESULTS');
    // The formula names the non-zero terms instead of 21 terms of 0 + 0 + …
    expect(tooltip.text).toContain(
      focused?.path === 'table3.naturalPerson.results.totalProcessed'
        ? '内部事务信息 1 + 本机关不掌握 2 = 3 ≠ （七）总计 1，其余 19 项为 0'
        : '予以公开 1 + 内部事务信息 1 + 本机关不掌握 2 = 4 ≠ （七）总计 2，其余 18 项为 0',
    );
    expect(tooltip.parts).toBe(21); // the 21 leaf rows of the column
    expect(tooltip.tipBox.y).toBeGreaterThanOrEqual(tooltip.badgeBox.y + tooltip.badgeBox.height);
    const scrollY = await page.evaluate(() => window.scrollY);
    const top = tooltip.badgeBox.y + scrollY - 560;
    const clip = { x: 0, y: top, width: 1280, height: tooltip.tipBox.y + tooltip.tipBox.height + scrollY + 12 - top };
    await screenshot(page, 'seed-004-tooltip', clip);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.querySelector('[data-gov-report-checker]')!.shadowRoot!.querySelector<HTMLElement>('.tooltip')!.hidden)).toBe(true);
    await page.close();
  });

  test('blank, n/a and text cells: amber and grey badges on their cells', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/001-na-text-plain.html'));
    await waitForOverlay(page);
    const info = await overlay(page);
    const grey = info.badges.filter((b) => b.kind === 'na' || b.kind === 'text');
    expect(grey.map((b) => `${b.kind} ${b.path}`).sort()).toEqual([
      'na table2.regulations.made',
      'na table2.regulations.repealed',
      'na table2.regulations.valid',
      'na table3.legalPerson.research.carriedOver',
      'text table2.licensing',
      'text table4.review.other',
    ]);
    expectBadgesOnCells(info);
    for (const badge of grey) expect(['/', '—', '无', '不适用', '详见附件', '2件']).toContain(badge.cellText);
    // Chips count causes: 详见附件 (error) and three n/a cells in table 2; 不适用 with the two sums it leaves open in
    // table 3; 2件 (error) with its block total in table 4.
    expect(Object.fromEntries(info.chips.map((c) => [c.table, c.text]))).toEqual({
      table2: '1 处错误 · 3 处警告',
      table3: '1 处警告',
      table4: '1 处错误',
    });
    await page.close();

    const blankPage = await openPage(browser.context, govUrl(server, '/fixtures/000-blank-plain.html'));
    await waitForOverlay(blankPage);
    const blanks = await overlay(blankPage);
    expect(byKind(blanks, 'blank')).toHaveLength(125); // five 法人或其他组织 columns × 25 rows
    expect(byKind(blanks, 'error')).toHaveLength(0);
    // 125 blank cells, one cause: the chip counts causes, and every badge's tooltip names the cause.
    expect(blanks.chips.find((c) => c.table === 'table3')!.text).toBe('1 处空白');
    expectBadgesOnCells(blanks);
    await screenshot(blankPage, 'blank-columns', await tableClip(blankPage, '自然人', 700));
    const tip = await tooltipOf(blankPage, '.badge.blank[data-path="table3.legalPerson.social.results.totalProcessed"]');
    expect(tip.causes).toEqual(['表三 法人或其他组织 5 列整列空白（125 格），应填 0（另有 35 项核对取决于这些空白格）']);
    // The three findings on this blank （七）总计: BLANK, and the two sums it leaves open, with blank terms shown.
    expect(tip.formulas).toEqual([
      '一、新收 （空白） + 二、上年结转 （空白） ? （七）总计 （空白） + 四、结转下年度 （空白）',
      '21 项均为空白 ? （七）总计 （空白）',
    ]);
    // Focus scrolled the badge into view: read both boxes now.
    const boxes = await blankPage.evaluate(() => {
      const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
      return {
        badge: (root.activeElement as HTMLElement).getBoundingClientRect().toJSON(),
        tip: root.querySelector('.tooltip')!.getBoundingClientRect().toJSON(),
        scrollY: window.scrollY,
      };
    });
    const top = Math.max(0, boxes.badge.y + boxes.scrollY - 420);
    const bottom = boxes.tip.y + boxes.tip.height + boxes.scrollY + 12;
    await screenshot(blankPage, 'blank-columns-tooltip', { x: 0, y: top, width: 1280, height: bottom - top });
    await blankPage.close();
  });

  test('reveal scrolls to the cell and flashes it in the overlay', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const response = (await sendToTab(browser, page, { type: 'reveal', path: 'table4.review.total' })) as { ok: boolean };
    expect(response.ok).toBe(true);
    const flash = await page.evaluate(() => {
      const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
      const box = root.querySelector<HTMLElement>('.flash');
      return box ? { box: box.getBoundingClientRect().toJSON(), animations: box.getAnimations().length, scrollY: window.scrollY } : null;
    });
    expect(flash).not.toBeNull();
    expect(flash!.animations).toBe(1);
    expect(flash!.scrollY).toBeGreaterThan(0);
    // The flash box covers a cell in the middle of the viewport.
    expect(flash!.box.y).toBeGreaterThan(0);
    expect(flash!.box.y + flash!.box.height).toBeLessThan(900);
    const bad = (await sendToTab(browser, page, { type: 'reveal', path: 'table9.nothing' })) as { ok: boolean; error?: string };
    expect(bad.ok).toBe(false);
    expect(bad.error).toContain('table9.nothing');
    await page.close();
  });

  test('language setting: English labels, chips and tooltip appear without a reload', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    const setLanguage = (language: string) =>
      browser.context.serviceWorkers()[0].evaluate(async (value) => {
        const api = (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome;
        await api.storage.sync.set({ language: value });
      }, language);
    await setLanguage('en');
    try {
      await expect
        .poll(async () => byKind(await overlay(page), 'error').map((b) => b.label), { timeout: 5000 })
        .toEqual(['expected 3 · found 1', 'expected 4 · found 2']);
      const info = await overlay(page);
      expect(info.chips.find((c) => c.table === 'table3')!.text).toBe('2 errors');
      // aria-labels stay bilingual, Chinese first
      expect(byKind(info, 'error')[0].aria).toMatch(/^错误：.*Error:/);
    } finally {
      await setLanguage('zh');
    }
    await expect.poll(async () => (await overlay(page)).chips.find((c) => c.table === 'table3')?.text).toBe('2 处错误');
    await page.close();
  });

  test('switch-off removes the host; check brings it back', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    expect(((await sendToTab(browser, page, { type: 'switch-off' })) as { ok: boolean }).ok).toBe(true);
    expect((await overlay(page)).host).toBe(false);
    await expectPageUnchanged(page);
    const response = (await sendToTab(browser, page, { type: 'check' })) as { ok: boolean; result: { status: string } };
    expect(response.result.status).toBe('ok');
    await waitForOverlay(page);
    expect(byKind(await overlay(page), 'error')).toHaveLength(2);
    await page.close();
  });
});

describe('real pages', () => {
  for (const name of ['pingtan-2023', 'hangzhou-style']) {
    test(`${name}: no red badge, chips say ✓, badges on cells, page unchanged`, async () => {
      const page = await openPage(browser.context, govUrl(server, `/realworld/${name}.html`));
      await waitForOverlay(page);
      const info = await overlay(page);
      expect(byKind(info, 'error')).toHaveLength(0);
      expect(info.chips.map((c) => c.table).sort()).toEqual(['table2', 'table3', 'table4']);
      for (const chip of info.chips) expect(chip.text).toBe('勾稽关系 ✓');
      expectBadgesOnCells(info);
      await expectPageUnchanged(page);
      if (name === 'pingtan-2023') await screenshot(page, 'pingtan-2023-table3', await tableClip(page, '自然人', 700));
      await page.close();
    });
  }
});

describe('a real page with five blank 法人 columns', () => {
  test('shuyang-2023: 125 amber badges on their cells, one cause on the chip, no red', async () => {
    const page = await openPage(browser.context, govUrl(server, '/realworld/shuyang-2023.html'));
    await waitForOverlay(page);
    const info = await overlay(page);
    expect(byKind(info, 'blank')).toHaveLength(125);
    expect(byKind(info, 'error')).toHaveLength(0);
    expect(Object.fromEntries(info.chips.map((c) => [c.table, c.text]))).toEqual({
      table2: '勾稽关系 ✓',
      table3: '1 处空白',
      table4: '勾稽关系 ✓',
    });
    const res = (await result(page)) as unknown as { causes: { message: { zh: string } }[]; findings: unknown[] };
    expect(res.findings).toHaveLength(160);
    expect(res.causes.map((c) => c.message.zh)).toEqual([
      '表三 法人或其他组织 5 列整列空白（125 格），应填 0（另有 35 项核对取决于这些空白格）',
    ]);
    expectBadgesOnCells(info);
    await expectPageUnchanged(page);
    await page.close();
  });
});

describe('pages without a report, huge pages, hostile pages', () => {
  test('a page without a report stays quiet: the gate looks, no engine, no host', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/no-report.html'));
    await expect.poll(() => gateLooks(browser, page), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(500);
    await expect(sendToTab(browser, page, { type: 'get-result' })).rejects.toThrow(/Receiving end does not exist/);
    expect((await overlay(page)).host).toBe(false);
    await expectPageUnchanged(page);
    await page.close();
  });

  test('huge page (~20,000 cells): the main thread is never blocked 50 ms by us; auto-check says too large', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/huge-20000.html'));
    const res = await waitForResult(page);
    // 20,000 cells is past AUTO_CHECK_MAX_CELLS (3000): the auto-check gate always says too large.
    expect(res.status).toBe('too-large');
    await waitForOverlay(page);
    const info = await overlay(page);
    expect(info.badges).toHaveLength(0);
    expect(info.chips).toHaveLength(1);
    expect(info.chips[0].kind).toBe('notice');
    expect(info.chips[0].text).toMatch(/过大.*\d{5}/);
    const box = info.chips[0].box; // fixed at the viewport's top-right corner
    expect(box.x).toBeGreaterThan(1280 / 2);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThan(200);
    await screenshot(page, 'too-large-notice');
    await page.evaluate(() =>
      document.querySelector('[data-gov-report-checker]')!.shadowRoot!.querySelector<HTMLElement>('.notice .close')!.click(),
    );
    expect((await overlay(page)).chips).toHaveLength(0);
    await page.waitForTimeout(300);
    const { measures, gaps } = await page.evaluate(() => ({
      measures: performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('gov-report-checker:'))
        .map((m) => ({ name: m.name, start: m.startTime, end: m.startTime + m.duration })),
      gaps: (window as unknown as { __gaps: { start: number; end: number }[] }).__gaps,
    }));
    // The auto-check's size check (the engine's `size`, as the gate script found the labels) or a check's `engine`.
    expect(measures.some((m) => /:(gate|size|engine)$/.test(m.name))).toBe(true);
    // Each of our synchronous pieces is under 50 ms…
    for (const m of measures) expect(m.end - m.start, m.name).toBeLessThan(50);
    // …and so is all our work inside any one stretch where the page's heartbeat could not run. (The page's own
    // first paint of 20,000 cells blocks for longer; that part of a gap is not ours.)
    const topLevel = measures.filter((m) => /:(gate|read|engine|render|layout)$/.test(m.name));
    for (const gap of gaps) {
      const ours = topLevel.filter((m) => m.start >= gap.start && m.end <= gap.end).reduce((sum, m) => sum + m.end - m.start, 0);
      expect(ours).toBeLessThan(50);
    }
    await page.close();
  });

  test('huge page (~20,000 cells), check asked for from the popup: read and engine in slices under 50 ms; the report is found', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/huge-20000.html'));
    await waitForResult(page);
    const before = await page.evaluate(() => performance.now());
    const response = (await sendToTab(browser, page, { type: 'check' })) as { ok: boolean; result: { status: string } };
    expect(response.ok).toBe(true);
    expect(response.result.status).toBe('ok');
    await page.waitForTimeout(300);
    const { measures, gaps } = await page.evaluate((since) => ({
      measures: performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('gov-report-checker:') && m.startTime >= since)
        .map((m) => ({ name: m.name, start: m.startTime, end: m.startTime + m.duration })),
      gaps: (window as unknown as { __gaps: { start: number; end: number }[] }).__gaps.filter((g) => g.end >= since),
    }), before);
    const reads = measures.filter((m) => m.name.endsWith(':read'));
    // The whole read takes ~70 ms in one piece on this page, so it must come in several slices.
    expect(reads.length).toBeGreaterThan(1);
    expect(measures.some((m) => m.name.endsWith(':engine'))).toBe(true);
    for (const m of measures) expect(m.end - m.start, m.name).toBeLessThan(50);
    const topLevel = measures.filter((m) => /:(read|engine|render|layout)$/.test(m.name));
    for (const gap of gaps) {
      const ours = topLevel.filter((m) => m.start >= gap.start && m.end <= gap.end).reduce((sum, m) => sum + m.end - m.start, 0);
      expect(ours).toBeLessThan(50);
    }
    await page.close();
  });

  test('the heartbeat probe sees a 120 ms task (so the test above can fail)', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/no-report.html'));
    await page.evaluate(() => {
      const t = performance.now();
      while (performance.now() - t < 120);
    });
    await page.waitForTimeout(50);
    const gaps = await page.evaluate(() => (window as unknown as { __gaps: { start: number; end: number }[] }).__gaps);
    expect(gaps.some((g) => g.end - g.start >= 110)).toBe(true);
    await page.close();
  });

  test('strict CSP (default-src none; style-src none): the overlay still shows, styled', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html?csp=strict'));
    await expectStyledUnderStrictCsp(page);
    await page.close();
  });

  test('page CSS cannot restyle the overlay', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
    // The overlay first: this CSS also hides the page's <article> around the tables, so cells have empty boxes and
    // a first layout after it would (rightly) hide every badge. Adding it before raced with the auto-check.
    await waitForOverlay(page);
    await page.addStyleTag({
      content: '* { display: none !important; } html, body, table, tbody, tr, td, th { display: revert !important; } button { color: lime !important; background: lime !important; }',
    });
    const visible = await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('[data-gov-report-checker]')!;
      const badge = host.shadowRoot!.querySelector('.badge.error')!;
      return { host: getComputedStyle(host).display, badge: getComputedStyle(badge).backgroundColor };
    });
    expect(visible.host).toBe('block');
    expect(visible.badge).not.toBe('rgb(0, 255, 0)');
    await page.close();
  });

  test('a table that arrives 2 s after load gets its badges', async () => {
    const page = await openPage(browser.context, govUrl(server, '/e2e/delayed-table.html'));
    expect((await overlay(page)).host).toBe(false);
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 10_000 });
    await waitForOverlay(page);
    const info = await overlay(page);
    expect(byKind(info, 'error')).toHaveLength(2);
    expectBadgesOnCells(info);
    await page.close();
  });

  test('a table in a hidden tab: badges hidden, then placed when the tab opens', async () => {
    const page = await openPage(browser.context, govUrl(server, '/e2e/tab-hidden.html'));
    await page.waitForSelector('body[data-loaded="true"]');
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-gov-report-checker]')?.shadowRoot;
      return (root?.querySelectorAll('.badge.error').length ?? 0) === 2;
    });
    // The layout pass (next animation frame) hides badges of cells with empty boxes; wait for it, not a fixed time.
    await expect.poll(async () => (await overlay(page)).badges.every((b) => !b.visible), { timeout: 10_000 }).toBe(true);
    const hidden = await overlay(page);
    expect(hidden.badges.every((b) => !b.visible)).toBe(true);
    expect(hidden.chips.every((c) => !c.visible)).toBe(true);
    await page.click('#tab-report');
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-gov-report-checker]')!.shadowRoot!;
      return [...root.querySelectorAll('.badge')].every((b) => getComputedStyle(b).visibility !== 'hidden');
    });
    const shown = await overlay(page);
    expect(byKind(shown, 'error')).toHaveLength(2);
    expectBadgesOnCells(shown);
    await page.close();
  });

  test('single-page navigation: pushState to the report adds badges, back removes them', async () => {
    const page = await openPage(browser.context, govUrl(server, '/e2e/spa.html'));
    await expect.poll(() => gateLooks(browser, page), { timeout: 10_000 }).toBe(1); // home has a table, not the report
    await page.click('#nav-report');
    await waitForOverlay(page);
    expect(byKind(await overlay(page), 'error')).toHaveLength(2);
    await page.goBack();
    await page.waitForSelector('body[data-view="home"]');
    await expect.poll(async () => (await overlay(page)).host, { timeout: 10_000 }).toBe(false);
    expect((await result(page))!.status).toBe('no-report');
    await page.close();
  });

  test('badges follow their cells when an inner container scrolls and when the window resizes', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    // Put table 3 in a scrolling box scrolled to its end: badges of rows scrolled out are hidden, the rest sit on cells.
    const scrollToEnd = () =>
      page.evaluate(() => {
        let box = document.getElementById('scroll-box');
        if (!box) {
          const t = [...document.querySelectorAll('table')].find((el) => el.textContent?.includes('自然人'))!;
          box = document.createElement('div');
          box.id = 'scroll-box';
          box.style.cssText = 'height: 300px; overflow: auto; border: 1px solid #999';
          t.before(box);
          box.append(t);
        }
        box.scrollTop = box.scrollHeight;
        box.scrollIntoView();
        const r = box.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
    const visibleCounts = async () => {
      const info = await overlay(page);
      return [byKind(info, 'error'), byKind(info, 'suspect')].map((list) => list.filter((b) => b.visible).length);
    };
    const checkInside = async (box: Box) => {
      // Moving the table into the box is a DOM change: the overlay re-checks (debounced) and lays out again.
      // Wait for that to settle instead of sleeping a fixed time, then assert the settled state.
      // 2 errors: the （七）总计 row is near the end; 0 suspects: 本机关不掌握 is scrolled out.
      await expect.poll(visibleCounts, { timeout: 10_000, interval: 100 }).toEqual([2, 0]);
      const info = await overlay(page);
      expect(byKind(info, 'error').filter((b) => b.visible)).toHaveLength(2);
      expect(byKind(info, 'suspect').filter((b) => b.visible)).toHaveLength(0);
      for (const badge of info.badges.filter((b) => b.visible)) {
        const cy = badge.box.y + badge.box.height / 2;
        expect(cy).toBeGreaterThanOrEqual(box.y);
        expect(cy).toBeLessThanOrEqual(box.y + box.height);
      }
      expectBadgesOnCells(info);
    };
    await scrollToEnd();
    await waitForOverlay(page);
    await checkInside(await scrollToEnd());
    await page.setViewportSize({ width: 800, height: 700 });
    await checkInside(await scrollToEnd());
    await page.close();
  });

  test('injecting the engine again, or the gate, does not run either twice', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
    await waitForOverlay(page);
    // What chrome.scripting.executeScript({files}) does: run the built files again in the extension's isolated world.
    const looksBefore = await gateLooks(browser, page);
    for (const file of ['engine.js', 'gate.js']) {
      expect(await injectFile(browser, page, file), file).toBeUndefined();
    }
    await page.waitForTimeout(500);
    expect(await gateLooks(browser, page)).toBe(looksBefore);
    const info = await overlay(page);
    expect(info.hostCount).toBe(1);
    expect(byKind(info, 'error')).toHaveLength(2);
    expect(((await sendToTab(browser, page, { type: 'get-result' })) as { result: { status: string } }).result.status).toBe('ok');
    await page.close();
  });
});
