/**
 * The auto-check site list. Adding a site asks for its host permission first (inside the click, as browsers
 * require); the background then registers the content script for it. Removing a site gives the permission back.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { autoCheckHosts, type Language } from '@/utils/settings';
import { hostMatchPattern, MANIFEST_HOSTS, normaliseHostEntry } from '@/utils/auto-check-hosts';
import { fill, t } from '@/utils/i18n';
import { useStoredItem } from '../use-stored-item';
import { useHostAccess } from './use-host-access';

export function SiteList({ lang }: { lang: Language }) {
  const s = t(lang);
  const [hosts, setHosts] = useStoredItem(autoCheckHosts);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const access = useHostAccess(hosts);
  if (hosts === null) return null;

  const add = (event: Event) => {
    event.preventDefault();
    const entry = normaliseHostEntry(input);
    if (!entry) return setMessage({ text: s.hostPlaceholder, bad: true });
    if (hosts.includes(entry)) return setMessage({ text: fill(s.alreadyListed, { host: entry }), bad: true });
    const needsPermission = !MANIFEST_HOSTS.includes(entry);
    // No await before this call: the permission prompt needs the click's user activation.
    const granted = needsPermission ? browser.permissions.request({ origins: [hostMatchPattern(entry)] }) : Promise.resolve(true);
    void granted.then(async (ok) => {
      if (!ok) return setMessage({ text: fill(s.permissionDenied, { host: entry }), bad: true });
      await setHosts([...hosts, entry]);
      setInput('');
      setMessage({ text: fill(s.siteAdded, { host: entry }), bad: false });
    });
  };

  /** A listed site whose access the user withheld in the browser: ask again (inside the click, no await before). */
  const allow = (entry: string) => {
    void browser.permissions.request({ origins: [hostMatchPattern(entry)] }).then((ok) =>
      setMessage(ok ? { text: fill(s.accessAllowed, { host: entry }), bad: false } : { text: fill(s.permissionDenied, { host: entry }), bad: true }),
    );
  };

  const remove = async (entry: string) => {
    await setHosts(hosts.filter((h) => h !== entry));
    if (!MANIFEST_HOSTS.includes(entry)) await browser.permissions.remove({ origins: [hostMatchPattern(entry)] }).catch(() => false);
    setMessage({ text: fill(s.siteRemoved, { host: entry }), bad: false });
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{s.autoCheckSites}</h2>
      <p class="help">{s.autoCheckHelp}</p>
      <ul class="sites">
        {hosts.map((host) => (
          <li key={host}>
            <code>{host}</code>
            {access.get(host) === false && (
              <>
                <span class="no-access">{s.noAccess}</span>
                <button type="button" onClick={() => allow(host)} aria-label={fill(s.allowAccessLabel, { host })}>
                  {s.allowAccess}
                </button>
              </>
            )}
            <button type="button" onClick={() => void remove(host)} aria-label={fill(s.removeSiteLabel, { host })}>
              {s.removeSite}
            </button>
          </li>
        ))}
      </ul>
      <form class="add-site" onSubmit={add}>
        <label for="new-host" class="visually-hidden">
          {s.newSite}
        </label>
        <input
          id="new-host"
          type="text"
          value={input}
          placeholder={s.hostPlaceholder}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{s.addSite}</button>
      </form>
      <p class={message?.bad ? 'message bad' : 'message'} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
