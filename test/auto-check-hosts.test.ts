import { describe, expect, it } from 'vitest';
import {
  dynamicEntries,
  hostMatchPattern,
  normaliseHostEntry,
} from '../utils/auto-check-hosts';

describe('auto-check site entries', () => {
  it('reads what a person types into a host entry', () => {
    expect(normaliseHostEntry('www.Example.org')).toBe('www.example.org');
    expect(normaliseHostEntry('  https://www.example.org:8080/a/b?c ')).toBe('www.example.org');
    expect(normaliseHostEntry('*.example.org')).toBe('*.example.org');
    expect(normaliseHostEntry('例子.中国')).toBe('xn--fsqu00a.xn--fiqs8s');
  });

  it('rejects what is not a host', () => {
    for (const bad of ['', '   ', 'localhost', 'exa mple.org', '*.*.org', 'a..org', '-a.org', 'http://', '*', 'user@evil.org', 'a.*.org']) {
      expect(normaliseHostEntry(bad), bad).toBeNull();
    }
  });

  it('makes the match pattern of an entry', () => {
    expect(hostMatchPattern('*.example.org')).toBe('*://*.example.org/*');
    expect(hostMatchPattern('www.example.org')).toBe('*://www.example.org/*');
  });

  it('leaves the manifest-covered *.gov.cn out of the dynamic registrations', () => {
    expect(dynamicEntries(['*.gov.cn', 'www.example.org'])).toEqual(['www.example.org']);
  });
});
