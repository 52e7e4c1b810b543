/**
 * Report metadata from the page: title (the page <title>, or the first text naming a 政府信息公开工作年度报告),
 * organ (the words before the year in the title) and year (20xx in the title, else the statistics period in the text).
 */
import type { Report } from './report';
import { collapseWhitespace, foldWidth } from './text';

const REPORT_WORDS = /政府信息公开.{0,6}年度报告|政府信息公开年报/;
/** A title in running text: a run without sentence punctuation ending in …年度报告. */
const TITLE_IN_TEXT = /[^\s。，,；;：:、“”"《》>›»|]{0,40}政府信息公开[^\s。，,；;：:]{0,6}年度报告/;
const TITLE_SEPARATORS = /\s+[-_|—–]+\s+|[_|]/;
const YEAR = /(20\d{2})\s*年/;
const PERIOD_YEAR = /统计(?:期限|时限|期间|时间)[^0-9]{0,8}(20\d{2})\s*年/;
const ORGAN_BEFORE_YEAR = /^(.+?)(?:20\d{2})\s*年/;
const ORGAN_AFTER_YEAR = /^20\d{2}\s*年度?(?!度)(.+?)政府信息公开/;

export interface PageText {
  title: string;
  bodyText: string;
}

export function extractMeta(page: PageText, url: string | null = null): Report['meta'] {
  const title = reportTitle(page);
  return { title, organ: title ? organOf(title) : null, year: yearOf(title, page.bodyText), url };
}

function reportTitle(page: PageText): string | null {
  const pageTitle = collapseWhitespace(foldWidth(page.title));
  if (REPORT_WORDS.test(pageTitle)) {
    // Drop a site name appended with a separator: "…年度报告 - 某某市人民政府".
    const part = pageTitle.split(TITLE_SEPARATORS).find((p) => REPORT_WORDS.test(p));
    return (part ?? pageTitle).trim();
  }
  const inText = TITLE_IN_TEXT.exec(foldWidth(page.bodyText));
  if (inText) return inText[0];
  return pageTitle === '' ? null : pageTitle;
}

function organOf(title: string): string | null {
  const before = ORGAN_BEFORE_YEAR.exec(title)?.[1].trim();
  if (before) return before;
  const after = ORGAN_AFTER_YEAR.exec(title)?.[1].trim();
  return after || null;
}

function yearOf(title: string | null, bodyText: string): number | null {
  const fromTitle = title ? YEAR.exec(title) : null;
  if (fromTitle) return Number(fromTitle[1]);
  const body = foldWidth(bodyText);
  const match = PERIOD_YEAR.exec(body) ?? YEAR.exec(body);
  return match ? Number(match[1]) : null;
}
