/**
 * Start-up of the engine, once per page: the background injects it when the gate saw report labels on an auto-check
 * site, and the popup injects it when the user asks for a check (both with scripting.executeScript); a guard on
 * window keeps a second copy from running. Auto-check runs only when the page's host is in the auto-check setting;
 * otherwise the script waits for a `check` message (the popup injects the script, then sends `check`).
 *
 * Two parts, in two tasks. `startEngine` runs inside the script's evaluation, with the script's top-level function on
 * the stack: anything there that makes the browser record a stack (an event dispatched, a timer set, a style
 * invalidated, a performance mark; DevTools and tracing record stacks for those) makes V8 re-parse the whole script
 * to give the top-level function's source positions: about 25 ms under tracing, in the evaluation's task. So it
 * only claims the page, listens for messages and asks for the settings; the rest (`startWithSettings`: WXT's
 * context, the settings' watchers, the auto-check) runs when the settings arrive, in a task of its own.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BackgroundMessage } from '@/utils/messages';
import { ENGINE_GUARD, LOADED_BY_GATE, type GuardedWindow } from '@/utils/content-scripts';
import { autoCheckHosts, badgeKinds, language, type BadgeKinds, type Language } from '@/utils/settings';
import { previousChoices, reportHistory } from '@/utils/history';
import { OverlayController } from '@/utils/overlay/controller';
import { MEASURE_PREFIX } from '@/utils/overlay/measure';
import { hostMatches } from '@/utils/overlay/host-match';
import { handleRequest, isContentRequest } from './messages';

export function startEngine() {
  const win = window as GuardedWindow;
  const controller = new OverlayController(window, notifyBackground);
  let listening = false;
  const claim = () => {
    win[ENGINE_GUARD] = controller;
    if (listening) return;
    listening = true;
    browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
      if (!isContentRequest(message)) return false;
      void handleRequest(controller, message).then(sendResponse);
      return true; // the response comes asynchronously
    });
  };
  // Listening from the start: the popup sends `check` as soon as the injection returns.
  if (!win[ENGINE_GUARD]) claim();
  const loadedByGate = win[LOADED_BY_GATE] === true;
  delete win[LOADED_BY_GATE];

  void Promise.all([
    badgeKinds.getValue().catch(() => undefined),
    language.getValue().catch(() => undefined),
    autoCheckHosts.getValue().catch(() => undefined),
  ]).then(([kinds, lang, hosts]) => startWithSettings(win, controller, claim, loadedByGate, { kinds, lang, hosts }));
}

function startWithSettings(
  win: GuardedWindow,
  controller: OverlayController,
  claim: () => void,
  loadedByGate: boolean,
  settings: { kinds?: BadgeKinds; lang?: Language; hosts?: string[] },
) {
  const perf = win.performance;
  const start = perf.now();
  // WXT's context tells an older copy of the engine that this one started (its onInvalidated below runs there).
  // After an update or reload of the extension the older copy is orphaned: it stops and gives the page up.
  const ctx = new ContentScriptContext('engine', { noScriptStartedPostMessage: true });
  if (win[ENGINE_GUARD] && win[ENGINE_GUARD] !== controller) return; // a live copy runs (the popup and the background both injected)
  claim();

  // Re-injection by the popup keeps the extension alive (runtime.id still set): the running copy stays.
  ctx.onInvalidated(() => {
    if (browser.runtime?.id) return;
    controller.switchOff();
    delete win[ENGINE_GUARD];
  });

  controller.setSettings({ kinds: settings.kinds, language: settings.lang });
  badgeKinds.watch((value) => value && controller.setSettings({ kinds: value }));
  language.watch((value) => value && controller.setSettings({ language: value }));
  reportHistory.watch(() => void controller.refreshCrossYear());
  previousChoices.watch(() => void controller.refreshCrossYear());

  const autoCheck = !controller.active && settings.hosts && hostMatches(location.hostname, settings.hosts);
  // The gate has just found report labels: the first check does not look for them again.
  if (autoCheck) void controller.check({ gate: true, labelsSeen: loadedByGate });
  perf.measure(`${MEASURE_PREFIX}start`, { start, end: perf.now() });
}

function notifyBackground(message: BackgroundMessage) {
  try {
    browser.runtime.sendMessage(message)?.catch(() => {});
  } catch {
    // No receiver (background asleep or extension reloading): the summary is a courtesy, not a requirement.
  }
}
