/**
 * The PDFs a page offers as its report, for the popup's way into the report viewer: the page itself is a PDF (the
 * browser's own viewer), a PDF viewer iframe (`…/viewer.html?file=…`), an <embed>/<object> showing a PDF, or an
 * attachment link whose text or file name says 年度报告/年报. `findReportPdfs` runs in the page
 * (scripting.executeScript serialises it), so it uses nothing outside itself; in tests it takes a parsed document.
 */
import { browser } from 'wxt/browser';

export interface ReportPdf {
  /** Absolute http(s) URL of the PDF. */
  url: string;
  /** The link text, or the file name. */
  label: string;
  via: 'link' | 'viewer' | 'embed';
}

export interface PdfSources {
  /** The tab shows a PDF (its content type, or its URL ends in .pdf). */
  isPdf: boolean;
  /** The page's URL (the PDF's, when isPdf). */
  url: string;
  /** Embedded PDFs first, then report links; other PDF links only when there is neither (at most MAX_OTHER_LINKS). */
  pdfs: ReportPdf[];
}

export function findReportPdfs(doc: Document = document, base: string = document.baseURI): PdfSources {
  const MAX_OTHER_LINKS = 10;
  const REPORT_WORDS = /年度报告|年报/;
  const isPdfPath = (url: URL) => /\.pdf$/i.test(url.pathname);
  const resolve = (raw: string | null, against: string): URL | null => {
    if (!raw) return null;
    try {
      const url = new URL(raw.trim(), against);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
    } catch {
      return null;
    }
  };
  const fileName = (url: URL) => {
    const last = url.pathname.split('/').pop() ?? '';
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  };
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

  const embedded: ReportPdf[] = [];
  for (const frame of Array.from(doc.querySelectorAll('iframe[src], frame[src]'))) {
    const src = resolve(frame.getAttribute('src'), base);
    if (!src) continue;
    // pdf.js's viewer (and the many sites that ship it) names the file in its `file` parameter.
    const file = /viewer\.html?$/i.test(src.pathname) ? resolve(src.searchParams.get('file'), src.href) : isPdfPath(src) ? src : null;
    if (file) embedded.push({ url: file.href, label: frame.getAttribute('title')?.trim() || fileName(file), via: 'viewer' });
  }
  for (const el of Array.from(doc.querySelectorAll('embed, object'))) {
    const src = resolve(el.getAttribute('src') ?? el.getAttribute('data'), base);
    if (src && (isPdfPath(src) || el.getAttribute('type') === 'application/pdf')) {
      embedded.push({ url: src.href, label: el.getAttribute('title')?.trim() || fileName(src), via: 'embed' });
    }
  }

  const reportLinks: ReportPdf[] = [];
  const otherLinks: ReportPdf[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = resolve(a.getAttribute('href'), base);
    if (!href) continue;
    const label = text(a) || a.getAttribute('title')?.trim() || fileName(href);
    if (!isPdfPath(href) && !/\.pdf$/i.test(label)) continue;
    const link: ReportPdf = { url: href.href, label, via: 'link' };
    if (REPORT_WORDS.test(label) || REPORT_WORDS.test(fileName(href)) || REPORT_WORDS.test(a.getAttribute('title') ?? '')) reportLinks.push(link);
    else otherLinks.push(link);
  }

  const seen = new Set<string>();
  const once = (list: ReportPdf[]) => list.filter((pdf) => !seen.has(pdf.url) && seen.add(pdf.url));
  const chosen = once([...embedded, ...reportLinks]);
  const unique = chosen.length > 0 ? chosen : once(otherLinks).slice(0, MAX_OTHER_LINKS);
  const page = resolve(base, base);
  return {
    isPdf: doc.contentType === 'application/pdf' || (page !== null && isPdfPath(page)),
    url: page?.href ?? base,
    pdfs: unique,
  };
}

/**
 * Asks the tab. Where the popup may not look into it (a browser page, the store, a browser's own PDF viewer page that
 * scripts cannot enter): a tab whose URL ends in .pdf still counts as a PDF tab; otherwise null.
 */
export async function pdfSourcesOf(tabId: number): Promise<PdfSources | null> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: findReportPdfs });
    if (frame?.result) return frame.result as PdfSources;
  } catch {
    // not scriptable: the URL below
  }
  const url = await browser.tabs.get(tabId).then((tab) => tab.url ?? '', () => '');
  return /^https?:\/\/[^#?]*\.pdf(?:[?#]|$)/i.test(url) ? { isPdf: true, url, pdfs: [] } : null;
}
