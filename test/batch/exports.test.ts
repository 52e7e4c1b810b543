/**
 * The results page's exports and the history lookup, on the cross-year fixture pages checked by the engine:
 * the .xlsx read back with ExcelJS holds the CSV's headers and values (numbers as numbers, no formula), the JSON
 * for every report validates against the published schema and carries the cross-year findings.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { SummaryRow } from '../../lib/batch/summary';
import { checkDocument } from '../../lib/check';
import { toYearRecord } from '../../lib/cross-year/record';
import { batchJsonDocument } from '../../lib/export/batch-json';
import { SUMMARY_HEADERS, summaryCsvValues } from '../../lib/export/csv';
import { summaryXlsx } from '../../lib/export/xlsx';
import type { CheckResult } from '../../lib/findings';
import { loadHtml } from '../../lib/sources/cheerio';
import type { BatchItem } from '../../utils/batch/job';
import { BatchRows } from '../../utils/batch/rows';
import { previousFromHistory, type History } from '../../utils/history-match';
import { schemaValidator } from '../export-fixture';

const DIR = resolve(import.meta.dirname, '../fixtures/cross-year');
const URL_OF = (file: string) => `http://www.example.gov.cn/cross-year/${file}`;

function checked(file: string): CheckResult {
  return checkDocument(loadHtml(readFileSync(join(DIR, file), 'utf8')), { url: URL_OF(file) }).result;
}

/** A batch row for a saved page that was fetched and checked. */
function checkedItem(file: string, n: number): BatchItem {
  return { n, url: URL_OF(file), text: file, year: 2000, linkBody: null, kind: 'page', outcome: { kind: 'checked', status: 'ok' } };
}

function batch(files: string[]) {
  const items: BatchItem[] = files.map((file, i) => checkedItem(file, i + 1));
  items.push({ n: items.length + 1, url: URL_OF('gone.html'), text: '=HYPERLINK("x")', year: 2023, linkBody: null, kind: 'page', outcome: { kind: 'failed', why: 'not-found', reason: { zh: '页面不存在（HTTP 404）', en: 'page not found (HTTP 404)' } } });
  const base = new Map(files.map((file, i) => [i + 1, checked(file)]));
  return new BatchRows().rows(items, base, []);
}

describe('exports of a batch', () => {
  const rows = batch(['a-2021.html', 'a-2022.html', 'a-2023.html']);
  const table = rows.map((r) => r.row).filter((row): row is SummaryRow => row !== null);

  test('the .xlsx reads back with the CSV headers and values; numbers stay numbers and no cell is a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(summaryXlsx(table, 'zh') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(table.length + 1);
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...SUMMARY_HEADERS]);
    table.forEach((row, i) => {
      const expected = summaryCsvValues(row, 'zh');
      const got = values(i + 2);
      expected.forEach((value, c) => expect(got[c] ?? null, `${row.input} column ${c}`).toEqual(value));
    });
    expect(values(3)[5]).toBe(2); // 甲局 2022: two errors (X-CARRY on 商业企业 and on 总计), as a number
    expect(values(3)[10]).toBe('✗ 2 处不符');
    const formulas: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas.push(cell.address))));
    expect(formulas).toEqual([]);
    expect(values(5)[3]).toBe('=HYPERLINK("x")'); // a link text that looks like a formula stays text
  });

  test('the JSON has every link; each checked report validates against the schema and carries its cross-year findings', () => {
    const validate = schemaValidator();
    const doc = batchJsonDocument(
      { url: 'http://www.example.gov.cn/column/paged/index.html', title: '年报', listPages: [] },
      rows.map((r) => ({ n: r.item.n, url: r.item.url, linkText: r.item.text, row: r.row, result: r.result })),
      new Date('2026-12-01T00:00:00Z'),
    );
    const parsed = JSON.parse(JSON.stringify(doc));
    expect(parsed.reports).toHaveLength(4);
    for (const report of parsed.reports.slice(0, 3)) expect(validate(report.report), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed.reports[3].report).toBeNull();
    expect(parsed.reports[3].row.reason.en).toBe('page not found (HTTP 404)');
    const carry = parsed.reports[1].report.findings.filter((f: { rule: string }) => f.rule === 'X-CARRY');
    expect(carry.map((f: { target: string }) => f.target)).toEqual([
      'table3.legalPerson.commercial.carriedOver',
      'table3.total.carriedOver',
    ]);
    expect(carry[0].previousYear.report.source).toBe(URL_OF('a-2021.html'));
  });
});

describe('last year from the history', () => {
  const record = (file: string) => toYearRecord(checked(file).report!, URL_OF(file));
  const history = (files: string[]): History => Object.fromEntries(files.map((f) => [URL_OF(f), { record: record(f), checkedAt: 0 }]));
  const identity = (file: string) => record(file).identity;

  test('the same body, year − 1; nothing when it is not there', () => {
    const match = previousFromHistory(identity('a-2022.html'), history(['a-2021.html', 'b-2022.html']), {});
    expect(match.kind === 'found' && match.previous.identity.source).toBe(URL_OF('a-2021.html'));
    expect(previousFromHistory(identity('a-2022.html'), history(['b-2022.html']), {})).toEqual({ kind: 'none', reason: 'not-found' });
  });

  test('a batch row applies the same pick (previousChoices) as a single page', () => {
    const files = ['c-2022.html', 'c-2022-revised.html', 'c-2023.html'];
    const items = files.map((file, i) => checkedItem(file, i + 1));
    const base = new Map(files.map((file, i) => [i + 1, checked(file)]));
    const previousOf2023 = (rows: ReturnType<BatchRows['rows']>) => rows.at(-1)!.result!.previousYear!;
    const maker = new BatchRows();
    expect(previousOf2023(maker.rows(items, base, [])).kind).toBe('ambiguous');
    const choices = { [URL_OF('c-2023.html')]: URL_OF('c-2022-revised.html') };
    const picked = previousOf2023(maker.rows(items, base, [], choices));
    expect(picked.kind === 'found' && picked.report.source).toBe(URL_OF('c-2022-revised.html'));
    // the same pick, made while the candidates came from the history rather than the batch
    const history = [record('c-2022.html'), record('c-2022-revised.html')];
    const alone = [checkedItem('c-2023.html', 1)];
    const fromHistory = new BatchRows().rows(alone, new Map([[1, checked('c-2023.html')]]), history, choices);
    const found = previousOf2023(fromHistory);
    expect(found.kind === 'found' && found.report.source).toBe(URL_OF('c-2022-revised.html'));
  });

  test('two candidates are ambiguous until the user picks one', () => {
    const both = history(['c-2022.html', 'c-2022-revised.html']);
    expect(previousFromHistory(identity('c-2023.html'), both, {}).kind).toBe('ambiguous');
    const picked = previousFromHistory(identity('c-2023.html'), both, { [URL_OF('c-2023.html')]: URL_OF('c-2022-revised.html') });
    expect(picked.kind === 'found' && picked.previous.identity.source).toBe(URL_OF('c-2022-revised.html'));
  });
});
