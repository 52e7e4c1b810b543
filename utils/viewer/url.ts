/**
 * The report viewer's address. `src`: a PDF for the viewer to fetch (utils/viewer/fetch-report.ts); `tabId`: the tab
 * that shows or links it, through which a PDF of the tab's own origin is fetched. Without either: an empty viewer
 * that takes a dropped or picked file.
 */
import { browser } from 'wxt/browser';

export function viewerUrl(options: { src?: string; tabId?: number } = {}): string {
  const params = new URLSearchParams();
  if (options.src) params.set('src', options.src);
  if (options.tabId !== undefined) params.set('tab', String(options.tabId));
  const query = params.toString();
  return browser.runtime.getURL(`/viewer.html${query ? `?${query}` : ''}` as '/viewer.html');
}
