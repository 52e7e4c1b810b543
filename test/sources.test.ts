import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { loadHtml } from '../lib/sources/cheerio';
import { fromDom } from '../lib/sources/dom';
import type { SourceDocument } from '../lib/cell-source';

const REALWORLD = fileURLToPath(new URL('../../shared/realworld/', import.meta.url));

/** What the engine sees of a document, without refs. */
function view<R>(doc: SourceDocument<R>) {
  return {
    title: doc.title,
    bodyText: doc.bodyText,
    tables: doc.tables.map((t) =>
      t.rows.map((r) => r.cells.map((c) => [c.text, c.rowSpan, c.colSpan, c.isHeader] as const)),
    ),
  };
}
const viaDom = (html: string) => view(fromDom(parseHTML(html).document as unknown as Document));
const viaCheerio = (html: string) => view(loadHtml(html));

const PAGE = `<!DOCTYPE html><html><head><title> 某市2023年度 政府信息公开工作年度报告 </title></head><body>
<p>一、总体情况</p><p>本年收到申请<span>81</span>件。</p>
<table border="1"><tbody>
<tr><th colspan="2" rowspan="0">三、本<br>年度办<p>理结果</p></th><td>商业<p>企业</p></td><td rowspan="2px">&nbsp;1&nbsp;</td></tr>
<tr><td>外<table><tr><td>内层</td></tr></table>层</td></tr>
</tbody><tfoot><tr><td colspan="0">尾</td></tr></tfoot></table>
<div data-gov-report-checker><table><tr><td>overlay</td></tr></table>徽章</div>
<template><table><tr><td>模板</td></tr></table></template>
<script>var x = "<td>";</script>
<p>四、结转</p>
</body></html>`;

describe('source adapters', () => {
  it('cheerio reads tables, nested tables apart, spans as written, text outside tables', () => {
    const doc = viaCheerio(PAGE);
    expect(doc.title).toBe('某市2023年度 政府信息公开工作年度报告');
    expect(doc.tables).toEqual([
      [
        [['三、本年度办理结果', 0, 2, true], ['商业企业', 1, 1, false], ['\u00a01\u00a0', 2, 1, false]],
        [['外层', 1, 1, false]],
        [['尾', 1, 0, false]],
      ],
      [[['内层', 1, 1, false]]],
    ]);
    expect(doc.bodyText).toBe('一、总体情况 本年收到申请81件。 四、结转');
  });

  it('the DOM adapter (linkedom) sees the same as cheerio', () => {
    expect(viaDom(PAGE)).toEqual(viaCheerio(PAGE));
  });

  it('both adapters agree on the real Pingtan page', () => {
    const html = readFileSync(REALWORLD + 'pingtan-2023.html', 'utf8');
    const cheerio = viaCheerio(html);
    expect(cheerio.tables.length).toBe(3);
    expect(viaDom(html)).toEqual(cheerio);
  });

  it('reads the hangzhou-style page with its nested <html> (parse5)', () => {
    const doc = viaCheerio(readFileSync(REALWORLD + 'hangzhou-style.html', 'utf8'));
    expect(doc.title).toBe('测试市2025年政府信息公开工作年度报告');
    expect(doc.tables.length).toBe(3);
    expect(doc.bodyText).toContain('2025年全市实际收取信息处理费共计400元');
  });
});
