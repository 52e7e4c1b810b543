/**
 * What the popup reads from the tab, once per opening, in one page script (scripting.executeScript, allowed by
 * activeTab): the links for the column offer and the previous-year note, and the PDFs for the report viewer.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pageLinks, type PageLinks } from '@/utils/batch/page-links';
import { pdfTabByUrl, reportPdfs, type PdfSources } from './report-pdfs';

export interface PageScan {
  /** Null where the popup may not read the tab. */
  page: PageLinks | null;
  pdfs: PdfSources | null;
}

export async function scanTab(tabId: number): Promise<PageScan> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: pageLinks, args: [] });
    const page = (frame?.result as PageLinks | undefined) ?? null;
    if (page) return { page, pdfs: reportPdfs(page) };
  } catch {
    // a page extensions may not read: its URL below
  }
  const url = await browser.tabs.get(tabId).then((tab) => tab.url ?? '', () => '');
  return { page: null, pdfs: pdfTabByUrl(url) };
}

/** Null until the tab has been read. */
export function usePageScan(tabId: number | null): PageScan | null {
  const [scan, setScan] = useState<PageScan | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    void scanTab(tabId).then((found) => live && setScan(found));
    return () => {
      live = false;
    };
  }, [tabId]);
  return scan;
}
