import { describe, expect, test } from 'vitest';
import { linkToYear, readColumn, reportLink, sameSite, type PageLink } from '../../lib/batch/column-links';

const LIST = 'http://www.example.gov.cn/zfxxgk/ndbg/index.html';
const link = (href: string, text: string, title?: string): PageLink => ({ href: new URL(href, LIST).href, text, title });

describe('readColumn', () => {
  test('keeps same-site links whose text names 年度报告/年报 and a year, in page order, each once', () => {
    const column = readColumn(
      [
        link('/', '首页'),
        link('a-2023.html', '测试市甲局2023年政府信息公开工作年度报告'),
        link('b-2023.html', ' 测试市(乙)局 2023年 政府信息公开年报 '),
        link('a-2023.html#top', '测试市甲局2023年政府信息公开工作年度报告'),
        link('notice.html', '关于做好政府信息公开工作的通知'),
        link('report.html', '政府信息公开工作年度报告'), // no year
        link('att/a-2022.pdf', '测试市甲局2022年度报告（PDF）'),
        link('mailto:x@example.gov.cn', '2023年年报意见'),
      ],
      LIST,
    );
    expect(column.reports.map((r) => [r.url.replace('http://www.example.gov.cn/zfxxgk/ndbg/', ''), r.year, r.body, r.kind])).toEqual([
      ['a-2023.html', 2023, '测试市甲局', 'page'],
      ['b-2023.html', 2023, '测试市(乙)局', 'page'],
      ['att/a-2022.pdf', 2022, '测试市甲局', 'pdf'],
    ]);
    expect(column.otherHosts).toEqual([]);
    expect(column.nextPage).toBeNull();
  });

  test('a report link to another host is listed apart, never among the reports', () => {
    const column = readColumn(
      [link('http://www.other.gov.cn/a-2023.html', '测试市丙局2023年政府信息公开工作年度报告'), link('https://www.example.gov.cn:8443/x.html', '2023年年报')],
      LIST,
    );
    expect(column.reports).toEqual([]);
    expect(column.otherHosts.map((r) => r.url)).toEqual(['http://www.other.gov.cn/a-2023.html', 'https://www.example.gov.cn:8443/x.html']);
  });

  test('a cut link text gives way to a fuller title attribute', () => {
    const found = reportLink(link('x.html', '测试市甲局2022年政府信…', '测试市甲局2022年政府信息公开工作年度报告'));
    expect(found?.text).toBe('测试市甲局2022年政府信息公开工作年度报告');
    expect(found?.year).toBe(2022);
  });

  test('next page: a 下一页 link first, else index_N+1.html in the same folder', () => {
    expect(readColumn([link('index_1.html', '下一页'), link('index_5.html', '尾页')], LIST).nextPage).toBe(
      'http://www.example.gov.cn/zfxxgk/ndbg/index_1.html',
    );
    const second = 'http://www.example.gov.cn/zfxxgk/ndbg/index_1.html';
    const links = [link('index.html', '1'), link('index_2.html', '3'), link('../other/index_2.html', 'x'), link('index_3.html', '4')];
    expect(readColumn(links, second).nextPage).toBe('http://www.example.gov.cn/zfxxgk/ndbg/index_2.html');
    expect(readColumn([link('index_1.html', '2')], 'http://www.example.gov.cn/zfxxgk/ndbg/').nextPage).toBe(
      'http://www.example.gov.cn/zfxxgk/ndbg/index_1.html',
    );
    // The last page: no next; a 下一页 to another host is never followed.
    expect(readColumn([link('index.html', '上一页')], second).nextPage).toBeNull();
    expect(readColumn([link('http://www.other.gov.cn/index_1.html', '下一页')], LIST).nextPage).toBeNull();
  });
});

test('sameSite: host and port, http or https; nothing that is not a web URL', () => {
  expect(sameSite('https://www.example.gov.cn/a', 'http://www.example.gov.cn/b')).toBe(true);
  expect(sameSite('http://www.example.gov.cn:81/a', 'http://www.example.gov.cn/b')).toBe(false);
  expect(sameSite('http://example.gov.cn/a', 'http://www.example.gov.cn/b')).toBe(false);
  expect(sameSite('ftp://www.example.gov.cn/a', 'http://www.example.gov.cn/b')).toBe(false);
  expect(sameSite('not a url', 'http://www.example.gov.cn/b')).toBe(false);
});

describe('blocked pages', async () => {
  const { blockedByContent, blockedByStatus, BLOCKED_LOGIN, BLOCKED_ROBOT } = await import('../../lib/batch/blocked-page');
  test('by status', () => {
    expect(blockedByStatus(401)).toBe(BLOCKED_LOGIN);
    expect(blockedByStatus(412)).toBe(BLOCKED_ROBOT);
    expect(blockedByStatus(404)).toBeNull();
  });
  test('by the words of a short page or of any title; a long article with 登录 in its header is not blocked', () => {
    expect(blockedByContent('安全验证', '')).toBe(BLOCKED_ROBOT);
    expect(blockedByContent('统一身份认证平台', '请输入用户名和密码')).toBe(BLOCKED_LOGIN);
    expect(blockedByContent('提示', '请开启JavaScript后刷新页面')).toBe(BLOCKED_ROBOT);
    expect(blockedByContent('关于年报的解读', `用户登录 | 注册 ${'正文'.repeat(2000)}`)).toBeNull();
    // A short article whose site header links 用户登录 is not a login page.
    expect(blockedByContent('图解：2023年年度报告解读', '首页 | 用户登录 2023年，本局认真贯彻落实《条例》。')).toBeNull();
    expect(blockedByContent('提示', '请先登录后查看')).toBe(BLOCKED_LOGIN);
  });
});

test("linkToYear: the same body's report of that year on the same site, or a link naming only the year", () => {
  const links = [
    link('a-2023.html', '测试市甲局2023年政府信息公开工作年度报告'),
    link('b-2022.html', '测试市乙局2022年政府信息公开工作年度报告'),
    link('http://www.other.gov.cn/a-2022.html', '测试市甲局2022年政府信息公开工作年度报告'),
    link('a-2022.pdf', '测试市甲局2022年政府信息公开工作年度报告'),
  ];
  expect(linkToYear(links, LIST, '测试市甲局', 2022)).toBeNull();
  expect(linkToYear([...links, link('a-2022.html', '测试市甲局2022年政府信息公开工作年度报告')], LIST, '测试市甲局', 2022)?.url).toMatch(/a-2022\.html$/);
  expect(linkToYear([link('prev.html', '2022年度报告')], LIST, '测试市甲局', 2022)?.url).toMatch(/prev\.html$/);
  expect(linkToYear(links, LIST, '测试市丙局', 2022)).toBeNull();
  expect(linkToYear(links, LIST, '测试市(乙)局', 2022)?.url).toMatch(/b-2022\.html$/); // brackets do not part two names
});
