/** The spool of a batch (cli/spool.ts): results written once and read back in any order; the file goes away. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Spool } from '../cli/spool';
import { ROOT } from './helpers/run-cli';

describe('Spool', () => {
  it('reads back exactly what was appended, in any order, and removes its file on close', () => {
    const spool = new Spool();
    const texts = ['平潭', 'x'.repeat(100_000), '', '{"a":1}'];
    const refs = texts.map((t) => spool.append(new TextEncoder().encode(t)));
    for (const i of [3, 0, 2, 1]) expect(new TextDecoder().decode(spool.read(refs[i]))).toBe(texts[i]);
    const dir = (spool as unknown as { dir: string }).dir;
    expect(existsSync(dir)).toBe(true);
    spool.close();
    spool.close();
    expect(existsSync(dir)).toBe(false);
  });
});

describe('the CLI stopped by Ctrl-C', () => {
  it('removes its spool and exits 130', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/check.ts'), '--jobs', '1', join(ROOT, 'test/fixtures/pages')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const spools = () => readdirSync(tmpdir()).filter((d) => d.startsWith(`gov-report-checker-spool-${child.pid}-`));
    // The spool appears once the batch starts; interrupt then.
    for (let i = 0; i < 600 && spools().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(spools()).toHaveLength(1);
    child.kill('SIGINT');
    const code = await new Promise((done) => child.on('close', (c, signal) => done(c ?? signal)));
    expect(code).toBe(130);
    expect(spools()).toEqual([]);
  }, 90_000);
});
