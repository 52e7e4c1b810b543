/**
 * The CLI over many files: cross-year matching across its inputs (test/fixtures/cross-year: several bodies over
 * several years), the --csv table read back by an independent parser, --jobs 2 against --jobs 1, exit codes.
 */
import { parse } from 'csv-parse/sync';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_HEADERS } from '../lib/export/csv';
import type { CheckResult, Finding } from '../lib/findings';
import { CROSS_YEAR_DIR } from './fixtures/catalogue';
import { crossYearPages } from './fixtures/cross-year';
import { CLI_TIMEOUT, expectNoStackTrace, ROOT, runCli, type Run } from './helpers/run-cli';

const DIR = 'test/fixtures/cross-year';
const file = (name: string) => `${DIR}/${name}`;
const REALWORLD = resolve(ROOT, '../shared/realworld');

interface Entry {
  input: string;
  result: CheckResult | null;
}
const brief = (f: Finding) => `${f.rule} ${f.severity} ${f.outcome} ${f.target}`;
const crossYear = (entry: Entry) => entry.result!.findings.filter((f) => f.rule.startsWith('X-'));
/** JSON output without the timings, the one part that differs from run to run. */
const withoutTimings = (stdout: string) =>
  (JSON.parse(stdout) as Entry[]).map((e) => ({ ...e, result: e.result && { ...e.result, timings: null } }));

let scratch: string;
let jobs1: Run;
let jobs2: Run;
let csv1: string;
let csv2: string;
let entries: Map<string, Entry>;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'cli-batch-'));
  [jobs1, jobs2] = await Promise.all([
    runCli(['--json', '--jobs', '1', '--csv', join(scratch, 'jobs1.csv'), DIR], 90_000),
    runCli(['--json', '--jobs', '2', '--csv', join(scratch, 'jobs2.csv'), DIR], 90_000),
  ]);
  csv1 = readFileSync(join(scratch, 'jobs1.csv'), 'utf8');
  csv2 = readFileSync(join(scratch, 'jobs2.csv'), 'utf8');
  entries = new Map((JSON.parse(jobs1.stdout) as Entry[]).map((e) => [e.input, e]));
}, 200_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('committed cross-year pages are current (npm run fixtures)', () => {
  it('every page and the manifest match what the generator makes', () => {
    const pages = crossYearPages();
    expect(readdirSync(CROSS_YEAR_DIR).sort()).toEqual([...pages.map((p) => p.file), 'manifest.json'].sort());
    for (const page of pages) expect(readFileSync(join(CROSS_YEAR_DIR, page.file)).equals(page.bytes), `${page.file}: run npm run fixtures`).toBe(true);
  });
});

