/** User settings, kept with WXT storage (chrome.storage.sync). Read by the content script, the options page and the background. */
import { storage } from '#imports';
import { MANIFEST_HOSTS } from './auto-check-hosts';

export type Language = 'zh' | 'en';
export interface BadgeKinds {
  error: boolean;
  blank: boolean;
  /** n/a, text and other non-numeric values. */
  nonNumeric: boolean;
}

const DEFAULT_AUTO_CHECK_HOSTS = [...MANIFEST_HOSTS];

export const autoCheckHosts = storage.defineItem<string[]>('sync:autoCheckHosts', {
  fallback: DEFAULT_AUTO_CHECK_HOSTS,
});
export const DEFAULT_BADGE_KINDS: BadgeKinds = { error: true, blank: true, nonNumeric: true };
export const badgeKinds = storage.defineItem<BadgeKinds>('sync:badgeKinds', { fallback: DEFAULT_BADGE_KINDS });
export const language = storage.defineItem<Language>('sync:language', { fallback: 'zh' });
