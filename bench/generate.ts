/**
 * Generated pages of many sizes around a rendered report: the site chrome and long text a real government page
 * carries, and unrelated attachment tables of many cells.
 * Deterministic (seeded), so runs compare.
 */
import { renderHugePage, renderReportPage } from '../test/fixtures/render';
import { loadSeed } from '../test/fixtures/seed-values';
import { page, type BenchPage } from './pages';

const SENTENCES = [
  '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开的决策部署。',
  '进一步规范政府信息公开申请办理流程，严格按照法定时限答复。',
  '围绕优化营商环境、乡村振兴、民生保障等重点领域，及时准确发布政策文件和解读材料。',
  '加强政府网站和政务新媒体管理，开展常态化监测和季度通报。',
  '本年度共组织政务公开业务培训3次，参训人员120人次。',
  '积极回应社会关切，通过新闻发布会、政策吹风会等形式解读重要政策。',
];

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Navigation, breadcrumbs and a metadata table (索引号, 发布机构…), as government sites put before the article. */
function siteChrome(random: () => number, links: number): { header: string; footer: string } {
  const nav = Array.from({ length: links }, (_, i) => `<li><a href="/col/${i}/index.html">栏目${i}</a></li>`).join('');
  const meta =
    '<table class="xxgk-meta"><tr><th>索引号</th><td>11350128MB1234567X/2024-00012</td><th>发布机构</th><td>办公室</td></tr>' +
    `<tr><th>生成日期</th><td>2024-03-${10 + Math.floor(random() * 18)}</td><th>主题分类</th><td>政务公开</td></tr></table>`;
  return {
    header: `<div class="header"><ul class="nav">${nav}</ul></div><div class="crumbs">首页 &gt; 政务公开 &gt; 年度报告</div>${meta}`,
    footer: `<div class="footer"><p>主办单位：人民政府办公室　网站标识码 3501000001</p><ul>${nav}</ul></div>`,
  };
}

function paragraphs(random: () => number, targetBytes: number): string {
  const out: string[] = [];
  for (let bytes = 0; bytes < targetBytes; ) {
    const n = 2 + Math.floor(random() * 4);
    const p = `<p style="text-indent: 2em;">${Array.from({ length: n }, () => SENTENCES[Math.floor(random() * SENTENCES.length)]).join('')}</p>`;
    out.push(p);
    bytes += Buffer.byteLength(p);
  }
  return out.join('');
}

/** `page` with `html` inserted right after <body> (`before`) and right before </body> (`after`). */
function around(page: string, before: string, after: string): string {
  const open = page.search(/<body[^>]*>/i);
  const openEnd = page.indexOf('>', open) + 1;
  const close = page.lastIndexOf('</body>');
  return page.slice(0, openEnd) + before + page.slice(openEnd, close) + after + page.slice(close);
}

/**
 * Seed 004 (the one with errors) rendered by test/fixtures/render.ts, then grown two ways: site chrome and ever
 * more text (≈ 30 KB … 2 MB), and unrelated attachment tables up to 100 000 cells (the engine refuses 200 000).
 */
export function generatedPages(): BenchPage[] {
  const seed = loadSeed('004');
  const pages: BenchPage[] = [];
  for (const kb of [30, 120, 500, 2000]) {
    const random = rng(kb);
    const chrome = siteChrome(random, 40);
    const text = paragraphs(random, kb * 1024);
    const html = around(renderReportPage(seed, 'cms'), chrome.header + text.slice(0, text.length >> 1), text.slice(text.length >> 1) + chrome.footer);
    pages.push(page(`gen-text-${kb}k`, 'generated', html));
  }
  for (const cells of [1_000, 5_000, 20_000, 100_000]) {
    pages.push(page(`gen-cells-${cells / 1000}k`, 'generated', renderHugePage(cells, seed, 'word')));
  }
  return pages;
}
