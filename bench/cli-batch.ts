/**
 * `npm run bench:cli [-- --quick]`: the command-line checker over a whole folder, as a user runs it
 * (`node --import tsx cli/check.ts DIR --csv out.csv`, text report to /dev/null), in one run:
 *   - pages per second with --jobs 1 and --jobs 2 over ≥ 1,000 pages, interleaved round by round;
 *   - the floor: the engine alone (cheerio.load + checkDocument) over the same pages in this one thread, no CLI;
 *   - CPU time per page of all the process's threads (what parallelism costs, steadier than wall time on a busy machine);
 *   - peak RSS of the whole process (worker threads included) on 1,000 and on 10,000 pages: bounded memory means flat.
 * The corpus is every fixture page, every cross-year fixture and every real page, copied with the body's name made
 * unique per copy (`样本0001…` in <title>), so each copy is its own set of bodies and years, as in a real column.
 * Writes bench/cli-batch-results.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocument } from '../lib/check';
import { loadHtml } from '../lib/sources/cheerio';
import { decodeHtml } from '../cli/decode';
import { median } from './measure';
import { REALWORLD } from './pages';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');
const SOURCE_DIRS = [join(ROOT, 'test/fixtures/pages'), join(ROOT, 'test/fixtures/cross-year'), REALWORLD];

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 3;
const SMALL = 1_000;
const LARGE = quick ? 3_000 : 10_000;

interface Source {
  name: string;
  bytes: Buffer;
}

function sources(): Source[] {
  return SOURCE_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.html?$/i.test(f))
      .sort()
      .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) })),
  );
}

/** At least `count` pages in `dir`: whole copies of the sources, each copy's bodies renamed 样本NNNN… (UTF-8 pages). */
function writeCorpus(dir: string, all: Source[], count: number): number {
  mkdirSync(dir, { recursive: true });
  const copies = Math.ceil(count / all.length);
  for (let copy = 0; copy < copies; copy++) {
    const tag = `样本${String(copy).padStart(5, '0')}`;
    const sub = join(dir, tag.slice(2, 4));
    mkdirSync(sub, { recursive: true });
    for (const source of all) {
      const text = source.bytes.toString('utf8');
      const utf8 = Buffer.from(text, 'utf8').equals(source.bytes);
      const bytes = utf8 ? Buffer.from(text.replace(/<title>/i, `<title>${tag}`), 'utf8') : source.bytes;
      writeFileSync(join(sub, `${tag}-${source.name}`), bytes);
    }
  }
  return copies * all.length;
}

interface Run {
  jobs: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  maxRssMb: number;
  /** CPU seconds of all the process's threads, per page. */
  cpuMsPerPage: number;
  exitCode: number | null;
  load: [number, number];
}

function runCli(dir: string, pages: number, jobs: number, scratch: string): Promise<Run> {
  const statsFile = join(scratch, `stats-${jobs}-${pages}`);
  const args = ['--import', 'tsx', '--import', join(here, 'process-stats.mjs'), join(ROOT, 'cli/check.ts'), dir, '--jobs', String(jobs), '--csv', join(scratch, 'out.csv')];
  const load0 = loadavg()[0];
  const start = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PROCESS_STATS_FILE: statsFile } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0 && code !== 1) return fail(new Error(`CLI exited ${code}: ${stderr.slice(0, 2000)}`));
      const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { maxRssKb: number; cpuSeconds: number };
      done({
        jobs,
        pages,
        seconds,
        pagesPerSecond: pages / seconds,
        maxRssMb: stats.maxRssKb / 1024,
        cpuMsPerPage: (stats.cpuSeconds * 1000) / pages,
        exitCode: code,
        load: [load0, loadavg()[0]],
      });
    });
  });
}

/** The floor: the engine alone over the same pages in this thread (no process start, workers, spool or output). */
function engineAlone(all: Source[], pages: number): { seconds: number; pagesPerSecond: number } {
  const htmls = all.map((s) => decodeHtml(new Uint8Array(s.bytes)).text);
  for (const html of htmls) checkDocument(loadHtml(html));
  const start = performance.now();
  for (let i = 0; i < pages; i++) checkDocument(loadHtml(htmls[i % htmls.length]));
  const seconds = (performance.now() - start) / 1000;
  return { seconds, pagesPerSecond: pages / seconds };
}

