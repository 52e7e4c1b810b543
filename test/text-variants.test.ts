/**
 * The report's own text as evidence, through the whole pipeline: every phrasing of test/fixtures/text-variants.ts,
 * right and wrong, rendered in every template markup, must give exactly its text findings (no more: a false warning
 * on a correct text is a defect), and a table-4 tie must be broken by what the text says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import { loadHtml } from '../lib/sources/cheerio';
import type { CheckResult } from '../lib/findings';
import { formatResult } from '../cli/format-text';
import { TEMPLATE_STYLES, renderReportPage } from './fixtures/render';
import { PAGES_DIR, fixturePages } from './fixtures/catalogue';
import { loadSeeds } from './fixtures/seed-values';
import { TEXT_CASES, textCaseModel, type TextCase } from './fixtures/text-variants';

const check = (html: string): CheckResult => checkDocument(loadHtml(html)).result;
const textFindings = (result: CheckResult) =>
  result.findings
    .filter((f) => f.table === 'text')
    .map((f) => ({ rule: f.rule, severity: f.severity, outcome: f.outcome, found: f.found }));

function expectCase(result: CheckResult, textCase: TextCase) {
  expect(result.status).toBe('ok');
  expect(textFindings(result)).toEqual(textCase.expect);
  // The tables are sound (a tie case breaks one table-4 block): every other finding is about the text.
  expect(result.findings.filter((f) => f.severity !== 'info' && f.table !== 'text' && f.table !== 'table4')).toEqual([]);
  if (textCase.suspects) {
    expect(result.suspects.map((s) => ({ path: s.path, suggested: s.suggested }))).toEqual(
      textCase.suspects.map((s) => ({ path: s.path, suggested: s.suggested })),
    );
    textCase.suspects.forEach((s, i) => expect(result.suspects[i].reason?.zh).toMatch(new RegExp(`^${escape(s.reason)}`)));
  } else {
    expect(result.suspects).toEqual([]);
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(TEMPLATE_STYLES)('text variants in the %s markup', (style) => {
  it.each(TEXT_CASES.map((c) => [c.id, c] as const))('%s', (_id, textCase) => {
    expectCase(check(renderReportPage(textCaseModel(textCase), style)), textCase);
  });
});

describe('the cases themselves', () => {
  it('every phrasing has a right and a wrong case, and the wrong ones warn', () => {
    const ids = TEXT_CASES.map((c) => c.id);
    for (const phrasing of ['units', 'number-first', 'verbs', 'no-appeals']) {
      expect(ids).toContain(`${phrasing}-right`);
      expect(ids).toContain(`${phrasing}-wrong`);
      expect(TEXT_CASES.find((c) => c.id === `${phrasing}-right`)?.expect).toEqual([]);
      expect(TEXT_CASES.find((c) => c.id === `${phrasing}-wrong`)?.expect.length).toBeGreaterThan(0);
    }
  });

  it('a tie the text does not speak to stays a tie: the text, not the search, chose the suspect', () => {
    const silent = TEXT_CASES.find((c) => c.id === 'tie-review-silent') as TextCase;
    const result = check(renderReportPage(textCaseModel(silent), 'plain'));
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.target])).toEqual([
      ['T4-BLOCK', 'table4.review.total'],
    ]);
    expect(result.suspects).toEqual([]);
  });
});

describe('committed text pages (npm run fixtures)', () => {
  const pages = fixturePages(loadSeeds()).filter((p) => p.kind === 'text');

  it('four pages, one per case named in the catalogue', () => {
    expect(pages.map((p) => p.file)).toEqual([
      'text-tie-review-stated-plain.html',
      'text-tie-review-none-cms.html',
      'text-categories-wrong-count-word.html',
      'text-received-with-carried-spans.html',
    ]);
  });

  it.each(pages.map((p) => [p.file, p] as const))('%s gives its case’s findings', (file, page) => {
    const textCase = TEXT_CASES.find((c) => c.id === page.textCase) as TextCase;
    expectCase(check(readFileSync(join(PAGES_DIR, file), 'utf8')), textCase);
  });

  it('the CLI prints the suspect’s reason under it, in either language', () => {
    const result = check(readFileSync(join(PAGES_DIR, 'text-tie-review-stated-plain.html'), 'utf8'));
    const zh = formatResult('tie.html', result, 'zh').split('\n');
    const en = formatResult('tie.html', result, 'en').split('\n');
    const star = zh.findIndex((line) => line.includes('★ table4.review.total'));
    expect(zh[star + 1].trim()).toBe('正文称“行政复议1起”，故表四 行政复议 · 总计应为 1');
    expect(en[en.findIndex((line) => line.includes('★ table4.review.total')) + 1].trim()).toBe(
      'The text says “行政复议1起”, so Table 4 Administrative review · Total should be 1',
    );
  });
});
