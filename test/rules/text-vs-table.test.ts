/**
 * TEXT-*: numbers in the report text against the tables. Warnings only, and conservative: the text of a correct
 * report must give none.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/findings';
import type { Report } from '../../lib/report';
import { TEXT_RULES } from '../../lib/rules/text-vs-table';
import { TABLE3_COLUMNS } from '../../lib/template';
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
          zh: '正文“收到政府信息公开申请5件”按本年新收理解：5，与表三一致',
          en: 'The text\'s “收到政府信息公开申请5件” is read as the new requests: 5, as in table 3',
        },
      },
    ]);
    expect(runText(report, '本年度共收到政府信息公开申请7件。')).toMatchObject([
      {
        severity: 'info',
        target: 'table3.total.newReceived',
        parts: ['table3.total.carriedOver'],
        message: { zh: '正文“收到政府信息公开申请7件”按本年新收加上年结转理解：5 + 2 = 7，与表三一致' },
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
    expect(runText(report, '全年受理政务服务申请5000件，办理行政许可申请300件，办结来信12件。')).toEqual([]);
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

describe('TEXT-* wording: units, word order, verbs, none', () => {
  it('起, 个 and 条 are counts as well as 件', () => {
    const report = tables({ fresh: 5, review: 2, direct: 1, valid: 9 });
    expect(runText(report, '收到政府信息公开申请5个。因政府信息公开引发的行政复议2起、行政诉讼1起。现行有效规范性文件9条。')).toEqual([]);
    expect(runText(report, '收到政府信息公开申请6个。因政府信息公开引发的行政复议3起。').map((f) => [f.rule, f.found])).toEqual([
      ['TEXT-T3-NEW', 6],
      ['TEXT-T4-REVIEW', 3],
    ]);
  });

  it('a thousands separator, full-width or not, is part of the number', () => {
    expect(runText(tables({ fresh: 1234 }), '收到政府信息公开申请１，２３４件。')).toEqual([]);
    expect(runText(tables({ fresh: 1234 }), '收到政府信息公开申请1,235件。').map((f) => f.found)).toEqual([1235]);
  });

  it('a bare 办结N件 counts only when its sentence is about requests, and only right after the verb', () => {
    const report = tables({ fresh: 5, processed: 5 });
    expect(runText(report, '共收到5件申请，办结4件。').map((f) => [f.rule, f.found])).toEqual([['TEXT-T3-DONE', 4]]);
    expect(runText(report, '全年收到行政复议申请3件，办结3件。')).toEqual([]);
    expect(runText(report, '收到申请5件，办结各类事项40件。')).toEqual([]);
    expect(runText(report, '收到申请5件，延期答复2件。')).toEqual([]);
  });

  it('结转下年度: a named year must be the one after the report’s; 上年结转 is not 结转下年度', () => {
    const report = buildReport({ 'table3.total.newReceived': '5', 'table3.total.carriedForward': '1' });
    report.meta.year = 2023;
    expect(runText(report, '收到申请5件，结转至2024年2件。').map((f) => [f.rule, f.found])).toEqual([['TEXT-T3-FORWARD', 2]]);
    expect(runText(report, '收到申请5件，2022年结转至2023年的申请3件。')).toEqual([]);
    expect(runText(report, '收到申请5件，上年结转申请3件。')).toEqual([]);
    report.meta.year = null;
    expect(runText(report, '收到申请5件，结转至2024年2件。')).toEqual([]);
  });

  it('没有…行政复议或行政诉讼 is 0; words that are not about how many are not', () => {
    const none = tables({});
    const some = tables({ review: 2, direct: 1 });
    for (const text of [
      '本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。',
      '全年无因政府信息公开被申请行政复议和提起行政诉讼的情况。',
      '因政府信息公开引起的行政复议和行政诉讼案件均为零。',
    ]) {
      expect(runText(none, text), text).toEqual([]);
      expect(runText(some, text).map((f) => [f.rule, f.found]), text).toEqual([
        ['TEXT-T4-REVIEW', 0],
        ['TEXT-T4-LITIGATION', 0],
      ]);
    }
    for (const text of [
      '因政府信息公开申请引发的行政复议案件，没有被纠错的情况。',
      '无论行政复议还是行政诉讼，都依法应诉。',
      '全年无重大舆情四、政府信息公开行政复议、行政诉讼情况',
      '信息公开工作没有行政复议机关作出的纠正决定。',
    ]) {
      expect(runText(some, text), text).toEqual([]);
    }
  });

  it('未收到政府信息公开申请 is 0 new requests', () => {
    expect(runText(tables({}), '2023年本机关未收到政府信息公开申请。')).toEqual([]);
    expect(runText(tables({ fresh: 2 }), '2023年本机关未收到政府信息公开申请。').map((f) => [f.rule, f.found])).toEqual([['TEXT-T3-NEW', 0]]);
    expect(runText(tables({ fresh: 2 }), '对未收到补正材料的申请不再处理。')).toEqual([]);
  });
});

describe('TEXT-T3-CATEGORY: result categories and their shares', () => {
  /** 新收 = （七）总计 = 10: 予以公开 3, 部分公开 1, 不予公开 2, 无法提供 3, 不予处理 1, 其他处理 0. */
  const results = (cells: Record<string, string> = {}) =>
    buildReport({
      'table3.total.newReceived': '10',
      'table3.total.results.totalProcessed': '10',
      'table3.total.results.granted': '3',
      'table3.total.results.partialGrant': '1',
      'table3.total.results.denied.stateSecret': '1',
      'table3.total.results.denied.processInfo': '1',
      'table3.total.results.unableToProvide.noInfo': '3',
      'table3.total.results.notProcessed.repeat': '1',
      ...cells,
    });
  const categories = (report: Report, text: string) =>
    runText(report, text)
      .filter((f) => f.rule === 'TEXT-T3-CATEGORY')
      .map((f) => [f.outcome, f.found]);

  it('each count against its rows; 予以公开 alone may be 予以公开 or 予以公开 + 部分公开', () => {
    expect(categories(results(), '办结申请10件，其中予以公开及部分公开4件，不予公开2件，无法提供3件，不予处理1件，其他处理0件。')).toEqual([]);
    expect(categories(results(), '办结申请10件，其中予以公开3件、部分公开1件。')).toEqual([]);
    expect(categories(results(), '办结申请10件，其中予以公开4件。')).toEqual([]);
    expect(categories(results(), '办结申请10件，其中予以公开及部分公开5件，不予公开1件，其他处理1件。')).toEqual([
      ['text-disagrees', 5],
      ['text-disagrees', 1],
      ['text-disagrees', 1],
    ]);
  });

  it('a share agrees when rounded or truncated to its printed decimals, of （七）总计 or of the requests received', () => {
    const report = results({ 'table3.total.newReceived': '12', 'table3.total.carriedOver': '0' });
    // 3 ÷ 10 = 30%; 3 ÷ 12 = 25%; 2 ÷ 10 = 20%.
    expect(categories(report, '办结申请10件，无法提供3件，占30%；不予公开2件，占20.0%。')).toEqual([]);
    expect(categories(report, '收到申请12件，无法提供3件，占25%。')).toEqual([]);
    expect(categories(report, '办结申请10件，无法提供3件，占33%。')).toEqual([['share-disagrees', 33]]);
    const thirds = results({ 'table3.total.results.totalProcessed': '3', 'table3.total.newReceived': '3' });
    // 1 ÷ 3 = 33.33…%: 33.3 and 33.33 (rounded or truncated) agree, 33.4 does not.
    const one = (share: string) => categories(thirds, `办结申请3件，其中不予处理1件，占${share}%；不予公开2件。`);
    expect(one('33.3')).toEqual([]);
    expect(one('33.33')).toEqual([]);
    expect(one('33.4')).toEqual([['share-disagrees', 33.4]]);
  });

  it('a percentage that is a change is not a share', () => {
    expect(categories(results(), '办结申请10件，其中无法提供3件，占比同比上升5%；不予公开2件。')).toEqual([]);
  });

  it('the count before the category, or its share in brackets, reads the same', () => {
    expect(categories(results(), '办结的申请中，4件予以公开或部分公开（占比40%），3件无法提供。')).toEqual([]);
    expect(categories(results(), '办结的申请中，5件予以公开或部分公开，3件无法提供。')).toEqual([['text-disagrees', 5]]);
  });

  it('blank rows make the table side a lower bound: the text disagrees only when it says less', () => {
    // The 过程性信息 row blank in every column: 不予公开 is at least 1.
    const blankRow = Object.fromEntries(TABLE3_COLUMNS.map((c) => [`table3.${c.key}.results.denied.processInfo`, '']));
    const report = results(blankRow);
    expect(categories(report, '办结申请10件，其中不予公开2件，无法提供3件。')).toEqual([]);
    expect(categories(report, '办结申请10件，其中不予公开5件，无法提供3件。')).toEqual([]);
    expect(categories(report, '办结申请10件，其中不予公开0件，无法提供3件。')).toEqual([['text-disagrees', 0]]);
  });

  it('not read: one applicant kind, another year, proactive disclosure, 不予以公开, one category in a sentence about nothing else', () => {
    const report = results();
    for (const text of [
      '自然人申请中，予以公开2件，不予公开1件。',
      '较上年予以公开及部分公开增加9件，不予公开减少1件。',
      '依申请公开转主动公开的信息予以公开12条。',
      '办结申请10件，其中不予以公开2件，无法提供3件。',
      '经保密审查不予公开7条。',
    ]) {
      expect(categories(report, text), text).toEqual([]);
    }
  });

  it('the message names the rows, and a share that fits neither count is said too', () => {
    const [finding] = runText(results(), '办结申请10件，其中予以公开及部分公开5件，占50%；不予公开2件，占20%。').filter(
      (f) => f.rule === 'TEXT-T3-CATEGORY',
    );
    expect(finding).toMatchObject({
      severity: 'warning',
      target: 'table3.total.results.granted',
      expected: 4,
      found: 5,
      message: {
        zh: '正文“予以公开及部分公开5件”为 5，但表三（一）予以公开 + （二）部分公开各行总计之和为 3 + 1 = 4；所占比例 50% 亦与 4 ÷ 10（（七）总计）= 40.00% 不符',
      },
    });
  });
});
