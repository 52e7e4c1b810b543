/**
 * Accessibility checks with axe-core, for every extension page and the overlay, in Chromium and Firefox alike.
 *
 * One line per page under test (a new page — the report viewer, the batch results page — adds one such line):
 *
 *   await expectAccessible(popup);                                  // the whole document of an extension page
 *   await expectAccessible(page, { within: OVERLAY_SHADOW_ROOT });  // only our overlay inside a report page
 *
 * It fails on any violation whose impact is serious or critical, naming the rule, the element and the fix; the
 * moderate and minor ones come back in the result (a test may log or assert them). It also fails when axe examined
 * nothing (a wrong `within`, a page that did not render), so a passing check always means something was checked.
 *
 * axe-core is injected with `page.evaluate(axe.source)`: both drivers evaluate through their protocol (CDP, BiDi),
 * which an extension page's Content-Security-Policy does not restrict. The same injection gives the contrast
 * measurement below axe's own colour arithmetic (axe.commons.color).
 */
import axe from 'axe-core';
import { expect } from 'vitest';
import type { InPage } from './overlay-reader';

/** axe's shadow-DOM selector for the overlay's layer: the host element, then inside its shadow root. */
export const OVERLAY_SHADOW_ROOT = { fromShadowDom: ['gov-report-checker[data-gov-report-checker]', '.layer'] };

type Within = string | { fromShadowDom: string[] };

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export interface A11yResult {
  violations: A11yViolation[];
  /** Elements axe looked at (passes, violations and needs-review together). */
  examined: number;
}

const BLOCKING = new Set(['serious', 'critical']);

export async function injectAxe(page: InPage): Promise<void> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!present) await page.evaluate(axe.source);
}

/** Runs axe over the page (or `within` it) and returns every violation. */
export async function runAxe(page: InPage, within?: Within): Promise<A11yResult> {
  await injectAxe(page);
  return page.evaluate(async (context) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const results = await engine.run((context ? { include: [context] } : document) as axe.ElementContext, {
      resultTypes: ['violations'],
    });
    const count = (list: axe.Result[]) => list.reduce((n, r) => n + r.nodes.length, 0);
    return {
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target as unknown[], failureSummary: n.failureSummary })),
      })),
      // With resultTypes ['violations'] axe still lists every rule's passes, with one node each at least.
      examined: count(results.passes) + count(results.violations) + count(results.incomplete),
    };
  }, within ?? null);
}

/** Asserts 0 serious or critical axe violations; returns the result for further assertions. */
export async function expectAccessible(page: InPage, options: { within?: Within } = {}): Promise<A11yResult> {
  const result = await runAxe(page, options.within);
  expect(result.examined, 'axe examined no element').toBeGreaterThan(0);
  const blocking = result.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  expect(blocking.map(describeViolation)).toEqual([]);
  return result;
}

export function describeViolation(v: A11yViolation): string {
  const where = v.nodes.map((n) => JSON.stringify(n.target)).join(', ');
  return `${v.impact} ${v.id}: ${v.help} — ${where}\n  ${v.nodes[0]?.failureSummary ?? ''}`;
}

// ---------- contrast ----------

export interface ContrastSample {
  /** What was measured, e.g. `.badge.error border` . */
  what: string;
  ratio: number;
}

/**
 * The contrast ratio (WCAG 2) of colour pairs in the overlay, each read from the computed style of a live element in
 * its shadow root and flattened (alpha) over what lies under it: `border` is a badge's border against the page cell's
 * background; `label` a badge or chip's text against its own background; `cell text` the page's text in the cell
 * against the cell's background tinted by the badge's translucent fill.
 */
export async function overlayContrast(page: InPage): Promise<ContrastSample[]> {
  await injectAxe(page);
  return page.evaluate(() => {
    type Colour = { alpha: number; parseString(text: string): Colour };
    const color = (window as unknown as { axe: { commons: { color: Record<string, unknown> } } }).axe.commons.color as {
      Color: new () => Colour;
      getContrast(bg: Colour, fg: Colour): number;
      flattenColors(fg: Colour, bg: Colour): Colour;
    };
    const parse = (text: string) => new color.Color().parseString(text);
    const over = (fg: string, bg: Colour) => color.flattenColors(parse(fg), bg);
    /** The first opaque-ish background from the element up (the page's white when none is set). */
    const backgroundOf = (el: Element | null): Colour => {
      const layers: Colour[] = [];
      for (let node = el; node; node = node.parentElement) {
        const c = parse(getComputedStyle(node).backgroundColor);
        if (c.alpha > 0) layers.push(c);
        if (c.alpha >= 1) break;
      }
      return layers.reduceRight((under, c) => color.flattenColors(c, under), parse('rgb(255, 255, 255)'));
    };
    const host = document.querySelector('[data-gov-report-checker]');
    const root = host?.shadowRoot;
    if (!root) return [];
    const samples: { what: string; ratio: number }[] = [];
    const seen = new Set<string>();
    const cellUnder = (badge: HTMLElement) => {
      const r = badge.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      return document.elementsFromPoint(x, y).find((el) => el !== host && (el.localName === 'td' || el.localName === 'th')) ?? null;
    };
    for (const badge of root.querySelectorAll<HTMLElement>('.badge')) {
      if (getComputedStyle(badge).visibility === 'hidden') continue;
      const kind = [...badge.classList].filter((c) => c !== 'badge').join('.');
      const cell = cellUnder(badge);
      if (!cell || seen.has(kind)) continue;
      seen.add(kind);
      const style = getComputedStyle(badge);
      const cellBg = backgroundOf(cell);
      samples.push({ what: `.badge.${kind} border`, ratio: color.getContrast(cellBg, over(style.borderTopColor, cellBg)) });
      const tinted = over(style.backgroundColor, cellBg);
      if (cell.textContent?.trim()) {
        samples.push({ what: `.badge.${kind} cell text`, ratio: color.getContrast(tinted, over(getComputedStyle(cell).color, tinted)) });
      }
      const label = badge.querySelector<HTMLElement>('.label');
      if (label) {
        const labelBg = over(getComputedStyle(label).backgroundColor, tinted);
        samples.push({ what: `.badge.${kind} label`, ratio: color.getContrast(labelBg, over(getComputedStyle(label).color, labelBg)) });
      }
    }
    const tooltip = root.querySelector<HTMLElement>('.tooltip:not([hidden])');
    for (const line of tooltip?.querySelectorAll<HTMLElement>('.rule, .where, .formula, .message, .second') ?? []) {
      const bg = backgroundOf(line);
      samples.push({ what: `.tooltip .${line.className}`, ratio: color.getContrast(bg, over(getComputedStyle(line).color, bg)) });
    }
    for (const chip of root.querySelectorAll<HTMLElement>('.chip')) {
      const kind = [...chip.classList].filter((c) => c !== 'chip').join('.');
      if (seen.has(`chip ${kind}`)) continue;
      seen.add(`chip ${kind}`);
      const bg = backgroundOf(chip);
      samples.push({ what: `.chip.${kind} text`, ratio: color.getContrast(bg, over(getComputedStyle(chip).color, bg)) });
    }
    return samples.map((s) => ({ what: s.what, ratio: Math.round(s.ratio * 100) / 100 }));
  });
}
