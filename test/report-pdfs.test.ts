/**
 * Which PDFs the popup offers to check in the report viewer (components/popup/report-pdfs.ts, reportPdfs), from
 * the one page script the popup runs (pageLinks) on pages parsed with linkedom: embedded viewers and report
 * attachments first, other PDF links only when there is none.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { pageLinks } from '@/utils/batch/page-links';

const BASE = 'https://www.example.gov.cn/zwgk/2024/art_1.html';
const parsed = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;

/** The tab, as the popup's scripting.executeScript sees it: each injected function runs on `tabDocument`. */
let tabDocument = parsed('');
const injected: string[] = [];
vi.mock('wxt/browser', () => ({
  browser: {
    scripting: {
      executeScript: async ({ func }: { func: (url?: string, doc?: Document) => unknown }) => {
        injected.push(func.name);
        return [{ result: func(BASE, tabDocument) }];
      },
    },
    tabs: { get: async () => ({ url: BASE }) },
  },
}));
const { reportPdfs } = await import('@/components/popup/report-pdfs');
const { scanTab } = await import('@/components/popup/page-links-probe');

const sources = (body: string) => reportPdfs(pageLinks(BASE, parsed(body)));

describe('the popup reads the tab once', () => {
  it('one page script walks the links once and gives both the column links and the report PDFs', async () => {
    tabDocument = parsed(`
      <a href="/zwgk/nb/2023.html">某局2023年政府信息公开工作年度报告</a>
      <a href="/files/P0201.pdf">某某局2023年政府信息公开工作年度报告.pdf</a>`);
    injected.length = 0;
    const scan = await scanTab(1);
    expect(injected).toEqual(['pageLinks']);
    expect(scan.page?.links.map((l) => l.href)).toEqual(['https://www.example.gov.cn/zwgk/nb/2023.html', 'https://www.example.gov.cn/files/P0201.pdf']);
    expect(scan.pdfs?.pdfs.map((p) => p.url)).toEqual(['https://www.example.gov.cn/files/P0201.pdf']);
  });
});

describe('reportPdfs', () => {
  it('an attachment link whose text says 年度报告 is offered, the unrelated PDF link is not', () => {
    const found = sources(`
      <a href="/files/P0201.pdf">某某局2023年政府信息公开工作年度报告.pdf</a>
      <a href="../guide.pdf">办事指南.pdf</a>`);
    expect(found.isPdf).toBe(false);
    expect(found.pdfs).toEqual([{ url: 'https://www.example.gov.cn/files/P0201.pdf', label: '某某局2023年政府信息公开工作年度报告.pdf', via: 'link' }]);
  });

  it('a link named only by its file name (年报) counts; its text may be anything', () => {
    const found = sources(`<a href="2023年报.pdf">附件1</a>`);
    expect(found.pdfs.map((p) => p.url)).toEqual(['https://www.example.gov.cn/zwgk/2024/2023%E5%B9%B4%E6%8A%A5.pdf']);
  });

  it('a pdf.js viewer iframe gives its file parameter, resolved against the viewer; <embed> and <object> count', () => {
    const found = sources(`
      <iframe src="/static/pdfjs/web/viewer.html?file=%2Fuploads%2Freport.pdf" title="年报"></iframe>
      <embed src="/uploads/b.pdf" type="application/pdf">
      <object data="/uploads/c" type="application/pdf"></object>`);
    expect(found.pdfs).toEqual([
      { url: 'https://www.example.gov.cn/uploads/report.pdf', label: '年报', via: 'viewer' },
      { url: 'https://www.example.gov.cn/uploads/b.pdf', label: 'b.pdf', via: 'embed' },
      { url: 'https://www.example.gov.cn/uploads/c', label: 'c', via: 'embed' },
    ]);
  });

  it('without report PDFs, other PDF links are offered (at most 10), each once; javascript: and mailto: never', () => {
    const links = Array.from({ length: 14 }, (_, i) => `<a href="/f/${i}.pdf">文件${i}.pdf</a>`).join('');
    // The repeat comes first, among the ten: a list cut before the repeats are dropped would be short of ten.
    const found = sources(`<a href="/f/1.pdf">again.pdf</a>${links}<a href="javascript:alert(1)">x.pdf</a><a href="mailto:a@b.pdf">m.pdf</a>`);
    expect(found.pdfs).toHaveLength(10);
    expect(new Set(found.pdfs.map((p) => p.url)).size).toBe(10);
    expect(found.pdfs.every((p) => p.url.startsWith('https://www.example.gov.cn/f/'))).toBe(true);
  });

  it('a page with no PDF offers nothing; a tab whose URL is a PDF is a PDF tab', () => {
    expect(sources('<a href="/a.html">年度报告</a>').pdfs).toEqual([]);
    expect(reportPdfs(pageLinks('https://www.example.gov.cn/files/report.PDF', parsed(''))).isPdf).toBe(true);
  });
});
