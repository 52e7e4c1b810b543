/**
 * Running the engine's step generators (`fromDomSteps`, `checkDocumentSteps`) in slices of at most `sliceMs`, with a
 * pause between slices so the page (or the results page) gets its turn. Steps stop where `shouldPause` says the
 * slice is used up (reading, between table rows) or between engine phases. Used by the content script
 * (utils/overlay/engine.ts) and the batch (utils/batch/check-fetched.ts).
 */
export type Yield = () => Promise<void>;

export interface SliceOptions {
  sliceMs: number;
  /** Between two slices. */
  pause: Yield;
  /** The clock, and where each slice's performance measure goes. */
  perf?: Performance;
  /** Each slice leaves a measure named prefix + the run's name; none when null. */
  measurePrefix?: string | null;
}

export class Slices {
  private deadline = 0;
  private readonly perf: Performance;
  constructor(private readonly options: SliceOptions) {
    this.perf = options.perf ?? performance;
  }

  readonly shouldPause = () => this.perf.now() >= this.deadline;

  async run<T>(name: string, steps: Generator<void, T, void>): Promise<T> {
    const { sliceMs, pause, measurePrefix } = this.options;
    for (;;) {
      const start = this.perf.now();
      this.deadline = start + sliceMs;
      let step = steps.next();
      while (!step.done && !this.shouldPause()) step = steps.next();
      if (measurePrefix != null) this.perf.measure(`${measurePrefix}${name}`, { start, end: this.perf.now() });
      if (step.done) return step.value;
      await pause();
    }
  }
}
