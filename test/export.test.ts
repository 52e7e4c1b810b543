import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import { ALL_PATHS, cellAt, layoutOf, templatePaths } from '../lib/paths';
import { REPORT_SCHEMA_VERSION } from '../lib/report-constants';
import { loadHtml } from '../lib/sources/cheerio';
import { exportDocument, exportFileName, exportJson } from '../lib/export/json';
import { cellText, reportToTsv, tableToTsv, tsvField } from '../lib/export/tsv';
import type { Finding } from '../lib/findings';
import { TABLE2_ITEMS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../lib/template';
import { reportFromRaw, resultFor, schemaValidator, seed004Values } from './export-fixture';

const meta = { title: '某区2023年政府信息公开工作年度报告', organ: '某区人民政府', year: 2023, url: 'http://example.gov.cn/a.html' };

const resultsMismatch: Finding = {
  rule: 'T3-RESULTS',
  severity: 'error',
  outcome: 'mismatch',
  table: 'table3',
  target: 'table3.naturalPerson.results.totalProcessed',
  parts: ['table3.naturalPerson.results.denied.internalAffairs', 'table3.naturalPerson.results.unableToProvide.noInfo'],
  expected: 3,
  found: 1,
  formula: '0 + … + 1 + 2 + … + 0 = 3 ≠ 1',
  message: { zh: '（七）总计应为 3，实为 1', en: '(7) Total processed should be 3, found 1' },
};
const textWarning: Finding = {
  rule: 'TEXT-T2-SUM',
  severity: 'warning',
  outcome: 'text-disagrees',
  table: 'text',
  target: null,
  parts: [],
  message: { zh: '正文“主动公开政府信息127条”与其中各项之和 122 不符', en: 'The text says 127 but its parts sum to 122' },
};

function seed004Result() {
  const report = reportFromRaw(seed004Values(), meta);
  const result = resultFor(report, [resultsMismatch, textWarning]);
  result.suspects = [{ path: 'table3.naturalPerson.results.unableToProvide.noInfo', suggested: 0 }];
  return result;
}

function lines(tsv: string) {
  return tsv.split('\n');
}

describe('JSON export', () => {
  const validate = schemaValidator();

  it('the whole report with its findings and suspects validates against the published schema', () => {
    const text = exportJson(seed004Result())!;
    const doc = JSON.parse(text);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(doc.scope).toBe('report');
    expect(doc.findings.map((f: Finding) => f.rule)).toEqual(['T3-RESULTS', 'TEXT-T2-SUM']);
    expect(doc.causes.map((c: { rule: string; findings: number[] }) => [c.rule, c.findings])).toEqual([
      ['T3-RESULTS', [0]],
      ['TEXT-T2-SUM', [1]],
    ]);
    expect(doc.suspects).toEqual([{ path: 'table3.naturalPerson.results.unableToProvide.noInfo', suggested: 0 }]);
    expect(doc.report.table3.naturalPerson.results.unableToProvide.noInfo).toEqual({ raw: '2', kind: 'number', value: 2 });
    expect(doc.report.meta).toEqual(meta);
  });

  it('one table keeps only that table, its findings and its suspects, and still validates', () => {
    const doc = exportDocument(seed004Result(), 'table4')!;
    expect(validate(JSON.parse(JSON.stringify(doc))), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.scope).toBe('table4');
    expect(doc.report.table2).toBeNull();
    expect(doc.report.table3).toBeNull();
    expect(doc.report.table4?.review.total).toEqual({ raw: '0', kind: 'zero', value: 0 });
    expect(doc.findings).toEqual([]);
    expect(doc.suspects).toEqual([]);

    expect(doc.causes).toEqual([]);

    const table3 = exportDocument(seed004Result(), 'table3')!;
    expect(table3.findings.map((f) => f.rule)).toEqual(['T3-RESULTS']);
    expect(table3.causes.map((c) => [c.rule, c.findings])).toEqual([['T3-RESULTS', [0]]]);
    expect(table3.suspects).toHaveLength(1);
    expect(table3.report.table3).not.toBeNull();
  });

  it('keeps the raw text beside each value: separators, full-width digits, n/a marks, text and blanks', () => {
    const values = {
      ...seed004Values(),
      'table2.fees': '18,651.06',
      'table2.licensing': '１２',
      'table2.punishment': '／',
      'table2.coercion': '详见附件',
      'table4.review.total': '\u3000',
    };
    const doc = JSON.parse(exportJson(resultFor(reportFromRaw(values, meta)))!);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.report.table2.fees).toEqual({ raw: '18,651.06', kind: 'number', value: 18651.06 });
    expect(doc.report.table2.licensing).toEqual({ raw: '１２', kind: 'number', value: 12 });
    expect(doc.report.table2.punishment).toEqual({ raw: '／', kind: 'na', value: null });
    expect(doc.report.table2.coercion).toEqual({ raw: '详见附件', kind: 'text', value: null });
    expect(doc.report.table4.review.total).toEqual({ raw: '\u3000', kind: 'blank', value: null });
  });

  it('a cell absent from the page is exported as missing and validates', () => {
    const values = seed004Values();
    delete values['table3.legalPerson.legal.carriedOver'];
    const doc = JSON.parse(exportJson(resultFor(reportFromRaw(values)))!);
    expect(validate(doc)).toBe(true);
    expect(doc.report.table3.legalPerson.legal.carriedOver).toEqual({ raw: '', kind: 'missing', value: null });
  });

  it('says there is nothing to export when no report was found, and a document with a broken cell fails the schema', () => {
    const none = { ...seed004Result(), status: 'no-report' as const, report: null };
    expect(exportJson(none)).toBeNull();
    const doc = exportDocument(seed004Result())!;
    (doc.report.table3!.total as unknown as Record<string, unknown>).newReceived = { raw: '2', kind: 'number' };
    expect(validate(JSON.parse(JSON.stringify(doc)))).toBe(false);
  });

  it('names the download after the organ and year', () => {
    const report = reportFromRaw(seed004Values(), { organ: '某区 人民政府', year: 2023 });
    expect(exportFileName(report)).toBe('某区_人民政府-2023-年报核验.json');
    expect(exportFileName(report, 'table3')).toBe('某区_人民政府-2023-table3-年报核验.json');
    expect(exportFileName(reportFromRaw({}))).toBe('年报核验.json');
  });
});

