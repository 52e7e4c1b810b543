/**
 * The auto-check gate (utils/overlay/quick-scan.ts) on real markup: it must let every page with a report through
 * (a false negative hides a report from auto-check) and should stop everyday pages (a false positive loads the engine).
 * Pages are parsed with linkedom, a DOM that runs no page script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { normaliseLabel } from '../lib/text';
import { TABLE2_COUNT_COLUMNS, TABLE2_ITEMS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS } from '../lib/template';
import { gateWords, mayHoldReport, mentionsLabel } from '../utils/overlay/quick-scan';

const FIXTURES = fileURLToPath(new URL('./fixtures/pages/', import.meta.url));
const E2E_PAGES = fileURLToPath(new URL('./e2e/pages/', import.meta.url));
const REALWORLD = fileURLToPath(new URL('../../shared/realworld/', import.meta.url));

const manifest = JSON.parse(readFileSync(FIXTURES + 'manifest.json', 'utf8')) as { file: string; kind: string; encoding?: string }[];
const NO_REPORT_KINDS = ['no-report', 'pdf-only', 'image-only'];
/** The late page writes its report with a script after load (the e2e tests cover it): as parsed it has no table. */
const SCRIPTED_KINDS = ['late'];

function documentOf(file: string, encoding = 'utf-8'): Document {
  const bytes = readFileSync(file);
  const html = encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, encoding);
  return parseHTML(html).document as unknown as Document;
}

/** Every label of the template's tables 2–4, as written and in the canonical label form. */
const templateLabels = () =>
  [
    '申请人情况',
    '法人或其他组织',
    '信息内容',
    ...TABLE3_COLUMNS.map((c) => c.zh),
    ...TABLE3_ROWS.flatMap((r) => [r.zh, r.group ?? r.zh]),
    ...TABLE4_BLOCKS.flatMap((b) => b.zh.split('·')),
    ...TABLE4_COLUMNS.map((c) => c.zh),
    ...TABLE2_COUNT_COLUMNS.map((c) => c.zh),
    ...TABLE2_ITEMS.flatMap((i) => [i.zh, i.block]),
  ].flatMap((label) => [label, normaliseLabel(label)]);

describe('gate words', () => {
  it('each word is part of a label of the template (no typo can make a word that never matches)', () => {
    const labels = templateLabels();
    for (const word of gateWords()) expect(labels.some((label) => label.includes(word)), word).toBe(true);
  });

  it('each table-2, table-3 and table-4 header or row-group label holds a word', () => {
    const headers = [
      '申请人情况',
      '法人或其他组织',
      '第二十条第（一）项',
      '信息内容',
      TABLE3_COLUMNS[0].zh,
      ...TABLE3_ROWS.map((row) => row.group ?? row.zh),
      ...TABLE4_BLOCKS.map((block) => block.zh.split('·')[0]),
      ...TABLE4_COLUMNS.slice(0, 4).map((column) => column.zh),
      ...TABLE2_COUNT_COLUMNS.map((column) => column.zh),
      ...TABLE2_ITEMS.map((item) => item.zh),
    ].filter((label) => !/^\d\./.test(label)); // numbered leaf rows sit under a group label
    for (const label of headers) expect(mentionsLabel(label, gateWords()), label).toBe(true);
  });

  it('drops exactly the characters of /[\\s\\u200b-\\u200d\\u2060\\u00ad\\ufeff]/ between label characters', () => {
    const dropped = /[\s\u200b-\u200d\u2060\u00ad\ufeff]/;
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (mentionsLabel(`行政${char}复议`, ['行政复议']) !== dropped.test(char)) expect.fail(`U+${code.toString(16)}`);
    }
  });

  it('a label split by whitespace, line breaks and zero-width characters still matches', () => {
    expect(mentionsLabel('行政\n  复议', gateWords())).toBe(true);
    expect(mentionsLabel('申请人\u00a0情\u200b况', gateWords())).toBe(true);
    expect(mentionsLabel('本年\u3000制发件数', gateWords())).toBe(true);
  });

  it('a label split across spans, padded with &nbsp;, ideographic spaces and line breaks, in a table nested two layout tables deep, passes', () => {
    const prose = '推行包容审慎监管，动态调整轻微违法行为不予行政处罚清单。'.repeat(20);
    const report = '<table><tbody><tr><td><span>行政</span>&nbsp;\n<span>\u3000复\u200b议</span></td><td>0</td></tr></tbody></table>';
    const html = `<table><tr><td>${prose}<table><tr><td>${prose}${report}</td></tr></table></td></tr></table>`;
    const doc = parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document;
    expect(mayHoldReport(doc)).toBe(true);
    expect(mayHoldReport(parseHTML(`<html><body>${html.replace('复', '')}</body></html>`).document as unknown as Document)).toBe(false);
  });

  it('a long cell (a layout cell holding prose) never counts, a short label cell beside it does', () => {
    const prose = '推行包容审慎监管，动态调整轻微违法行为不予行政处罚清单，保护自然人、法人或其他组织的合法权益。'.repeat(5);
    const page = (cells: string[]) =>
      parseHTML(`<html><body><table><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></table></body></html>`)
        .document as unknown as Document;
    expect(mentionsLabel(prose, gateWords())).toBe(true); // the words are there…
    expect(mayHoldReport(page([prose, prose]))).toBe(false); // …but in layout cells they do not count
    expect(mayHoldReport(page([prose, prose, '行政复议']))).toBe(true);
    expect(mayHoldReport(page([prose.slice(0, 48)]))).toBe(true); // a short row is read whole
  });
});

