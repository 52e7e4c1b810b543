/**
 * Start-up of the engine, once per page: the background injects it when the gate saw report labels on an auto-check
 * site, and the popup injects it when the user asks for a check (both with scripting.executeScript); a guard on
 * window keeps a second copy from running. Auto-check runs only when the page's host is in the auto-check setting;
 * otherwise the script waits for a `check` message (the popup injects the script, then sends `check`).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BackgroundMessage } from '@/utils/messages';
import { ENGINE_GUARD, type GuardedWindow } from '@/utils/content-scripts';
import { autoCheckHosts, badgeKinds, language } from '@/utils/settings';
import { previousChoices, reportHistory } from '@/utils/history';
import { OverlayController } from '@/utils/overlay/controller';
import { hostMatches } from '@/utils/overlay/host-match';
import { handleRequest, isContentRequest } from './messages';

export async function startContentScript(ctx: ContentScriptContext) {
  const win = window as GuardedWindow;
  if (win[ENGINE_GUARD]) return;
  const controller = new OverlayController(window, notifyBackground);
  win[ENGINE_GUARD] = controller;

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
    delete win[ENGINE_GUARD];
  });

  const [kinds, lang, hosts] = await Promise.all([
    badgeKinds.getValue().catch(() => undefined),
    language.getValue().catch(() => undefined),
    autoCheckHosts.getValue().catch(() => undefined),
  ]);
  controller.setSettings({ kinds, language: lang });
  badgeKinds.watch((value) => value && controller.setSettings({ kinds: value }));
  language.watch((value) => value && controller.setSettings({ language: value }));
  reportHistory.watch(() => void controller.refreshCrossYear());
  previousChoices.watch(() => void controller.refreshCrossYear());

  if (!controller.active && hosts && hostMatches(location.hostname, hosts)) void controller.check({ gate: true });
}

function notifyBackground(message: BackgroundMessage) {
  try {
    browser.runtime.sendMessage(message)?.catch(() => {});
  } catch {
    // No receiver (background asleep or extension reloading): the summary is a courtesy, not a requirement.
  }
}
