/**
 * The background's half of loading the engine: the gate in a tab saw report labels and asks for the engine. It is
 * injected into that frame when the page's host is on the auto-check list (read here, so the gate never reads
 * storage). Injection needs the host permission the site already has: the manifest's *.gov.cn, or the one granted
 * when the user added the site.
 */
import { browser } from 'wxt/browser';
import { ENGINE_SCRIPT_FILE, LOADED_BY_GATE } from './content-scripts';
import { hostMatches } from './overlay/host-match';
import { autoCheckHosts } from './settings';

interface Sender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

/** Injects the engine into the sender's frame if its host is auto-checked; resolves to whether it did. */
export async function loadEngineFor(sender: Sender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) return false;
  let hostname: string;
  try {
    hostname = new URL(sender.url).hostname;
  } catch {
    return false;
  }
  if (!hostMatches(hostname, await autoCheckHosts.getValue())) return false;
  const target = { tabId, frameIds: [sender.frameId ?? 0] };
  // The gate has found report labels: the engine's first check need not look again (entrypoints/engine/start.ts).
  await browser.scripting.executeScript({
    target,
    func: (key: string) => void ((window as unknown as Record<string, unknown>)[key] = true),
    args: [LOADED_BY_GATE],
  });
  await browser.scripting.executeScript({ target, files: [ENGINE_SCRIPT_FILE] });
  return true;
}
