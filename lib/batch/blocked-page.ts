/**
 * A fetched page that is not the page the link promised: a login form, or an anti-robot check (verification code,
 * "enable JavaScript", a WAF's challenge). Told from the HTTP status, or from the words of a page that holds no report;
 * a report that happens to mention 验证码 is never called blocked, because only pages without report tables are asked.
 */
import type { Bilingual } from '../rules/labels';

const LOGIN_STATUS = new Set([401, 407]);
const ROBOT_STATUS = new Set([403, 412, 418, 429]);
/** A title naming a login is a login page; in the text, only words asking to log in count (a site header's 用户登录 link does not). */
const LOGIN_TITLE = /登录|登陆|统一身份认证|sign\s*in|log\s*in/i;
const LOGIN_TEXT = /请先?登录|登录后(?:方可|才能|再|查看|访问)|用户名.{0,10}密码|please\s+(?:sign|log)\s*in/i;
const ROBOT_WORDS = /验证码|安全验证|人机验证|访问验证|滑动验证|拖动滑块|请开启\s*JavaScript|启用\s*JavaScript|enable\s+JavaScript|访问过于频繁|安全狗|网站防火墙|WAF|captcha|are you a robot/i;

export const BLOCKED_LOGIN: Bilingual = { zh: '需要登录，未能读取报告', en: 'a login page: the report could not be read' };
export const BLOCKED_ROBOT: Bilingual = {
  zh: '网站的反爬虫或安全验证页面，未能读取报告',
  en: "the site's anti-robot or security check page: the report could not be read",
};

/** Why an HTTP status means the site refused us, or null. */
export function blockedByStatus(status: number): Bilingual | null {
  if (LOGIN_STATUS.has(status)) return BLOCKED_LOGIN;
  if (ROBOT_STATUS.has(status)) return BLOCKED_ROBOT;
  return null;
}

/** A login or challenge page says little; an article with 登录 in its site header says much more. */
const SHORT_PAGE_CHARS = 2000;

/**
 * Why a page without report tables is a login or anti-robot page: its title says so, or a short page's text does.
 * Null for anything else (then the page is simply not a report).
 */
export function blockedByContent(title: string, bodyText: string): Bilingual | null {
  const short = bodyText.length <= SHORT_PAGE_CHARS;
  if (ROBOT_WORDS.test(title) || (short && ROBOT_WORDS.test(bodyText))) return BLOCKED_ROBOT;
  if (LOGIN_TITLE.test(title) || (short && LOGIN_TEXT.test(bodyText))) return BLOCKED_LOGIN;
  return null;
}
