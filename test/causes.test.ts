/** lib/causes.ts: findings grouped by cause, on real pages and on reports built cell by cell. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupByCause } from '../lib/causes';
import { checkDocument } from '../lib/check';
import type { Cause, CheckResult, Finding } from '../lib/findings';
import { table3Path, table4Path } from '../lib/paths';
import { runRules } from '../lib/rules/registry';
import { loadHtml } from '../lib/sources/cheerio';
import { TABLE3_ROWS } from '../lib/template';
import { buildReport, MISSING, type CellSpec } from './helpers/report-builder';

const ROOT = join(import.meta.dirname, '..');
const check = (path: string): CheckResult => checkDocument(loadHtml(readFileSync(join(ROOT, path), 'utf8'))).result;
const LEGAL = ['commercial', 'research', 'social', 'legal', 'other'].map((k) => `legalPerson.${k}`);

/** Every finding in exactly one cause. */
function expectPartition(result: { findings: Finding[]; causes: Cause[] }) {
  const seen = result.causes.flatMap((c) => c.findings).sort((a, b) => a - b);
  expect(seen).toEqual(result.findings.map((_, i) => i));
}

describe('blank 法人或其他组织 columns: one cause', () => {
  it.each([
    '../shared/realworld/shuyang-2023.html',
    'test/fixtures/pages/000-blank-plain.html',
    'test/fixtures/pages/004-blank-cms.html',
    'test/fixtures/pages/003-blank-word.html',
  ])('%s', (page) => {
    const result = check(page);
    expectPartition(result);
    const blank = result.causes.filter((c) => c.kind === 'blank-columns');
    expect(blank).toHaveLength(1);
    const [cause] = blank;
    expect(cause).toMatchObject({ severity: 'warning', rule: 'BLANK', table: 'table3', target: table3Path('legalPerson.commercial', 'newReceived') });
    expect(cause.message.zh).toMatch(/^表三 法人或其他组织 5 列整列空白（125 格），应填 0（另有 \d+ 项核对取决于这些空白格）$/);
    expect(cause.message.en).toContain('the 5 legal-person (法人或其他组织) columns are blank throughout (125 cells)');
    const members = cause.findings.map((i) => result.findings[i]);
    expect(members.filter((f) => f.rule === 'BLANK')).toHaveLength(125);
    // Every BLANK of the page, and every sum those blanks alone leave open, is in it; no error is.
    expect(result.findings.filter((f) => f.rule === 'BLANK')).toHaveLength(125);
    expect(members.every((f) => f.severity !== 'error')).toBe(true);
    expect(result.causes.filter((c) => c !== cause).flatMap((c) => c.findings.map((i) => result.findings[i].outcome))).not.toContain('blank');
  });

  it('shuyang-2023 (real page): 160 findings (125 BLANK, 10 total-blank, 25 blanks-as-zero) are one warning', () => {
    const result = check('../shared/realworld/shuyang-2023.html');
    expect(result.findings).toHaveLength(160);
    expect(result.causes).toHaveLength(1);
    expect(result.causes[0].message.zh).toBe('表三 法人或其他组织 5 列整列空白（125 格），应填 0（另有 35 项核对取决于这些空白格）');
    const outcomes = result.findings.map((f) => f.outcome);
    expect(outcomes.filter((o) => o === 'total-blank')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'blanks-as-zero')).toHaveLength(25);
  });

  it('004-blank-cms: the blank columns are one cause; the seed\'s two T3-RESULTS errors stay two causes', () => {
    const result = check('test/fixtures/pages/004-blank-cms.html');
    expect(result.causes.map((c) => [c.severity, c.kind, c.rule, c.findings.length])).toEqual([
      ['error', 'finding', 'T3-RESULTS', 1],
      ['error', 'finding', 'T3-RESULTS', 1],
      ['warning', 'blank-columns', 'BLANK', 160],
    ]);
    // The three T3-ROW rows whose filled part is below the total (row 一: 1 + blanks < 2) fold in: only blanks leave them open.
    const cause = result.causes[2];
    const rowWarnings = cause.findings.map((i) => result.findings[i]).filter((f) => f.rule === 'T3-ROW' && f.severity === 'warning');
    expect(rowWarnings.map((f) => f.target)).toEqual([
      table3Path('total', 'newReceived'),
      table3Path('total', 'results.granted'),
      table3Path('total', 'results.totalProcessed'),
    ]);
  });

  it('003-blank-word: the blank columns and the page text\'s own list sum are two causes', () => {
    const result = check('test/fixtures/pages/003-blank-word.html');
    expect(result.causes.map((c) => [c.kind, c.rule])).toEqual([
      ['blank-columns', 'BLANK'],
      ['finding', 'TEXT-ACTIVE-LIST'],
    ]);
  });
});

