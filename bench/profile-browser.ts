/**
 * A CPU profile of the extension's scripts on page loads (CDP Profiler, sampling every 50 µs), summed by function:
 * what the content scripts spend their time on. For readable names profile an unminified build:
 *
 *   NO_MINIFY=1 npx wxt build && npx tsx bench/profile-browser.ts /e2e/large-no-report.html 9
 *   npx tsx bench/profile-browser.ts /e2e/gov-article.html 9 /tmp/before/.output/chrome-mv3   # another build
 *
 * (Build again without NO_MINIFY afterwards: the tests and benchmarks use .output/chrome-mv3 too.)
 *
 * Prints the self time per load (the first load left out) of each function of ours (`name :line`), and the page's
 * and the browser's own samples as single lines. The profiler slows what it measures: compare shares, not ms.
 */
import { govUrl, launch, serve } from '../test/e2e/harness';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

async function main() {
  const [path = '/e2e/large-no-report.html', loadsArg = '9', extensionDir] = process.argv.slice(2);
  const loads = Number(loadsArg);
  const server = await serve();
  const browser = await launch(extensionDir ? { extensionDir } : {});
  const selfMs = new Map<string, number>();
  for (let i = 0; i < loads; i++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(govUrl(server, path), { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const { profile } = await cdp.send('Profiler.stop');
    await page.close();
    if (i === 0) continue; // the browser's first page pays for its own start-up
    const byNode = new Map<number, number>();
    profile.samples?.forEach((node, k) => byNode.set(node, (byNode.get(node) ?? 0) + (profile.timeDeltas?.[k] ?? 0) / 1000));
    for (const node of profile.nodes as ProfileNode[]) {
      const { functionName, url, lineNumber } = node.callFrame;
      const key = url.startsWith('chrome-extension://')
        ? `${functionName || '(top level)'} :${lineNumber + 1} ${url.slice(url.indexOf('/', 19))}`
        : url
          ? '(the page)'
          : functionName;
      selfMs.set(key, (selfMs.get(key) ?? 0) + (byNode.get(node.id) ?? 0) / (loads - 1));
    }
  }
  await browser.close();
  await server.close();
  for (const [key, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms.toFixed(2).padStart(8)} ms  ${key}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
