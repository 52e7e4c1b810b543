/**
 * Start-up of the content script, once per page: it may arrive by the manifest (auto-check hosts) and again by
 * chrome.scripting.executeScript from the popup; a guard on window keeps the second copy from running.
 * Auto-check runs only when the page's host is in the auto-check setting; otherwise the script waits for a
 * `check` message (the popup injects the script, then sends `check`).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BackgroundMessage } from '@/utils/messages';
import { autoCheckHosts, badgeKinds, language } from '@/utils/settings';
import { OverlayController } from '@/utils/overlay/controller';
import { hostMatches } from '@/utils/overlay/host-match';
import { handleRequest, isContentRequest } from './messages';

const GUARD = '__govReportChecker__';

type GuardedWindow = Window & { [GUARD]?: OverlayController };

export async function startContentScript(ctx: ContentScriptContext) {
  const win = window as GuardedWindow;
  if (win[GUARD]) return;
  const controller = new OverlayController(window, notifyBackground);
  win[GUARD] = controller;

  const onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    if (!isContentRequest(message)) return false;
    void handleRequest(controller, message).then(sendResponse);
    return true; // the response comes asynchronously

  };
  browser.runtime.onMessage.addListener(onMessage);

  // WXT invalidates the older copy whenever the same script starts again. Re-injection by the popup keeps the
  // extension alive (runtime.id still set): the running copy stays. After an update or reload it is orphaned: stop.
  ctx.onInvalidated(() => {
    if (browser.runtime?.id) return;
    controller.switchOff();
    delete win[GUARD];
  });

  const [kinds, lang, hosts] = await Promise.all([
    badgeKinds.getValue().catch(() => undefined),
    language.getValue().catch(() => undefined),
    autoCheckHosts.getValue().catch(() => undefined),
  ]);
  controller.setSettings({ kinds, language: lang });
  badgeKinds.watch((value) => value && controller.setSettings({ kinds: value }));
  language.watch((value) => value && controller.setSettings({ language: value }));

  if (!controller.active && hosts && hostMatches(location.hostname, hosts)) void controller.check({ gate: true });
}

function notifyBackground(message: BackgroundMessage) {
  try {
    browser.runtime.sendMessage(message)?.catch(() => {});
  } catch {
    // No receiver (background asleep or extension reloading): the summary is a courtesy, not a requirement.
  }
}
