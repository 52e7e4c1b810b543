/**
 * Where the always-on gate's main-thread time goes on pages without a report (issue 9): contenders are the two floors
 * of bench/always-on.ts, this build, and any content scripts named on the command line (each becomes a throwaway
 * one-script extension, e.g. the gate with one part taken out), loads interleaved in one run. Per page and contender,
 * medians of the CPU of the tasks holding our work and, when the trace has V8's categories, of what V8 did in them.
 *
 *   npx wxt build && CATS=toplevel,devtools.timeline,v8,disabled-by-default-v8.compile npx tsx bench/gate-task.ts 9 [a.js b.js …]
 *   npx tsx bench/gate-task.ts 9 --ext /tmp/other/.output/chrome-mv3 [scripts…]   # another build as a contender too
 *
 * Without CATS the categories are the benchmark's own (devtools.timeline, toplevel, blink.user_timing).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ensureBuilt, govUrl, launch, serve, type LaunchedBrowser } from '../test/e2e/harness';
import { MEASURE_PREFIX } from '../utils/overlay/measure';
import { FLOORS, oneScriptExtension } from './always-on';
import { median } from './measure';
import { extensionWork, traceLoad, type TraceEvent } from './trace';

const PAGES = ['/e2e/gov-article.html', '/e2e/large-no-report.html'];
const CATS = process.env.CATS?.split(',') ?? ['devtools.timeline', 'toplevel', 'blink.user_timing'];

async function main() {
  const args = process.argv.slice(2);
  const loads = Number(args.shift() ?? 9);
  const contenders: { name: string; dir: string }[] = Object.entries(FLOORS).map(([name, line]) => ({ name, dir: oneScriptExtension(line) }));
  contenders.push({ name: 'this build', dir: ensureBuilt() });
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--ext') contenders.push({ name: args[++i], dir: args[i] });
    else contenders.push({ name: basename(args[i]), dir: oneScriptExtension(readFileSync(args[i], 'utf8')) });
  }
  const server = await serve();
  const browsers: LaunchedBrowser[] = [];
  for (const c of contenders) browsers.push(await launch({ extensionDir: c.dir }));
  const rows = new Map<string, Map<string, number[]>>(); // page|contender → figure → values
  const push = (key: string, figure: string, value: number) => {
    const figures = rows.get(key) ?? rows.set(key, new Map()).get(key)!;
    figures.set(figure, [...(figures.get(figure) ?? []), value]);
  };
  for (let round = -1; round < loads; round++) {
    for (const path of PAGES) {
      for (let k = 0; k < contenders.length; k++) {
        const index = (Math.max(round, 0) + k) % contenders.length;
        const browser = browsers[index];
        const url = govUrl(server, path);
        const { events, page } = await traceLoad(browser.context, url, (p) => p.waitForTimeout(1000), CATS);
        await page.close();
        if (round < 0) continue; // one unrecorded load per browser and page
        const key = `${path}|${contenders[index].name}`;
        const work = extensionWork(events, { extensionId: browser.extensionId, measurePrefix: MEASURE_PREFIX, topLevelMeasures: ['gate'], pageUrl: url });
        push(key, 'CPU of our tasks', work.cpuMs);
        push(key, 'longest task CPU', work.longestTaskCpuMs);
        push(key, 'EvaluateScript CPU', work.evaluateCpuMs);
        for (const [name, ms] of v8Inside(events, browser.extensionId)) push(key, name, ms);
      }
    }
    if (round >= 0) process.stderr.write(`round ${round + 1}/${loads}\n`);
  }
  for (const b of browsers) await b.close();
  await server.close();
  console.log(`categories: ${CATS.join(',')}; ${loads} loads; ms of CPU, medians (max)`);
  for (const [key, figures] of rows) {
    console.log(`\n${key}`);
    for (const [figure, values] of figures) {
      const padded = [...values, ...Array(Math.max(0, loads - values.length)).fill(0)]; // absent in a load = 0
      console.log(`${median(padded).toFixed(2).padStart(8)} (${Math.max(...padded).toFixed(2)})  ${figure}`);
    }
  }
  process.exit(0);
}

/** CPU of V8's events (compile, run, V8.* with their names) inside our script events, summed per name. */
function v8Inside(events: readonly TraceEvent[], extensionId: string): Map<string, number> {
  const origin = `chrome-extension://${extensionId}/`;
  const ours = events.filter(
    (e) => e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && String(e.args?.data?.url ?? '').startsWith(origin),
  );
  const by = new Map<string, number>();
  const cpu = (e: TraceEvent) => ((e as TraceEvent & { tdur?: number }).tdur ?? e.dur ?? 0) / 1000;
  for (const script of ours) {
    const end = script.ts + script.dur!;
    for (const e of events) {
      if (e.ph !== 'X' || e.tid !== script.tid || e.pid !== script.pid || e.ts < script.ts || e.ts + (e.dur ?? 0) > end || e === script) continue;
      if (!/^(v8\.|V8\.)/.test(e.name)) continue;
      const name = `  ${script.name === 'EvaluateScript' ? 'eval' : 'call'} › ${e.name}`;
      by.set(name, (by.get(name) ?? 0) + cpu(e));
    }
  }
  return by;
}

main();
