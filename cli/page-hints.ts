/**
 * When no report tables are found: is the report published as a PDF attachment or as scanned images instead?
 * Then say so plainly — such a page is not checkable here. Only consulted for a 'no-report' result.
 */
import { load } from 'cheerio';
import type { Bilingual } from './sniff';

const PDF_URL = /\.pdf(?:$|[?#])/i;

export function notCheckableHint(html: string): Bilingual | null {
  const $ = load(html);
  const pdfLinks = $('a[href], embed[src], iframe[src], object[data]').filter((_, el) => {
    const url = $(el).attr('href') ?? $(el).attr('src') ?? $(el).attr('data') ?? '';
    return PDF_URL.test(url.trim());
  }).length;
  if (pdfLinks > 0) {
    return {
      zh: `报告似乎以 PDF 附件发布（页面有 ${pdfLinks} 个 PDF 链接），此处无法检查 PDF`,
      en: `the report seems to be published as a PDF attachment (${pdfLinks} PDF link${pdfLinks > 1 ? 's' : ''} on the page); a PDF is not checkable here`,
    };
  }
  const images = $('body img').length;
  if (images > 0) {
    return {
      zh: `页面没有报告表格但有 ${images} 张图片：报告可能以图片发布，此处无法检查图片`,
      en: `no report tables but ${images} image${images > 1 ? 's' : ''} on the page: the report may be published as images, which are not checkable here`,
    };
  }
  return null;
}
