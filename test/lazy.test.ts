/** lazy and lazyPerKey: built on first use, once (per key), then the same value. */
import { describe, expect, it } from 'vitest';
import { lazy, lazyPerKey } from '../lib/lazy';

describe('lazy', () => {
  it('builds on the first call only, and hands out the same value', () => {
    let builds = 0;
    const value = lazy(() => ({ n: ++builds }));
    expect(builds).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(builds).toBe(1);
  });

  it('per key: each key built once on its own first use, a falsy key included', () => {
    const built: boolean[] = [];
    const value = lazyPerKey((oneRow: boolean) => {
      built.push(oneRow);
      return { oneRow };
    });
    expect(built).toEqual([]);
    const leaves = value(false);
    expect(value(false)).toBe(leaves);
    expect(built).toEqual([false]);
    expect(value(true)).toEqual({ oneRow: true });
    expect(value(true)).toBe(value(true));
    expect(built).toEqual([false, true]);
  });
});
