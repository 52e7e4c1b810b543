/**
 * Reading the overlay from the page under test, in Chromium (Playwright) and Firefox (Puppeteer) alike: every
 * function here only needs `page.evaluate(fn, arg)`, which both drivers' Page has.
 */
import { expect } from 'vitest';

/** The part of Playwright's and Puppeteer's Page the e2e helpers use: evaluate a function (with one argument) or a script. */
export interface InPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate(script: string): Promise<unknown>;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface BadgeInfo {
  kind: string;
  path: string;
  label: string | null;
  aria: string;
  visible: boolean;
  box: Box;
  /** The page cell (td/th) under the badge's centre, ignoring our host. */
  cellBox: Box | null;
  cellText: string | null;
}
export interface OverlayInfo {
  host: boolean;
  hostCount: number;
  badges: BadgeInfo[];
  chips: { table: string | null; kind: string | null; text: string; visible: boolean; box: Box }[];
}

/**
 * The overlay on the page, or in the same-origin frame `frameSelector` names (the report viewer's draft frame, read
 * from its parent where a driver cannot reach the frame itself: Puppeteer on Firefox lists no frame of an extension page).
 */
export async function overlay(page: InPage, frameSelector: string | null = null): Promise<OverlayInfo> {
  return page.evaluate((frame) => {
    const document = frame ? window.document.querySelector<HTMLIFrameElement>(frame)!.contentDocument! : window.document;
    const getComputedStyle = (el: Element) => document.defaultView!.getComputedStyle(el);
    const hosts = document.querySelectorAll('[data-gov-report-checker]');
    const root = hosts[0]?.shadowRoot;
    const plain = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    // The smallest page cell whose box contains the badge's centre (document-wide, not only the viewport).
    const cells = [...document.querySelectorAll('td, th')].map((el) => ({ el, r: el.getBoundingClientRect() }));
    const cellUnder = (r: DOMRect) => {
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      let best: { el: Element; r: DOMRect } | null = null;
      for (const c of cells) {
        if (cx < c.r.left || cx > c.r.right || cy < c.r.top || cy > c.r.bottom) continue;
        if (!best || c.r.width * c.r.height < best.r.width * best.r.height) best = c;
      }
      return best?.el ?? null;
    };
    const badges = [...(root?.querySelectorAll<HTMLElement>('.badge') ?? [])].map((b) => {
      const box = b.getBoundingClientRect();
      const visible = getComputedStyle(b).visibility !== 'hidden';
      const cell = visible ? cellUnder(box) : null;
      return {
        kind: b.dataset.kind ?? '',
        path: b.dataset.path ?? '',
        label: b.querySelector('.label')?.textContent ?? null,
        aria: b.getAttribute('aria-label') ?? '',
        visible,
        box: plain(box),
        cellBox: cell ? plain(cell.getBoundingClientRect()) : null,
        cellText: cell?.textContent?.trim() ?? null,
      };
    });
    const chips = [...(root?.querySelectorAll<HTMLElement>('.chip') ?? [])].map((c) => ({
      table: c.dataset.table ?? null,
      kind: c.dataset.kind ?? null,
      text: c.textContent ?? '',
      visible: getComputedStyle(c).visibility !== 'hidden',
      box: plain(c.getBoundingClientRect()),
    }));
    return { host: hosts.length > 0, hostCount: hosts.length, badges, chips };
  }, frameSelector);
}

export const byKind = (info: OverlayInfo, kind: string) => info.badges.filter((b) => b.kind === kind);

/** Waits until the overlay has drawn (at least one chip or badge, all placed). */
export async function waitForOverlay(page: InPage, timeout = 15_000) {
  const drawn = () =>
    page.evaluate(() => {
      const root = document.querySelector('[data-gov-report-checker]')?.shadowRoot;
      const items = root ? [...root.querySelectorAll<HTMLElement>('.chip, .badge')] : [];
      return items.length > 0 && items.every((el) => el.style.transform !== '' || el.classList.contains('notice'));
    });
  await expect.poll(drawn, { timeout, interval: 100 }).toBe(true);
}

/** The last 7 cells of the table-3 row whose label contains `label`: 自然人 … 其他, 总计 (value columns). */
export async function valueCells(page: InPage, label: string): Promise<Box[]> {
  return page.evaluate((text) => {
    const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent?.replace(/\s/g, '').includes(text));
    if (!row) return [];
    return [...row.cells].slice(-7).map((c) => {
      const r = c.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
  }, label);
}

export function expectSameBox(actual: Box, expected: Box, tolerance = 2) {
  expect(Math.abs(actual.x - expected.x)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(actual.y - expected.y)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(actual.width - expected.width)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(actual.height - expected.height)).toBeLessThanOrEqual(tolerance);
}

/** Every visible badge covers the page cell under it. */
export function expectBadgesOnCells(info: OverlayInfo) {
  for (const badge of info.badges.filter((b) => b.visible)) {
    expect(badge.cellBox, `${badge.path} is over a cell`).not.toBeNull();
    expectSameBox(badge.box, badge.cellBox!);
  }
}

/**
 * Seed 004 under a page CSP that forbids every style: the two red badges drawn on their cells, styled by the
 * overlay's own stylesheet (position, the red border and label background).
 */
export async function expectStyledUnderStrictCsp(page: InPage) {
  await waitForOverlay(page);
  const info = await overlay(page);
  expect(byKind(info, 'error')).toHaveLength(2);
  expectBadgesOnCells(info);
  const styled = await page.evaluate(() => {
    const badge = document.querySelector('[data-gov-report-checker]')!.shadowRoot!.querySelector('.badge.error')!;
    const s = getComputedStyle(badge);
    return { position: s.position, border: s.borderTopColor, labelBg: getComputedStyle(badge.querySelector('.label')!).backgroundColor };
  });
  expect(styled).toEqual({ position: 'absolute', border: 'rgb(179, 38, 30)', labelBg: 'rgb(179, 38, 30)' });
}

/**
 * The text of the report viewer's PDF text layer under the badge at `path` (empty while that page is not drawn yet):
 * the badge's box comes from the cell's box in the PDF, so this is the number the PDF prints in that cell.
 */
export async function textLayerUnderBadge(page: InPage, path: string): Promise<string> {
  return page.evaluate((p) => {
    const badge = document.querySelector('[data-gov-report-checker]')?.shadowRoot?.querySelector(`.badge[data-path="${p}"]`);
    if (!badge) return '';
    const r = badge.getBoundingClientRect();
    return [...document.querySelectorAll('.textLayer span')]
      .filter((span) => {
        const s = span.getBoundingClientRect();
        const cx = s.x + s.width / 2;
        const cy = s.y + s.height / 2;
        return cx > r.left && cx < r.right && cy > r.top && cy < r.bottom;
      })
      .map((span) => span.textContent)
      .join('')
      .trim();
  }, path);
}
