/**
 * `npx tsx bench/profile-browser.ts [page-path] [checks]`: a CPU profile (Chrome DevTools protocol) of the content
 * script's check on one served page, e.g. /fixtures/004-plain.html. The overlay code is bundled unminified with
 * esbuild and run in the page itself (the extension's build is minified), so the profile names our functions.
 * Prints self time per function and the time of each phase as the code's performance measures saw it.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { launch, openPage, REPO_ROOT, serve } from '../test/e2e/harness';

const path = process.argv[2] ?? '/fixtures/004-plain.html';
const checks = Number(process.argv[3] ?? 200);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

async function main() {
  const bundle = await build({
    stdin: {
      contents: `import { OverlayController } from '@/utils/overlay/controller';
        (window as any).__controller = new OverlayController(window, () => {});`,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    alias: { '@': REPO_ROOT },
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
  });
  const server = await serve();
  const browser = await launch();
  // Not a *.gov.cn host: the extension's own copy stays idle; the bundled copy runs instead.
  const page = await openPage(browser.context, `http://127.0.0.1:${server.port}${path}`);
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const run = (n: number) =>
    page.evaluate(async (count) => {
      const controller = (window as unknown as { __controller: { check(o: { gate: boolean }): Promise<unknown> } }).__controller;
      for (let i = 0; i < count; i++) await controller.check({ gate: false });
    }, n);
  await run(20); // warm-up
  await page.evaluate(() => performance.clearMeasures());
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await run(checks);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const phases = await page.evaluate(() => {
    const sums: Record<string, number> = {};
    for (const m of performance.getEntriesByType('measure')) sums[m.name] = (sums[m.name] ?? 0) + m.duration;
    return sums;
  });
  await browser.close();
  await server.close();

  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'}${frame.url ? '' : ' [native]'}:${frame.lineNumber + 1}`;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  console.log(`${path}: ${checks} checks; per check (ms):`);
  for (const [name, ms] of Object.entries(phases)) console.log(`  ${name.padEnd(30)} ${(ms / checks).toFixed(3)}`);
  console.log(`self time, top functions (ms per check; profile total ${(total / checks).toFixed(3)}):`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`  ${(ms / checks).toFixed(4).padStart(8)}  ${key}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
