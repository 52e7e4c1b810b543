/**
 * What the extension costs a page by being installed (part of `npm run bench:browser`), measured with Chromium tracing
 * (bench/trace.ts), with page loads of every contender interleaved in one run:
 *
 * - pages without a report (a typical gov article, the 20,000-cell statistics page): the main-thread time of our
 *   content scripts (evaluation, the gate, anything they schedule) against the floor, an extension whose content
 *   script is one line, on the same pages; and our longest task.
 * - report pages, cold auto-check: navigation start → first badges placed (the end of the first layout measure),
 *   our main-thread time and our longest task in that load.
 *
 * Contenders: the floors, an experiment on pages without a report (the gate's scan run in the page's own world by the
 * background: mainWorldScanExtension), this build (.output/chrome-mv3) and, with `--baseline DIR`, another build of the
 * extension (e.g. the commit before a change; docs/performance.md says how to make one).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Page } from 'playwright-core';
import { ensureBuilt, govUrl, launch, type LaunchedBrowser, type StaticServer } from '../test/e2e/harness';
import { MEASURE_PREFIX as PREFIX } from '../utils/overlay/measure';
import { median } from './measure';
import { extensionWork, traceLoad, type ExtensionWork } from './trace';

const TOP_LEVEL_MEASURES = ['gate', 'start', 'size', 'read', 'engine', 'render', 'layout'];

const NO_REPORT_PAGES = ['/e2e/gov-article.html', '/e2e/large-no-report.html'];
const REPORT_PAGES = ['/fixtures/004-plain.html', '/fixtures/004-cms.html', '/realworld/pingtan-2023.html'];

interface Contender {
  name: string;
  dir: string;
  /** The floor draws no badges: it is measured on pages without a report only. */
  floor?: boolean;
  /** An experiment measured beside the floors on pages without a report, not a build of the extension. */
  experiment?: boolean;
}

/**
 * The floors: extensions whose only content script is one line, on the same pages as ours. The first does nothing
 * (what Chromium charges for any content script: its isolated world, evaluation); the second makes the one DOM call
 * every checker needs to see whether the page has a table (the first DOM call from a content script's world sets up
 * the document's bindings there, about a millisecond).
 */
export const FLOORS = {
  'floor: one line': 'globalThis.__floor = 1;',
  'floor: one line, one DOM call': "globalThis.__floor = document.getElementsByTagName('table')[0];",
};

/** A throwaway extension whose only content script (document_idle, on *.gov.cn) is `source`. */
export function oneScriptExtension(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-checker-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'floor: a one-script extension',
    version: '1.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['*://*.gov.cn/*'], run_at: 'document_idle', js: ['content.js'] }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'content.js'), `${source}\n`);
  writeFileSync(join(dir, 'background.js'), '');
  return dir;
}

/**
 * Experiment (issue 9; not the shipped design): no content script at all. The background, on `tabs.onUpdated` with
 * status 'complete' for a *.gov.cn tab, runs the gate's scan (utils/overlay/quick-scan.ts, bundled into the injected
 * function) in the page's own world with `scripting.executeScript({ world: 'MAIN', func })` and gets the boolean back.
 * That avoids the content scripts' isolated world and its DOM bindings; its costs are elsewhere: the service worker is
 * woken on every tab update of every site (Chromium has no URL filter for tabs.onUpdated), and the page's scripts can
 * see and tamper with code run in their world.
 */
function mainWorldScanExtension(): string {
  const { outputFiles } = buildSync({
    entryPoints: [join(import.meta.dirname, '../utils/overlay/quick-scan.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'quickScan',
    write: false,
    minify: true,
  });
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-checker-main-world-'));
  const manifest = {
    manifest_version: 3,
    name: 'experiment: the gate in the page world, from the background',
    version: '1.0',
    permissions: ['scripting'],
    host_permissions: ['*://*.gov.cn/*'],
    background: { service_worker: 'background.js' },
  };
  const background = `function govReportCheckerScan() {
${outputFiles[0].text}
return quickScan.mayHoldReport(document);
}
chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status !== 'complete' || !tab.url?.startsWith('http') || !new URL(tab.url).hostname.endsWith('.gov.cn')) return;
  chrome.scripting.executeScript({ target: { tabId }, world: 'MAIN', func: govReportCheckerScan }).then(
    ([injection]) => { globalThis.lastScan = injection?.result; },
    () => {},
  );
});
`;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), background);
  return dir;
}

const sleep = (page: Page, ms: number) => page.waitForTimeout(ms);

/** After load: a page without a report gets a second (the gate runs at document_idle); a report page its first badges. */
async function settle(page: Page, report: boolean) {
  if (!report) return sleep(page, 1000);
  await page
    .waitForFunction((name) => performance.getEntriesByName(name, 'measure').length > 0, `${PREFIX}layout`, { timeout: 15_000 })
    .catch(() => undefined);
  await sleep(page, 300);
}

type Samples = Map<string, ExtensionWork[]>; // `${page}|${contender}` → one per load

