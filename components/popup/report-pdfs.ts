/**
 * The PDFs a page offers as its report, for the popup's way into the report viewer: the page itself is a PDF (the
 * browser's own viewer), a PDF viewer iframe (`…/viewer.html?file=…`), an <embed>/<object> showing a PDF, or an
 * attachment link whose text or file name says 年度报告/年报. Made from the one page script the popup runs
 * (`pageLinks`, utils/batch/page-links.ts), which also feeds the column offer: the page's links are walked once.
 */
import type { PageLinks } from '@/utils/batch/page-links';

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

/** The PDFs among what the page script read (utils/batch/page-links.ts): pure, run in the popup. */
export function reportPdfs(page: PageLinks): PdfSources {
  const MAX_OTHER_LINKS = 10;
  const REPORT_WORDS = /年度报告|年报/;
  const embedded: ReportPdf[] = [];
  for (const el of page.embeds) {
    const src = httpUrl(el.src, page.url);
    if (!src) continue;
    // pdf.js's viewer (and the many sites that ship it) names the file in its `file` parameter.
    const file =
      el.kind === 'frame'
        ? /viewer\.html?$/i.test(src.pathname)
          ? httpUrl(src.searchParams.get('file'), src.href)
          : isPdfPath(src)
            ? src
            : null
        : isPdfPath(src) || el.type === 'application/pdf'
          ? src
          : null;
    if (file) embedded.push({ url: file.href, label: el.title?.trim() || fileName(file), via: el.kind === 'frame' ? 'viewer' : 'embed' });
  }

  const reportLinks: ReportPdf[] = [];
  const otherLinks: ReportPdf[] = [];
  for (const a of page.links) {
    const href = httpUrl(a.href, page.url);
    if (!href) continue;
    const label = a.text.replace(/\s+/g, ' ').trim() || a.title?.trim() || fileName(href);
    if (!isPdfPath(href) && !/\.pdf$/i.test(label)) continue;
    const link: ReportPdf = { url: href.href, label, via: 'link' };
    if (REPORT_WORDS.test(label) || REPORT_WORDS.test(fileName(href)) || REPORT_WORDS.test(a.title ?? '')) reportLinks.push(link);
    else otherLinks.push(link);
  }

  const seen = new Set<string>();
  const once = (list: ReportPdf[]) => list.filter((pdf) => !seen.has(pdf.url) && seen.add(pdf.url));
  const chosen = once([...embedded, ...reportLinks]);
  const pageUrl = httpUrl(page.url, page.url);
  return {
    isPdf: page.contentType === 'application/pdf' || (pageUrl !== null && isPdfPath(pageUrl)),
    url: page.url,
    pdfs: chosen.length > 0 ? chosen : once(otherLinks).slice(0, MAX_OTHER_LINKS),
  };
}

/** Where the popup may not look into the tab (a browser page, the store, a PDF viewer page scripts cannot enter): a tab whose URL ends in .pdf still counts as a PDF tab. */
export function pdfTabByUrl(url: string): PdfSources | null {
  return /^https?:\/\/[^#?]*\.pdf(?:[?#]|$)/i.test(url) ? { isPdf: true, url, pdfs: [] } : null;
}

const isPdfPath = (url: URL) => /\.pdf$/i.test(url.pathname);

function httpUrl(raw: string | null | undefined, against: string): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim(), against);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function fileName(url: URL): string {
  const last = url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