describe('other causes', () => {
  const groups = (cells: Parameters<typeof buildReport>[0], options?: Parameters<typeof buildReport>[1], text = '') => {
    const report = buildReport(cells, options);
    const findings = runRules(report, { bodyText: text });
    const causes = groupByCause(report, findings);
    expectPartition({ findings, causes });
    return { findings, causes };
  };

  it('one blank column is named by its header', () => {
    const cells = Object.fromEntries(TABLE3_ROWS.map((r) => [table3Path('legalPerson.research', r.key), '']));
    const { causes } = groups(cells);
    expect(causes).toHaveLength(1);
    expect(causes[0].message.zh).toMatch(/^表三“科研机构”列整列空白（25 格），应填 0/);
    expect(causes[0].message.en).toMatch(/^Table 3: the column “Research institutions” is blank throughout \(25 cells\)/);
  });

  it('two blank columns other than the five 法人 ones are listed', () => {
    const cells: Record<string, string> = {};
    for (const col of ['legalPerson.research', 'legalPerson.other']) for (const r of TABLE3_ROWS) cells[table3Path(col, r.key)] = '';
    const { causes } = groups(cells);
    expect(causes.map((c) => c.message.zh.split('（')[0])).toEqual(['表三 科研机构、其他 2 列整列空白']);
  });

  it('a blank row is one cause, apart from the blank columns; a sum both leave open joins the cause of its badge cell', () => {
    const cells: Record<string, string> = {};
    for (const col of LEGAL) for (const r of TABLE3_ROWS) cells[table3Path(col, r.key)] = '';
    cells[table3Path('naturalPerson', 'carriedOver')] = '';
    cells[table3Path('total', 'carriedOver')] = '';
    const { causes, findings } = groups(cells);
    expect(causes.map((c) => c.kind)).toEqual(['blank-columns', 'blank-rows']);
    expect(causes[1].message.zh).toMatch(/^表三“二、上年结转”行整行空白（2 格），应填 0（另有 \d+ 项核对取决于这些空白格）$/);
    // T3-ROW on 二: its total (the badge cell) is in the blank row, its 法人 parts in the blank columns.
    const row = findings.findIndex((f) => f.rule === 'T3-ROW' && f.target === table3Path('total', 'carriedOver'));
    expect(causes[1].findings).toContain(row);
  });

  it('a whole blank table is one cause', () => {
    const cells = Object.fromEntries(
      ['review', 'litigationDirect', 'litigationPostReview'].flatMap((b) =>
        ['maintain', 'correct', 'other', 'unfinished', 'total'].map((c) => [table4Path(b, c), '']),
      ),
    );
    const { causes, findings } = groups(cells);
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ kind: 'blank-table', table: 'table4', severity: 'warning' });
    expect(causes[0].message.zh).toBe('表四整表空白（15 格），应填数字（没有的填 0）（另有 3 项核对取决于这些空白格）');
    expect(findings).toHaveLength(18);
  });

  it('one blank cell is a cause of its own, with the sums it alone leaves open', () => {
    const { causes, findings } = groups({ [table3Path('naturalPerson', 'results.granted')]: '' });
    expect(causes).toHaveLength(1);
    expect(causes[0].kind).toBe('finding');
    expect(causes[0].findings.map((i) => findings[i].rule)).toEqual(['T3-RESULTS', 'T3-ROW', 'BLANK']);
    expect(causes[0].message.zh).toMatch(/：空白，未填数字（应填 0 时也应写 0）（另有 2 项核对取决于此格）$/);
  });

  it('a sum left open by blanks of two causes joins the first of them', () => {
    // 自然人: 予以公开 and 部分公开 blank, （七）总计 1 — T3-RESULTS cannot be verified, and two blank cells leave it open.
    const { causes, findings } = groups({
      [table3Path('naturalPerson', 'results.granted')]: '',
      [table3Path('naturalPerson', 'results.partialGrant')]: '',
      [table3Path('naturalPerson', 'results.totalProcessed')]: '1',
      [table3Path('naturalPerson', 'newReceived')]: '1',
      [table3Path('total', 'results.totalProcessed')]: '1',
      [table3Path('total', 'results.granted')]: '1',
      [table3Path('total', 'newReceived')]: '1',
    });
    const open = findings.findIndex((f) => f.rule === 'T3-RESULTS' && f.target === table3Path('naturalPerson', 'results.totalProcessed'));
    expect(findings[open].outcome).toBe('cannot-verify');
    expect(causes.map((c) => [c.rule, findings[c.findings.find((i) => findings[i].rule === 'BLANK') as number].target])).toEqual([
      ['BLANK', table3Path('naturalPerson', 'results.granted')],
      ['BLANK', table3Path('naturalPerson', 'results.partialGrant')],
    ]);
    expect(causes[0].findings).toContain(open);
    expect(causes.every((c) => c.severity === 'warning')).toBe(true);
  });

  it('an error is never folded, even when its only unknown operands are reported blanks', () => {
    // 行政复议: 维持 3, 纠正 blank, 其他 2, 尚未审结 0, 总计 4 — the parts already exceed the total whatever the blank holds.
    const { causes, findings } = groups({
      [table4Path('review', 'maintain')]: '3',
      [table4Path('review', 'correct')]: '',
      [table4Path('review', 'other')]: '2',
      [table4Path('review', 'total')]: '4',
    });
    const error = findings.findIndex((f) => f.severity === 'error');
    expect(error).toBeGreaterThanOrEqual(0);
    const own = causes.find((c) => c.findings.includes(error));
    expect(own).toMatchObject({ severity: 'error', kind: 'finding', findings: [error] });
  });

  it('an n/a cell is the cause of the sums it leaves open; a text cell\'s error keeps its cause an error', () => {
    const { causes, findings } = groups({
      [table3Path('legalPerson.research', 'carriedOver')]: '不适用',
      [table4Path('review', 'other')]: '2件',
    });
    expect(causes.map((c) => [c.rule, c.severity, c.findings.map((i) => findings[i].rule)])).toEqual([
      ['VALUE', 'warning', ['VALUE', 'T3-BALANCE', 'T3-ROW']],
      ['VALUE', 'error', ['VALUE', 'T4-BLOCK']],
    ]);
  });

  it('MISSING: one absent row is one cause', () => {
    const cells: Record<string, CellSpec> = Object.fromEntries(
      ['naturalPerson', ...LEGAL, 'total'].map((c) => [table3Path(c, 'carriedOver'), MISSING]),
    );
    const { causes } = groups(cells);
    expect(causes.map((c) => [c.kind, c.rule, c.findings.length])).toEqual([['finding', 'MISSING', 1]]);
  });

  it('the same text warning stated twice is one cause; different ones stay apart', () => {
    const report = buildReport({});
    const text = '本年度收到政府信息公开申请9件。因政府信息公开被申请行政复议3件。';
    const findings = runRules(report, { bodyText: text });
    expect(findings.map((f) => f.rule)).toEqual(['TEXT-T3-NEW', 'TEXT-T4-REVIEW']);
    // The text rules report one claim per rule today; a rule that reports each claim gives one finding per statement.
    const restated = { ...findings[0], found: 8, message: { zh: '正文“收到申请8件”为 8…', en: 'The text says 8…' } };
    const all = [...findings, restated];
    const causes = groupByCause(report, all);
    expectPartition({ findings: all, causes });
    expect(causes.map((c) => [c.kind, c.rule, c.findings])).toEqual([
      ['repeated-text', 'TEXT-T3-NEW', [0, 2]],
      ['finding', 'TEXT-T4-REVIEW', [1]],
    ]);
    expect(causes[0].message.zh).toBe(`${findings[0].message.zh}（正文中 2 处）`);
  });
});
