import { describe, expect, it } from 'vitest';
import { hostMatches } from '../../utils/overlay/host-match';

describe('hostMatches (does auto-check run on this host?)', () => {
  it('*.gov.cn covers gov.cn and every subdomain, nothing else', () => {
    for (const host of ['gov.cn', 'www.gov.cn', 'www.pingtan.gov.cn', 'WWW.Example.GOV.CN', 'www.gov.cn.']) {
      expect(hostMatches(host, ['*.gov.cn']), host).toBe(true);
    }
    for (const host of ['gov.cn.evil.com', 'notgov.cn', 'www.gov.com', 'cn']) {
      expect(hostMatches(host, ['*.gov.cn']), host).toBe(false);
    }
  });

  it('a plain entry matches that host only', () => {
    expect(hostMatches('www.example.org', ['www.example.org'])).toBe(true);
    expect(hostMatches('sub.www.example.org', ['www.example.org'])).toBe(false);
    expect(hostMatches('www.example.org', [])).toBe(false);
  });
});
