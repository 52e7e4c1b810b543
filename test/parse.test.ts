import { describe, expect, it } from 'vitest';
import { detectTables } from '../lib/detect';
import { buildGrid } from '../lib/grid';
import { extractMeta } from '../lib/meta';
import { parseReport } from '../lib/parse';
import { ALL_PATHS, cellAt, table2Path, table3Path, table4Path, TABLE2_PATHS, TABLE3_PATHS, TABLE4_PATHS } from '../lib/paths';
import { ReportSchema } from '../lib/report';
import { loadHtml } from '../lib/sources/cheerio';
import { TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../lib/template';
import { page, standardPage, t3Value, table4Rows } from './report-html';

const META = { title: null, organ: null, year: null, url: null };
function parse(html: string) {
  const doc = loadHtml(html);
  return { doc, ...parseReport(detectTables(doc.tables.map(buildGrid)), META) };
}

describe('parseReport', () => {
  it('turns every template cell into a Cell and validates against ReportSchema', () => {
    const { report, refs, tableRefs, doc } = parse(standardPage({ t3: { word: true } }));
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.format).toBe('2021');
    expect(refs.size).toBe(ALL_PATHS.length);
    expect(tableRefs).toEqual({ table2: [doc.tables[0].ref], table3: [doc.tables[1].ref], table4: [doc.tables[2].ref] });
    expect(report.table3!.legalPerson.commercial.newReceived).toMatchObject({ kind: 'number', value: t3Value(0, 1) });
    // Word paste keeps the raw text, &nbsp; included; the value is still read.
    expect(report.table3!.naturalPerson.carriedForward.raw).toBe(`${t3Value(24, 0)}\u00a0`);
    expect(report.table2!.fees).toEqual({ raw: '18651.06', kind: 'number', value: 18651.06 });
  });

  it('refs point at the <td> each value was read from', () => {
    const { refs } = parse(standardPage());
    const td = refs.get(table3Path('total', 'results.totalProcessed'))!;
    expect(td.name).toBe('td');
    expect((td.children[0] as { data?: string }).data).toBe(String(t3Value(23, 6)));
  });

  it('classifies blank, n/a, text, full-width and separated numbers; decimals only for the fee', () => {
    const raws = ['/', '—', '无', '&nbsp;', '详见附件', '１２', '1,234', '-3', '3.5', '零', '0', '2件', '不适用', '　', '7'];
    const rows = table4Rows();
    rows[3] = `<tr>${raws.map((r) => `<td>${r}</td>`).join('')}</tr>`;
    const t2 = `<table><tr><td colspan="4">第二十条第（五）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
      <tr><td>行政许可</td><td colspan="3">3.5</td></tr><tr><td colspan="4">第二十条第（八）项</td></tr>
      <tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr><tr><td>行政事业性收费</td><td colspan="3">1,234.5</td></tr></table>`;
    const { report } = parse(page(t2 + `<table>${rows.join('')}</table>`));
    const kinds = TABLE4_BLOCKS.flatMap((b) => TABLE4_COLUMNS.map((c) => cellAt(report, table4Path(b.key, c.key))!));
    expect(kinds.map((c) => [c.kind, c.value])).toEqual([
      ['na', null], ['na', null], ['na', null], ['blank', null], ['text', null], ['number', 12], ['number', 1234],
      ['text', null], ['text', null], ['zero', 0], ['zero', 0], ['text', null], ['na', null], ['blank', null], ['number', 7],
    ]);
    expect(kinds[3].raw).toBe('\u00a0');
    expect(report.table2!.licensing).toEqual({ raw: '3.5', kind: 'text', value: null });
    expect(report.table2!.fees).toEqual({ raw: '1,234.5', kind: 'number', value: 1234.5 });
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('marks absent cells missing (raw empty, no ref) and absent tables null', () => {
    // Table 3 with only 自然人 and 总计 columns, and no 四、结转下年度 row.
    const rows = TABLE3_ROWS.filter((r) => r.key !== 'carriedForward').map(
      (r, i) => `<tr><td>${r.group ?? ''}</td><td>${r.zh}</td><td>${i}</td><td>${i * 2}</td></tr>`,
    );
    const html = page(`<table><tr><td colspan="2">项目</td><td>自然人</td><td>总计</td></tr>${rows.join('')}</table>`);
    const { report, refs } = parse(html);
    expect(report.table2).toBeNull();
    expect(report.table4).toBeNull();
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.table3!.legalPerson.research.results.granted).toEqual({ raw: '', kind: 'missing', value: null });
    expect(report.table3!.total.carriedForward.kind).toBe('missing');
    expect(report.table3!.naturalPerson.results.denied.stateSecret).toMatchObject({ kind: 'number', value: 4 });
    expect(report.table3!.total.results.totalProcessed).toMatchObject({ value: 46 });
    expect(refs.has(table3Path('legalPerson.research', 'results.granted'))).toBe(false);
    const found = TABLE3_PATHS.filter((p) => refs.has(p));
    expect(found.length).toBe(2 * (TABLE3_ROWS.length - 1));
    expect(TABLE2_PATHS.some((p) => refs.has(p)) || TABLE4_PATHS.some((p) => refs.has(p))).toBe(false);
    expect(refs.has(table2Path('fees'))).toBe(false);
  });
});

describe('extractMeta', () => {
  it('reads title, organ and year from the page title', () => {
    expect(extractMeta({ title: '平潭综合实验区2023年度政府信息公开工作年度报告', bodyText: '' })).toEqual({
      title: '平潭综合实验区2023年度政府信息公开工作年度报告', organ: '平潭综合实验区', year: 2023, url: null,
    });
  });
  it('drops a site name appended to the title and keeps the url', () => {
    const meta = extractMeta({ title: '重庆市九龙坡区石板镇人民政府2023年政府信息公开工作年度报告 - 重庆高新区', bodyText: '' }, 'https://x.gov.cn/a.html');
    expect(meta).toEqual({
      title: '重庆市九龙坡区石板镇人民政府2023年政府信息公开工作年度报告', organ: '重庆市九龙坡区石板镇人民政府', year: 2023, url: 'https://x.gov.cn/a.html',
    });
  });
  it('takes the organ after the year when the title starts with it, and folds full-width digits', () => {
    expect(extractMeta({ title: '２０２２年石板镇政府信息公开工作年度报告', bodyText: '' })).toMatchObject({ organ: '石板镇', year: 2022 });
  });
  it('finds the title in the text when <title> is only the site name; year from the statistics period', () => {
    const meta = extractMeta({ title: '某某市人民政府门户网站', bodyText: '首页 > 年报 某某县政府信息公开工作年度报告 本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。' });
    expect(meta).toEqual({ title: '某某县政府信息公开工作年度报告', organ: null, year: 2021, url: null });
  });
  it('has no organ when the title names none, and stops a title in the text at a breadcrumb', () => {
    expect(extractMeta({ title: '2023年度政府信息公开工作年度报告', bodyText: '' })).toMatchObject({ organ: null, year: 2023 });
    expect(extractMeta({ title: '', bodyText: '首页>政务公开>某某县2023年政府信息公开工作年度报告 发布时间' })).toMatchObject({
      title: '某某县2023年政府信息公开工作年度报告', organ: '某某县', year: 2023,
    });
  });
  it('gives nulls when nothing is known', () => {
    expect(extractMeta({ title: '', bodyText: '' })).toEqual({ title: null, organ: null, year: null, url: null });
  });
});
