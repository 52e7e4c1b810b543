/**
 * What evaluating the engine script costs in V8, without a browser: compiles and runs a built
 * `engine.js` in fresh `vm` contexts (no extension API, so the script's `main` fails at its first
 * `window` and only the module initialisation is measured). Prints the medians of compile and run, and with
 * `--modules` the run time per bundled module (an unminified build keeps one `// path` comment per module):
 *
 *   npx wxt build && npx tsx bench/engine-init.ts                          # this build
 *   npx tsx bench/engine-init.ts /tmp/before/.output/chrome-mv3 40         # another build, 40 evaluations
 *   NO_MINIFY=1 npx wxt build && npx tsx bench/engine-init.ts .output/chrome-mv3 40 --modules
 *
 * Rerun `npx wxt build` without NO_MINIFY afterwards: the tests and benchmarks use .output/chrome-mv3 too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { median } from './measure';

const [dir = '.output/chrome-mv3', runsArg = '40'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const perModule = process.argv.includes('--modules');
const runs = Number(runsArg);

process.on('unhandledRejection', () => {}); // the script's main, without a page
// engine.js; builds before the engine became an unlisted script have content-scripts/engine.js.
const file = ['engine.js', 'content-scripts/engine.js'].map((f) => join(dir, f)).find((f) => existsSync(f)) ?? join(dir, 'engine.js');
let source = readFileSync(file, 'utf8');
if (perModule) {
  const moduleComment = /^\t\/\/ ((?:lib|utils|components|entrypoints|node_modules)\/\S+)$/gm;
  source = source.replace(moduleComment, (_line, name: string) => `\t__mark(${JSON.stringify(name)});`);
}

const compile: number[] = [];
const run: number[] = [];
const byModule = new Map<string, number[]>();
for (let i = 0; i < runs; i++) {
  const marks: [string, number][] = [];
  const context = vm.createContext({
    console, setTimeout, clearTimeout, queueMicrotask, performance, URL, Event, EventTarget, CustomEvent, AbortController, AbortSignal,
    __mark: (name: string) => marks.push([name, performance.now()]),
  });
  const t0 = performance.now();
  // A different source each time, so V8's compilation cache does not serve the second and later compiles.
  const script = new vm.Script(`${source}\n//${i}`, { filename: 'engine.js' });
  const t1 = performance.now();
  try {
    script.runInContext(context);
  } catch {
    // main's failure is asynchronous; anything thrown here ends the module initialisation, which is what is timed
  }
  const t2 = performance.now();
  compile.push(t1 - t0);
  run.push(t2 - t1);
  marks.forEach(([name, at], k) => {
    const list = byModule.get(name) ?? byModule.set(name, []).get(name)!;
    list.push((k + 1 < marks.length ? marks[k + 1][1] : t2) - at);
  });
}
console.log(`${dir}: ${runs} evaluations; compile median ${median(compile).toFixed(2)} ms, run median ${median(run).toFixed(2)} ms`);
if (perModule) {
  const rows = [...byModule].map(([name, ms]) => [median(ms), name] as const).sort((a, b) => b[0] - a[0]);
  for (const [ms, name] of rows.slice(0, 20)) console.log(`${ms.toFixed(2).padStart(7)} ms  ${name}`);
}
