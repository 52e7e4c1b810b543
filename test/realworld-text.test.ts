/**
 * The report's own text on real published pages (../shared/realworld, read in place; its README says what each
 * text states). Each page's text must agree where the README says it does, and each figure must really have been
 * read: changing the table cell it is about makes the text disagree.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import type { CheckResult, Finding } from '../lib/findings';
import { TEXT_RULES } from '../lib/rules/text-vs-table';
import { loadHtml } from '../lib/sources/cheerio';
import { withCells } from './helpers/report-builder';

const REALWORLD = fileURLToPath(new URL('../../shared/realworld/', import.meta.url));

function page(file: string) {
  const doc = loadHtml(readFileSync(REALWORLD + file, 'utf8'));
  const { result } = checkDocument(doc);
  return { result, bodyText: doc.bodyText };
}

const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, outcome: f.outcome, found: f.found });
const textFindings = (result: CheckResult) => result.findings.filter((f) => f.table === 'text').map(brief);

/** The text findings once some table cells are changed: the page's text against other numbers. */
function textAgainst(p: ReturnType<typeof page>, cells: Record<string, string>) {
  const report = withCells(p.result.report!, cells);
  return TEXT_RULES.flatMap((rule) => rule.check(report, { bodyText: p.bodyText })).map(brief);
}

const warning = (rule: string, found: number, outcome = 'text-disagrees') => ({ rule, severity: 'warning', outcome, found });

describe('pingtan-2023: every figure in the text agrees, the categories and their shares included', () => {
  const p = page('pingtan-2023.html');

  it('the one text warning is the known 现行有效规范性文件 393 vs 470', () => {
    expect(textFindings(p.result)).toEqual([warning('TEXT-T2-VALID', 393)]);
  });

  it('each category count was read: one row off makes its count disagree (予以公开及部分公开42件, 无法提供31件…)', () => {
    expect(textAgainst(p, { 'table3.total.results.granted': '21' }).filter((f) => f.rule === 'TEXT-T3-CATEGORY')).toEqual([
      warning('TEXT-T3-CATEGORY', 42),
    ]);
    expect(textAgainst(p, { 'table3.total.results.unableToProvide.noInfo': '30' }).filter((f) => f.rule === 'TEXT-T3-CATEGORY')).toEqual([
      warning('TEXT-T3-CATEGORY', 31),
    ]);
    expect(textAgainst(p, { 'table3.total.results.other.otherReasons': '2' }).filter((f) => f.rule === 'TEXT-T3-CATEGORY')).toEqual([
      warning('TEXT-T3-CATEGORY', 2),
    ]);
  });

  it('each share was read: with 新收 and （七）总计 80 instead of 81, 81件 and every share disagree', () => {
    expect(textAgainst(p, { 'table3.total.newReceived': '80', 'table3.total.results.totalProcessed': '80' })).toEqual([
      warning('TEXT-T3-NEW', 81),
      warning('TEXT-T3-DONE', 81),
      warning('TEXT-T2-VALID', 393),
      warning('TEXT-T3-CATEGORY', 51.85, 'share-disagrees'),
      warning('TEXT-T3-CATEGORY', 6.17, 'share-disagrees'),
      warning('TEXT-T3-CATEGORY', 38.27, 'share-disagrees'),
      warning('TEXT-T3-CATEGORY', 1.23, 'share-disagrees'),
      warning('TEXT-T3-CATEGORY', 2.47, 'share-disagrees'),
    ]);
  });

  it('行政复议案件2件 and 行政诉讼案件7件 (= 5 + 2) were read', () => {
    expect(textAgainst(p, { 'table4.review.total': '3', 'table4.litigationDirect.total': '6' })).toEqual([
      warning('TEXT-T4-REVIEW', 2),
      warning('TEXT-T4-LITIGATION', 7),
      warning('TEXT-T2-VALID', 393),
    ]);
  });
});

describe('pingtan-2021: 共收到70件申请…办结69件，1件结转下年度继续办理 (numbers before their keywords)', () => {
  const p = page('pingtan-2021.html');

  it('agrees with the tables: no text finding', () => {
    expect(textFindings(p.result)).toEqual([]);
  });

  it('each of the three was read', () => {
    expect(
      textAgainst(p, {
        'table3.total.newReceived': '71',
        'table3.total.results.totalProcessed': '68',
        'table3.total.carriedForward': '2',
      }),
    ).toEqual([warning('TEXT-T3-NEW', 70), warning('TEXT-T3-DONE', 69), warning('TEXT-T3-FORWARD', 1)]);
  });
});

