/**
 * A document's address, title and every `<a href>` as PageLink (lib/batch/column-links.ts). Self-contained (no
 * import, no closure): the popup runs it in the tab with scripting.executeScript (no arguments: the live document,
 * whose `a.href` is already resolved), and the batch runs it on a fetched list page parsed by DOMParser (with the
 * page's URL, since a parsed document has no address of its own; a `<base href>` is honoured).
 */
import type { PageLink } from '@/lib/batch/column-links';

export interface PageLinks {
  url: string;
  title: string;
  links: PageLink[];
}

export function pageLinks(pageUrl?: string, doc?: Document): PageLinks {
  const d = doc ?? document;
  let base = pageUrl ?? d.URL;
  const baseHref = d.querySelector('base[href]')?.getAttribute('href');
  if (pageUrl && baseHref) {
    try {
      base = new URL(baseHref, pageUrl).href;
    } catch {
      // a broken <base>: links resolve against the page
    }
  }
  const links: PageLink[] = [];
  for (const a of Array.from(d.querySelectorAll('a[href]'))) {
    let href: string;
    try {
      href = pageUrl ? new URL(a.getAttribute('href') ?? '', base).href : (a as HTMLAnchorElement).href;
    } catch {
      continue;
    }
    const title = a.getAttribute('title');
    links.push(title ? { href, text: a.textContent ?? '', title } : { href, text: a.textContent ?? '' });
  }
  return { url: pageUrl ?? d.URL, title: d.title, links };
}
