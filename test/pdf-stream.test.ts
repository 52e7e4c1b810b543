/**
 * Tables from text positions (lib/sources/pdf-stream.ts) on a real borderless print (seed 004, Chromium): a value
 * moved so that it straddles two columns, or a second value in a cell, is left out and said, never read as a number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import { cellAt, table3Path } from '../lib/paths';
import { readPageText } from '../lib/sources/pdf-page';
import { streamTables } from '../lib/sources/pdf-stream';
import type { TextRun } from '../lib/sources/pdf-types';
import { DOCUMENTS_DIR } from './fixtures/documents-catalogue';

let pages: { page: number; runs: TextRun[] }[];

beforeAll(async () => {
  const data = new Uint8Array(readFileSync(join(DOCUMENTS_DIR, '004-plain-borderless-chromium.pdf')));
  const pdf = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  pages = [];
  for (let n = 1; n <= pdf.numPages; n++) pages.push(await readPageText(await pdf.getPage(n)));
  await pdf.destroy();
}, 60_000);

/** The runs of the 一、本年新收 row's values (seed 004: 1 1 0 0 0 0 2), left to right. */
function newReceivedValues(runs: TextRun[]): TextRun[] {
  const label = runs.find((r) => r.text.includes('新'))!;
  const row = runs.filter((r) => /^\d+$/.test(r.text) && Math.abs(r.y0 - label.y0) < 4 && r.x0 > label.x1 + 100);
  return row.sort((a, b) => a.x0 - b.x0);
}

function check(edited: { page: number; runs: TextRun[] }[]) {
  const stream = streamTables(edited);
  const result = checkDocument({ tables: stream.tables.map((t) => t.table), title: '', bodyText: '' }).result;
  return { stream, result, value: (col: string) => cellAt(result.report!, table3Path(col, 'newReceived')) };
}

describe('stream tables', () => {
  it('read the borderless print: 一、本年新收 is 1 1 0 0 0 0 2', () => {
    const { value, stream } = check(pages);
    expect(['naturalPerson', 'legalPerson.commercial', 'total'].map((c) => value(c)?.raw)).toEqual(['1', '1', '2']);
    expect(stream.notes).toEqual([]);
  });

  it('a value straddling two columns is left out and said, never read into either', () => {
    const page = pages.find((p) => p.runs.some((r) => r.text.includes('自')))!;
    const [natural, commercial] = newReceivedValues(page.runs);
    // From just past the 自然人 value to just before the 商业企业 one: across the line between their columns.
    const moved: TextRun = { ...commercial, text: '77', x0: natural.x1 + 0.7 * natural.size, x1: commercial.x0 - 2 };
    const runs = page.runs.map((r) => (r === commercial ? moved : r));
    const { value, stream } = check(pages.map((p) => (p === page ? { ...p, runs } : p)));
    const read = ['naturalPerson', 'legalPerson.commercial'].map((c) => value(c)?.raw ?? '');
    expect(read).not.toContain('77');
    expect(stream.notes.map((n) => n.en).join('\n')).toMatch(/"77"/);
  });

  it('two values in one cell are both left out', () => {
    const page = pages.find((p) => p.runs.some((r) => r.text.includes('自')))!;
    const [natural] = newReceivedValues(page.runs);
    const extra: TextRun = { ...natural, text: '5', x0: natural.x1 + 8, x1: natural.x1 + 14 };
    const { value, stream } = check(pages.map((p) => (p === page ? { ...p, runs: [...p.runs, extra] } : p)));
    expect(value('naturalPerson')?.raw ?? '').toBe('');
    expect(stream.notes.some((n) => n.en.includes('two values'))).toBe(true);
  });
});