describe('pingtan-2022: 收到政府信息公开申请75件 = 新收 74 + 上年结转 1', () => {
  const p = page('pingtan-2022.html');

  it('is accepted, and an info finding says it was read as new plus carried-over requests', () => {
    expect(textFindings(p.result)).toEqual([{ rule: 'TEXT-T3-NEW', severity: 'info', outcome: 'text-agrees', found: 75 }]);
    const info = p.result.findings.find((f) => f.rule === 'TEXT-T3-NEW')!;
    expect(info.message.zh).toBe('正文“收到政府信息公开申请75件”按本年新收加上年结转理解：74 + 1 = 75，与表三一致');
    expect(info.parts).toEqual(['table3.total.carriedOver']);
  });

  it('with 上年结转 2 it agrees with neither reading and warns', () => {
    expect(textAgainst(p, { 'table3.total.carriedOver': '2' }).filter((f) => f.rule === 'TEXT-T3-NEW')).toEqual([
      warning('TEXT-T3-NEW', 75),
    ]);
  });
});

describe('pingtan-2024: 全年办理政府信息公开申请218件', () => {
  const p = page('pingtan-2024.html');

  it('agrees (218 new, 218 handled): no text finding', () => {
    expect(textFindings(p.result)).toEqual([]);
  });

  it('办理 agrees with 新收 or （七）总计 (an info says which when they differ); it warns only when neither is 218', () => {
    expect(textAgainst(p, { 'table3.total.newReceived': '217' })).toEqual([
      { rule: 'TEXT-T3-HANDLED', severity: 'info', outcome: 'text-agrees', found: 218 },
    ]);
    expect(textAgainst(p, { 'table3.total.newReceived': '217', 'table3.total.results.totalProcessed': '216' })).toEqual([
      warning('TEXT-T3-HANDLED', 218),
    ]);
  });
});

describe('pingtan-2025: 共收到…154件，共办结148件，结转至2026年6件；行政复议36起，行政诉讼9起', () => {
  const p = page('pingtan-2025.html');

  it('agrees: no text finding', () => {
    expect(textFindings(p.result)).toEqual([]);
  });

  it('every figure was read (起 as a unit; 9 = 6 + 3)', () => {
    expect(
      textAgainst(p, {
        'table3.total.newReceived': '155',
        'table3.total.results.totalProcessed': '149',
        'table3.total.carriedForward': '7',
        'table4.review.total': '35',
        'table4.litigationPostReview.total': '4',
      }),
    ).toEqual([
      warning('TEXT-T3-NEW', 154),
      warning('TEXT-T3-DONE', 148),
      warning('TEXT-T3-FORWARD', 6),
      warning('TEXT-T4-REVIEW', 36),
      warning('TEXT-T4-LITIGATION', 9),
    ]);
  });
});

describe('shanghai-2019 (the 2019 trial format): the text rules run on it too', () => {
  const p = page('shanghai-2019.html');

  it('予以公开及部分公开258件 (table 272 + 3) and 无法提供265件 (table 337) are warnings; 受理859件 is 新收', () => {
    expect(p.result.status).toBe('trial-2019');
    expect(textFindings(p.result)).toEqual([
      { rule: 'TEXT-T3-NEW', severity: 'info', outcome: 'text-agrees', found: 859 },
      warning('TEXT-T3-CATEGORY', 258),
      warning('TEXT-T3-CATEGORY', 265),
    ]);
    const messages = p.result.findings.filter((f) => f.rule === 'TEXT-T3-CATEGORY').map((f) => f.message.zh);
    expect(messages[0]).toContain('至少为 272 + 3 = 275');
    expect(messages[1]).toContain('至少为 265 + 47 + 25 = 337');
  });

  it('不予公开35件 agrees with its rows, whose blank totals are counted by their applicant columns (14 + 5 + 3 + 1 + 10 + 2)', () => {
    expect(textFindings(p.result).filter((f) => f.found === 35)).toEqual([]);
    // One more 国家秘密 request in the 自然人 column: the rows then hold at least 36.
    expect(textAgainst(p, { 'table3.naturalPerson.results.denied.stateSecret': '15' }).filter((f) => f.found === 35)).toEqual([
      warning('TEXT-T3-CATEGORY', 35),
    ]);
  });
});

describe('pages whose text has nothing to say against their tables', () => {
  it.each(['shuyang-2023.html', 'hangzhou-style.html'])('%s: no text finding', (file) => {
    expect(textFindings(page(file).result)).toEqual([]);
  });
});
