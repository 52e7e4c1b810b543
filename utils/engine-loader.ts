/**
 * The background's half of loading the engine: the gate in a tab saw report labels and asks for the engine. It is
 * injected into that frame when the page's host is on the auto-check list (read here, so the gate never reads
 * storage). Injection needs the host permission the site already has: the manifest's *.gov.cn, or the one granted
 * when the user added the site.
 */
import { browser } from 'wxt/browser';
import { ENGINE_SCRIPT_FILE } from './content-scripts';
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
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [ENGINE_SCRIPT_FILE],
  });
  return true;
}
