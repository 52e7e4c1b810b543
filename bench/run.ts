/**
 * `npm run bench [-- --quick] [-- --only <regex>]`: how much our check adds to parsing the page, and how it
 * compares with tabletojson converting the same HTML. Prints a table and writes bench/results.json.
 *
 *   floor       cheerio.load(html)                                    — what any Node tool pays to read the page
 *   pipeline    cheerio.load + fromCheerio + checkDocument             — our whole check
 *   tabletojson Tabletojson.convert(html)                              — a popular table → JSON converter (no checks)
 *
 * Then the PDFs (bench/pdf.ts): readPdf + checkDocument against pdf.js's own text extraction of the same file.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { tabletojson } from 'tabletojson';
import { checkDocument } from '../lib/check';
import { fromCheerio } from '../lib/sources/cheerio';
import { generatedPages } from './generate';
import { geometricMean, measure, median, type Contender, type Sample } from './measure';
import { fixturePages, realworldPages, type BenchPage } from './pages';
import { runPdfBench } from './pdf';

const TARGET_OVER_FLOOR = 1.25;
const TARGET_OVER_TABLETOJSON = 1;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? new RegExp(args[args.indexOf('--only') + 1]) : null;
const options = quick ? { warmupRounds: 2, rounds: 7, minSampleMs: 2 } : { warmupRounds: 2, rounds: 15, minSampleMs: 5 };

const pages = [...fixturePages(), ...realworldPages(), ...generatedPages()].filter(
  (p) => !only || only.test(p.name),
);

const contenders: Contender<BenchPage>[] = [
  { name: 'floor', run: (p) => void cheerio.load(p.html) },
  {
    name: 'pipeline',
    run: (p) => {
      const t0 = performance.now();
      const $ = cheerio.load(p.html);
      const t1 = performance.now();
      const doc = fromCheerio($);
      const t2 = performance.now();
      const { result } = checkDocument(doc);
      const t3 = performance.now();
      const { detect, parse, check } = result.timings;
      return { load: t1 - t0, adapt: t2 - t1, engine: t3 - t2, detect, parse, check, gridAndRest: t3 - t2 - detect - parse - check };
    },
  },
  { name: 'tabletojson', run: (p) => void tabletojson.convert(p.html) },
];

const started = Date.now();
const loadBefore = loadavg()[0];
process.stderr.write(`benchmarking ${pages.length} pages × ${contenders.length} contenders, ${options.rounds} rounds (+${options.warmupRounds} warm-up)…\n`);
const progress = (done: number, total: number) => process.stderr.write(`\rround ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)} s)${done === total ? '\n' : ''}`);
const samples = measure(pages, contenders, { ...options, onRound: progress });
const seconds = (Date.now() - started) / 1000;

const PHASES = ['load', 'adapt', 'gridAndRest', 'detect', 'parse', 'check'] as const;
type Statistic = (values: number[]) => number;
const rows = pages.map((p, i) => {
  const stat = (name: string, statistic: Statistic) => statistic(samples[i].get(name)!.map((s) => s.ms));
  const per = (statistic: Statistic) => ({
    floor: stat('floor', statistic),
    pipeline: stat('pipeline', statistic),
    tabletojson: stat('tabletojson', statistic),
  });
  const med = per(median);
  const min = per((values) => Math.min(...values));
  const pipelineSamples = samples[i].get('pipeline')!;
  const phases = Object.fromEntries(PHASES.map((k) => [k, median(pipelineSamples.map((s: Sample) => s.phases?.[k] ?? 0))])) as Record<
    (typeof PHASES)[number],
    number
  >;
  const added = phases.adapt + phases.gridAndRest + phases.detect + phases.parse + phases.check;
  const { result } = checkDocument(fromCheerio(cheerio.load(p.html)));
  return {
    name: p.name,
    group: p.group,
    kb: round(p.bytes / 1024, 1),
    tables: (p.html.match(/<table\b/gi) ?? []).length,
    status: result.status,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    medianMs: roundAll(med),
    /** The fastest sample: what the code costs when no other process takes the core mid-run. */
    minMs: roundAll(min),
    pipelineOverFloor: round(med.pipeline / med.floor),
    pipelineOverTabletojson: round(med.pipeline / med.tabletojson),
    minPipelineOverFloor: round(min.pipeline / min.floor),
    minPipelineOverTabletojson: round(min.pipeline / min.tabletojson),
    /**
     * (load + everything after it) / load, each the median of its phase inside the pipeline runs: short phases are
     * less often interrupted by other processes than whole runs, so this ratio is the steadier one on a busy machine.
     */
    pipelineOverFloorByPhases: round((phases.load + added) / phases.load),
    /** Wall-clock medians of each phase of the pipeline run; `load` is cheerio.load, `gridAndRest` is checkDocument minus its three timed phases. */
    phasesMs: roundAll(phases),
    samples: pipelineSamples.length,
  };
});

