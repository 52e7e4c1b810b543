/**
 * Opening a batch row's report in a tab of its own with the badges on it: the page opens, and once it has loaded
 * the engine is put in (as the popup does) and asked to check. A PDF opens in the report viewer (entrypoints/viewer),
 * which fetches it with the host permission the batch already had for that site and shows its badges.
 */
import { browser } from 'wxt/browser';
import { askTab } from '@/components/popup/tab-connection';
import { viewerUrl } from '@/utils/viewer/url';

const LOAD_TIMEOUT_MS = 60_000;

export async function openReport(url: string, kind: 'page' | 'pdf' | 'other-host'): Promise<void> {
  if (kind === 'pdf') {
    await browser.tabs.create({ url: viewerUrl({ src: url }) });
    return;
  }
  const tab = await browser.tabs.create({ url });
  if (kind !== 'page' || tab.id === undefined) return;
  await loaded(tab.id);
  await askTab(tab.id, { type: 'check' }, { inject: true });
}

function loaded(tabId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error('the page did not load'))), LOAD_TIMEOUT_MS);
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') (stop(), resolve());
    };
    const stop = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
  });
}
