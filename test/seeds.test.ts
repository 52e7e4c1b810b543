/**
 * The five seed reports, rendered in every real-world markup, through the whole pipeline:
 * checkDocument(loadHtml(html)) must read back exactly the seed values and find what template-2021.md says
 * ("The seeds, checked by hand").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../lib/check';
import { loadHtml } from '../lib/sources/cheerio';
import { ALL_PATHS, TABLE4_PATHS, cellAt, table3Path } from '../lib/paths';
import { TABLE3_APPLICANT_COLUMNS, TABLE3_COLUMNS, TABLE3_LEAF_ROWS, TABLE3_ROWS } from '../lib/template';
import { HONGZE_TABLE3, HONGZE_TABLE4 } from './fixtures/hongze-values';
import type { CheckResult, Finding } from '../lib/findings';
import { decodeHtml } from '../cli/decode';
import { loadSeeds } from './fixtures/seed-values';
import { STYLES, TEMPLATE_STYLES, renderReportPage } from './fixtures/render';
import { COMMERCIAL_ERROR_PATH, PAGES_DIR, fixturePages, type FixturePage } from './fixtures/catalogue';
import { NA_CELLS, TEXT_CELLS } from './fixtures/variants';
import { expectReportValues } from './fixtures/expect-report';

const seeds = loadSeeds();
const seed = (id: string) => seeds.find((s) => s.id === id)!;
const pages = fixturePages(seeds);
const check = (html: string): CheckResult => checkDocument(loadHtml(html)).result;
const errors = (result: CheckResult) => result.findings.filter((f) => f.severity === 'error');
const warnings = (result: CheckResult) => result.findings.filter((f) => f.severity === 'warning');
const brief = (f: Finding) => ({ rule: f.rule, target: f.target, expected: f.expected, found: f.found });
const num = (raw: string) => Number(raw.trim());

describe('seed extraction (shared/seeds → model)', () => {
  it('finds five seeds, each with a title, sections 一 and 五/六 text, and every template cell holding a number', () => {
    expect(seeds.map((s) => s.id)).toEqual(['000', '001', '002', '003', '004']);
    for (const s of seeds) {
      expect(s.title, s.id).toMatch(/2023\s*年政府信息公开工作年度报告$/);
      expect(s.sections, s.id).toHaveLength(6);
      expect(s.sections[0].length, `${s.id} 一、总体情况`).toBeGreaterThan(0);
      expect(s.sections[5].length, `${s.id} 六、其他需要报告的事项`).toBeGreaterThan(0);
      expect(Object.keys(s.values).sort(), s.id).toEqual([...ALL_PATHS].sort());
      for (const [path, raw] of Object.entries(s.values)) expect(raw.trim(), `${s.id} ${path}`).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('reads seed 004 as template-2021.md states it (自然人 leaves 3 vs （七） 1; 总计 leaves 4 vs （七） 2)', () => {
    const v = seed('004').values;
    const at = (column: string, row: string) => num(v[table3Path(column, row)]);
    expect(at('naturalPerson', 'results.granted')).toBe(0);
    expect(at('naturalPerson', 'results.denied.internalAffairs')).toBe(1);
    expect(at('naturalPerson', 'results.unableToProvide.noInfo')).toBe(2);
    expect(at('naturalPerson', 'results.totalProcessed')).toBe(1);
    const leafSum = (column: string) => TABLE3_LEAF_ROWS.reduce((sum, row) => sum + at(column, row.key), 0);
    expect(leafSum('naturalPerson')).toBe(3);
    expect(leafSum('total')).toBe(4);
    expect(at('total', 'results.totalProcessed')).toBe(2);
    expect(at('total', 'newReceived')).toBe(2);
  });

  it('keeps the text as published (seed 003 says 127 and lists 其中… items)', () => {
    const text = seed('003').sections[0].join('\n');
    expect(text).toContain('共主动公开政府信息127。其中');
    expect(seed('003').intro[0]).toMatch(/^本报告根据/);
    expect(seed('004').sections[0].join('')).toContain('收到政府信息公开申请2条，已公开1条，不予公开1条');
  });
});

describe('committed fixture pages are current (npm run fixtures)', () => {
  it.each(pages.map((p) => [p.file, p] as const))('%s', (_file, page: FixturePage) => {
    const onDisk = readFileSync(join(PAGES_DIR, page.file));
    expect(onDisk.equals(page.bytes), `${page.file} is stale: run npm run fixtures`).toBe(true);
  });
});

describe.each(TEMPLATE_STYLES)('style %s through checkDocument', (style) => {
  it.each(['000', '001', '002'])('seed %s: every value read back, no errors or warnings', (id) => {
    const result = check(renderReportPage(seed(id), style));
    expect(result.status).toBe('ok');
    expectReportValues(result.report, seed(id).values);
    expect(result.findings.filter((f) => f.severity !== 'info').map(brief)).toEqual([]);
  });

  it('seed 003: values read back; the one warning is the text (主动公开 127 vs its 其中 list summing to 122)', () => {
    const result = check(renderReportPage(seed('003'), style));
    expect(result.status).toBe('ok');
    expectReportValues(result.report, seed('003').values);
    expect(errors(result).map(brief)).toEqual([]);
    const found = warnings(result);
    expect(found.map(brief)).toHaveLength(1);
    expect(found[0].table).toBe('text');
    expect([found[0].expected, found[0].found].sort()).toEqual([122, 127]);
  });

  it('seed 004: exactly the two T3-RESULTS errors, and the 本机关不掌握 cells as suspects', () => {
    const result = check(renderReportPage(seed('004'), style));
    expect(result.status).toBe('ok');
    expectReportValues(result.report, seed('004').values);
    const total = (column: string) => table3Path(column, 'results.totalProcessed');
    expect(errors(result).map(brief).sort((a, b) => String(a.target).localeCompare(String(b.target)))).toEqual([
      { rule: 'T3-RESULTS', target: total('naturalPerson'), expected: 3, found: 1 },
      { rule: 'T3-RESULTS', target: total('total'), expected: 4, found: 2 },
    ]);
    expect(warnings(result).map(brief)).toEqual([]);
    const noInfo = (column: string) => table3Path(column, 'results.unableToProvide.noInfo');
    // README: 自然人 2 → 0, 总计 2 → 0.
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    expect([...result.suspects].sort(byPath)).toEqual(
      [{ path: noInfo('naturalPerson'), suggested: 0 }, { path: noInfo('total'), suggested: 0 }].sort(byPath),
    );
  });
});

describe('pages that are not a checkable 2021 report', () => {
  it.each(seeds.map((s) => s.id))('seed %s in the 2019 trial format: named 2019 and read by the 2019 template', (id) => {
    const result = check(renderReportPage(seed(id), 'trial2019'));
    expect(result.status).toBe('trial-2019');
    const report = result.report!;
    expect(report.format).toBe('2019');
    const values = seed(id).values;
    const value = (path: string) => cellAt(report, path)?.value;
    // Table 2 as layout-2019.ts prints it from the 2021 values: 本年新制作 = 本年新公开 = 本年制发, 对外公开总数量 = 现行有效.
    for (const item of ['regulations', 'normativeDocuments']) {
      const made = num(values[`table2.${item}.made`]);
      expect([value(`table2.${item}.newlyMade`), value(`table2.${item}.newlyPublished`), value(`table2.${item}.totalPublished`)]).toEqual([
        made,
        made,
        num(values[`table2.${item}.valid`]),
      ]);
    }
    for (const item of ['licensing', 'punishment', 'coercion']) expect(value(`table2.${item}.decisions`), item).toBe(num(values[`table2.${item}`]));
    expect([value('table2.fees.previousItems'), value('table2.fees.change'), value('table2.procurement.projects')]).toEqual([1, 0, 0]);
    // Table 3: （六） one row holding the three leaves' sum; every other row as in the seed.
    const leaves = TABLE3_ROWS.filter((r) => r.key.startsWith('results.other.'));
    for (const column of ['naturalPerson', 'legalPerson.commercial', 'total']) {
      expect(value(table3Path(column, 'results.other'))).toBe(leaves.reduce((sum, r) => sum + num(values[table3Path(column, r.key)]), 0));
      expect(value(table3Path(column, 'newReceived'))).toBe(num(values[table3Path(column, 'newReceived')]));
    }
    expect(result.findings.filter((f) => f.rule === 'MISSING' || f.rule === 'STRUCTURE').map(brief)).toEqual([]);
    // The sums run over the 2019 leaves: seed 004 keeps its two T3-RESULTS errors, the others have none.
    expect(errors(result).map((f) => [f.rule, f.target])).toEqual(
      id === '004'
        ? [
            ['T3-RESULTS', table3Path('naturalPerson', 'results.totalProcessed')],
            ['T3-RESULTS', table3Path('total', 'results.totalProcessed')],
          ]
        : [],
    );
  });

  const pageOf = (kind: FixturePage['kind']) => pages.find((p) => p.kind === kind)!;
  const html = (page: FixturePage) => page.bytes.toString('utf8');

  it('a page with unrelated tables only: no-report', () => {
    const result = check(html(pageOf('no-report')));
    expect(result.status).toBe('no-report');
    expect(result.report).toBeNull();
  });

  // Saying "PDF / images: not checkable here" is the hosts' job (cli.test.ts, the popup's page probe): the engine
  // only sees that no report table is on the page.
  it.each(['pdf-only', 'image-only'] as const)('a report published only as %s: no-report, nothing parsed', (kind) => {
    const result = check(html(pageOf(kind)));
    expect(result.status).toBe('no-report');
    expect(result.report).toBeNull();
    expect(result.findings).toEqual([]);
  });

  it('a 20,000-cell page still yields the report', () => {
    const result = check(html(pageOf('huge')));
    expect(result.status).toBe('ok');
    expectReportValues(result.report, seed('000').values);
    expect(errors(result).map(brief)).toEqual([]);
  });
});

describe('variants', () => {
  const variants = (kind: FixturePage['kind']) => pages.filter((p) => p.kind === kind);

  it.each(variants('blank').map((p) => [p.file, p] as const))(
    '%s: a BLANK finding on exactly the blanked cells, and no error the blanks could explain',
    (_file, page: FixturePage) => {
      const result = check(page.bytes.toString('utf8'));
      const blanked = Object.keys(page.changed!).sort();
      expect(blanked).toHaveLength(125);
      for (const path of blanked) expect(cellAt(result.report!, path)?.kind, path).toBe('blank');
      const targets = result.findings.filter((f) => f.rule === 'BLANK').map((f) => f.target);
      expect(targets.sort()).toEqual(blanked);
      // The blanks are all 法人 columns, so the 自然人 and 总计 columns keep the seed's own T3-RESULTS errors (004).
      const seedErrors = page.seed === '004' ? ['T3-RESULTS', 'T3-RESULTS'] : [];
      expect(errors(result).map((f) => f.rule)).toEqual(seedErrors);
    },
  );

  it('blank 法人 columns under a 总计 above 自然人 cannot be verified (template-2021.md: parts below the total)', () => {
    const page = variants('blank').find((p) => p.seed === '004')!;
    const result = check(page.bytes.toString('utf8'));
    const values = seed('004').values;
    const rowsAboveNatural = TABLE3_ROWS.filter(
      (row) => num(values[table3Path('total', row.key)]) > num(values[table3Path('naturalPerson', row.key)]),
    ).map((row) => table3Path('total', row.key));
    expect(rowsAboveNatural).toHaveLength(3);
    const rowFindings = result.findings.filter((f) => f.rule === 'T3-ROW' && f.severity !== 'info');
    expect(rowFindings.map((f) => [f.target, f.severity, f.outcome]).sort()).toEqual(
      rowsAboveNatural.sort().map((target) => [target, 'warning', 'cannot-verify']),
    );
  });

  it.each(variants('na-text').map((p) => [p.file, p] as const))(
    '%s: VALUE findings on exactly the n/a (warning) and text (error) cells, nothing else in error',
    (_file, page: FixturePage) => {
      const result = check(page.bytes.toString('utf8'));
      for (const path of Object.keys(NA_CELLS)) expect(cellAt(result.report!, path)?.kind, path).toBe('na');
      for (const path of Object.keys(TEXT_CELLS)) expect(cellAt(result.report!, path)?.kind, path).toBe('text');
      const value = result.findings.filter((f) => f.rule === 'VALUE');
      const bySeverity = (severity: string) => value.filter((f) => f.severity === severity).map((f) => f.target).sort();
      expect(bySeverity('warning')).toEqual(Object.keys(NA_CELLS).sort());
      expect(bySeverity('error')).toEqual(Object.keys(TEXT_CELLS).sort());
      expect(value).toHaveLength(Object.keys(NA_CELLS).length + Object.keys(TEXT_CELLS).length);
      expect(errors(result).filter((f) => f.rule !== 'VALUE').map(brief)).toEqual([]);
      expect(result.findings.filter((f) => f.rule === 'BLANK').map(brief)).toEqual([]);
    },
  );

  it.each(variants('injected-error').map((p) => [p.file, p] as const))(
    '%s: the raised cell breaks its column total and its row total, and is the one suspect',
    (_file, page: FixturePage) => {
      const result = check(page.bytes.toString('utf8'));
      const [path, raw] = Object.entries(page.changed!)[0];
      expect(path).toBe(table3Path('naturalPerson', 'results.granted'));
      const raised = Number(raw);
      expect(errors(result).map(brief).sort((a, b) => a.rule.localeCompare(b.rule))).toEqual([
        { rule: 'T3-RESULTS', target: table3Path('naturalPerson', 'results.totalProcessed'), expected: raised, found: raised - 1 },
        { rule: 'T3-ROW', target: table3Path('total', 'results.granted'), expected: raised, found: raised - 1 },
      ]);
      expect(result.suspects).toEqual([{ path, suggested: raised - 1 }]);
    },
  );

  describe('a Word paste whose table-3 header spans straddle the value columns (pingtan-2021)', () => {
    const [filled] = variants('every-column');
    const [withError] = variants('every-column-error');

    it(`${filled.file}: every applicant column read back (none dropped), no MISSING, no error`, () => {
      const result = check(filled.bytes.toString('utf8'));
      expect(result.status).toBe('ok');
      const expected = { ...seed('000').values, ...filled.changed };
      expectReportValues(result.report, expected);
      for (const column of TABLE3_APPLICANT_COLUMNS) {
        expect(Object.keys(filled.changed!).some((p) => p.startsWith(`table3.${column.key}.`) && expected[p] !== '0'), column.key).toBe(true);
      }
      expect(result.findings.filter((f) => f.rule === 'MISSING').map(brief)).toEqual([]);
      expect(errors(result).map(brief)).toEqual([]);
    });

    it(`${withError.file}: the error in the misaligned 商业企业 column is reported, and its cell is the suspect`, () => {
      const result = check(withError.bytes.toString('utf8'));
      const raised = Number(withError.changed![COMMERCIAL_ERROR_PATH]);
      expect(errors(result).map(brief).sort((a, b) => a.rule.localeCompare(b.rule))).toEqual([
        { rule: 'T3-RESULTS', target: table3Path('legalPerson.commercial', 'results.totalProcessed'), expected: raised + 1, found: raised },
        { rule: 'T3-ROW', target: table3Path('total', 'results.granted'), expected: expect.any(Number), found: expect.any(Number) },
      ]);
      expect(result.suspects).toEqual([{ path: COMMERCIAL_ERROR_PATH, suggested: raised - 1 }]);
    });
  });

  describe('hybrid layouts: the 2021 tables with （六）其他处理 as one row (Hongze 2024), and without a 规章 row', () => {
    const hybrid = (file: string) => variants('hybrid').find((p) => p.file === file)!;
    const structure = (result: CheckResult) => result.findings.filter((f) => f.rule === 'STRUCTURE');

    it.each(['hongze-hybrid-word.html', 'hongze-hybrid-noregulations-plain.html'])(
      '%s: named the 2021 format, every value read, one STRUCTURE warning, the sums checked, no error',
      (file) => {
        const result = check(hybrid(file).bytes.toString('utf8'));
        expect(result.status).toBe('ok');
        expect(result.report!.format).toBe('2021');
        for (const [row, n] of Object.entries(HONGZE_TABLE3)) {
          expect(TABLE3_COLUMNS.map((c) => cellAt(result.report!, table3Path(c.key, row))?.value), row).toEqual([n, 0, 0, 0, 0, 0, n]);
        }
        expect(TABLE4_PATHS.map((p) => cellAt(result.report!, p)?.value)).toEqual(HONGZE_TABLE4);
        expect(structure(result).map((f) => [f.severity, f.outcome, f.message.zh])).toEqual([
          ['warning', 'one-row', '表三“（六）其他处理”印为一行（2021年模板为三行）；按一行核对：它代表三项之和'],
        ]);
        const missing = result.findings.filter((f) => f.rule === 'MISSING').map((f) => f.message.zh);
        expect(missing).toEqual(file.includes('noregulations') ? ['表二（主动公开政府信息情况）缺少“规章”'] : []);
        expect(errors(result).map(brief)).toEqual([]);
        // The sums ran over the one row: T3-RESULTS and T3-ROW hold without a finding (every cell is filled).
        expect(result.findings.filter((f) => f.rule.startsWith('T3-'))).toEqual([]);
      },
    );

    it('hongze-hybrid-error-cms.html: a wrong one-row （六） breaks its column and row sums, and is the suspect', () => {
      const page = hybrid('hongze-hybrid-error-cms.html');
      const result = check(page.bytes.toString('utf8'));
      const [path] = Object.keys(page.changed!);
      expect(errors(result).map(brief)).toEqual([
        { rule: 'T3-RESULTS', target: table3Path('naturalPerson', 'results.totalProcessed'), expected: 96, found: 95 },
        { rule: 'T3-ROW', target: table3Path('total', 'results.other'), expected: 1, found: 0 },
      ]);
      expect(result.suspects).toEqual([{ path, suggested: 0 }]);
    });
  });

  it.each(['layout-table', 'hidden-tab'] as const)('%s: seed 004 read back with its two T3-RESULTS errors', (kind) => {
    const result = check(variants(kind)[0].bytes.toString('utf8'));
    expect(result.status).toBe('ok');
    expectReportValues(result.report, seed('004').values);
    expect(errors(result).map((f) => [f.rule, f.target])).toEqual([
      ['T3-RESULTS', table3Path('naturalPerson', 'results.totalProcessed')],
      ['T3-RESULTS', table3Path('total', 'results.totalProcessed')],
    ]);
  });

  it('a report inserted by script after load is not in the static HTML: no-report (the browser test sees it)', () => {
    const page = variants('late')[0];
    expect(page.bytes.toString('utf8')).toContain('本年度办理结果');
    expect(check(page.bytes.toString('utf8')).status).toBe('no-report');
  });

  it('the GBK page with <meta charset="gb2312"> decodes (as the CLI does) to seed 001', () => {
    const page = variants('gbk')[0];
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(page.bytes)).toThrow();
    const decoded = decodeHtml(page.bytes);
    expect(decoded.source).toBe('meta');
    const result = check(decoded.text);
    expect(result.status).toBe('ok');
    expectReportValues(result.report, seed('001').values);
    expect(result.findings.filter((f) => f.severity !== 'info').map(brief)).toEqual([]);
  });
});

it('every style is covered by the fixtures on disk', () => {
  for (const style of STYLES) for (const s of seeds) expect(pages.some((p) => p.file === `${s.id}-${style}.html`)).toBe(true);
});
