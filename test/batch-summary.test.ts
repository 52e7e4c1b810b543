/** The one-row-per-report summary (lib/batch/summary.ts) and its CSV (lib/export/csv.ts), read back by csv-parse. */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countFindings, summaryRow, unreadableRow } from '../lib/batch/summary';
import { checkDocument } from '../lib/check';
import { withPreviousYear } from '../lib/cross-year/apply';
import { YearIndex } from '../lib/cross-year/match';
import { toYearRecord } from '../lib/cross-year/record';
import { csvField, csvLine, SUMMARY_HEADERS, summaryCsv, summaryCsvValues, toCsv } from '../lib/export/csv';
import type { Cause } from '../lib/findings';
import { loadHtml } from '../lib/sources/cheerio';

const ROOT = resolve(__dirname, '..');
const pageResult = (path: string) => checkDocument(loadHtml(readFileSync(path, 'utf8'))).result;
const cause = (rule: string, severity: Cause['severity'], kind: Cause['kind'] = 'finding'): Cause => ({
  kind,
  severity,
  rule,
  table: 'table3',
  findings: [0],
  target: null,
  message: { zh: '', en: '' },
});

describe('countFindings', () => {
  it('counts causes: errors, other warnings, blanks and text mismatches; info counts nowhere', () => {
    const counts = countFindings([
      cause('T3-RESULTS', 'error'),
      cause('X-CARRY', 'error'),
      cause('BLANK', 'warning', 'blank-columns'),
      cause('BLANK', 'warning'),
      cause('TEXT-T3-NEW', 'warning'),
      cause('VALUE', 'warning'),
      cause('T3-ROW', 'info'),
      cause('X-T2', 'info'),
    ]);
    expect(counts).toEqual({ errors: 2, warnings: 1, blanks: 2, textMismatches: 1 });
  });

  it('on real pages: seed 004 has two errors; the blank-column page is one blank cause (its 125 cells)', () => {
    expect(countFindings(pageResult(join(ROOT, 'test/fixtures/pages/004-plain.html')).causes)).toMatchObject({ errors: 2, blanks: 0 });
    const blank = pageResult(join(ROOT, 'test/fixtures/pages/000-blank-plain.html'));
    expect(blank.findings.filter((f) => f.rule === 'BLANK')).toHaveLength(125);
    expect(countFindings(blank.causes)).toEqual({ errors: 0, warnings: 0, blanks: 1, textMismatches: 0 });
  });
});

describe('summaryRow', () => {
  const REALWORLD = resolve(ROOT, '../shared/realworld');
  const files = [2022, 2023].map((y) => join(REALWORLD, `pingtan-${y}.html`));
  const [r2022, r2023] = files.map(pageResult);
  const index = new YearIndex([toYearRecord(r2022.report!, files[0])]);

  it('carries body, year, status, counts and the cross-year results', () => {
    const result = withPreviousYear(r2023, index.previousOf(toYearRecord(r2023.report!, files[1]).identity));
    const row = summaryRow('pingtan-2023.html', result);
    expect(row).toMatchObject({
      input: 'pingtan-2023.html',
      body: '平潭综合实验区',
      year: 2023,
      status: 'ok',
      counts: { errors: 0, textMismatches: 1 },
      crossYear: { previous: { kind: 'found', report: { source: files[0] } }, carry: { errors: 0, unverified: 0 }, stock: { notes: 1 } },
    });
  });

  it('a report checked without any lookup has no cross-year results; an unreadable input has no counts', () => {
    expect(summaryRow('a.html', r2022).crossYear).toEqual({ previous: null, carry: null, stock: null });
    const row = unreadableRow('gone.html', { zh: '文件或目录不存在', en: 'no such file or directory' });
    expect(row).toMatchObject({ status: 'unreadable', counts: null, reason: { zh: '文件或目录不存在' } });
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks; keeps numbers; defuses formulas', () => {
    expect(csvField('平潭')).toBe('平潭');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(5949.088667)).toBe('5949.088667');
    expect(csvField(null)).toBe('');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('a document starts with the UTF-8 BOM, ends every line with CRLF, and parses back to the same fields', () => {
    const records = [
      ['标题', 'n'],
      ['平潭综合实验区2023年度政府信息公开工作年度报告, "测试"', '3'],
      ['两行\r\n文字', ''],
    ];
    const text = toCsv(records);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.replace(/"[^"]*"/g, '').split('\r\n')).toHaveLength(records.length + 1);
    expect(text.replace(/"[^"]*"/g, '')).not.toMatch(/[^\r]\n/);
    expect(parse(text, { bom: true })).toEqual(records);
  });

  it('the summary table: a header, then one row per report, in the chosen language', () => {
    const rows = [
      summaryRow('004-plain.html', pageResult(join(ROOT, 'test/fixtures/pages/004-plain.html'))),
      unreadableRow('missing.html', { zh: '文件或目录不存在', en: 'no such file or directory' }),
    ];
    const zh = parse(summaryCsv(rows, 'zh'), { bom: true }) as string[][];
    expect(zh[0]).toEqual(SUMMARY_HEADERS);
    expect(zh[1].slice(4, 9)).toEqual(['已检查', '2', '0', '0', '0']);
    expect(zh[2]).toEqual(['missing.html', '', '', '', '无法读取', '', '', '', '', '', '', '', '文件或目录不存在']);
    const en = parse(summaryCsv(rows, 'en'), { bom: true }) as string[][];
    expect(en[2][4]).toBe('unreadable');
    expect(summaryCsvValues(rows[0], 'en')).toHaveLength(SUMMARY_HEADERS.length);
  });

  it('cross-year columns: the previous report, the carry-over and the stock, or ambiguity', () => {
    const base = unreadableRow('x.html', { zh: '', en: '' });
    const found = {
      ...base,
      status: 'ok' as const,
      crossYear: {
        previous: { kind: 'found' as const, report: { body: 'b', year: 2022, title: 't', source: 'b-2022.html' }, format: '2021' as const },
        carry: { errors: 1, unverified: 2 },
        stock: { notes: 1 },
      },
    };
    expect(summaryCsvValues(found, 'zh').slice(9, 12)).toEqual(['b-2022.html', '✗ 1 处不符，! 2 处无法核对', 'i 1 条提示']);
    expect(summaryCsvValues(found, 'en').slice(9, 12)).toEqual(['b-2022.html', '✗ 1 differ, ! 2 cannot verify', 'i 1 note']);
    const ambiguous = {
      ...base,
      crossYear: {
        previous: {
          kind: 'ambiguous' as const,
          candidates: [
            { body: 'b', year: 2022, title: 't', source: 'a/2022.html' },
            { body: 'b', year: 2022, title: 't', source: 'c/2022.html' },
          ],
          count: 2,
        },
        carry: null,
        stock: null,
      },
    };
    expect(summaryCsvValues(ambiguous, 'zh').slice(9, 12)).toEqual(['不唯一（2 份）：a/2022.html；c/2022.html', '未核对', null]);
    const many = { ...ambiguous, crossYear: { ...ambiguous.crossYear, previous: { ...ambiguous.crossYear.previous, count: 300 } } };
    expect(summaryCsvValues(many, 'en')[9]).toBe('ambiguous (300): a/2022.html; c/2022.html and 298 more');
  });
});
