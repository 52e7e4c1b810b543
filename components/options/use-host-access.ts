/**
 * Whether the browser lets the extension run on each listed site. Browsers let users withhold host access: Firefox
 * shows MV3 host permissions (even the manifest's *.gov.cn) as switches in the add-on's permissions, and Chrome's
 * site access can be set to "on click". Without it, auto-check silently does not run there, so the list says so.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostMatchPattern } from '@/utils/auto-check-hosts';

/** host → granted; a host not yet looked up is absent. Follows grants and revocations made anywhere. */
export function useHostAccess(hosts: readonly string[] | null): Map<string, boolean> {
  const [access, setAccess] = useState(new Map<string, boolean>());
  const key = hosts?.join('\n') ?? '';
  useEffect(() => {
    if (!hosts) return;
    let live = true;
    const refresh = async () => {
      const entries = await Promise.all(
        hosts.map(async (host) => [host, await browser.permissions.contains({ origins: [hostMatchPattern(host)] })] as const),
      );
      if (live) setAccess(new Map(entries));
    };
    void refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [key]);
  return access;
}