type RatioKey =
  | 'pipelineOverFloor'
  | 'pipelineOverTabletojson'
  | 'minPipelineOverFloor'
  | 'minPipelineOverTabletojson'
  | 'pipelineOverFloorByPhases';
const ratioSummary = (key: RatioKey) => ({
  geomean: round(geometricMean(rows.map((r) => r[key]))),
  median: round(median(rows.map((r) => r[key]))),
  worst: round(Math.max(...rows.map((r) => r[key]))),
  pagesMeetingTarget: rows.filter((r) => (key.includes('Floor') ? r[key] <= TARGET_OVER_FLOOR : r[key] < TARGET_OVER_TABLETOJSON)).length,
  pages: rows.length,
});
const overall = {
  pipelineOverFloor: ratioSummary('pipelineOverFloor'),
  pipelineOverTabletojson: ratioSummary('pipelineOverTabletojson'),
  minPipelineOverFloor: ratioSummary('minPipelineOverFloor'),
  minPipelineOverTabletojson: ratioSummary('minPipelineOverTabletojson'),
  pipelineOverFloorByPhases: ratioSummary('pipelineOverFloorByPhases'),
  totalMedianMs: {
    floor: round(sum(rows.map((r) => r.medianMs.floor))),
    pipeline: round(sum(rows.map((r) => r.medianMs.pipeline))),
    tabletojson: round(sum(rows.map((r) => r.medianMs.tabletojson))),
  },
};
const targets = { pipelineOverFloorAtMost: TARGET_OVER_FLOOR, pipelineOverTabletojsonBelow: TARGET_OVER_TABLETOJSON };

printTable(rows);
printGroups(rows);
const describe = (label: string, r: ReturnType<typeof ratioSummary>, target: string) =>
  `${label}: geometric mean ${r.geomean}, median ${r.median}, worst ${r.worst}; target ${target} met on ${r.pagesMeetingTarget}/${r.pages} pages`;
console.log(`\nper-page ratios of the median times`);
console.log(describe('  pipeline / floor      ', overall.pipelineOverFloor, `≤ ${TARGET_OVER_FLOOR}`));
console.log(describe('  pipeline / tabletojson', overall.pipelineOverTabletojson, `< ${TARGET_OVER_TABLETOJSON}`));
console.log(describe('  pipeline / floor, by phases', overall.pipelineOverFloorByPhases, `≤ ${TARGET_OVER_FLOOR}`));
console.log(`per-page ratios of the fastest samples`);
console.log(describe('  pipeline / floor      ', overall.minPipelineOverFloor, `≤ ${TARGET_OVER_FLOOR}`));
console.log(describe('  pipeline / tabletojson', overall.minPipelineOverTabletojson, `< ${TARGET_OVER_TABLETOJSON}`));
console.log(
  `sum of medians: floor ${overall.totalMedianMs.floor} ms · pipeline ${overall.totalMedianMs.pipeline} ms · tabletojson ${overall.totalMedianMs.tabletojson} ms · run took ${seconds.toFixed(0)} s`,
);

