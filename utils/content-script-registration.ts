/**
 * Sites the user added to the auto-check list get the gate content script through a dynamic registration
 * (scripting.registerContentScripts), for as long as the site is listed and its host permission granted.
 * `*.gov.cn` is in the manifest and needs none.
 */
import { browser } from 'wxt/browser';
import { dynamicEntries, hostMatchPattern } from './auto-check-hosts';
import { GATE_SCRIPT_FILE } from './content-scripts';

const REGISTRATION_ID = 'auto-check-sites';

/** Brings the registration in line with the list: registered for every listed site whose permission is granted. */
export async function syncContentScriptRegistration(entries: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const entry of dynamicEntries(entries)) {
    const pattern = hostMatchPattern(entry);
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [REGISTRATION_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [REGISTRATION_ID] });
  if (granted.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: REGISTRATION_ID,
        matches: granted,
        js: [GATE_SCRIPT_FILE.slice(1)],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return granted;
}
