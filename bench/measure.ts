/**
 * An interleaved micro-benchmark: every round runs every contender on every page, in a rotating order, so drift
 * in machine load (2 noisy cores) lands on all contenders alike and the ratios from one run stay meaningful.
 */

export interface Contender<P> {
  name: string;
  /** One run over the page. May return per-phase milliseconds to be collected alongside the total. */
  run(page: P): Record<string, number> | void;
}

export interface Sample {
  /**
   * Wall-clock milliseconds per single run (a batch's time divided by its size), garbage collection included: a
   * contender pays for the collections its allocations cause. Tried and dropped: process CPU time (it bills V8's
   * background GC threads, still busy with the previous sample, to the next one) and a forced full GC before each
   * sample (the sweeping it leaves behind added ~10–20 ms to every following sample, pulling all ratios towards 1).
   */
  ms: number;
  phases?: Record<string, number>;
}

export interface MeasureOptions {
  warmupRounds: number;
  rounds: number;
  /** A sample batches runs until it lasts about this long, so short pages are not lost in timer noise. */
  minSampleMs: number;
  /** Called after each round (for a progress line). */
  onRound?: (done: number, total: number) => void;
}

export type Samples = Map<string, Sample[]>; // contender name → samples


/** Runs `rounds` interleaved rounds after `warmupRounds` unrecorded ones; returns samples per page and contender. */
export function measure<P>(pages: readonly P[], contenders: readonly Contender<P>[], options: MeasureOptions): Samples[] {
  const batchSizes = pages.map((page) => calibrate(page, contenders, options.minSampleMs));
  const samples: Samples[] = pages.map(() => new Map(contenders.map((c) => [c.name, [] as Sample[]])));
  for (let round = 0; round < options.warmupRounds + options.rounds; round++) {
    const record = round >= options.warmupRounds;
    pages.forEach((page, p) => {
      for (let k = 0; k < contenders.length; k++) {
        const contender = contenders[(round + k) % contenders.length];
        const sample = timeBatch(page, contender, batchSizes[p]);
        if (record) samples[p].get(contender.name)!.push(sample);
      }
    });
    options.onRound?.(round + 1, options.warmupRounds + options.rounds);
  }
  return samples;
}

function timeBatch<P>(page: P, contender: Contender<P>, batch: number): Sample {
  let phases: Record<string, number> | undefined;
  const start = performance.now();
  for (let i = 0; i < batch; i++) {
    const split = contender.run(page);
    if (split) {
      phases ??= {};
      for (const [key, ms] of Object.entries(split)) phases[key] = (phases[key] ?? 0) + ms;
    }
  }
  const ms = (performance.now() - start) / batch;
  if (phases) for (const key of Object.keys(phases)) phases[key] /= batch;
  return { ms, phases };
}

/** Runs per sample for a page: enough that the fastest contender's sample lasts `minSampleMs`. */
function calibrate<P>(page: P, contenders: readonly Contender<P>[], minSampleMs: number): number {
  let fastest = Infinity;
  for (const contender of contenders) {
    for (let i = 0; i < 3; i++) fastest = Math.min(fastest, timeBatch(page, contender, 1).ms);
  }
  return Math.max(1, Math.ceil(minSampleMs / Math.max(fastest, 0.001)));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function geometricMean(values: readonly number[]): number {
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}