async function load(browser: LaunchedBrowser, server: StaticServer, path: string, report: boolean, experiment = false): Promise<ExtensionWork> {
  const url = govUrl(server, path);
  const { events, page } = await traceLoad(browser.context, url, (p) => settle(p, report));
  await page.close();
  return extensionWork(events, {
    extensionId: browser.extensionId,
    measurePrefix: PREFIX,
    topLevelMeasures: TOP_LEVEL_MEASURES,
    firstMeasure: report ? 'layout' : undefined,
    pageUrl: url,
    unnamedScripts: experiment,
  });
}

export async function benchAlwaysOn(server: StaticServer, options: { loads: number; baseline?: string; experiments?: boolean }) {
  console.log(`load average before the run: ${loadavg().map((n) => n.toFixed(1)).join(', ')} (${cpus().length} cores)`);
  const contenders: Contender[] = [
    ...Object.entries(FLOORS).map(([name, line]) => ({ name, dir: oneScriptExtension(line), floor: true })),
    ...(options.experiments === false
      ? []
      : [{ name: 'experiment: MAIN-world scan from the background', dir: mainWorldScanExtension(), floor: true, experiment: true }]),
    ...(options.baseline ? [{ name: `baseline (${options.baseline})`, dir: options.baseline }] : []),
    { name: 'this build', dir: ensureBuilt() },
  ];
  const browsers = new Map<Contender, LaunchedBrowser>();
  for (const c of contenders) browsers.set(c, await launch({ extensionDir: c.dir }));

  const jobs = [
    ...NO_REPORT_PAGES.map((path) => ({ path, report: false })),
    ...REPORT_PAGES.map((path) => ({ path, report: true })),
  ];
  const samples: Samples = new Map();
  // One unrecorded load per browser first: the first page of a fresh browser pays for its own start-up.
  for (const c of contenders) await load(browsers.get(c)!, server, jobs[0].path, false);
  for (let round = 0; round < options.loads; round++) {
    for (const job of jobs) {
      const playing = contenders.filter((c) => !(job.report && c.floor));
      for (let k = 0; k < playing.length; k++) {
        const c = playing[(round + k) % playing.length]; // rotate who goes first
        const work = await load(browsers.get(c)!, server, job.path, job.report, c.experiment);
        const key = `${job.path}|${c.name}`;
        samples.set(key, [...(samples.get(key) ?? []), work]);
      }
    }
    process.stderr.write(`always-on: round ${round + 1}/${options.loads}\n`);
  }
  for (const b of browsers.values()) await b.close();

  const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  const spread = (values: number[], digits = 2) =>
    `${f(median(values), digits)} (${f(Math.min(...values), digits)}–${f(Math.max(...values), digits)})`;
  const of = (key: string, pick: (w: ExtensionWork) => number) => samples.get(key)!.map(pick);
  const floors = contenders.filter((c) => c.floor && !c.experiment);

  console.log(`\n## Main-thread cost on pages without a report (${options.loads} loads each, interleaved; ms under tracing)\n`);
  console.log(
    `| page | extension | CPU, median (min–max) | ${floors.map((c) => `× ${c.name}`).join(' | ')} | wall, median | ` +
      'EvaluateScript CPU, median | longest task CPU, median (max) |',
  );
  console.log(`|---|---|---|${floors.map(() => '---|').join('')}---|---|---|`);
  for (const { path } of jobs.filter((j) => !j.report)) {
    const floorCpu = floors.map((c) => median(of(`${path}|${c.name}`, (w) => w.cpuMs)));
    for (const c of contenders) {
      const key = `${path}|${c.name}`;
      const cpu = median(of(key, (w) => w.cpuMs));
      const tasks = of(key, (w) => w.longestTaskCpuMs);
      console.log(
        `| ${path} | ${c.name} | ${spread(of(key, (w) => w.cpuMs))} | ${floorCpu.map((fc) => `${f(cpu / fc, 2)}×`).join(' | ')} | ` +
          `${f(median(of(key, (w) => w.ms)), 2)} | ${f(median(of(key, (w) => w.evaluateCpuMs)), 2)} | ` +
          `${f(median(tasks), 2)} (${f(Math.max(...tasks), 2)}) |`,
      );
    }
  }

  console.log(`\n## Report pages, cold auto-check (${options.loads} loads each, interleaved; ms under tracing)\n`);
  console.log(
    '| page | extension | navigation → first badges, median (min–max) | CPU of ours, median | EvaluateScript CPU, median | ' +
      'longest task CPU, median (max) | longest task wall, median (max) |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const { path } of jobs.filter((j) => j.report)) {
    for (const c of contenders.filter((c) => !c.floor)) {
      const key = `${path}|${c.name}`;
      const cpuTasks = of(key, (w) => w.longestTaskCpuMs);
      const wallTasks = of(key, (w) => w.longestTaskMs);
      console.log(
        `| ${path} | ${c.name} | ${spread(of(key, (w) => w.toFirstMeasureMs ?? NaN), 0)} | ${f(median(of(key, (w) => w.cpuMs)))} | ` +
          `${f(median(of(key, (w) => w.evaluateCpuMs)))} | ${f(median(cpuTasks))} (${f(Math.max(...cpuTasks))}) | ` +
          `${f(median(wallTasks))} (${f(Math.max(...wallTasks))}) |`,
      );
    }
  }
}