describe('check DIR: cross-year across files', () => {
  it('exits 1 (the carry-over mismatch is an error), prints nothing on stderr, one entry per page', () => {
    expect(jobs1.code).toBe(1);
    expect(jobs1.stderr).toBe('');
    expect([...entries.keys()]).toEqual(crossYearPages().map((p) => file(p.file)).sort());
  });

  it('甲局 2022: the 商业企业 carry-over mismatch is an error on 上年结转 (and on 总计), naming 2021’s report and cell', () => {
    const entry = entries.get(file('a-2022.html'))!;
    expect(entry.result!.previousYear).toMatchObject({ kind: 'found', report: { body: '测试市甲局', year: 2021, source: file('a-2021.html') } });
    expect(crossYear(entry).map(brief)).toEqual([
      'X-CARRY error mismatch table3.legalPerson.commercial.carriedOver',
      'X-CARRY error mismatch table3.total.carriedOver',
    ]);
    expect(crossYear(entry)[0]).toMatchObject({
      expected: 1,
      found: 0,
      previousYear: { report: { source: file('a-2021.html') }, cells: ['table3.legalPerson.commercial.carriedForward'] },
    });
    // The page is sound in itself: the cross-year errors are its only errors.
    expect(entry.result!.findings.filter((f) => f.severity === 'error').every((f) => f.rule === 'X-CARRY')).toBe(true);
  });

  it('甲局 2023: a blank carry-over cannot be verified (7 warnings), and the cleaned-up stock is an X-T2 note', () => {
    const entry = entries.get(file('a-2023.html'))!;
    const findings = crossYear(entry);
    expect(findings.filter((f) => f.rule === 'X-CARRY').map((f) => `${f.severity} ${f.outcome}`)).toEqual(Array(7).fill('warning total-blank'));
    expect(findings.filter((f) => f.rule === 'X-T2').map((f) => `${f.severity} ${f.formula}`)).toEqual(['info 105 + 3 − 50 = 58 ≠ 20']);
  });

  it('乙局 2023 finds 2022 although the body is printed with （） one year and () the other, and carries over cleanly', () => {
    const entry = entries.get(file('b-2023.html'))!;
    expect(entry.result!.previousYear).toMatchObject({ kind: 'found', report: { source: file('b-2022.html') } });
    expect(crossYear(entry)).toEqual([]);
  });

  it('丙局 2023: two 2022 reports, so it says the match is ambiguous, names both and checks nothing', () => {
    const entry = entries.get(file('c-2023.html'))!;
    expect(entry.result!.previousYear).toMatchObject({
      kind: 'ambiguous',
      candidates: [{ source: file('c-2022-revised.html') }, { source: file('c-2022.html') }],
    });
    expect(crossYear(entry).map(brief)).toEqual(['X-CARRY info ambiguous-previous null']);
  });

  it('the first year of a body, and a body with one report, have none', () => {
    for (const name of ['a-2021.html', 'b-2022.html', 'd-2023.html']) {
      expect(entries.get(file(name))!.result!.previousYear).toEqual({ kind: 'none', reason: 'not-found' });
      expect(crossYear(entries.get(file(name))!)).toEqual([]);
    }
  });

  it('the text report says which previous-year report each page was checked against', async () => {
    const run = await runCli([file('a-2021.html'), file('a-2022.html')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`上年报告：《测试市甲局2021年政府信息公开工作年度报告》 (${file('a-2021.html')})`);
    expect(run.stdout).toContain('✗ [X-CARRY] 商业企业：本年“二、上年结转”为 0，上年“四、结转下年度继续办理”为 1，两者应相等');
  }, CLI_TIMEOUT);
});

describe('--csv', () => {
  it('is Excel-ready: a UTF-8 BOM, CRLF line ends, and it parses back to one row per page', () => {
    expect(csv1.startsWith('\ufeff')).toBe(true);
    expect(csv1.endsWith('\r\n')).toBe(true);
    expect(csv1).not.toMatch(/[^\r]\n/);
    const rows = parse(csv1, { bom: true }) as string[][];
    expect(rows[0]).toEqual(SUMMARY_HEADERS);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...entries.keys()]);
  });

  it('each row agrees with the JSON result of the same page', () => {
    const rows = (parse(csv1, { bom: true, columns: true }) as Record<string, string>[]).map((r) => Object.values(r));
    // The pages whose cross-year columns are asserted below: they must be among the rows, or those checks never run.
    for (const name of ['a-2022.html', 'a-2023.html', 'c-2023.html']) expect(rows.filter(([input]) => input.endsWith(name))).toHaveLength(1);
    expect(rows.some(([input]) => entries.get(input)!.result!.previousYear?.kind === 'found')).toBe(true);
    for (const [input, body, year, , status, errors, , blanks, , previous, carry, stock] of rows) {
      const result = entries.get(input)!.result!;
      expect(body).toBe(result.report!.meta.organ);
      expect(Number(year)).toBe(result.report!.meta.year);
      expect(status).toBe('已检查');
      // Counted in causes (lib/causes.ts): a blank column group is one blank, each mismatching column one error.
      expect(Number(errors)).toBe(result.causes.filter((c) => c.severity === 'error').length);
      expect(Number(blanks)).toBe(result.causes.filter((c) => c.rule === 'BLANK').length);
      if (result.previousYear?.kind === 'found') expect(previous).toBe(result.previousYear.report.source);
      else if (result.previousYear?.kind === 'ambiguous') expect(previous).toMatch(/^不唯一（\d+ 份）：/);
      else expect(previous).toBe({ 'not-found': '未找到', 'no-body': '无机关名', 'no-year': '无年度' }[result.previousYear!.reason]);
      if (input.endsWith('a-2022.html')) expect([carry, stock]).toEqual(['✗ 2 处不符', '✓ 相符']);
      if (input.endsWith('a-2023.html')) expect([carry, stock]).toEqual(['! 7 处无法核对', 'i 1 条提示']);
      if (input.endsWith('c-2023.html')) expect(carry).toBe('未核对');
    }
  });

  it('lists an unreadable input as a row that says why, and the exit code stays 2', async () => {
    const out = join(scratch, 'missing.csv');
    const run = await runCli(['--csv', out, file('d-2023.html'), join(scratch, 'gone.html')]);
    expect(run.code).toBe(2);
    const rows = parse(readFileSync(out, 'utf8'), { bom: true }) as string[][];
    expect(rows.map((r) => r[4])).toEqual([SUMMARY_HEADERS[4], '已检查', '无法读取']);
    expect(rows[2][12]).toBe('文件或目录不存在');
    expectNoStackTrace(run);
  }, CLI_TIMEOUT);

  it('a file that cannot be created is a clear message and exit 2, before any page is checked', async () => {
    const run = await runCli(['--csv', join(scratch, 'no-such-dir', 'out.csv'), file('d-2023.html')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^无法写入 cannot write .*out\.csv: 无法创建文件（ENOENT）\n$/);
    expect(run.stdout).toBe('');
  }, CLI_TIMEOUT);
});

