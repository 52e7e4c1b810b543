/**
 * The task that evaluates the engine script on a report page (seed 004, or PAGE), split by V8's trace events: the
 * task's CPU, `v8.compile`, `v8.run` and the V8.* events inside it, medians over 7 loads (the first is left out); and
 * the timeline events inside it that carry a stack (with the `disabled-by-default-devtools.timeline.stack` category),
 * which make V8 re-parse the script to give the top-level function's source positions.
 *
 *   npx wxt build && CATS=toplevel,v8 npx tsx bench/engine-task.ts
 *   CATS=toplevel,v8,devtools.timeline,disabled-by-default-v8.compile npx tsx bench/engine-task.ts
 *   CATS=toplevel,v8,devtools.timeline,disabled-by-default-devtools.timeline.stack PAGE=/realworld/pingtan-2023.html npx tsx bench/engine-task.ts
 */
import { govUrl, launch, serve } from '../test/e2e/harness';
import { median } from './measure';
import { traceLoad, type TraceEvent } from './trace';
const CATS = (process.env.CATS ?? 'toplevel,v8').split(',');
const PAGE = process.env.PAGE ?? '/fixtures/004-plain.html';
async function main() {
  const server = await serve();
  const browser = await launch(process.env.EXT ? { extensionDir: process.env.EXT } : {}); // EXT: another build's .output/chrome-mv3
  const rows: Record<string, number[]> = {};
  const push = (k: string, v: number) => (rows[k] ??= []).push(v);
  for (let i = 0; i < 8; i++) {
    const { events: traced, page } = await traceLoad(browser.context, govUrl(server, PAGE), (p) => p.waitForTimeout(2500), CATS);
    await page.close();
    if (i === 0) continue;
    const events = traced as (TraceEvent & { dur: number; tdur?: number })[];
    const isEngine = (e: TraceEvent) => JSON.stringify(e.args ?? {}).includes('engine.js');
    const marks = events.filter((e) => e.ph === 'X' && (e.name === 'v8.compile' || e.name === 'v8.run' || e.name === 'EvaluateScript') && isEngine(e));
    if (!marks.length) { push('no engine events', 1); continue; }
    const first = marks.sort((a, b) => a.ts - b.ts)[0];
    const tasks = events.filter((e) => e.ph === 'X' && e.cat.includes('toplevel') && e.pid === first.pid && e.tid === first.tid && e.ts <= first.ts && e.ts + e.dur >= first.ts + first.dur);
    const task = tasks.sort((a, b) => b.dur - a.dur)[0];
    push('task holding the engine evaluation, CPU', (task?.tdur ?? task?.dur ?? 0) / 1000);
    for (const m of marks) push(m.name + ' CPU', (m.tdur ?? m.dur) / 1000);
    const inside = events.filter((x) => x.ph === 'X' && task && x.tid === task.tid && x.ts >= task.ts && x.ts + (x.dur ?? 0) <= task.ts + task.dur && x.name.startsWith('V8.'));
    const by: Record<string, number> = {};
    for (const x of inside) by[x.name] = (by[x.name] ?? 0) + (x.tdur ?? x.dur) / 1000;
    for (const [k, v] of Object.entries(by)) push('  ' + k, v);
    for (const x of events.filter((x) => task && x.tid === task.tid && x.ts >= task.ts && x.ts <= task.ts + task.dur && x.args?.data?.stackTrace)) {
      const top = (x.args!.data!.stackTrace as { functionName?: string }[])[0]?.functionName;
      push(`  stack recorded: ${x.name} (${top || 'anonymous'}), events per load`, 1);
    }
  }
  console.log('categories', CATS.join(','), 'page', PAGE);
  for (const [k, v] of Object.entries(rows).sort((a, b) => median(b[1]) - median(a[1])).slice(0, 14)) console.log(median(v).toFixed(2).padStart(8), `(max ${Math.max(...v).toFixed(1)}, n ${v.length})`, k);
  process.exit(0);
}
main();
