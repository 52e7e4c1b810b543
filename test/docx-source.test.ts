/**
 * The Word source's refs: each points at its cell in the HTML readDocx renders (the viewer shows that HTML), and the
 * HTML read back as a page gives the same report as the .docx itself.
 */
import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import { cellAt } from '../lib/paths';
import { loadHtml } from '../lib/sources/cheerio';
import { readDocx } from '../lib/sources/docx';
import { DOCUMENTS_DIR } from './fixtures/documents-catalogue';

describe('readDocx on seed 004\'s draft', () => {
  const read = readDocx(new Uint8Array(readFileSync(join(DOCUMENTS_DIR, '004-template.docx'))));
  if (!read.ok) throw new Error(read.reason.en);
  const checked = checkDocument(read.document);

  it('every template cell ref finds a cell of the rendered HTML holding that cell\'s text', () => {
    const $ = load(read.html);
    expect(checked.refs.size).toBe(200);
    for (const [path, ref] of checked.refs) {
      const table = $('table').eq(ref.table);
      const row = table.children('tbody').children('tr').eq(ref.row);
      const cell = row.children('td').eq(ref.cell);
      expect(cell.length, path).toBe(1);
      expect(cell.text().trim(), path).toBe(cellAt(checked.result.report!, path)!.raw.trim());
    }
  });

  it('the rendered HTML checked as a page gives the same report and findings', () => {
    const page = checkDocument(loadHtml(read.html)).result;
    expect(page.report).toEqual(checked.result.report);
    expect(page.findings).toEqual(checked.result.findings);
  });
});
