/**
 * Entries of the auto-check site list (settings `autoCheckHosts`): `example.org` is that host only,
 * `*.example.org` is the host and every subdomain — the host part of a browser match pattern. Pure.
 */

/** Sites the manifest already covers (the content script's static `matches` and its host permission). */
export const MANIFEST_HOSTS: readonly string[] = ['*.gov.cn'];

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The canonical entry for what a person typed (`https://www.Example.org/path`, `*.example.org`, `例子.中国`),
 * or null when it is not a host. Ports and paths are dropped: match patterns name hosts only.
 */
export function normaliseHostEntry(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (text === '') return null;
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d*$/, '');
  const wildcard = text.startsWith('*.');
  if (wildcard) text = text.slice(2);
  if (/[@\s%\\*]/.test(text)) return null; // user info, spaces, escapes or a second wildcard: not a host
  let host: string;
  try {
    host = new URL(`http://${text}/`).hostname; // punycode for non-ASCII names
  } catch {
    return null;
  }
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  return wildcard ? `*.${host}` : host;
}

/** The match pattern that grants access to an entry, e.g. `*://*.example.org/*`. */
export function hostMatchPattern(entry: string): string {
  return `*://${entry}/*`;
}

/** The entries that need a dynamically registered content script (not covered by the manifest). */
export function dynamicEntries(entries: readonly string[]): string[] {
  return entries.filter((e) => !MANIFEST_HOSTS.includes(e));
}
