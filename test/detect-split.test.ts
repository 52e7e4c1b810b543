/**
 * Table 3 (and table 4) printed as two consecutive <table>s: the header apart from the rows (Word paste across a page
 * break; CMS pages), or the rows split over two. Each split page parses to the very Report of the unsplit page, and
 * every value's ref is the <td> holding that value.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { detectTables } from '../lib/detect';
import { buildGrid } from '../lib/grid';
import { parseReport } from '../lib/parse';
import { ALL_PATHS, cellAt, TABLE3_PATHS, TABLE4_PATHS } from '../lib/paths';
import { fromCheerio } from '../lib/sources/cheerio';
import { renderReportPage, zeroModel, type PageStyle } from './fixtures/render';

const META = { title: null, organ: null, year: null, url: null };
/** A distinct value in every template cell, so a row or column read from the wrong place shows. */
const MODEL = { ...zeroModel(), values: Object.fromEntries(ALL_PATHS.map((path, i) => [path, String(i + 1)])) };
const STYLES: PageStyle[] = ['plain', 'word', 'cms', 'split', 'spans'];

function parse($: CheerioAPI) {
  const doc = fromCheerio($);
  return parseReport(detectTables(doc.tables.map(buildGrid)), META);
}

/** The page's <table> whose text holds all `words`. */
function tableWith($: CheerioAPI, words: string[]): Element {
  const tables = $('table')
    .toArray()
    .filter((t) => words.every((w) => $(t).text().replace(/\s/g, '').includes(w)));
  expect(tables).toHaveLength(1);
  return tables[0];
}

/** Splits `table` before its first row whose text holds `word`: that row and the rest move to a new <table> after it. */
function splitBefore($: CheerioAPI, table: Element, word: string): Element {
  const rows = $(table).find('tr').toArray();
  const at = rows.findIndex((tr) => $(tr).text().replace(/\s/g, '').includes(word));
  expect(at).toBeGreaterThan(0);
  const second = $(table).clone();
  second.find('tr').each((i, tr) => {
    if (i < at) $(tr).remove();
  });
  rows.slice(at).forEach((tr) => $(tr).remove());
  $(table).after('<p>&nbsp;</p>', second);
  return second[0];
}

function page(style: PageStyle) {
  return load(renderReportPage(MODEL, style));
}

/** The ref of every path points at a <td> whose text is the path's value. */
function expectRefsHoldValues(parsed: ReturnType<typeof parse>, $: CheerioAPI, paths: readonly string[]) {
  for (const path of paths) {
    const td = parsed.refs.get(path)!;
    expect(td.name, path).toBe('td');
    expect($(td).text().replace(/\s/g, ''), path).toBe(MODEL.values[path]);
  }
}

describe.each(STYLES)('a table split over two <table>s (%s page)', (style) => {
  const whole = parse(page(style)).report;
  const t3Words = ['自然人', '总计'];

  it('the unsplit page reads every value (the baseline the split pages are compared with)', () => {
    for (const path of [...TABLE3_PATHS, ...TABLE4_PATHS]) {
      expect(cellAt(whole, path)!.raw.replace(/\s/g, ''), path).toBe(MODEL.values[path]);
    }
  });

  it('table 3 header in one <table>, its rows in the next: the same Report; refs in the second <table>', () => {
    const $ = page(style);
    const header = tableWith($, t3Words);
    const body = splitBefore($, header, '本年新收');
    const parsed = parse($);
    expect(parsed.report).toEqual(whole);
    expect(parsed.tableRefs.table3).toEqual([header, body]);
    expectRefsHoldValues(parsed, $, TABLE3_PATHS);
    for (const path of TABLE3_PATHS) expect($(parsed.refs.get(path)!).closest('table')[0]).toBe(body);
  });

  it('table 3 rows 一…（三） in one <table>, the rest in the next: the same Report', () => {
    const $ = page(style);
    const first = tableWith($, t3Words);
    const second = splitBefore($, first, '无法提供');
    const parsed = parse($);
    expect(parsed.report).toEqual(whole);
    expect(parsed.tableRefs.table3).toEqual([first, second]);
    expectRefsHoldValues(parsed, $, TABLE3_PATHS);
    expect($(parsed.refs.get('table3.total.carriedForward')!).closest('table')[0]).toBe(second);
    expect($(parsed.refs.get('table3.total.newReceived')!).closest('table')[0]).toBe(first);
  });

  it('table 3 in three pieces (header, rows to （三）, the rest): the same Report', () => {
    const $ = page(style);
    const header = tableWith($, t3Words);
    const rows = splitBefore($, header, '本年新收');
    const rest = splitBefore($, rows, '无法提供');
    const parsed = parse($);
    expect(parsed.report).toEqual(whole);
    expect(parsed.tableRefs.table3).toEqual([header, rows, rest]);
  });

  it('table 4 headers in one <table>, the value row in the next: the same Report', () => {
    const $ = page(style);
    const headers = tableWith($, ['未经复议直接起诉', '复议后起诉']);
    const lastRow = $(headers).find('tr').last();
    const valueWord = lastRow.text().replace(/\s/g, '').slice(0, 3);
    expect(valueWord).toMatch(/^\d/);
    const values = splitBefore($, headers, valueWord);
    const parsed = parse($);
    expect(parsed.report).toEqual(whole);
    expect(parsed.tableRefs.table4).toEqual([headers, values]);
    expectRefsHoldValues(parsed, $, TABLE4_PATHS);
  });
});

describe('what is not joined', () => {
  it('a table 3 header followed by an unrelated table of the same width: no table 3, no value invented', () => {
    const header =
      '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系）</td><td colspan="7">申请人情况</td></tr>' +
      '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>' +
      '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>';
    const other = '<tr><td>序号</td><td>名称</td><td>文号</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>7</td></tr>';
    const $ = load(`<html><body><table>${header}</table><p>&nbsp;</p><table>${other}${other}</table></body></html>`);
    expect(parse($).report.table3).toBeNull();
  });

  it('table 3 rows continued in a table of another width are not read into it', () => {
    const $ = page('plain');
    const first = tableWith($, ['自然人', '总计']);
    const second = splitBefore($, first, '无法提供');
    $(second).find('tr').each((_, tr) => {
      $(tr).append('<td>99</td>');
    });
    const parsed = parse($);
    expect(parsed.tableRefs.table3).toEqual([first]);
    expect(parsed.report.table3!.total.carriedForward.kind).toBe('missing');
    expect(parsed.report.table3!.total.newReceived.raw).toBe(MODEL.values['table3.total.newReceived']);
  });
});
