/**
 * The tab the popup works on: the active tab of the current window, or — only when the popup page is
 * opened as a page of its own with `?tab=<id>` (the browser tests do this) — that tab.
 */
import { browser } from 'wxt/browser';

export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

export async function targetTabId(search: string = location.search): Promise<number | null> {
  const fromQuery = tabIdFromQuery(search);
  if (fromQuery !== null) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
