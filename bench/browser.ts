/**
 * Benchmark in the real browser (npm run bench:browser): the built extension in Chromium, pages under *.gov.cn.
 *
 * Per page: the content script's own performance measures for a check asked for 20 times (after the cold auto-check):
 *   read = fromDom, engine = detect + parse + rules + suspects, render = overlay DOM, layout = one geometry pass,
 * against the floor: one loop that finds every cell and reads its textContent (mean of 50 loops).
 * On a large page without a report: the auto-check's cost (the quick gate), median of 7 loads.
 * Targets: (read + engine + render) within 2× the floor; under 1 ms on a page without a report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { govUrl, launch, openPage, REPO_ROOT, sendToTab, serve, type LaunchedBrowser } from '../test/e2e/harness';

const RUNS = 20;
const FLOOR_LOOPS = 50;
const GATE_LOADS = 7;

interface ManifestEntry {
  file: string;
  kind: string;
  style?: string;
  encoding?: string;
}

const PREFIX = 'gov-report-checker:';

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((m) => m.duration), PREFIX + name);
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

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function benchPage(browser: LaunchedBrowser, url: string) {
  const page = await openPage(browser.context, url);
  // Wait for the auto-check (cold: JIT not warm yet; excluded).
  for (let i = 0; i < 100; i++) {
    const r = (await sendToTab(browser, page, { type: 'get-result' })) as { result: unknown };
    if (r.result) break;
    await page.waitForTimeout(50);
  }
  const skip = (await measures(page, 'engine')).length;
  const skipRead = (await measures(page, 'read')).length;
  const skipRender = (await measures(page, 'render')).length;
  let status = '';
  for (let i = 0; i < RUNS; i++) {
    const r = (await sendToTab(browser, page, { type: 'check' })) as { result: { status: string } };
    status = r.result.status;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  }
  const engine = (await measures(page, 'engine')).slice(skip);
  const read = (await measures(page, 'read')).slice(skipRead);
  const render = (await measures(page, 'render')).slice(skipRender);
  const layout = await measures(page, 'layout');
  const base = await floor(page);
  await page.close();
  return { status, read: mean(read), engine: mean(engine), render: mean(render), layout: median(layout), floor: base.ms, cells: base.cells };
}

async function main() {
  const server = await serve();
  const browser = await launch();
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/pages/manifest.json'), 'utf8')) as ManifestEntry[];
  const pages = [
    ...manifest.filter((e) => !['pdf-only', 'image-only'].includes(e.kind)).map((e) => `/fixtures/${e.file}`),
    '/realworld/pingtan-2023.html',
    '/realworld/hangzhou-style.html',
  ];

  const rows: string[] = [];
  const ratios: number[] = [];
  for (const path of pages) {
    const r = await benchPage(browser, govUrl(server, path));
    const ratio = (r.read + r.engine + r.render) / r.floor;
    if (r.status === 'ok' || r.status === 'trial-2019') ratios.push(ratio);
    rows.push(
      `| ${path} | ${r.status} | ${r.cells} | ${f(r.floor, 3)} | ${f(r.read)} | ${f(r.engine)} | ${f(r.render)} | ${f(r.layout)} | ${f(ratio, 1)}× |`,
    );
    process.stderr.write('.');
  }

  // A large page without a report: what auto-check costs there (the quick gate), over several loads.
  const gate: number[] = [];
  let largeFloor = { ms: NaN, cells: 0 };
  for (let i = 0; i < GATE_LOADS; i++) {
    const page = await openPage(browser.context, govUrl(server, '/e2e/large-no-report.html'));
    for (let t = 0; t < 100 && (await measures(page, 'gate')).length === 0; t++) await page.waitForTimeout(20);
    gate.push(...(await measures(page, 'gate')));
    if (i === 0) largeFloor = await floor(page);
    await page.close();
  }
  await browser.close();
  await server.close();

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  console.log(`\nBrowser benchmark (${chromium}, ${RUNS} checks per page after the cold auto-check; ms)\n`);
  console.log('| page | status | cells | floor | read | engine | render | layout | (read+engine+render)/floor |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(
    `\nRatio (read+engine+render)/floor over ${ratios.length} pages with a report: median ${f(median(ratios), 1)}×, ` +
      `max ${f(Math.max(...ratios), 1)}×, min ${f(Math.min(...ratios), 1)}×.`,
  );
  console.log(
    `Large page without a report (${largeFloor.cells} cells, floor ${f(largeFloor.ms, 3)} ms): auto-check gate median ` +
      `${f(median(gate), 3)} ms, max ${f(Math.max(...gate), 3)} ms over ${gate.length} loads.`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