describe('--jobs', () => {
  it('--jobs 2 gives the same results, CSV and exit code as --jobs 1', () => {
    expect(jobs2.code).toBe(jobs1.code);
    expect(jobs2.stderr).toBe(jobs1.stderr);
    expect(withoutTimings(jobs2.stdout)).toEqual(withoutTimings(jobs1.stdout));
    expect(csv2).toBe(csv1);
  });

  it('the text report is byte for byte the same, unreadable inputs included', async () => {
    const scrambled = join(scratch, 'mixed');
    mkdirSync(scrambled);
    for (const name of ['a-2022.html', 'a-2021.html', 'c-2023.html']) copyFileSync(join(CROSS_YEAR_DIR, name), join(scrambled, name));
    const args = [scrambled, join(scratch, 'gone.html'), join(REALWORLD, 'pingtan-2022.html'), join(REALWORLD, 'pingtan-2021.html')];
    const [one, two] = await Promise.all([runCli(['--jobs', '1', ...args], 90_000), runCli(['--jobs', '2', ...args], 90_000)]);
    expect(one.code).toBe(2);
    expect(two).toEqual(one);
    // No warning: pingtan-2021's 商业企业 column is read under its misaligned Word-paste header (no MISSING any more).
    expect(one.stdout).toContain('共检查 5 个页面：1 个有错误，4 个无错误；共 2 处错误、0 处警告；1 个输入无法读取。');
  }, 100_000);
});

describe('the Pingtan series through the CLI (real pages)', () => {
  it('X-CARRY holds on every pair; the 行政规范性文件 stock holds 2021 → 2022 and gives notes after', async () => {
    const files = [2025, 2021, 2023, 2022, 2024].map((y) => join(REALWORLD, `pingtan-${y}.html`));
    const run = await runCli(['--json', ...files], 90_000);
    expect(run.code).toBe(0);
    const byYear = new Map((JSON.parse(run.stdout) as Entry[]).map((e) => [e.result!.report!.meta.year, e]));
    for (const year of [2022, 2023, 2024, 2025]) {
      expect(byYear.get(year)!.result!.previousYear).toMatchObject({ kind: 'found', report: { year: year - 1 } });
      expect(byYear.get(year)!.result!.findings.filter((f) => f.rule === 'X-CARRY')).toEqual([]);
    }
    const stockNotes = (year: number) => byYear.get(year)!.result!.findings.filter((f) => f.rule === 'X-T2').map((f) => f.formula);
    expect(stockNotes(2022)).toEqual([]);
    expect([2023, 2024, 2025].map(stockNotes)).toEqual([['698 + 77 − 132 = 643 ≠ 470'], ['470 + 62 − 33 = 499 ≠ 440'], ['440 + 58 − 45 = 453 ≠ 546']]);
  }, 100_000);
});
