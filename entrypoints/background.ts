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
import { handleHistoryRequest, isHistoryRequest, migrateHistory } from '@/utils/history';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const tabId = sender.tab?.id;
    if (isResultSummary(message) && tabId !== undefined && sender.frameId === 0) {
      void showSummary(tabId, message).catch(logError);
    }
    if (isLoadEngineRequest(message)) void loadEngineFor(sender).catch(logError);
    // The local history of checked reports has one writer, here (utils/history.ts); the sender waits for the write.
    if (isHistoryRequest(message)) {
      // It answers { ok: false, reason } when the write failed (storage full), and never rejects.
      void handleHistoryRequest(message).then(sendResponse);
      return true; // the response comes asynchronously
    }
    return undefined;
  });

  // A new page in the tab: the old count no longer applies. The content script reports again after its check.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void clearBadge(tabId).catch(logError);
  });

  // The history was one storage key until 2026-12; move it to one key per report (utils/history-store.ts).
  void migrateHistory();

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
