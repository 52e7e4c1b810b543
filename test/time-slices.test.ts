import { describe, expect, test } from 'vitest';
import { Slices } from '../utils/time-slices';

/** A clock that only the steps move, and the measures taken on it. */
function fakePerf() {
  let now = 0;
  const measures: { name: string; start: number; end: number }[] = [];
  const perf = {
    now: () => now,
    measure: (name: string, { start, end }: { start: number; end: number }) => void measures.push({ name, start, end }),
  } as unknown as Performance;
  return { perf, measures, advance: (ms: number) => (now += ms) };
}

function* steps(count: number, advance: (ms: number) => void, ms: number): Generator<void, string, void> {
  for (let i = 0; i < count; i++) {
    advance(ms);
    yield;
  }
  return 'done';
}

describe('Slices (shared by the content script and the batch)', () => {
  test('runs steps until the slice is used up, pauses, goes on, and returns the result', async () => {
    const { perf, measures, advance } = fakePerf();
    let pauses = 0;
    const slices = new Slices({ sliceMs: 20, perf, measurePrefix: 'p:', pause: async () => void pauses++ });
    expect(await slices.run('read', steps(10, advance, 7))).toBe('done');
    // 7 ms a step: three steps reach 21 ms ≥ 20, so 10 steps (and the final next()) take four slices.
    expect(pauses).toBe(3);
    expect(measures.map((m) => m.name)).toEqual(['p:read', 'p:read', 'p:read', 'p:read']);
    expect(measures.slice(0, 3).map((m) => m.end - m.start)).toEqual([21, 21, 21]);
  });

  test('shouldPause tells a step inside a slice that the slice is used up', async () => {
    const { perf, advance } = fakePerf();
    const slices = new Slices({ sliceMs: 10, perf, pause: async () => {} });
    const seen: boolean[] = [];
    function* probe(): Generator<void, void, void> {
      seen.push(slices.shouldPause());
      advance(15);
      seen.push(slices.shouldPause());
      yield;
    }
    await slices.run('x', probe());
    expect(seen).toEqual([false, true]);
  });

  test('no measure without a prefix (the batch checks hundreds of reports)', async () => {
    const { perf, measures, advance } = fakePerf();
    const slices = new Slices({ sliceMs: 5, perf, pause: async () => {} });
    await slices.run('check', steps(4, advance, 5));
    expect(measures).toEqual([]);
  });
});
