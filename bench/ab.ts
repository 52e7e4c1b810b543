/**
 * `npx tsx bench/ab.ts <other-checkout> [rounds]`: the engine of this checkout against another checkout's (e.g. an
 * older commit unpacked with `git archive <rev> | tar -x -C /tmp/base`, node_modules linked), in one process, on the
 * same parsed pages. Each round runs both, in alternating order; each figure is the fastest run (the least disturbed
 * by other work on a shared machine). Prints per page and per phase (detect, parse, check) and the geometric mean of
 * the ratios. Run it with the other checkout = a copy of this one to see how far two identical engines differ here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDocument } from '../lib/check';
import { loadHtml } from '../lib/sources/cheerio';
import { realworldPages } from './pages';

type Engine = { check: (html: string) => () => Record<'detect' | 'parse' | 'check', number> };

const [otherDir, roundsArg] = process.argv.slice(2);
if (!otherDir) {
  console.error('usage: npx tsx bench/ab.ts <other-checkout> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 60);
const FIXTURES = ['004-plain.html', '004-word.html', '003-trial2019.html'];

const engineOf = (check: typeof checkDocument, load: typeof loadHtml): Engine => ({
  check: (html) => {
    const doc = load(html);
    return () => check(doc).result.timings;
  },
});
const ours = engineOf(checkDocument, loadHtml);
const other = engineOf(
  (await import(resolve(otherDir, 'lib/check.ts'))).checkDocument,
  (await import(resolve(otherDir, 'lib/sources/cheerio.ts'))).loadHtml,
);

const pages = [
  ...realworldPages(),
  ...FIXTURES.map((name) => ({ name, html: readFileSync(new URL(`../test/fixtures/pages/${name}`, import.meta.url), 'utf8') })),
];
const PHASES = ['detect', 'parse', 'check'] as const;
let logSum = 0;
console.log('| page | other ms | this ms | ratio | detect | parse | check |\n|---|---:|---:|---:|---|---|---|');
for (const page of pages) {
  const runs = [other.check(page.html), ours.check(page.html)];
  const best = runs.map(() => ({ total: Infinity, detect: Infinity, parse: Infinity, check: Infinity }));
  for (let i = 0; i < rounds; i++) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = performance.now();
      const timings = runs[k]();
      best[k].total = Math.min(best[k].total, performance.now() - start);
      for (const phase of PHASES) best[k][phase] = Math.min(best[k][phase], timings[phase]);
    }
  }
  const [a, b] = best;
  logSum += Math.log(b.total / a.total);
  const phases = PHASES.map((p) => `${a[p].toFixed(2)} → ${b[p].toFixed(2)}`);
  console.log(`| ${page.name} | ${a.total.toFixed(2)} | ${b.total.toFixed(2)} | ${(b.total / a.total).toFixed(2)} | ${phases.join(' | ')} |`);
}
console.log(`\ngeometric mean of this ÷ other: ${Math.exp(logSum / pages.length).toFixed(2)} (${rounds} rounds, fastest run each)`);
