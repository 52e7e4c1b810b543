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

  it('counts PDF links and images the same way in both adapters', () => {
    const html = `<html><head><title>t</title></head><body><a href="/a/nb.pdf">年报</a><a href="x.html">x</a>
      <iframe src="viewer.pdf#page=1"></iframe><object data="b.PDF"></object><p><img src="1.jpg"><img src="2.png"></p>
      <table><tr><td><img src="3.gif"></td></tr></table></body></html>`;
    const expected = { pdfLinks: 3, images: 3 };
    expect(loadHtml(html).media).toEqual(expected);
    expect(fromDom(parseHTML(html).document as unknown as Document).media).toEqual(expected);
  });

  it('takes the first <title> and never puts a second one (nested document) into the body text', () => {
    const doc = loadHtml('<html><head><title>甲</title></head><body><p>正文</p><title>乙</title></body></html>');
    expect(doc.title).toBe('甲');
    expect(doc.bodyText).toBe('正文');
  });

  it('survives absurdly deep nesting without overflowing the stack', () => {
    const depth = 3000; // deeper than MAX_DEPTH (parse5 itself slows down quadratically beyond this)
    const html = `<body>${'<div>'.repeat(depth)}<table><tr><td>深</td></tr></table>${'</div>'.repeat(depth)}<p>尾</p></body>`;
    const doc = loadHtml(html);
    expect(doc.bodyText).toBe('尾');
    expect(doc.tables).toEqual([]);
  });

  it('reads the hangzhou-style page with its nested <html> (parse5)', () => {
    const doc = viaCheerio(readFileSync(REALWORLD + 'hangzhou-style.html', 'utf8'));
    expect(doc.title).toBe('测试市2025年政府信息公开工作年度报告');
    expect(doc.tables.length).toBe(3);
    expect(doc.bodyText).toContain('2025年全市实际收取信息处理费共计400元');
  });
});
