/**
 * A document's address, title, every `<a href>` as PageLink (lib/batch/column-links.ts) and every embedded frame,
 * <embed> or <object>, walked once. Self-contained (no import, no closure): the popup runs it in the tab with
 * scripting.executeScript (no arguments: the live document, whose `a.href` is already resolved) for the column
 * offer, the previous-year note and the report PDFs (components/popup/report-pdfs.ts) alike; the batch runs it on a
 * fetched list page parsed by DOMParser (with the page's URL, since a parsed document has no address of its own; a
 * `<base href>` is honoured).
 */
import type { PageLink } from '@/lib/batch/column-links';

/** An <iframe>/<frame> (`frame`) or an <embed>/<object> (`embed`), its source resolved. */
export interface PageEmbed {
  kind: 'frame' | 'embed';
  src: string;
  title: string | null;
  type: string | null;
}

export interface PageLinks {
  url: string;
  title: string;
  /** The document's content type (`application/pdf` in a browser's PDF viewer). */
  contentType: string;
  links: PageLink[];
  embeds: PageEmbed[];
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
  const against = pageUrl ? base : d.baseURI;
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
  const embeds: PageEmbed[] = [];
  for (const el of Array.from(d.querySelectorAll('iframe[src], frame[src], embed, object'))) {
    const frame = /^i?frame$/i.test(el.tagName);
    const raw = (frame ? el.getAttribute('src') : (el.getAttribute('src') ?? el.getAttribute('data')))?.trim();
    if (!raw) continue;
    try {
      const src = new URL(raw, against).href;
      embeds.push({ kind: frame ? 'frame' : 'embed', src, title: el.getAttribute('title'), type: el.getAttribute('type') });
    } catch {
      // not a URL
    }
  }
  return { url: pageUrl ?? d.URL, title: d.title, contentType: d.contentType, links, embeds };
}