const out = resolve(dirname(fileURLToPath(import.meta.url)), 'results.json');
const machine = {
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  platform: `${process.platform}-${process.arch}`,
  /** 1-minute load average before and after: above the core count, other processes took turns on our cores. */
  loadAverage: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) },
};
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), commit, machine, options, seconds, targets, overall, pages: rows }, null, 2)}\n`);
console.log(`wrote ${out}`);

await runPdfBench({ rounds: quick ? 3 : 7, warmupRounds: 1, only });

function printTable(data: typeof rows) {
  const header = ['page', 'KB', 'tbl', 'status', 'floor', 'pipeline', 't2j', 'p/floor', 'p/t2j', 'min p/f', 'min p/t', '| adapt', 'grid+', 'detect', 'parse', 'check'];
  const body = data.map((r) => [
    r.name,
    String(r.kb),
    String(r.tables),
    r.status + (r.errors ? ` ${r.errors}E` : ''),
    ms(r.medianMs.floor),
    ms(r.medianMs.pipeline),
    ms(r.medianMs.tabletojson),
    r.pipelineOverFloor.toFixed(2),
    r.pipelineOverTabletojson.toFixed(2),
    r.minPipelineOverFloor.toFixed(2),
    r.minPipelineOverTabletojson.toFixed(2),
    `| ${ms(r.phasesMs.adapt)}`,
    ms(r.phasesMs.gridAndRest),
    ms(r.phasesMs.detect),
    ms(r.phasesMs.parse),
    ms(r.phasesMs.check),
  ]);
  const widths = header.map((h, c) => Math.max(width(h), ...body.map((row) => width(row[c]))));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? padEnd(cell, widths[c]) : padStart(cell, widths[c]))).join('  ');
  console.log('median ms per run (floor = cheerio.load, pipeline = load + fromCheerio + checkDocument, t2j = tabletojson.convert),');
  console.log('ratios of the medians, ratios of the fastest samples; after | the median ms of each pipeline phase (grid+ = grids and glue outside the timed phases)');
  console.log(line(header));
  for (const row of body) console.log(line(row));
}

/** The same figures by kind of page, as a Markdown table (geometric means of the per-page ratios, medians of the times). */
function printGroups(data: typeof rows) {
  const groups: [string, (r: (typeof rows)[number]) => boolean][] = [
    ['hand-written, ~10 KB (plain, split, merged, trial2019, variants)', (r) => r.group === 'fixture' && r.kb < 15 && r.tables > 0],
    ['labels split over spans, ~20 KB', (r) => r.name.includes('spans')],
    ['CMS, one line, ~74 KB', (r) => r.name.includes('cms')],
    ['Word paste, 150–170 KB', (r) => r.name.includes('word')],
    ['huge-20000 (292 KB, 20 000 cells)', (r) => r.name.startsWith('huge')],
    ['no report, PDF-only, image-only (< 2 KB)', (r) => r.status === 'no-report' && r.kb < 2],
    ...data.filter((r) => r.group !== 'fixture').map((r): [string, (x: (typeof rows)[number]) => boolean] => [`${r.name} (${r.kb} KB)`, (x) => x === r]),
    ['**all pages**', () => true],
  ];
  console.log('\n| pages | n | cheerio.load ms | pipeline ms | tabletojson ms | pipeline / load | same, by phases | pipeline / tabletojson |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [label, member] of groups) {
    const members = data.filter(member);
    if (members.length === 0) continue;
    const mid = (pick: (r: (typeof rows)[number]) => number) => ms(median(members.map(pick)));
    const mean = (pick: (r: (typeof rows)[number]) => number) => geometricMean(members.map(pick)).toFixed(2);
    console.log(
      `| ${label} | ${members.length} | ${mid((r) => r.medianMs.floor)} | ${mid((r) => r.medianMs.pipeline)} | ${mid((r) => r.medianMs.tabletojson)}` +
        ` | ${mean((r) => r.pipelineOverFloor)} | ${mean((r) => r.pipelineOverFloorByPhases)} | ${mean((r) => r.pipelineOverTabletojson)} |`,
    );
  }
}

function ms(value: number): string {
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v)])) as T;
}
function round(value: number, digits = 3): number {
  return Number(value.toFixed(digits));
}
function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
function padEnd(s: string, w: number) {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
function padStart(s: string, w: number) {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}
