/** The tab's links, read once per popup opening (scripting.executeScript, allowed by activeTab), for the column offer and the previous-year note. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pageLinks, type PageLinks } from '@/utils/batch/page-links';

export async function probeLinks(tabId: number): Promise<PageLinks | null> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: pageLinks, args: [] });
    return (frame?.result as PageLinks | undefined) ?? null;
  } catch {
    return null; // a page extensions may not read
  }
}

export function usePageLinks(tabId: number | null): PageLinks | null {
  const [links, setLinks] = useState<PageLinks | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    void probeLinks(tabId).then((found) => live && setLinks(found));
    return () => {
      live = false;
    };
  }, [tabId]);
  return links;
}
