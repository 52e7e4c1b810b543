/**
 * The batch runner over the column fixtures, in Node: linkedom stands in for the results page's DOMParser and a fake
 * fetch serves test/fixtures (and ../shared/realworld) as http://www.example.gov.cn/…, so every row's outcome, the
 * paging, the cross-year rows and "never another host" are checked without a browser (the e2e test does it in Chromium).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import { readColumn } from '../../lib/batch/column-links';
import { PoliteFetcher } from '../../lib/batch/polite-fetch';
import type { CheckResult } from '../../lib/findings';
import { newJob, type BatchJob } from '../../utils/batch/job';
import { parseHtml } from '../../utils/batch/check-fetched';
import { pageLinks } from '../../utils/batch/page-links';
import { BatchRows, rowStatus } from '../../utils/batch/rows';
import { BatchRunner } from '../../utils/batch/runner';
import { readDocumentFile } from '../../cli/read-document';

const ROOT = resolve(import.meta.dirname, '../..');
const ROOTS: Record<string, string> = {
  column: join(ROOT, 'test/fixtures/column'),
  'cross-year': join(ROOT, 'test/fixtures/cross-year'),
  realworld: resolve(ROOT, '../shared/realworld'),
};
const SITE = 'http://www.example.gov.cn';

beforeAll(() => {
  (globalThis as { DOMParser?: unknown }).DOMParser = DOMParser;
});

function fakeSite() {
  const requested: string[] = [];
  const fetch = async (href: string) => {
    requested.push(href);
    const url = new URL(href);
    if (url.host !== 'www.example.gov.cn') throw new Error(`fetched another host: ${href}`);
    const [, root, ...rest] = decodeURIComponent(url.pathname).split('/');
    const dir = ROOTS[root];
    try {
      const bytes = readFileSync(join(dir, ...rest));
      const type = rest.at(-1)!.endsWith('.pdf') ? 'application/pdf' : 'text/html';
      return new Response(bytes, { status: 200, headers: { 'content-type': type } });
    } catch {
      return new Response('not found', { status: 404, headers: { 'content-type': 'text/html' } });
    }
  };
  return { requested, fetch };
}

async function run(listPath: string, pageLimit = 10) {
  const site = fakeSite();
  const listUrl = `${SITE}${listPath}`;
  const bytes = readFileSync(join(ROOTS.column, listPath.replace('/column/', '')));
  const links = pageLinks(listUrl, parseHtml(new Uint8Array(bytes), 'text/html'));
  const job = newJob(listUrl, links.title, readColumn(links.links, listUrl), pageLimit);
  const results = new Map<number, CheckResult>();
  const fetcher = new PoliteFetcher(listUrl, { gapMs: 0 }, { fetch: site.fetch });
  const runner = new BatchRunner(job, { saveJob: async () => {}, saveResult: async (_id, n, r) => void results.set(n, r) }, () => {}, (kind, bytes) => readDocumentFile({ kind, bytes }), fetcher);
  await runner.start();
  const rows = new BatchRows().rows(job.items, results, []);
  return { job, rows, requested: site.requested };
}

const byName = (job: BatchJob, rows: ReturnType<BatchRows['rows']>) =>
  Object.fromEntries(rows.map((r) => [r.item.url.split('/').pop()!.replace(/\?.*/, ''), { status: rowStatus(r).key, row: r.row }]));

describe('the static column', () => {
  let out: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    out = await run('/column/static/index.html');
  }, 60_000);

  test('every link has the status it should, and the job is done', () => {
    const rows = byName(out.job, out.rows);
    expect(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.status]))).toEqual({
      'a-2023.html': 'warnings', // the blank 上年结转 row
      'b-2023.html': 'ok',
      'c-2023.html': 'ok',
      'd-2023.html': 'ok',
      'e-2023-gbk.html': 'ok',
      'jiedu-2023.html': 'no-report',
      'verify.html': 'failed',
      'missing-2023.html': 'failed',
      'hongze-2024.pdf': 'warnings', // read by the PDF input: a one-row （六） and a text figure that disagrees
      '2023.html': 'skipped',
    });
    expect(out.job.state).toBe('done');
    expect(rows['verify.html'].row?.reason?.en).toMatch(/anti-robot/);
    expect(rows['missing-2023.html'].row?.reason?.en).toBe('page not found (HTTP 404)');
  });

  test('the GBK page is decoded by its declared charset: its body and year are read', () => {
    const gbk = byName(out.job, out.rows)['e-2023-gbk.html'].row!;
    expect([gbk.body, gbk.year]).toEqual(['测试市戊局', 2023]);
  });

  test('the PDF attachment is read by the engine: its body and year', () => {
    const pdf = byName(out.job, out.rows)['hongze-2024.pdf'].row!;
    expect([pdf.body, pdf.year, pdf.status]).toEqual(['淮安市洪泽区人民政府', 2024, 'ok']);
  });

  test('only the site is asked, never the other host', () => {
    expect(out.requested.every((u) => new URL(u).host === 'www.example.gov.cn')).toBe(true);
    expect(out.requested).toHaveLength(9); // the 9 same-site links, each once
  });
});

describe('the paged column', () => {
  let out: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    out = await run('/column/paged/index.html');
  }, 60_000);

  test('follows 下一页 and then index_2.html: all three list pages, seven reports', () => {
    expect(out.job.listPages.map((u) => u.split('/').pop())).toEqual(['index.html', 'index_1.html', 'index_2.html']);
    expect(out.job.items).toHaveLength(7);
    expect(out.job.nextPage).toBeNull();
  });

  test('cross-year within the batch: 甲局 2022 carries over wrongly, 乙局 2023 rightly, 丙局 has no 2023 here', () => {
    const rows = byName(out.job, out.rows);
    expect(rows['a-2022.html'].status).toBe('errors');
    expect(rows['a-2022.html'].row?.crossYear.carry).toEqual({ errors: 2, unverified: 0 });
    expect(rows['a-2023.html'].row?.crossYear.carry).toEqual({ errors: 0, unverified: 7 });
    expect(rows['b-2023.html'].row?.crossYear.carry).toEqual({ errors: 0, unverified: 0 });
    expect(rows['a-2021.html'].row?.crossYear.previous).toEqual({ kind: 'none', reason: 'not-found' });
    expect(rows['a-2021.html'].status).toBe('ok');
  });

  test('a page limit of 2 stops before the third list page and says more is there', async () => {
    const limited = await run('/column/paged/index.html', 2);
    expect(limited.job.listPages).toHaveLength(2);
    expect(limited.job.nextPage).toMatch(/index_2\.html$/);
    expect(limited.job.items).toHaveLength(4);
  }, 60_000);
});
