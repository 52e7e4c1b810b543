/**
 * When no report is found, a quick look at the live page helps say why (see noReportHint).
 * `probeDocument` runs in the page (scripting.executeScript serialises it), so it must not use anything outside itself.
 */
import { browser } from 'wxt/browser';
import type { StringKey } from '@/utils/i18n';

export interface PageProbe {
  contentType: string;
  tables: number;
  /** <embed>/<object>/<iframe> showing a PDF. */
  pdfEmbeds: number;
  /** Links to .pdf files. */
  pdfLinks: number;
  /** Images big enough to be a scanned page or table (at least 400 px wide and, where known, 400 px high). */
  largeImages: number;
}

function probeDocument(): PageProbe {
  const isPdf = (url: string | null) => !!url && /\.pdf(?:$|[?#])/i.test(url);
  const embeds = Array.from(document.querySelectorAll('embed, object, iframe'));
  return {
    contentType: document.contentType,
    tables: document.querySelectorAll('table').length,
    pdfEmbeds: embeds.filter(
      (e) =>
        e.getAttribute('type') === 'application/pdf' ||
        isPdf(e.getAttribute('src')) ||
        isPdf(e.getAttribute('data')),
    ).length,
    pdfLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) => isPdf(a.getAttribute('href'))).length,
    // Width from the image or its width attribute; an image not (yet) loaded has no known height and counts by width.
    largeImages: Array.from(document.images).filter((img) => {
      const width = Math.max(img.naturalWidth, Number(img.getAttribute('width')) || 0);
      const height = Math.max(img.naturalHeight, Number(img.getAttribute('height')) || 0);
      return width >= 400 && (height >= 400 || height === 0);
    }).length,
  };
}

export async function probePage(tabId: number): Promise<PageProbe | null> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: probeDocument });
    return (frame?.result as PageProbe | undefined) ?? null;
  } catch {
    return null;
  }
}

/**
 * What the popup adds to the engine's own no-report reason (which already names PDF links and images): what only the
 * live page shows — the page itself is a PDF or embeds one, tables that are not the report, no tables at all.
 */
export function noReportHint(probe: PageProbe | null): StringKey | null {
  if (!probe) return null;
  if (probe.contentType === 'application/pdf' || probe.pdfEmbeds > 0) return 'reasonPdf';
  if (probe.tables > 0) return 'reasonTablesNotReport';
  if (probe.pdfLinks === 0 && probe.largeImages === 0) return 'reasonNoTables';
  return null;
}
