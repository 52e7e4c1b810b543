/** The spool of a batch (cli/spool.ts): results written once and read back in any order; the file goes away. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Spool } from '../cli/spool';

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