describe('TSV export', () => {
  it('has three blocks, one per table, each starting with the table heading', () => {
    const tsv = reportToTsv(reportFromRaw(seed004Values(), meta));
    const blocks = tsv.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks.map((b) => lines(b)[0])).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
  });

  it('table 3: the template labels on rows and columns, values as numbers in their cells', () => {
    const rows = lines(tableToTsv(reportFromRaw(seed004Values()), 'table3').trimEnd()).map((l) => l.split('\t'));
    expect(rows).toHaveLength(1 + 1 + TABLE3_ROWS.length);
    expect(rows[1]).toEqual(['', '', ...TABLE3_COLUMNS.map((c) => c.zh)]);
    expect(rows.slice(2).map((r) => r[1])).toEqual(TABLE3_ROWS.map((r) => r.zh));
    const noInfo = rows.find((r) => r[1] === '1.本机关不掌握相关政府信息')!;
    expect(noInfo[0]).toBe('（四）无法提供');
    expect(noInfo.slice(2)).toEqual(['2', '0', '0', '0', '0', '0', '2']);
    const totalProcessed = rows.find((r) => r[1] === '（七）总计')!;
    expect(totalProcessed.slice(2)).toEqual(['1', '1', '0', '0', '0', '0', '2']);
    expect(rows.slice(1).every((r) => r.length === 9)).toBe(true);
  });

  it('table 2: each template block with its caption and header; single values under their own header', () => {
    const values = { ...seed004Values(), 'table2.regulations.valid': '5', 'table2.fees': '5949.088667' };
    const rows = lines(tableToTsv(reportFromRaw(values), 'table2').trimEnd()).map((l) => l.split('\t'));
    expect(rows.map((r) => r[0])).toEqual([
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容',
      '规章',
      '行政规范性文件',
      '第二十条第（五）项',
      '信息内容',
      '行政许可',
      '第二十条第（六）项',
      '信息内容',
      '行政处罚',
      '行政强制',
      '第二十条第（八）项',
      '信息内容',
      '行政事业性收费',
    ]);
    expect(rows[2]).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(rows[3]).toEqual(['规章', '0', '0', '5']);
    expect(rows[13]).toEqual(['信息内容', '本年收费金额（单位：万元）']);
    expect(rows[14]).toEqual(['行政事业性收费', '5949.088667']);
    expect(rows.filter((r) => TABLE2_ITEMS.some((i) => i.zh === r[0]))).toHaveLength(TABLE2_ITEMS.length);
  });

  it('table 4: one row per block, the five result columns', () => {
    const values = { ...seed004Values(), 'table4.review.maintain': '3', 'table4.review.total': '3' };
    const rows = lines(tableToTsv(reportFromRaw(values), 'table4').trimEnd()).map((l) => l.split('\t'));
    expect(rows[1]).toEqual(['类别', ...TABLE4_COLUMNS.map((c) => c.zh)]);
    expect(rows.slice(2).map((r) => r[0])).toEqual(TABLE4_BLOCKS.map((b) => b.zh));
    expect(rows[2]).toEqual(['行政复议', '3', '0', '0', '0', '3']);
  });

  it('keeps raw text where a cell is not a number, and leaves blank and missing cells empty', () => {
    const values = {
      ...seed004Values(),
      'table4.review.maintain': '/',
      'table4.review.correct': ' 详见附件 ',
      'table4.review.other': '',
      'table4.review.unfinished': '1,234',
    };
    delete (values as Record<string, string>)['table4.review.total'];
    const review = lines(tableToTsv(reportFromRaw(values), 'table4'))[2].split('\t');
    expect(review).toEqual(['行政复议', '/', '详见附件', '', '1234', '']);
  });

  it('quotes fields that hold a tab, a line break or a double quote, doubling inner quotes', () => {
    expect(tsvField('plain 文本')).toBe('plain 文本');
    expect(tsvField('a\tb')).toBe('"a\tb"');
    expect(tsvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(tsvField('say "2件"')).toBe('"say ""2件"""');
    const values = { ...seed004Values(), 'table2.coercion': '见"附件"\n第2页\t表3' };
    const tsv = tableToTsv(reportFromRaw(values), 'table2');
    expect(tsv).toContain('行政强制\t"见""附件""\n第2页\t表3"\n');
    expect(cellText({ raw: '2件', kind: 'text', value: null })).toBe('2件');
  });

  it('says so when a table was not found, and can label in English', () => {
    const report = { ...reportFromRaw(seed004Values()), table4: null };
    expect(tableToTsv(report, 'table4')).toBe('四、政府信息公开行政复议、行政诉讼情况\n（本页未找到此表）\n');
    const en = tableToTsv(reportFromRaw(seed004Values()), 'table4', 'en');
    expect(lines(en)[1].split('\t')).toEqual(['Kind', ...TABLE4_COLUMNS.map((c) => c.en)]);
  });
});

