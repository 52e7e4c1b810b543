/** The toolbar icon's per-tab badge: the number of errors the last check found on that tab. */
import { browser } from 'wxt/browser';
import type { BackgroundMessage } from './messages';

const ERROR_RED = '#c5221f';
const ALL_CLEAR_GREEN = '#137333';

type Summary = Extract<BackgroundMessage, { type: 'result-summary' }>;

/** The badge text for a summary: the error count, ✓ for a checked report without errors, nothing otherwise. */
function badgeText(summary: Summary): string {
  if (summary.status !== 'ok' && summary.status !== 'trial-2019') return '';
  if (summary.errors > 0) return summary.errors > 999 ? '999+' : String(summary.errors);
  return '✓';
}

export async function showSummary(tabId: number, summary: Summary): Promise<void> {
  const text = badgeText(summary);
  await browser.action.setBadgeBackgroundColor({ tabId, color: summary.errors > 0 ? ERROR_RED : ALL_CLEAR_GREEN });
  await browser.action.setBadgeText({ tabId, text });
  const title =
    summary.errors > 0
      ? `${summary.errors} 处错误 · ${summary.errors} errors`
      : text === '✓'
        ? '勾稽关系无误 · No errors'
        : '';
  await browser.action.setTitle({ tabId, title: title ? `年报核验 · ${title}` : '' });
}

export async function clearBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' });
  await browser.action.setTitle({ tabId, title: '' });
}
