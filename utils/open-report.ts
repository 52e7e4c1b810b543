/**
 * Opening a batch row's report in a tab of its own with the badges on it: the page opens, and once it has loaded
 * the engine is put in (as the popup does) and asked to check. A PDF opens as it is: the report viewer
 * (entrypoints/viewer) has not landed yet, so there is nothing to show its badges in.
 */
import { browser } from 'wxt/browser';
import { askTab } from '@/components/popup/tab-connection';

const LOAD_TIMEOUT_MS = 60_000;

export async function openReport(url: string, kind: 'page' | 'pdf' | 'other-host'): Promise<void> {
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
