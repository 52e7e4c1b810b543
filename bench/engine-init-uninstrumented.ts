/**
 * The engine's module initialisation on a report page with nothing attached to the browser: no CDP, no tracer, no
 * DevTools (which make V8 collect source positions and slow it about 2.5×). Chromium is started as a user would
 * start it, with the built extension, on seed 004 under a *.gov.cn name; the page reads the engine's own
 * `gov-report-checker:engine-init` measure (entrypoints/engine/eval-clock.ts) and sends it back to this
 * server. A fresh browser per load, so every figure is a cold start.
 *
 *   MEASURE_EVALUATION=1 npx wxt build && npx tsx bench/engine-init-uninstrumented.ts [loads]
 *   EXT=<another build's .output/chrome-mv3, also made with MEASURE_EVALUATION=1> npx tsx bench/engine-init-uninstrumented.ts [loads]
 *
 * (Build again without MEASURE_EVALUATION afterwards: the tests and other benchmarks use .output/chrome-mv3 too.)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH, extensionBrowserArgs, REPO_ROOT } from '../test/e2e/harness';
import { median } from './measure';

const EXTENSION = process.env.EXT || join(REPO_ROOT, '.output/chrome-mv3');
const LOADS = Number(process.argv[2] ?? 9);

const page = readFileSync(join(REPO_ROOT, 'test/fixtures/pages/004-plain.html'), 'utf8').replace(
  '</body>',
  `<script>setTimeout(() => fetch('/engine-init?ms=' + performance.getEntriesByName('gov-report-checker:engine-init').map((e) => e.duration).join(',')), 2500);</script></body>`,
);

async function main() {
  const figures: number[] = [];
  let received: (() => void) | undefined;
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/engine-init')) {
      const ms = new URL(req.url, 'http://localhost').searchParams.get('ms');
      if (ms) figures.push(Number(ms.split(',')[0]));
      res.end('ok');
      received?.();
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page);
  });
  await new Promise<void>((done) => server.listen(0, done));
  const { port } = server.address() as AddressInfo;
  const profiles: string[] = [];
  for (let i = 0; i < LOADS; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'engine-init-'));
    const browser = spawn(
      CHROMIUM_PATH,
      ['--headless=new', `--user-data-dir=${profile}`, ...extensionBrowserArgs(EXTENSION), `http://www.example.gov.cn:${port}/annual-report.html`],
      { stdio: 'ignore' },
    );
    await new Promise<void>((done) => {
      received = done;
      setTimeout(done, 20_000);
    });
    const exited = once(browser, 'exit');
    browser.kill('SIGKILL');
    await exited;
    profiles.push(profile);
  }
  server.close();
  // Chromium's helper processes may still be writing for a moment after the browser is killed.
  await new Promise((done) => setTimeout(done, 1000));
  for (const profile of profiles) {
    try {
      rmSync(profile, { recursive: true, force: true });
    } catch {
      // left in the temporary folder
    }
  }
  const sorted = [...figures].sort((a, b) => a - b);
  console.log(`engine module initialisation, no CDP (ms, ${figures.length} of ${LOADS} loads): ${sorted.map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`median ${median(figures).toFixed(1)} ms`);
}

void main();
