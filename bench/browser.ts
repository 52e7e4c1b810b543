/**
 * Benchmark in the real browser (npm run bench:browser): the built extension in Chromium, pages under *.gov.cn.
 * Two parts (methods and figures in docs/performance.md):
 *
 * 1. Always on (bench/always-on.ts): what the extension costs a page by being installed, with Chromium tracing,
 *    against one-line content scripts as floors; and the cold auto-check from navigation to the first badges.
 * 2. Warm checks (below). Per page: the content script's own performance measures for a check asked for 30 times
 *    (after the cold auto-check), summed per check (a sliced step leaves one measure per slice), median over the
 *    checks: read = fromDom, engine = detect + parse + rules + suspects, render = overlay DOM, layout = one geometry
 *    pass, against the floor: one loop that finds every cell and reads its textContent (mean of 50 loops, same page).
 *    The cold auto-check (first run after load) is reported apart. The huge page is reported apart too (slices).
 *    Target: (read + engine + render) within 2× the floor. Pages without a report are part 1's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { govUrl, launch, openPage, REPO_ROOT, sendToTab, serve, type LaunchedBrowser } from '../test/e2e/harness';
import { benchAlwaysOn } from './always-on';
import { MEASURE_PREFIX as PREFIX } from '../utils/overlay/measure';
import { median } from './measure';

const RUNS = 30;
const FLOOR_LOOPS = 50;

interface ManifestEntry {
  file: string;
  kind: string;
  style?: string;
  encoding?: string;
}

const PHASES = ['read', 'engine', 'detect', 'parse', 'check', 'render', 'layout'] as const;
type Phase = (typeof PHASES)[number];
type PhaseSums = Record<Phase, number> & { slices: number; longestSlice: number };

/** Sums the content script's measures per phase (a sliced step leaves one measure per slice), then clears them. */
async function takeMeasures(page: Page): Promise<PhaseSums> {
  return page.evaluate(
    ({ prefix, phases }) => {
      const sums: Record<string, number> = { slices: 0, longestSlice: 0 };
      for (const phase of phases) sums[phase] = 0;
      for (const m of performance.getEntriesByType('measure')) {
        if (!m.name.startsWith(prefix)) continue;
        const phase = m.name.slice(prefix.length);
        if (phase in sums) sums[phase] += m.duration;
        if (phase === 'read' || phase === 'engine' || phase === 'render') {
          sums.slices++;
          sums.longestSlice = Math.max(sums.longestSlice, m.duration);
        }
      }
      performance.clearMeasures();
      return sums as PhaseSums;
    },
    { prefix: PREFIX, phases: PHASES as readonly string[] },
  );
}

async function floor(page: Page): Promise<{ ms: number; cells: number }> {
  return page.evaluate((loops) => {
    let chars = 0;
    let cells = 0;
    const start = performance.now();
    for (let i = 0; i < loops; i++) {
      const all = document.querySelectorAll('td, th');
      cells = all.length;
      for (let c = 0; c < all.length; c++) chars += all[c].textContent!.length;
    }
    const ms = (performance.now() - start) / loops;
    return { ms: chars >= 0 ? ms : -1, cells };
  }, FLOOR_LOOPS);
}

const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const nextFrame = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));

/** The piece the targets are about: read + engine + render (layout runs later, in an animation frame). */
const work = (m: PhaseSums) => m.read + m.engine + m.render;

async function benchPage(browser: LaunchedBrowser, url: string) {
  const page = await openPage(browser.context, url);
  // The cold auto-check (JIT not warm yet): reported apart.
  for (let i = 0; i < 100; i++) {
    const r = (await sendToTab(browser, page, { type: 'get-result' })) as { result: unknown };
    if (r.result) break;
    await page.waitForTimeout(50);
  }
  await nextFrame(page);
  const cold = await takeMeasures(page);
  let status = '';
  const warm: PhaseSums[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = (await sendToTab(browser, page, { type: 'check' })) as { result: { status: string } };
    status = r.result.status;
    await nextFrame(page);
    warm.push(await takeMeasures(page));
  }
  // The floor right after the checks, in the same page: the ratio compares numbers from one run.
  const base = await floor(page);
  await page.close();
  const phase = (p: Phase) => median(warm.map((m) => m[p]));
  return {
    status,
    cold: work(cold),
    warm: median(warm.map(work)),
    phases: Object.fromEntries(PHASES.map((p) => [p, phase(p)])) as Record<Phase, number>,
    slices: median(warm.map((m) => m.slices)),
    longestSlice: Math.max(...warm.map((m) => m.longestSlice)),
    floor: base.ms,
    cells: base.cells,
  };
}

