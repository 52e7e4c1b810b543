/**
 * Tables from text positions (lib/sources/pdf-stream.ts) on a real borderless print (seed 004, Chromium): a value
 * moved so that it straddles two columns, or a second value in a cell, is left out and said, never read as a number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatResult } from '../cli/format-text';
import { checkDocument } from '../lib/check';
import { exportDocument } from '../lib/export/json';
import { ExportDocumentSchema } from '../lib/export/schema';
import { cellAt, table3Path } from '../lib/paths';
import { assemble, readPdf } from '../lib/sources/pdf';
import { readPageText } from '../lib/sources/pdf-page';
import { streamTables } from '../lib/sources/pdf-stream';
import type { TextRun } from '../lib/sources/pdf-types';
import { DOCUMENTS_DIR } from './fixtures/documents-catalogue';

let pages: Awaited<ReturnType<typeof readPageText>>[];

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

/** The PDF adapter's assembly from the pages' text (no ruling lines: every table is a stream table), then the check. */
function checkPdf(edited: typeof pages) {
  const document = assemble(edited.map((p) => ({ ...p, horizontal: [], vertical: [], images: 0 })), '');
  const result = checkDocument(document).result;
  return { document, result };
}

/** Seed 004's borderless print with 一、本年新收's 商业企业 value (1) moved to straddle 自然人 and 商业企业. */
function withStraddlingValue() {
  const page = pages.find((p) => p.runs.some((r) => r.text.includes('自')))!;
  const [natural, commercial] = newReceivedValues(page.runs);
  const moved: TextRun = { ...commercial, text: '77', x0: natural.x1 + 0.7 * natural.size, x1: commercial.x0 - 2 };
  const runs = page.runs.map((r) => (r === commercial ? moved : r));
  return { edited: pages.map((p) => (p === page ? { ...p, runs } : p)), moved };
}

/** Seed 004's borderless print with a second value (5) printed beside 一、本年新收's 自然人 value, in the same cell. */
function withSecondValue() {
  const page = pages.find((p) => p.runs.some((r) => r.text.includes('自')))!;
  const [natural] = newReceivedValues(page.runs);
  const extra: TextRun = { ...natural, text: '5', x0: natural.x1 + 8, x1: natural.x1 + 14 };
  return pages.map((p) => (p === page ? { ...p, runs: [...p.runs, extra] } : p));
}

/** Seed 004's borderless print with 一、本年新收's 自然人 value (1) moved left, between its label and the first column. */
function withValueLeftOfColumns() {
  const page = pages.find((p) => p.runs.some((r) => r.text.includes('自')))!;
  const [natural] = newReceivedValues(page.runs);
  const label = page.runs.find((r) => r.text.includes('新') && Math.abs(r.y0 - natural.y0) < 4)!;
  const x0 = (label.x1 + natural.x0) / 2;
  const moved: TextRun = { ...natural, text: '77', x0, x1: x0 + natural.x1 - natural.x0 };
  return { edited: pages.map((p) => (p === page ? { ...p, runs: p.runs.map((r) => (r === natural ? moved : r)) } : p)), moved };
}

describe('stream tables', () => {
  it('read the borderless print: 一、本年新收 is 1 1 0 0 0 0 2', () => {
    const { value, stream } = check(pages);
    expect(['naturalPerson', 'legalPerson.commercial', 'total'].map((c) => value(c)?.raw)).toEqual(['1', '1', '2']);
    expect(stream.notes).toEqual([]);
  });

  it('a value straddling two columns is left out and said, never read into either', () => {
    // From just past the 自然人 value to just before the 商业企业 one: across the line between their columns.
    const { value, stream } = check(withStraddlingValue().edited);
    const read = ['naturalPerson', 'legalPerson.commercial'].map((c) => value(c)?.raw ?? '');
    expect(read).not.toContain('77');
    expect(stream.notes.map((n) => n.en).join('\n')).toMatch(/"77"/);
  });

  it('two values in one cell are both left out', () => {
    const { value, stream } = check(withSecondValue());
    expect(value('naturalPerson')?.raw ?? '').toBe('');
    expect(stream.notes.some((n) => n.en.includes('two values'))).toBe(true);
  });
});

