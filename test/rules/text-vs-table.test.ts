/**
 * TEXT-*: numbers in the report text against the tables. Warnings only, and conservative: the text of a correct
 * report must give none.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/findings';
import type { Report } from '../../lib/report';
import { TEXT_RULES } from '../../lib/rules/text-vs-table';
import { buildReport, reportFromValues, table3Rows, table4Values } from '../helpers/report-builder';
import { PINGTAN_CELLS, pingtanBodyText } from '../helpers/pingtan-values';
import { loadSeed, type SeedReport } from '../fixtures/seed-values';

const runText = (report: Report, bodyText: string): Finding[] => TEXT_RULES.flatMap((r) => r.check(report, { bodyText }));
const seedText = (seed: SeedReport) => [seed.title, ...seed.intro, ...seed.sections.flat()].join('\n');
/** A report with 新收/上年结转/（七） totals and table 4 totals as given; the rest zero. */
const tables = (t: { fresh?: number; carried?: number; processed?: number; review?: number; direct?: number; post?: number; valid?: number }) =>
  buildReport({
    ...table3Rows({
      newReceived: [0, 0, 0, 0, 0, 0, t.fresh ?? 0],
      carriedOver: [0, 0, 0, 0, 0, 0, t.carried ?? 0],
      'results.totalProcessed': [0, 0, 0, 0, 0, 0, t.processed ?? 0],
    }),
    ...table4Values([0, 0, 0, 0, t.review ?? 0, 0, 0, 0, 0, t.direct ?? 0, 0, 0, 0, 0, t.post ?? 0]),
    'table2.normativeDocuments.valid': String(t.valid ?? 0),
  });

describe('TEXT-* on real text', () => {
  it('Pingtan: only 现行有效行政规范性文件393件 vs table 2’s 470 disagrees; 81件, 办结81件, 复议2件, 诉讼7件 agree', () => {
    const findings = runText(buildReport(PINGTAN_CELLS), pingtanBodyText());
    expect(findings).toEqual([
      {
        rule: 'TEXT-T2-VALID',
        severity: 'warning',
        outcome: 'text-disagrees',
        table: 'text',
        target: 'table2.normativeDocuments.valid',
        parts: [],
        expected: 470,
        found: 393,
        message: {
          zh: '正文“现行有效行政规范性文件393件”为 393，但表二行政规范性文件现行有效件数为 470',
          en: 'The text says “现行有效行政规范性文件393件” (393), but table 2 normative documents in force is 470',
        },
      },
    ]);
  });

  it('Pingtan: had table 3 said 80 new requests, 申请共计81件 would disagree', () => {
    const cells = { ...PINGTAN_CELLS, 'table3.total.newReceived': '80' };
    expect(runText(buildReport(cells), pingtanBodyText()).map((f) => [f.rule, f.found])).toEqual([
      ['TEXT-T3-NEW', 81],
      ['TEXT-T2-VALID', 393],
    ]);
  });

  it('seed 003: 主动公开政府信息127, but its 其中 list (ending in 其他信息0条) adds up to 122', () => {
    const seed = loadSeed('003');
    const findings = runText(reportFromValues(seed.values), seedText(seed));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'TEXT-ACTIVE-LIST',
      severity: 'warning',
      target: null,
      expected: 127,
      found: 122,
      formula: '1 + 12 + 0 + 31 + 64 + 3 + 1 + 1 + 2 + 1 + 0 + 6 + 0 = 122 ≠ 127',
    });
  });

  it('seed 004: 收到政府信息公开申请2条 agrees with 新收 2; its 219条 list has no 其中 and is not checked', () => {
    const seed = loadSeed('004');
    expect(runText(reportFromValues(seed.values), seedText(seed))).toEqual([]);
    const changed = reportFromValues({ ...seed.values, 'table3.total.newReceived': '3' });
    expect(runText(changed, seedText(seed)).map((f) => [f.rule, f.expected, f.found])).toEqual([['TEXT-T3-NEW', 3, 2]]);
  });

  it('seeds 000–002 (all-zero tables, their own text) give no text warning', () => {
    for (const id of ['000', '001', '002']) {
      const seed = loadSeed(id);
      expect(runText(reportFromValues(seed.values), seedText(seed))).toEqual([]);
    }
  });
});

