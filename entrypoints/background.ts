/**
 * Keeps the toolbar badge (the error count of each tab's last check) and the dynamic content-script
 * registration for sites added to the auto-check list, injects the engine where the gate asks for it, and writes
 * the local history of checked reports. Makes no network request.
 */
import { browser } from 'wxt/browser';
import { isLoadEngineRequest, isResultSummary } from '@/utils/messages';
import { loadEngineFor } from '@/utils/engine-loader';
import { autoCheckHosts } from '@/utils/settings';
import { clearBadge, showSummary } from '@/utils/toolbar-badge';
import { syncContentScriptRegistration } from '@/utils/content-script-registration';
import { handleHistoryRequest, isHistoryRequest } from '@/utils/history';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const tabId = sender.tab?.id;
    if (isResultSummary(message) && tabId !== undefined && sender.frameId === 0) {
      void showSummary(tabId, message).catch(logError);
    }
    if (isLoadEngineRequest(message)) void loadEngineFor(sender).catch(logError);
    // The local history of checked reports has one writer, here (utils/history.ts); the sender waits for the write.
    if (isHistoryRequest(message)) {
      handleHistoryRequest(message).then(
        () => sendResponse({ ok: true }),
        (error: unknown) => (logError(error), sendResponse({ ok: false })),
      );
      return true; // the response comes asynchronously
    }
    return undefined;
  });

  // A new page in the tab: the old count no longer applies. The content script reports again after its check.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void clearBadge(tabId).catch(logError);
  });

  const sync = () => void autoCheckHosts.getValue().then(syncContentScriptRegistration).catch(logError);
  autoCheckHosts.watch(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
});

function logError(error: unknown) {
  console.error('[年报核验 background]', error);
}