describe('exports of reports the engine parsed from real-shaped pages', () => {
  const pagesDir = resolve(import.meta.dirname, 'fixtures/pages');
  const realworldDir = resolve(import.meta.dirname, '../../shared/realworld');
  const manifest: { file: string; encoding: string; kind: string }[] = JSON.parse(
    readFileSync(join(pagesDir, 'manifest.json'), 'utf8'),
  );
  const pages = [
    ...manifest.filter((p) => p.encoding === 'utf-8' && p.kind !== 'huge').map((p) => join(pagesDir, p.file)),
    ...readdirSync(realworldDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(realworldDir, f)),
  ];
  const validate = schemaValidator();

  const withReport: string[] = [];
  for (const file of pages) {
    const name = file.split('/').slice(-1)[0];
    it(`${name}: whole and per-table JSON validate, every cell is kept, TSV has three blocks`, () => {
      const { result } = checkDocument(loadHtml(readFileSync(file, 'utf8')));
      if (!result.report) {
        expect(exportJson(result)).toBeNull();
        return;
      }
      withReport.push(name);
      for (const scope of ['report', 'table2', 'table3', 'table4'] as const) {
        const doc = JSON.parse(exportJson(result, scope)!);
        expect(validate(doc), `${scope}: ${JSON.stringify(validate.errors)}`).toBe(true);
        // The causes still partition the document's own findings after a table's findings are picked out.
        const indexes = (doc.causes as { findings: number[] }[]).flatMap((c) => c.findings).sort((a, b) => a - b);
        expect(indexes, scope).toEqual(doc.findings.map((_: unknown, i: number) => i));
      }
      const doc = JSON.parse(exportJson(result)!);
      const paths = templatePaths(layoutOf(result.report));
      expect(paths.filter((path) => cellAt(result.report!, path)), 'cells of the report’s own layout').toHaveLength(paths.length);
      for (const path of paths) expect(cellAt(doc.report, path), path).toEqual(cellAt(result.report, path));
      expect(reportToTsv(result.report).trimEnd().split('\n\n')).toHaveLength(3);
    });
  }

  it('004-blank-cms, table 3 alone: the blank columns stay one cause holding all its 160 findings, renumbered', () => {
    const { result } = checkDocument(loadHtml(readFileSync(join(pagesDir, '004-blank-cms.html'), 'utf8')));
    const doc = exportDocument(result, 'table3')!;
    expect(doc.causes.map((c) => [c.kind, c.severity, c.findings.length])).toEqual([
      ['finding', 'error', 1],
      ['finding', 'error', 1],
      ['blank-columns', 'warning', 160],
    ]);
    const blank = doc.causes[2];
    expect(blank.findings.filter((i) => doc.findings[i].rule === 'BLANK')).toHaveLength(125);
    // The equation of a folded sum survives the export: its operands are the blank cells.
    const open = doc.findings[blank.findings[0]];
    expect(open.equation?.totals[0].kind).toBe('blank');
  });

  it('most of those pages hold a report (the loop above did test something)', () => {
    expect(withReport.length).toBeGreaterThanOrEqual(50);
  });

  it('shanghai-2019 (the 2019 format): table 2 pastes by the 2019 blocks, table 3 with （六） as one row', () => {
    const { result } = checkDocument(loadHtml(readFileSync(join(realworldDir, 'shanghai-2019.html'), 'utf8')));
    const table2 = lines(tableToTsv(result.report!, 'table2').trimEnd()).map((l) => l.split('\t'));
    expect(table2.slice(1, 4)).toEqual([
      ['第二十条第（一）项'],
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      ['规章', '13', '13', '524'],
    ]);
    expect(table2).toContainEqual(['信息内容', '上一年项目数量', '本年增/减', '处理决定数量']);
    expect(table2).toContainEqual(['政府集中采购', '6', '251000']);
    const table3 = lines(tableToTsv(result.report!, 'table3').trimEnd()).map((l) => l.split('\t'));
    expect(table3).toHaveLength(2 + 23);
    expect(table3.filter((r) => r[1]?.includes('其他处理'))).toEqual([['', '（六）其他处理', '', '', '', '', '', '', '']]);
  });

  it('pingtan-2023 (a real page): the fee keeps its decimals and table 3 pastes with its published numbers', () => {
    const { result } = checkDocument(loadHtml(readFileSync(join(realworldDir, 'pingtan-2023.html'), 'utf8')));
    const report = result.report!;
    expect(report.table2?.fees).toMatchObject({ kind: 'number', value: 5949.088667 });
    expect(lines(tableToTsv(report, 'table2'))).toContain('行政事业性收费\t5949.088667');
    const rows = lines(tableToTsv(report, 'table3')).map((l) => l.split('\t'));
    const newReceived = rows.find((r) => r[1] === TABLE3_ROWS[0].zh)!;
    // As published (shared/realworld/README.md, table 3 row 一、本年新收).
    expect(newReceived.slice(2)).toEqual(['80', '1', '0', '0', '0', '0', '81']);
  });
});
