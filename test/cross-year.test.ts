/**
 * Cross-year checking end to end on real pages: the compact previous-year record, body-name matching by year − 1,
 * withPreviousYear, and the Pingtan series 2021 → 2025 (../shared/realworld), which carries over cleanly.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import { withPreviousYear } from '../lib/cross-year/apply';
import { bodyKey } from '../lib/cross-year/body-name';
import { matchPreviousYear, YearIndex } from '../lib/cross-year/match';
import { CARRIED_FORWARD_PATHS, toYearRecord, YEAR_RECORD_PATHS, type YearRecord } from '../lib/cross-year/record';
import { cellAt } from '../lib/paths';
import { loadHtml } from '../lib/sources/cheerio';
import { recordOf } from './helpers/year-pair';

const REALWORLD = resolve(__dirname, '../../shared/realworld');
const YEARS = [2021, 2022, 2023, 2024, 2025];
const file = (year: number) => join(REALWORLD, `pingtan-${year}.html`);
const checked = new Map(YEARS.map((year) => [year, checkDocument(loadHtml(readFileSync(file(year), 'utf8'))).result]));
const records = YEARS.map((year) => toYearRecord(checked.get(year)!.report!, file(year)));

describe('bodyKey', () => {
  it('ignores width, spaces, quotes, brackets and a leading 关于, and nothing else', () => {
    expect(bodyKey('平潭综合实验区')).toBe('平潭综合实验区');
    expect(bodyKey(' 平潭 综合实验区\u3000')).toBe('平潭综合实验区');
    expect(bodyKey('中共重庆高新区工作委员会党群工作部（人才服务中心）')).toBe(bodyKey('中共重庆高新区工作委员会党群工作部(人才服务中心)'));
    expect(bodyKey('关于沭阳县发展和改革局')).toBe('沭阳县发展和改革局');
    expect(bodyKey('沭阳县发展和改革局')).not.toBe(bodyKey('沭阳县发改局'));
    expect(bodyKey('党群工作部（人才服务中心）')).not.toBe(bodyKey('党群工作部'));
    expect(bodyKey(null)).toBeNull();
    expect(bodyKey('（）')).toBeNull();
  });
});

describe('toYearRecord', () => {
  it('keeps only the cells a later year reads, with the report’s identity, and survives JSON', () => {
    const record = records[0];
    expect(Object.keys(records[1].cells).sort()).toEqual([...YEAR_RECORD_PATHS].sort());
    // A cell the page does not have is left out (pingtan-2021's 商业企业 column is not read today: MISSING says so).
    expect(YEAR_RECORD_PATHS).toEqual(expect.arrayContaining(Object.keys(record.cells)));
    expect(Object.values(record.cells).every((cell) => cell.kind !== 'missing')).toBe(true);
    expect(record.identity).toEqual({ body: '平潭综合实验区', year: 2021, title: '平潭综合实验区2021年度政府信息公开工作年度报告', source: file(2021) });
    expect(record.cells['table3.naturalPerson.carriedForward']).toEqual({ raw: '1', kind: 'number', value: 1 });
    expect(record.cells['table2.normativeDocuments.valid'].value).toBe(665);
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    expect(JSON.stringify(record).length).toBeLessThan(2000);
  });

  it('prefers the page URL to the file as the source', () => {
    const html = readFileSync(file(2023), 'utf8');
    const { result } = checkDocument(loadHtml(html), { url: 'https://www.pingtan.gov.cn/zwgk/t2024.htm' });
    expect(toYearRecord(result.report!, 'saved.html').identity.source).toBe('https://www.pingtan.gov.cn/zwgk/t2024.htm');
  });
});

describe('matching the previous year', () => {
  it('finds the same body’s year − 1 among the Pingtan series, and none for the first year', () => {
    const index = new YearIndex(records);
    expect(index.previousOf(records[0].identity)).toEqual({ kind: 'none', reason: 'not-found' });
    for (let i = 1; i < records.length; i++) {
      expect(index.previousOf(records[i].identity)).toEqual({ kind: 'found', previous: records[i - 1] });
    }
  });

  it('does not pair another body, or a year two back', () => {
    const other = { ...recordOf(2022), identity: { ...recordOf(2022).identity, body: '平潭综合实验区财政金融局', source: 'x.html' } };
    expect(matchPreviousYear(recordOf(2023).identity, [other, recordOf(2021)])).toEqual({ kind: 'none', reason: 'not-found' });
  });

  it('two candidates are ambiguous and both are offered; the same source read twice is one', () => {
    const a = recordOf(2022);
    const b = { ...recordOf(2022), identity: { ...recordOf(2022).identity, source: 'copy/2022.html' } };
    expect(matchPreviousYear(recordOf(2023).identity, [a, b])).toEqual({ kind: 'ambiguous', candidates: [a, b] });
    expect(matchPreviousYear(recordOf(2023).identity, [a, recordOf(2022)])).toEqual({ kind: 'found', previous: a });
  });

  it('a report without a body or a year has no previous year, and says why', () => {
    const pool = [recordOf(2022)];
    expect(matchPreviousYear({ ...recordOf(2023).identity, body: null }, pool)).toEqual({ kind: 'none', reason: 'no-body' });
    expect(matchPreviousYear({ ...recordOf(2023).identity, year: null }, pool)).toEqual({ kind: 'none', reason: 'no-year' });
  });
});

describe('the Pingtan series 2021 → 2025 (real pages)', () => {
  const index = new YearIndex(records);
  const crossYear = (year: number) => {
    const i = YEARS.indexOf(year);
    return withPreviousYear(checked.get(year)!, index.previousOf(records[i].identity));
  };

  it('X-CARRY passes on every pair, and the pairs compare real numbers (2021 → 2022: 1 in 自然人)', () => {
    for (const year of YEARS.slice(1)) {
      const result = crossYear(year);
      expect(result.previousYear).toMatchObject({ kind: 'found', report: { year: year - 1, source: file(year - 1) } });
      expect(result.findings.filter((f) => f.rule === 'X-CARRY')).toEqual([]);
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
    expect(cellAt(checked.get(2021)!.report!, 'table3.naturalPerson.carriedForward')?.value).toBe(1);
    expect(cellAt(checked.get(2022)!.report!, 'table3.naturalPerson.carriedOver')?.value).toBe(1);
    expect(cellAt(checked.get(2025)!.report!, 'table3.total.carriedForward')?.value).toBe(6);
  });

  it('X-CARRY fails when last year’s 四 is changed in one column: one error, on that column', () => {
    const changed: YearRecord = {
      ...records[0],
      cells: { ...records[0].cells, 'table3.naturalPerson.carriedForward': { raw: '2', kind: 'number', value: 2 } },
    };
    const result = withPreviousYear(checked.get(2022)!, { kind: 'found', previous: changed });
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.rule} ${f.target} ${f.expected} ${f.found}`)).toEqual(['X-CARRY table3.naturalPerson.carriedOver 2 1']);
  });

  it('the 行政规范性文件 balance holds 2021 → 2022 (665 + 88 − 55 = 698) and gives info notes after', () => {
    expect(crossYear(2022).findings.filter((f) => f.rule === 'X-T2')).toEqual([]);
    const notes = YEARS.slice(2).map((year) => crossYear(year).findings.filter((f) => f.rule === 'X-T2'));
    expect(notes.map((n) => n.map((f) => `${f.severity} ${f.target} ${f.formula}`))).toEqual([
      ['info table2.normativeDocuments.valid 698 + 77 − 132 = 643 ≠ 470'],
      ['info table2.normativeDocuments.valid 470 + 62 − 33 = 499 ≠ 440'],
      ['info table2.normativeDocuments.valid 440 + 58 − 45 = 453 ≠ 546'],
    ]);
  });

  it('withPreviousYear gives what checkDocument gives with the previous year up front, and replaces rather than adds', () => {
    const html = readFileSync(file(2023), 'utf8');
    const match = index.previousOf(records[2].identity);
    const direct = checkDocument(loadHtml(html), { previousYear: match }).result;
    const after = withPreviousYear(checked.get(2023)!, match);
    expect(after.findings).toEqual(direct.findings);
    expect(after.previousYear).toEqual(direct.previousYear);
    expect(withPreviousYear(after, match).findings).toEqual(direct.findings);
  });

  it('every carried-forward path of the record is a table-3 四 cell', () => {
    expect(CARRIED_FORWARD_PATHS.every((p) => p.endsWith('.carriedForward'))).toBe(true);
  });
});