/**
 * `--only always-on|checks` runs one part; `--baseline DIR` adds another build to the always-on part; `--loads N` page
 * loads per page and extension there (default 9); `--pages REGEX` limits the warm checks to the matching pages.
 */
function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { only: value('--only'), baseline: value('--baseline'), loads: Number(value('--loads') ?? 9), pages: value('--pages') };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const server = await serve();
  if (args.only !== 'checks') await benchAlwaysOn(server, { loads: args.loads, baseline: args.baseline });
  if (args.only !== 'always-on') await benchChecks(server, args.pages ? new RegExp(args.pages) : undefined);
  await server.close();
}

/** The warm checks: the content script's own measures for checks asked for, against a floor in the same page. */
async function benchChecks(server: Awaited<ReturnType<typeof serve>>, onlyPages?: RegExp) {
  const browser = await launch();
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/pages/manifest.json'), 'utf8')) as ManifestEntry[];
  const pages = [
    // Pages without a report never get the engine on auto-check (only the gate runs): the always-on part measures them.
    ...manifest.filter((e) => !['pdf-only', 'image-only', 'no-report'].includes(e.kind)).map((e) => `/fixtures/${e.file}`),
    '/realworld/pingtan-2023.html',
    '/realworld/hangzhou-style.html',
  ].filter((path) => !onlyPages || onlyPages.test(path));

  const rows: string[] = [];
  const ratios: number[] = [];
  const coldRatios: number[] = [];
  let huge: Awaited<ReturnType<typeof benchPage>> | null = null;
  for (const path of pages) {
    const r = await benchPage(browser, govUrl(server, path));
    const ratio = r.warm / r.floor;
    if (path.includes('huge-')) huge = r;
    else if (r.status === 'ok' || r.status === 'trial-2019') {
      ratios.push(ratio);
      coldRatios.push(r.cold / r.floor);
    }
    const p = r.phases;
    rows.push(
      `| ${path} | ${r.status} | ${r.cells} | ${f(r.floor, 3)} | ${f(p.read)} | ${f(p.detect)} | ${f(p.parse)} | ${f(p.check)} | ` +
        `${f(p.engine)} | ${f(p.render)} | ${f(p.layout)} | ${f(r.warm)} | ${f(ratio, 1)}× | ${f(r.cold)} |`,
    );
    process.stderr.write('.');
  }

  await browser.close();

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  console.log(`\nBrowser benchmark (${chromium}; ms; warm = median of ${RUNS} checks asked for after the cold auto-check;`);
  console.log('floor = one loop reading textContent of every cell, mean of 50 loops, measured in the same page right after)\n');
  console.log('| page | status | cells | floor | read | detect | parse | check | engine | render | layout | warm work | work/floor | cold work |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log('(work = read + engine + render; engine = detect + parse + check; layout runs after, in an animation frame)');
  console.log(
    `\nwarm work/floor over ${ratios.length} pages with a report: median ${f(median(ratios), 1)}×, ` +
      `max ${f(Math.max(...ratios), 1)}×, min ${f(Math.min(...ratios), 1)}×; cold (first auto-check) median ${f(median(coldRatios), 1)}×.`,
  );
  if (huge) {
    console.log(
      `Huge page (${huge.cells} cells), check asked for: work ${f(huge.warm)} ms warm, ${f(huge.cold)} ms cold (auto-check: ` +
        `too-large gate only), in a median of ${huge.slices} slices, the longest ${f(huge.longestSlice)} ms.`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