describe('reading notes: what the stream step left out reaches the user', () => {
  it('a clean borderless print has none, in the document or the result', () => {
    const { document, result } = checkPdf(pages);
    expect(document.readingNotes).toBeUndefined();
    expect(result.readingNotes).toBeUndefined();
  });

  it('a straddling value: the note names where it is printed and the cells it may be; their BLANK says so', () => {
    const { edited, moved } = withStraddlingValue();
    const { document, result } = checkPdf(edited);
    const [note] = document.readingNotes!;
    expect(note.zh).toContain('“77”');
    expect(note.en).toContain('"77"');
    // The box of the printed number, not of a cell.
    expect(note.ref!.x).toBeCloseTo(moved.x0, 0);
    expect(note.ref!.x + note.ref!.width).toBeCloseTo(moved.x1, 0);

    const natural = table3Path('naturalPerson', 'newReceived');
    const commercial = table3Path('legalPerson.commercial', 'newReceived');
    expect(result.readingNotes).toEqual([{ zh: note.zh, en: note.en, cells: [natural, commercial] }]);
    // 自然人 keeps its own 1; 商业企业 is read blank, and its BLANK finding says a number is printed there.
    expect(cellAt(result.report!, natural)?.raw).toBe('1');
    const blank = result.findings.find((f) => f.rule === 'BLANK' && f.target === commercial)!;
    expect(blank.message.zh).toContain('此处印有数字');
    expect(blank.message.en).toContain('prints a number here');
    // Other blanks keep the ordinary wording.
    const others = result.findings.filter((f) => f.rule === 'BLANK' && f.target !== commercial);
    expect(others.every((f) => !f.message.zh.includes('印有数字'))).toBe(true);
  });

  it('a number left of the first column: a note naming the nearest cell, which reads blank and says so', () => {
    const { edited, moved } = withValueLeftOfColumns();
    const { document, result } = checkPdf(edited);
    const natural = table3Path('naturalPerson', 'newReceived');
    expect(document.readingNotes).toHaveLength(1);
    const [note] = document.readingNotes!;
    expect(note.zh).toContain('数值“77”印在第一列左侧');
    expect(note.en).toContain('"77" lies left of the first column');
    expect(note.ref!.x).toBeCloseTo(moved.x0, 0);
    expect(result.readingNotes).toEqual([{ zh: note.zh, en: note.en, cells: [natural] }]);
    expect(cellAt(result.report!, natural)?.raw).toBe('');
    const blank = result.findings.find((f) => f.rule === 'BLANK' && f.target === natural)!;
    expect(blank.message.zh).toContain('此处印有数字');
  });

  it('two values in one cell: one note naming that cell', () => {
    const { result } = checkPdf(withSecondValue());
    expect(result.readingNotes).toHaveLength(1);
    expect(result.readingNotes![0].cells).toEqual([table3Path('naturalPerson', 'newReceived')]);
    expect(result.readingNotes![0].zh).toContain('同一格有两个数值');
  });

  it('the CLI prints them under the report, --json and the export carry them', () => {
    const { result } = checkPdf(withStraddlingValue().edited);
    const zh = formatResult('print.pdf', result, 'zh');
    const notes = zh.slice(zh.indexOf('读取说明 · Reading notes (1):'));
    expect(notes.length).toBeLessThan(zh.length);
    expect(notes).toContain('“77”');
    expect(notes).toContain('可能属于：table3.naturalPerson.newReceived (表三 自然人 · 一、本年新收政府信息公开申请数量)、table3.legalPerson.commercial.newReceived');
    expect(formatResult('print.pdf', result, 'en')).toMatch(/Reading notes \(1\):\n {4}\? row .*"77"/);
    // --json prints the CheckResult as it is.
    expect(JSON.parse(JSON.stringify(result)).readingNotes).toEqual(result.readingNotes);
    const exported = ExportDocumentSchema.parse(exportDocument(result));
    expect(exported.readingNotes).toEqual(result.readingNotes);
    expect(exportDocument(result, 'table4')!.readingNotes).toBeUndefined();
  });
});

describe('a table-3 header repeated on the next page, its note 本列数据的勾稽关系… included (LibreOffice, 标题行重复)', () => {
  it('is passed over: table 3 reads on across the break with every value, and the repeated header is not body text', async () => {
    const data = new Uint8Array(readFileSync(join(DOCUMENTS_DIR, '004-borderless-header-libreoffice.pdf')));
    const pdf = await getDocument({ data: data.slice(), isEvalSupported: false, verbosity: 0 }).promise;
    const pagesWithNote: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const { runs } = await readPageText(await pdf.getPage(n));
      if (runs.map((r) => r.text).join('').includes('勾稽关系')) pagesWithNote.push(n);
    }
    await pdf.destroy();
    expect(pagesWithNote, 'the fixture repeats the header with its note').toHaveLength(2);

    const outcome = await readPdf(data);
    if (!outcome.ok) throw new Error(outcome.reason.en);
    const { result } = checkDocument(outcome.document);
    const last = ['naturalPerson', 'total'].map((c) => cellAt(result.report!, table3Path(c, 'carriedForward'))?.raw);
    expect(last).toEqual(['0', '0']);
    expect(result.findings.filter((f) => f.rule === 'MISSING' || f.rule === 'BLANK')).toEqual([]);
    expect(outcome.document.bodyText).not.toContain('勾稽关系');
    expect(outcome.document.bodyText).not.toContain('申请人情况');
  }, 60_000);
});
