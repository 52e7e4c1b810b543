/**
 * The progress line of a batch on stderr, when stderr is a terminal: `核验 checked 120/500 · 35.2 页/秒 pages/s`.
 * Redrawn at most every 100 ms in place (\r, erase line), and erased when the batch is done.
 */
import type { BatchProgress } from './batch';

const REDRAW_MS = 100;

export interface ProgressLine {
  update(progress: BatchProgress): void;
  /** Erases the line, so what is printed next starts at the left. */
  clear(): void;
}

export function progressLine(stream: NodeJS.WriteStream): ProgressLine {
  if (!stream.isTTY) return { update: () => {}, clear: () => {} };
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(progress) {
      const now = Date.now();
      const finished = progress.allRead && progress.done === progress.read;
      if (now - last < REDRAW_MS && !finished) return;
      last = now;
      shown = true;
      const total = progress.allRead ? String(progress.read) : `${progress.read}+`;
      const rate = progress.done / Math.max((now - start) / 1000, 0.001);
      stream.write(`\r\x1b[K核验 checked ${progress.done}/${total} · ${rate.toFixed(1)} 页/秒 pages/s`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
