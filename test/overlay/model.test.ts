/** The overlay model from real fixture pages through the real engine (cheerio refs stand in for elements). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../lib/check';
import { loadHtml } from '../../lib/sources/cheerio';
import { buildOverlayModel } from '../../utils/overlay/model';

const ALL = { error: true, blank: true, nonNumeric: true };
const page = (file: string) => readFileSync(join(import.meta.dirname, '../fixtures/pages', file), 'utf8');
const modelOf = (file: string, kinds = ALL) => buildOverlayModel(checkDocument(loadHtml(page(file))), kinds);

describe('buildOverlayModel', () => {
  it('seed 004: red on the two （七）总计 cells that fail, suspects on 本机关不掌握, chip counts', () => {
    const model = modelOf('004-plain.html');
    expect(model.status).toBe('ok');
    expect(model.badges.filter((b) => b.kind === 'error').map((b) => b.path)).toEqual([
      'table3.naturalPerson.results.totalProcessed',
      'table3.total.results.totalProcessed',
    ]);
    for (const badge of model.badges.filter((b) => b.kind === 'error')) {
      expect(badge.findings[0].rule).toBe('T3-RESULTS');
      expect(badge.findings[0].parts).toHaveLength(21);
    }
    expect(model.suspects.map((s) => s.path).sort()).toEqual([
      'table3.naturalPerson.results.unableToProvide.noInfo',
      'table3.total.results.unableToProvide.noInfo',
    ]);
    expect(model.summaries.map((s) => [s.table, s.errors, s.blanks, s.warnings])).toEqual([
      ['table2', 0, 0, 0],
      ['table3', 2, 0, 0],
      ['table4', 0, 0, 0],
    ]);
  });

  it('seed 000: nothing to mark, three ✓ summaries', () => {
    const model = modelOf('000-plain.html');
    expect(model.badges).toEqual([]);
    expect(model.suspects).toEqual([]);
    expect(model.summaries.map((s) => s.errors + s.blanks + s.warnings)).toEqual([0, 0, 0]);
  });

  it('blank cells are amber, never red, each keeps its badge, the chip counts one cause; the blank setting hides them', () => {
    const model = modelOf('000-blank-plain.html');
    expect(model.badges).toHaveLength(125);
    expect(new Set(model.badges.map((b) => b.kind))).toEqual(new Set(['blank']));
    const table3 = model.summaries.find((s) => s.table === 'table3')!;
    expect([table3.errors, table3.blanks, table3.warnings]).toEqual([0, 1, 0]);
    // Every badge names the one cause, so its tooltip can say what to fix.
    const causes = new Set(model.badges.flatMap((b) => b.groups));
    expect([...causes].map((c) => c.message.zh)).toEqual([
      '表三 法人或其他组织 5 列整列空白（125 格），应填 0（另有 35 项核对取决于这些空白格）',
    ]);
    expect(model.badges.every((b) => b.groups.length === 1)).toBe(true);
    expect(modelOf('000-blank-plain.html', { ...ALL, blank: false }).badges).toEqual([]);
  });

  it('n/a and text cells are grey (whatever the VALUE rule says); totals they leave unverifiable are amber', () => {
    const model = modelOf('001-na-text-plain.html');
    expect(model.badges.map((b) => `${b.kind} ${b.path}`)).toEqual([
      'na table2.regulations.made',
      'na table2.regulations.repealed',
      'na table2.regulations.valid',
      'text table2.licensing',
      // 不适用 in 科研机构 · 上年结转: the row total and the column's balance cannot be verified
      'na table3.legalPerson.research.carriedOver',
      'warning table3.total.carriedOver',
      'warning table3.legalPerson.research.results.totalProcessed',
      // 2件 in 行政复议 · 其他结果: the block total cannot be verified
      'text table4.review.other',
      'warning table4.review.total',
    ]);
    // A total left open by the 不适用 cell names that cell's cause in its tooltip; the 不适用 cell itself does not repeat it.
    const byPath = new Map(model.badges.map((b) => [b.path, b]));
    expect(byPath.get('table3.total.carriedOver')!.groups.map((c) => c.target)).toEqual(['table3.legalPerson.research.carriedOver']);
    expect(byPath.get('table3.legalPerson.research.carriedOver')!.groups).toEqual([]);
    for (const badge of model.badges.filter((b) => b.kind === 'warning')) {
      expect(badge.findings.every((f) => f.severity === 'warning' && f.outcome === 'cannot-verify')).toBe(true);
    }
    // Six causes: the four table-2 cells, and each n/a or text cell with the totals it leaves open.
    expect(model.summaries.map((s) => [s.table, s.errors, s.blanks, s.warnings])).toEqual([
      ['table2', 1, 0, 3],
      ['table3', 0, 0, 1],
      ['table4', 1, 0, 0],
    ]);
    const withoutGrey = modelOf('001-na-text-plain.html', { ...ALL, nonNumeric: false });
    expect(withoutGrey.badges.map((b) => b.kind)).toEqual(['warning', 'warning', 'warning']);
  });

  it('the error setting hides red badges and suspects', () => {
    const model = modelOf('004-plain.html', { ...ALL, error: false });
    expect(model.badges.filter((b) => b.kind === 'error')).toEqual([]);
    expect(model.suspects).toEqual([]);
  });

  it('a page without a report gives an empty model with the status and reason', () => {
    const model = modelOf('no-report.html');
    expect(model.status).toBe('no-report');
    expect(model.reason?.zh).toBeTruthy();
    expect([model.badges, model.suspects, model.summaries]).toEqual([[], [], []]);
  });

  it('too-large gives an empty model', () => {
    const checked = checkDocument(loadHtml(page('004-plain.html')), { maxCells: 10 });
    const model = buildOverlayModel(checked, ALL);
    expect(model.status).toBe('too-large');
    expect([model.badges, model.suspects, model.summaries]).toEqual([[], [], []]);
  });
});
