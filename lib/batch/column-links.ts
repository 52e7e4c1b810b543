/**
 * A 年报 column (政府信息公开年报 栏目) read from its list page's links: the reports it lists on the same site, the
 * report links that point to another host (listed, never fetched), and the column's next page. Pure: the popup
 * reads the links off the live page, the batch off each fetched list page.
 */
import { bodyKey } from '../cross-year/body-name';
import { foldWidth } from '../text';

/** One `<a href>` as the page has it: the resolved URL and its text (and `title`, which lists often fill when they cut the text). */
export interface PageLink {
  href: string;
  text: string;
  title?: string;
}

export interface ColumnLink {
  url: string;
  /** The link's text as shown (whitespace collapsed). */
  text: string;
  /** The year the link names. */
  year: number;
  /** The words before the year, when the text names a body there (`测试市甲局2022年…` → 测试市甲局). */
  body: string | null;
  /** A PDF attachment or a web page. */
  kind: 'page' | 'pdf';
}

export interface Column {
  /** Report links on the same site, in page order, each URL once. */
  reports: ColumnLink[];
  /** Report links to any other host: shown to the user, never fetched. */
  otherHosts: ColumnLink[];
  /** The column's next list page on the same site (a 下一页 link, or index_N+1.html), or null. */
  nextPage: string | null;
}

const REPORT_WORDS = /年度报告|年报/;
const YEAR = /((?:19|20)\d{2})\s*年?/;
const BODY_BEFORE_YEAR = /^(.+?)(?:19|20)\d{2}\s*年/;
const NEXT_WORDS = /^(?:下一页|下页|后一页|下一頁|next|next\s*page|›|»|>|>>)$/i;
const INDEX_PAGE = /\/index(?:_(\d+))?\.(s?html?)$/i;

/** Same site: the same host name and port, over http or https. Nothing else is ever fetched. */
export function sameSite(url: string, pageUrl: string): boolean {
  const a = parseUrl(url);
  const b = parseUrl(pageUrl);
  return !!a && !!b && isWeb(a) && isWeb(b) && a.host === b.host;
}

export function readColumn(links: readonly PageLink[], pageUrl: string): Column {
  const reports: ColumnLink[] = [];
  const otherHosts: ColumnLink[] = [];
  const seen = new Set<string>();
  const page = withoutHash(pageUrl);
  for (const link of links) {
    const report = reportLink(link);
    if (!report || report.url === page || seen.has(report.url)) continue;
    seen.add(report.url);
    (sameSite(report.url, pageUrl) ? reports : otherHosts).push(report);
  }
  return { reports, otherHosts, nextPage: nextPage(links, pageUrl) };
}

/** The link as a report link (text with 年度报告/年报 and a year, an http(s) URL), or null. */
export function reportLink(link: PageLink): ColumnLink | null {
  const url = parseUrl(link.href);
  if (!url || !isWeb(url)) return null;
  const text = linkText(link);
  const year = YEAR.exec(text);
  if (!REPORT_WORDS.test(text) || !year) return null;
  const body = BODY_BEFORE_YEAR.exec(text)?.[1].replace(/^[\d\s.、\-—·•]+/, '').trim() || null;
  return {
    url: withoutHash(url.href),
    text,
    year: Number(year[1]),
    body,
    kind: /\.pdf$/i.test(url.pathname) ? 'pdf' : 'page',
  };
}

/**
 * A same-site link on a page to `body`'s report of `year` (a web page, not a PDF); a link that names no body counts
 * when the year fits (a report page's 上一年度 link often says only the year). Null when there is none.
 */
export function linkToYear(links: readonly PageLink[], pageUrl: string, body: string | null, year: number): ColumnLink | null {
  const key = bodyKey(body);
  for (const link of links) {
    const found = reportLink(link);
    if (!found || found.year !== year || found.kind !== 'page' || !sameSite(found.url, pageUrl)) continue;
    if (found.body === null || bodyKey(found.body) === key) return found;
  }
  return null;
}

/** The link's text, or its title when that says more (lists cut long titles short: `测试市甲局2022年政府信息…`). */
function linkText(link: PageLink): string {
  const text = collapse(link.text);
  const title = collapse(link.title ?? '');
  return title.length > text.length && REPORT_WORDS.test(title) ? title : text;
}

function nextPage(links: readonly PageLink[], pageUrl: string): string | null {
  const page = withoutHash(pageUrl);
  const candidates = links.filter((l) => sameSite(l.href, pageUrl) && withoutHash(l.href) !== page);
  const byWords = candidates.find((l) => NEXT_WORDS.test(collapse(l.text)));
  if (byWords) return withoutHash(byWords.href);
  // index.html → index_1.html → index_2.html…: the usual static CMS paging, where the 下一页 link may be script-made.
  const here = indexNumber(pageUrl);
  if (here === null) return null;
  const next = candidates.find((l) => {
    const there = indexNumber(l.href);
    return there !== null && there.n === here.n + 1 && there.dir === here.dir;
  });
  return next ? withoutHash(next.href) : null;
}

/** `…/dir/index.html` is page 0 of dir, `…/dir/index_3.html` page 3; a bare `…/dir/` is page 0 too. */
function indexNumber(href: string): { dir: string; n: number } | null {
  const url = parseUrl(href);
  if (!url) return null;
  if (url.pathname.endsWith('/')) return { dir: url.origin + url.pathname, n: 0 };
  const match = INDEX_PAGE.exec(url.pathname);
  if (!match) return null;
  return { dir: url.origin + url.pathname.slice(0, match.index + 1), n: match[1] ? Number(match[1]) : 0 };
}

function collapse(text: string): string {
  return foldWidth(text).replace(/\s+/g, ' ').trim();
}

function parseUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

function isWeb(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

function withoutHash(href: string | URL): string {
  const url = typeof href === 'string' ? parseUrl(href) : href;
  if (!url) return String(href);
  url.hash = '';
  return url.href;
}