async function main() {
  const all = sources();
  const scratch = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const small = writeCorpus(join(scratch, 'small'), all, SMALL);
    console.log(`${all.length} source pages; corpus of ${small} pages; ${ROUNDS} rounds of --jobs 1 and --jobs 2 …`);
    const runs: Run[] = [];
    const floors: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      floors.push(engineAlone(all, small).pagesPerSecond);
      for (const jobs of round % 2 === 0 ? [1, 2] : [2, 1]) {
        const run = await runCli(join(scratch, 'small'), small, jobs, scratch);
        runs.push(run);
        console.log(`  round ${round + 1} --jobs ${jobs}: ${run.pagesPerSecond.toFixed(1)} pages/s, ${run.seconds.toFixed(1)} s, CPU ${run.cpuMsPerPage.toFixed(1)} ms/page, peak RSS ${run.maxRssMb.toFixed(0)} MB, load ${run.load.map((l) => l.toFixed(1)).join('→')}`);
      }
    }
    const rate = (jobs: number) => median(runs.filter((r) => r.jobs === jobs).map((r) => r.pagesPerSecond));
    const cpu = (jobs: number) => median(runs.filter((r) => r.jobs === jobs).map((r) => r.cpuMsPerPage));
    const rss = (jobs: number) => median(runs.filter((r) => r.jobs === jobs).map((r) => r.maxRssMb));
    // Each round's pair measured under the same load: the speed-up is the median of the per-round ratios.
    const ratios = Array.from({ length: ROUNDS }, (_, round) => {
      const pair = runs.slice(round * 2, round * 2 + 2);
      return pair.find((r) => r.jobs === 2)!.pagesPerSecond / pair.find((r) => r.jobs === 1)!.pagesPerSecond;
    });
    rmSync(join(scratch, 'small'), { recursive: true, force: true });

    const large = writeCorpus(join(scratch, 'large'), all, LARGE);
    console.log(`corpus of ${large} pages, --jobs 2 once …`);
    const big = await runCli(join(scratch, 'large'), large, 2, scratch);
    console.log(`  --jobs 2: ${big.pagesPerSecond.toFixed(1)} pages/s, ${big.seconds.toFixed(1)} s, peak RSS ${big.maxRssMb.toFixed(0)} MB, load ${big.load.map((l) => l.toFixed(1)).join('→')}`);

    const summary = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, availableParallelism: availableParallelism(), node: process.version },
      corpus: { sources: all.length, small, large },
      engineAlonePagesPerSecond: median(floors),
      jobs1PagesPerSecond: rate(1),
      jobs2PagesPerSecond: rate(2),
      speedUp: median(ratios),
      speedUpPerRound: ratios,
      cpuMsPerPage: { jobs1: cpu(1), jobs2: cpu(2) },
      peakRssMb: { jobs1Small: rss(1), jobs2Small: rss(2), jobs2Large: big.maxRssMb },
      rssLargeOverSmall: big.maxRssMb / rss(2),
      runs: [...runs, big],
    };
    writeFileSync(join(here, 'cli-batch-results.json'), JSON.stringify(summary, null, 1) + '\n');
    console.log(`
engine alone (1 thread, no CLI): ${summary.engineAlonePagesPerSecond.toFixed(1)} pages/s
--jobs 1: ${summary.jobs1PagesPerSecond.toFixed(1)} pages/s    --jobs 2: ${summary.jobs2PagesPerSecond.toFixed(1)} pages/s
speed-up --jobs 2 / --jobs 1: ${summary.speedUp.toFixed(2)}× (per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; target ≥ 1.8×)
CPU per page, all threads: ${cpu(1).toFixed(1)} ms with --jobs 1, ${cpu(2).toFixed(1)} ms with --jobs 2
peak RSS: ${rss(2).toFixed(0)} MB on ${small} pages, ${big.maxRssMb.toFixed(0)} MB on ${large} pages (×${summary.rssLargeOverSmall.toFixed(2)})`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
