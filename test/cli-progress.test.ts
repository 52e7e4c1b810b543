/** The batch progress line (cli/progress.ts): drawn in place on a terminal, throttled, erased at the end; silent otherwise. */
import { describe, expect, it } from 'vitest';
import { progressLine } from '../cli/progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) > 0 } as unknown as NodeJS.WriteStream, writes };
}

describe('progressLine', () => {
  it('on a terminal: redraws one line in place, at most every 100 ms, always the final count, then erases it', () => {
    const { stream, writes } = fakeStream(true);
    const line = progressLine(stream);
    line.update({ read: 1, done: 0, allRead: false });
    for (let done = 1; done < 50; done++) line.update({ read: 60, done, allRead: false });
    line.update({ read: 60, done: 60, allRead: true });
    line.clear();
    expect(writes.length).toBeLessThan(10);
    expect(writes[0]).toMatch(/^\r\x1b\[K核验 checked 0\/1\+ · [\d.]+ 页\/秒 pages\/s$/);
    expect(writes.at(-2)).toMatch(/^\r\x1b\[K核验 checked 60\/60 · /);
    expect(writes.at(-1)).toBe('\r\x1b[K');
    expect(writes.every((w) => !w.includes('\n'))).toBe(true);
  });

  it('not on a terminal (a pipe, a file, CI): writes nothing at all', () => {
    const { stream, writes } = fakeStream(false);
    const line = progressLine(stream);
    line.update({ read: 5, done: 5, allRead: true });
    line.clear();
    expect(writes).toEqual([]);
  });
});
