import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellAt } from '../lib/paths';
import { checkDocument, estimateSlots } from '../lib/check';
import { table3Path } from '../lib/paths';
import { ReportSchema } from '../lib/report';
import { loadHtml } from '../lib/sources/cheerio';
import { METADATA_TABLE, page, standardPage, table2Trial2019Html, table3Html } from './report-html';

describe('checkDocument', () => {
  it('checks a report page: status ok, a valid Report, refs and table refs, timings per phase', () => {
    const doc = loadHtml(standardPage());
    const { result, refs, tableRefs } = checkDocument(doc, { url: 'https://example.gov.cn/nb.html' });
    expect(result.status).toBe('ok');
    expect(result.reason).toBeUndefined();
    expect(ReportSchema.safeParse(result.report).success).toBe(true);
    expect(result.report!.meta).toEqual({ title: '某某区2023年政府信息公开工作年度报告', organ: '某某区', year: 2023, url: 'https://example.gov.cn/nb.html' });
    expect(refs.get(table3Path('naturalPerson', 'newReceived'))?.name).toBe('td');
    expect(tableRefs.table2).toEqual([doc.tables[0].ref]);
    for (const phase of ['detect', 'parse', 'check'] as const) expect(result.timings[phase]).toBeGreaterThanOrEqual(0);
    // The builder's distinct values break every sum rule: the rules did run.
    expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('says no-report when no report table is found', () => {
    const { result, refs } = checkDocument(loadHtml(page(METADATA_TABLE + '<p>一、总体情况</p>')));
    expect(result).toMatchObject({ status: 'no-report', report: null, findings: [], suspects: [] });
    expect(result.reason).toEqual({ zh: '未找到年报统计表', en: 'No report tables found' });
    expect(refs.size).toBe(0);
  });

  it('names a PDF attachment or images when the page has them instead of tables', () => {
    const pdf = checkDocument(loadHtml(page('<p>全文见附件：<a href="/files/nb2023.PDF?v=2">年报</a></p>'))).result;
    expect(pdf.status).toBe('no-report');
    expect(pdf.reason!.zh).toContain('PDF');
    expect(pdf.reason!.en).toMatch(/^No report tables found: .*PDF/);
    const images = checkDocument(loadHtml(page('<p><img src="a.jpg"><img src="b.jpg"></p>'))).result;
    expect(images.reason!.zh).toContain('2 张图片');
  });

  it('names the 2019 trial format and reads it by its own template: table 2 blocks and columns, （六） as one row', () => {
    const { result } = checkDocument(loadHtml(page(table2Trial2019Html() + table3Html({ trial2019: true }))));
    expect(result.status).toBe('trial-2019');
    expect(result.reason!.zh).toBe('2019年试行格式：按2019年试行模板核对');
    const report = result.report!;
    expect(report.format).toBe('2019');
    const value = (path: string) => cellAt(report, path)?.value;
    expect(['newlyMade', 'newlyPublished', 'totalPublished'].map((c) => value(`table2.normativeDocuments.${c}`))).toEqual([4, 5, 6]);
    expect(['previousItems', 'change', 'decisions'].map((c) => value(`table2.licensing.${c}`))).toEqual([10, 1, 7]);
    expect([value('table2.fees.previousItems'), value('table2.fees.change'), value('table2.procurement.totalAmount')]).toEqual([3, 0, 30]);
    expect(report.table2).not.toHaveProperty('fees.kind');
    expect(cellAt(report, 'table3.naturalPerson.results.other')).toMatchObject({ kind: 'number', value: expect.any(Number) });
    expect(cellAt(report, 'table3.naturalPerson.results.other.otherReasons')).toBeUndefined();
    expect(report.table3!.naturalPerson.newReceived.value).toBe(1);
    // The page has no table 4 and no 第二十条第（六）项 block; nothing else is missing, and （六） as one row is the 2019 template.
    expect(result.findings.filter((f) => f.rule === 'MISSING').map((f) => f.message.zh)).toEqual([
      '未找到表四（行政复议、行政诉讼情况）',
      '表二（主动公开政府信息情况）缺少“行政处罚”',
      '表二（主动公开政府信息情况）缺少“行政强制”',
    ]);
    expect(result.findings.filter((f) => f.rule === 'STRUCTURE')).toEqual([]);
  });

  it('refuses a page over the cell limit before building any grid', () => {
    const doc = loadHtml(standardPage());
    const slots = estimateSlots(doc);
    expect(slots).toBeGreaterThan(300);
    const { result } = checkDocument(doc, { maxCells: slots - 1 });
    expect(result).toMatchObject({ status: 'too-large', report: null, findings: [] });
    expect(result.reason!.en).toContain(String(slots));
    expect(checkDocument(doc, { maxCells: slots }).result.status).toBe('ok');
  });

  it('property: any soup of table markup and report words gives a result, never an exception', () => {
    const pieces = ['<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th rowspan="0">', '<td colspan="3">',
      '<td rowspan="999999">', '<tbody>', '<caption>', '<p>', '<br>', '&nbsp;', '自然人', '总计', '商业企业', '行政复议',
      '结果维持', '复议后起诉', '规章', '信息内容', '本年制发件数', '（三）不予公开', '1.属于国家秘密', '一、本年新收政府信息公开申请数量',
      '（六）其他处理', '7', '0', '/', '<template>', '<title>2023年政府信息公开工作年度报告</title>', '<img src=a.jpg>'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), (soup) => {
        const { result } = checkDocument(loadHtml(soup.join('')));
        expect(['ok', 'no-report', 'trial-2019', 'too-large']).toContain(result.status);
        if (result.report) expect(ReportSchema.safeParse(result.report).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('estimates slots as rows × widest row with colspans clamped', () => {
    const doc = loadHtml(page('<table><tr><td colspan="5000">a</td></tr><tr><td>b</td><td colspan="0">c</td></tr></table>'));
    expect(estimateSlots(doc)).toBe(2 * 1000);
  });
});