describe('the gate on pages', () => {
  const withReport = manifest.filter((e) => !NO_REPORT_KINDS.includes(e.kind) && !SCRIPTED_KINDS.includes(e.kind));
  const withoutReport = manifest.filter((e) => NO_REPORT_KINDS.includes(e.kind));
  const realPages = readdirSync(REALWORLD).filter((f) => f.endsWith('.html'));

  it('each list of pages below has pages (an empty one would make its it.each test nothing)', () => {
    expect(withReport.length).toBeGreaterThan(0);
    expect(withoutReport.length).toBeGreaterThan(0);
    expect(realPages.length).toBeGreaterThan(0);
  });

  it.each(withReport.map((e) => [e.file, e.encoding]))('fixture with a report: %s passes', (file, encoding) => {
    expect(mayHoldReport(documentOf(FIXTURES + file, encoding))).toBe(true);
  });

  it.each(withoutReport.map((e) => [e.file]))('fixture without a report: %s is stopped', (file) => {
    expect(mayHoldReport(documentOf(FIXTURES + file))).toBe(false);
  });

  it.each(realPages)('real report page %s passes', (file) => {
    const html = readFileSync(REALWORLD + file);
    const charset = /charset=["']?([\w-]+)/i.exec(html.subarray(0, 2048).toString('latin1'))?.[1]?.toLowerCase() ?? 'utf-8';
    expect(mayHoldReport(documentOf(REALWORLD + file, charset === 'utf-8' || charset === 'utf8' ? 'utf-8' : charset))).toBe(true);
  });

  it('an everyday gov article laid out in tables, with 行政处罚 and 自然人 in its prose, is stopped', () => {
    const doc = documentOf(E2E_PAGES + 'gov-article.html');
    expect(doc.getElementsByTagName('table').length).toBeGreaterThanOrEqual(2);
    expect(doc.body.textContent).toContain('行政处罚');
    expect(mayHoldReport(doc)).toBe(false);
  });

  it('the same article with a report table nested in its layout cell passes', () => {
    const article = readFileSync(E2E_PAGES + 'gov-article.html', 'utf8');
    const report = readFileSync(FIXTURES + '004-plain.html', 'utf8').match(/<table[\s\S]*<\/table>/)![0];
    const doc = parseHTML(article.replace('<div class="attachments">', `${report}<div class="attachments">`)).document;
    expect(mayHoldReport(doc as unknown as Document)).toBe(true);
  });
});
