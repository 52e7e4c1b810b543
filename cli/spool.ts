/**
 * Checked results waiting for the cross-year pass, kept in a temporary file instead of memory, so a batch of
 * 10,000 pages holds one result at a time. Append-only; removed on close and when the process exits.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpoolRef {
  offset: number;
  length: number;
}

export class Spool {
  private readonly dir = mkdtempSync(join(tmpdir(), `gov-report-checker-spool-${process.pid}-`));
  private readonly fd = openSync(join(this.dir, 'results'), 'w+');
  private size = 0;
  private closed = false;
  private readonly cleanUp = () => this.close();

  constructor() {
    process.once('exit', this.cleanUp);
  }

  /** Ctrl-C or a kill ends the process without an 'exit' event: remove the file, then end as the signal would. */
  static removeOnSignal(spool: Spool): void {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      process.once(signal, () => {
        spool.close();
        process.exit(code);
      });
    }
  }

  append(bytes: Uint8Array): SpoolRef {
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
    const ref = { offset: this.size, length: bytes.length };
    this.size += bytes.length;
    return ref;
  }

  read(ref: SpoolRef): Uint8Array {
    const bytes = new Uint8Array(ref.length);
    let read = 0;
    while (read < ref.length) {
      const n = readSync(this.fd, bytes, read, ref.length - read, ref.offset + read);
      if (n === 0) throw new Error('spool: result truncated');
      read += n;
    }
    return bytes;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    process.off('exit', this.cleanUp);
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