describe('TEXT-* wording', () => {
  it('收到 may count new requests or new + carried over: both agree, and an info finding says which; anything else warns', () => {
    const report = tables({ fresh: 5, carried: 2 });
    expect(runText(report, '本年度共收到政府信息公开申请5件。')).toEqual([
      {
        rule: 'TEXT-T3-NEW',
        severity: 'info',
        outcome: 'text-agrees',
        table: 'text',
        target: 'table3.total.newReceived',
        parts: [],
        expected: 5,
        found: 5,
        message: {
          zh: '正文“收到政府信息公开申请5件”按本年新收计：5，与表三一致',
          en: 'The text\'s “收到政府信息公开申请5件” is read as the new requests: 5, as in table 3',
        },
      },
    ]);
    expect(runText(report, '本年度共收到政府信息公开申请7件。')).toMatchObject([
      {
        severity: 'info',
        target: 'table3.total.newReceived',
        parts: ['table3.total.carriedOver'],
        message: { zh: '正文“收到政府信息公开申请7件”按本年新收加上年结转计：5 + 2 = 7，与表三一致' },
      },
    ]);
    expect(runText(report, '本年度共收到政府信息公开申请6件。')).toMatchObject([
      {
        rule: 'TEXT-T3-NEW',
        severity: 'warning',
        expected: 5,
        found: 6,
        message: { zh: '正文“收到政府信息公开申请6件”为 6，但表三“一、本年新收”总计为 5；或新收加上年结转为 5 + 2 = 7' },
      },
    ]);
  });

  it('收到 says nothing about which reading when there is nothing carried over (both readings are the same number)', () => {
    expect(runText(tables({ fresh: 5 }), '本年度共收到政府信息公开申请5件。')).toEqual([]);
  });

  it('办结…N件 is compared with （七）总计', () => {
    expect(runText(tables({ processed: 4 }), '全年办结政府信息公开申请4件。')).toEqual([]);
    expect(runText(tables({ processed: 4 }), '全年办结政府信息公开申请3件。')).toMatchObject([
      { rule: 'TEXT-T3-DONE', target: 'table3.total.results.totalProcessed', expected: 4, found: 3 },
    ]);
  });

  it('行政复议N件 vs the review total; 行政诉讼N件 vs the two litigation totals (their sum or either)', () => {
    const report = tables({ review: 2, direct: 5, post: 2 });
    expect(runText(report, '因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。')).toEqual([]);
    expect(runText(report, '因政府信息公开引起的行政诉讼5件。')).toEqual([]);
    expect(runText(report, '因政府信息公开引起的行政复议3件、行政诉讼案件8件。').map((f) => [f.rule, f.found])).toEqual([
      ['TEXT-T4-REVIEW', 3],
      ['TEXT-T4-LITIGATION', 8],
    ]);
  });

  it('one agreeing statement is enough when a number is stated twice', () => {
    expect(runText(tables({ processed: 4 }), '办结申请4件。其中按期办结申请3件。')).toEqual([]);
  });

  it('clauses about other years or comparisons are not read', () => {
    const report = tables({ fresh: 5 });
    expect(runText(report, '较上年收到申请50件有所下降，2022年同比收到申请40件。')).toEqual([]);
    expect(runText(report, '2023年收到政府信息公开申请5件，上年收到申请9件。')).toEqual([]);
  });

  it('requests counted per channel in one sentence may add up to the table', () => {
    expect(runText(tables({ fresh: 81 }), '通过网络收到申请50件、信函收到申请31件。')).toEqual([]);
  });

  it('a clause about one kind of applicant is not the total', () => {
    expect(runText(tables({ fresh: 81 }), '本年收到自然人申请80件。')).toEqual([]);
  });

  it('other kinds of request and handled items are not compared with table 3', () => {
    const report = tables({ fresh: 5, processed: 5 });
    expect(runText(report, '全年收到行政复议申请3件，收到人大代表建议提案申请12件，办结网民留言200件。')).toEqual([]);
  });

  it('行政复议 numbers outside a 信息公开 clause are not table 4’s', () => {
    expect(runText(tables({ review: 0 }), '本机关作为复议机关，全年受理行政复议案件35件。')).toEqual([]);
  });

  it('a 其中 list naming only some kinds is not expected to add up, unless it is already above the total', () => {
    expect(runText(tables({}), '主动公开政府信息500条，其中政策文件20条、政策解读10条。')).toEqual([]);
    expect(runText(tables({}), '主动公开政府信息500条，其中政策文件20条、其他信息10条。')).toMatchObject([
      { rule: 'TEXT-ACTIVE-LIST', expected: 500, found: 30 },
    ]);
    expect(runText(tables({}), '主动公开政府信息20条，其中政策文件20条、政策解读10条。')).toMatchObject([
      { rule: 'TEXT-ACTIVE-LIST', expected: 20, found: 30 },
    ]);
    expect(runText(tables({}), '主动公开政府信息30条，其中政策文件20条、其他10条。')).toEqual([]);
  });

  it('a list that is not a plain list of N条 items is skipped', () => {
    expect(runText(tables({}), '主动公开政府信息500条，其中政策文件20条（含解读5条）、其他信息10条。')).toEqual([]);
  });

  it('checks only against numeric table cells, and never errors', () => {
    const blankNew = buildReport({ 'table3.total.newReceived': '' });
    expect(runText(blankNew, '收到政府信息公开申请6件。')).toEqual([]);
    expect(runText(tables({}), '')).toEqual([]);
    const findings = runText(tables({ fresh: 1, processed: 1, review: 1, direct: 1, post: 1, valid: 1 }),
      '收到申请9件。办结申请9件。信息公开行政复议9件、行政诉讼9件。现行有效规范性文件9件。');
    expect(findings.map((f) => f.rule)).toEqual(['TEXT-T3-NEW', 'TEXT-T3-DONE', 'TEXT-T4-REVIEW', 'TEXT-T4-LITIGATION', 'TEXT-T2-VALID']);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });
});
