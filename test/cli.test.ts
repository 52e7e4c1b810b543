/**
 * The command-line checker run as a child process on the fixture pages, as a user runs it; plus the charset and
 * byte-sniffing rules it reads pages with.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml } from '../cli/decode';
import { documentKind, whyNotHtml } from '../lib/sniff';
import { parseArgs } from '../cli/args';
import { FindingSchema } from '../lib/export/schema';
import { ReportSchema } from '../lib/report';
import { loadSeed } from './fixtures/seed-values';
import { CLI_TIMEOUT, expectNoStackTrace, ROOT, runCli } from './helpers/run-cli';

const PAGES = join(ROOT, 'test/fixtures/pages');
const page = (file: string) => join(PAGES, file);

/** The block of text output printed for one input (from its ▶ line to the next blank line). */
function blockFor(stdout: string, input: string): string {
  const start = stdout.indexOf(`▶ ${input}\n`);
  expect(start, `no report block for ${input}`).toBeGreaterThanOrEqual(0);
  const end = stdout.indexOf('\n\n', start);
  return stdout.slice(start, end < 0 ? undefined : end);
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cli-test-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run check on fixture pages', { timeout: CLI_TIMEOUT }, () => {
  it('seed 004: exits 1 and names the 本机关不掌握 cells as most likely wrong', async () => {
    const run = await runCli([page('004-plain.html')]);
    expect(run.code).toBe(1);
    const block = blockFor(run.stdout, page('004-plain.html'));
    expect(block).toContain('[T3-RESULTS]');
    const suspects = block.slice(block.indexOf('最可能有误 · most likely wrong'));
    expect(suspects.length).toBeLessThan(block.length);
    expect(suspects).toContain('table3.naturalPerson.results.unableToProvide.noInfo');
    expect(suspects).toContain('本机关不掌握相关政府信息');
    expect(run.stdout).toContain('共检查 1 个页面：1 个有错误，0 个无错误；共 2 处错误、0 处警告。');
    expect(run.stderr).toBe('');
  });

  it('seeds 000–002: exit 0, every table passes', async () => {
    const files = [page('000-plain.html'), page('001-word.html'), page('002-cms.html')];
    const run = await runCli(files);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const file of files) {
      const block = blockFor(run.stdout, file);
      expect(block).toMatch(/表二 ✓ 通过\s+表三 ✓ 通过\s+表四 ✓ 通过/);
      expect(block).not.toContain('错误 (');
    }
    expect(run.stdout).toContain('共检查 3 个页面：0 个有错误，3 个无错误；共 0 处错误、0 处警告。');
  });

  it('shuyang-2023 (a real page, five blank 法人 columns): one warning, the cause, not 160 lines', async () => {
    const file = resolve(ROOT, '../shared/realworld/shuyang-2023.html');
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    const block = blockFor(run.stdout, file);
    expect(block).toContain('表三 ! 1 个警告');
    expect(block).toContain('警告 (1)\n    ! [BLANK] 表三 法人或其他组织 5 列整列空白（125 格），应填 0（另有 35 项核对取决于这些空白格）');
    expect(block).toContain('含 160 条：T3-BALANCE 5、T3-RESULTS 5、T3-ROW 25、BLANK 125');
    expect(block.split('\n').filter((line) => /^ {4}[✗!i] /.test(line))).toHaveLength(1);
    expect(run.stdout).toContain('共检查 1 个页面：0 个有错误，1 个无错误；共 0 处错误、1 处警告。');
  });

  it('seed 004: the formula names its non-zero terms (Chinese and English)', async () => {
    const zh = await runCli([page('004-plain.html')]);
    expect(zh.stdout).toContain('应为 3   实为 1   内部事务信息 1 + 本机关不掌握 2 = 3 ≠ （七）总计 1，其余 19 项为 0');
    const en = await runCli(['--lang', 'en', page('004-plain.html')]);
    expect(en.stdout).toContain('expected 3   found 1   Internal affairs 1 + Not held 2 = 3 ≠ (7) Total processed 1; the other 19 are 0');
  });

  it('a Word paste with a misaligned table-3 header: the error in its 商业企业 column exits 1; the clean page exits 0', async () => {
    const bad = await runCli([page('000-every-column-error-word-misaligned.html')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('[T3-RESULTS] 商业企业');
    expect(bad.stdout).not.toContain('[MISSING]');
    const clean = await runCli([page('000-every-column-word-misaligned.html')]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).not.toContain('[MISSING]');
  });

  it('--lang en prints the English messages and labels', async () => {
    const run = await runCli(['--lang', 'en', page('004-plain.html')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Errors \(\d+\)/);
    expect(run.stdout).toContain('Table 3 Natural persons · (4) Unable: 1. Not held');
    expect(run.stdout).toContain('Checked 1 page: 1 with errors, 0 without; 2 errors and 0 warnings in all.');
  });

  it('decodes a GBK page (meta charset gb2312): the title shows correctly', async () => {
    const run = await runCli([page('001-gbk-plain.html')]);
    const title = loadSeed('001').title;
    expect(blockFor(run.stdout, page('001-gbk-plain.html'))).toContain(`标题：${title}`);
    expect(run.code).toBe(0);
  });

  it('checks every .html/.htm in a directory, recursively, in sorted order, and nothing else', async () => {
    const dir = join(scratch, 'dir');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(page('004-plain.html'), join(dir, 'sub', 'b.htm'));
    copyFileSync(page('000-plain.html'), join(dir, 'a.html'));
    writeFileSync(join(dir, 'notes.txt'), 'not a page');
    const run = await runCli([dir]);
    expect(run.code).toBe(1);
    const blocks = [...run.stdout.matchAll(/^▶ (.+)$/gm)].map((m) => m[1]);
    expect(blocks).toEqual([join(dir, 'a.html'), join(dir, 'sub', 'b.htm')]);
    expect(run.stdout).toContain('共检查 2 个页面：1 个有错误，1 个无错误；共 2 处错误、0 处警告。');
  });

  it('a missing file among good ones: exit 2, one stderr line for it, the good ones still reported', async () => {
    const missing = join(scratch, 'missing.html');
    const run = await runCli([page('000-plain.html'), missing, page('004-plain.html')]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(missing);
    expect(lines[0]).toContain('不存在');
    blockFor(run.stdout, page('000-plain.html'));
    blockFor(run.stdout, page('004-plain.html'));
    expect(run.stdout).toContain('共检查 2 个页面：1 个有错误，1 个无错误；共 2 处错误、0 处警告；1 个输入无法读取。');
    expectNoStackTrace(run);
  });

  it('--json prints one array of {input, result}; each report validates against ReportSchema', async () => {
    const files = [page('004-plain.html'), page('001-gbk-plain.html'), page('003-merged.html')];
    const run = await runCli(['--json', ...files]);
    expect(run.code).toBe(1);
    const entries = JSON.parse(run.stdout) as { input: string; result: any }[];
    expect(entries.map((e) => e.input)).toEqual(files);
    for (const { result } of entries) {
      expect(result.status).toBe('ok');
      expect(ReportSchema.safeParse(result.report).success).toBe(true);
      for (const finding of result.findings) expect(FindingSchema.safeParse(finding).success).toBe(true);
      const grouped = result.causes.flatMap((c: { findings: number[] }) => c.findings).sort((a: number, b: number) => a - b);
      expect(grouped).toEqual(result.findings.map((_: unknown, i: number) => i));
      expect(Object.keys(result.timings).sort()).toEqual(['check', 'detect', 'parse']);
    }
    const seed004 = entries[0].result;
    expect(seed004.findings.filter((f: any) => f.severity === 'error' && f.rule === 'T3-RESULTS').map((f: any) => f.target).sort()).toEqual([
      'table3.naturalPerson.results.totalProcessed',
      'table3.total.results.totalProcessed',
    ]);
    expect(seed004.suspects.map((s: any) => s.path)).toContain('table3.naturalPerson.results.unableToProvide.noInfo');
    expect(entries[1].result.report.meta.title).toBe(loadSeed('001').title);
  });

  it('--json keeps an unreadable input as {input, result: null, error}', async () => {
    const run = await runCli(['--json', page('000-plain.html'), join(scratch, 'nope.html')]);
    expect(run.code).toBe(2);
    const entries = JSON.parse(run.stdout);
    expect(entries[1]).toEqual({ input: join(scratch, 'nope.html'), result: null, error: expect.objectContaining({ zh: expect.any(String), en: expect.any(String) }) });
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a PDF-only or image-only page: says to check the PDF itself, or that images are not checkable here', async () => {
    const run = await runCli([page('pdf-only.html'), page('image-only.html')]);
    expect(run.code).toBe(0);
    expect(blockFor(run.stdout, page('pdf-only.html'))).toMatch(/PDF 附件.*请核验该 PDF 文件本身/);
    expect(blockFor(run.stdout, page('image-only.html'))).toMatch(/4 张图片.*此处无法检查/);
  });
});

const DOCUMENTS = join(ROOT, 'test/fixtures/documents');
const documentFile = (file: string) => join(DOCUMENTS, file);

describe('npm run check on PDF and Word files', { timeout: CLI_TIMEOUT }, () => {
  it('report.pdf draft.docx: each checked; seed 004 has its two errors (exit 1), seed 000 none', async () => {
    const run = await runCli([documentFile('004-libreoffice.pdf'), documentFile('000-template.docx')]);
    expect(run.code).toBe(1);
    const pdf = blockFor(run.stdout, documentFile('004-libreoffice.pdf'));
    expect(pdf).toContain('表三 ✗ 2 个错误');
    expect(pdf).toContain('table3.naturalPerson.results.unableToProvide.noInfo');
    expect(blockFor(run.stdout, documentFile('000-template.docx'))).toContain('表二 ✓ 通过   表三 ✓ 通过   表四 ✓ 通过');
    expect(run.stderr).toBe('');
  });

  it('--json keeps its shape for documents: [{input, result}] with a CheckResult', async () => {
    const run = await runCli(['--json', documentFile('004-template.docx')]);
    expect(run.code).toBe(1);
    const [entry] = JSON.parse(run.stdout);
    expect(Object.keys(entry)).toEqual(['input', 'result']);
    expect(ReportSchema.safeParse(entry.result.report).success).toBe(true);
    expect(entry.result.findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
  });

  it('a directory holds .html, .pdf and .docx files: all three are checked, sorted, and nothing else', async () => {
    const dir = join(scratch, 'mixed');
    mkdirSync(dir, { recursive: true });
    copyFileSync(page('000-plain.html'), join(dir, 'c.html'));
    copyFileSync(documentFile('004-libreoffice.pdf'), join(dir, 'a.pdf'));
    copyFileSync(documentFile('001-template.docx'), join(dir, 'b.docx'));
    writeFileSync(join(dir, 'notes.txt'), 'not a report');
    const run = await runCli([dir]);
    expect(run.code).toBe(1);
    expect([...run.stdout.matchAll(/^▶ (.+)$/gm)].map((m) => m[1])).toEqual(['a.pdf', 'b.docx', 'c.html'].map((f) => join(dir, f)));
  });

  it('bad documents: a scan, an encrypted PDF, a .doc and a .wps, a non-PDF named .pdf, an empty .pdf: exit 2, one line each', async () => {
    const wps = join(scratch, 'draft.wps');
    const notPdf = join(scratch, 'page.pdf');
    const empty = join(scratch, 'empty.pdf');
    copyFileSync(documentFile('004-template.doc'), wps);
    copyFileSync(page('000-plain.html'), notPdf);
    writeFileSync(empty, '');
    const inputs = [documentFile('scanned-chromium.pdf'), documentFile('encrypted-libreoffice.pdf'), documentFile('004-template.doc'), wps, notPdf, empty];
    const run = await runCli(inputs);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `无法检查 ${inputs[0]}: 扫描件 PDF，没有文字层，无法核验`,
      `无法检查 ${inputs[1]}: PDF 已加密，需要密码才能打开，无法核验`,
      `无法检查 ${inputs[2]}: 旧版 Word/WPS 二进制文件（.doc/.wps），无法核验：请另存为 .docx 或 PDF`,
      `无法检查 ${inputs[3]}: 旧版 Word/WPS 二进制文件（.doc/.wps），无法核验：请另存为 .docx 或 PDF`,
      `无法检查 ${inputs[4]}: 不是 PDF 文件（没有 %PDF- 文件头），无法核验`,
      `无法检查 ${inputs[5]}: 空文件，没有内容`,
    ]);
    expectNoStackTrace(run);
  });
});

describe('npm run check on bad input', { timeout: CLI_TIMEOUT }, () => {
  it('garbage bytes, an empty file and a broken PDF saved as .html: exit 2 with one clear line each, no stack trace', async () => {
    const garbage = join(scratch, 'garbage.html');
    const empty = join(scratch, 'empty.html');
    const pdf = join(scratch, 'report.html');
    let seed = 42;
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff)));
    writeFileSync(empty, '');
    writeFileSync(pdf, '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const run = await runCli([garbage, empty, pdf]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      `无法检查 ${garbage}: 不是 HTML 页面（二进制数据）`,
      `无法检查 ${empty}: 空文件，没有内容`,
      `无法检查 ${pdf}: PDF 文件不完整（缺少文件结尾，可能下载中断），无法核验`,
    ]);
    expect(run.stdout).toContain('共检查 0 个页面：0 个有错误，0 个无错误；共 0 处错误、0 处警告；3 个输入无法读取。');
    expectNoStackTrace(run);
  });

  it('an unknown flag prints the usage and exits 2; --help exits 0', async () => {
    const bad = await runCli(['--frobnicate', page('000-plain.html')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知选项 unknown option: --frobnicate');
    expect(bad.stderr).toContain('用法 Usage');
    expect(bad.stdout).toBe('');
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--lang zh|en');
  });
});

/** A port nothing listens on: one the OS just handed out and we closed again. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((listening) => probe.listen(0, '127.0.0.1', listening));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((closed) => probe.close(() => closed()));
  return port;
}

describe('npm run check on URLs (local server on 127.0.0.1)', { timeout: CLI_TIMEOUT }, () => {
  let server: Server;
  let base: string;
  const gbkPage = readFileSync(page('001-gbk-plain.html'));
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/gbk-header') {
        // The charset comes from the header only: the page's own <meta> is removed.
        const html = iconv.decode(gbkPage, 'gb18030').replace(/<meta charset="gb2312">/i, '');
        response.writeHead(200, { 'content-type': 'text/html; charset=GBK' }).end(iconv.encode(html, 'gbk'));
      } else if (request.url === '/report') response.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(page('004-cms.html')));
      else if (request.url === '/report.pdf') response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7\n');
      else if (request.url === '/files/download?id=7') {
        response.writeHead(200, { 'content-type': 'application/pdf' }).end(readFileSync(join(ROOT, 'test/fixtures/documents/004-libreoffice.pdf')));
      }
      else response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  it('fetches and checks pages; a 404, a PDF and a refused connection each get one line and exit 2', async () => {
    const refused = `http://127.0.0.1:${await closedPort()}/`;
    const urls = [`${base}/report`, `${base}/gbk-header`, `${base}/gone`, `${base}/report.pdf`, refused];
    const run = await runCli(urls);
    expect(run.code).toBe(2);
    expect(blockFor(run.stdout, `${base}/report`)).toContain('最可能有误 · most likely wrong');
    expect(blockFor(run.stdout, `${base}/gbk-header`)).toContain(`标题：${loadSeed('001').title}`);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`无法检查 ${base}/gone: 服务器返回 HTTP 404 Not Found`);
    expect(lines[1]).toBe(`无法检查 ${base}/report.pdf: PDF 文件不完整（缺少文件结尾，可能下载中断），无法核验`);
    expect(lines[2]).toBe(`无法检查 ${refused}: 无法下载（ECONNREFUSED）`);
    expectNoStackTrace(run);
  });

  it('a PDF served as application/pdf is fetched and checked like a file', async () => {
    const run = await runCli([`${base}/files/download?id=7`]);
    expect(run.code).toBe(1);
    expect(blockFor(run.stdout, `${base}/files/download?id=7`)).toContain('表三 ✗ 2 个错误');
  });

  it('the JSON result of a URL carries the URL in report.meta.url', async () => {
    const run = await runCli(['--json', `${base}/report`]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0].result.report.meta.url).toBe(`${base}/report`);
  });
});

describe('reading bytes as a browser does', () => {
  const gbk = (html: string) => iconv.encode(html, 'gbk');
  const page = (head: string) => `<!DOCTYPE html><html><head>${head}<title>平潭综合实验区2023年度报告</title></head><body><p>本机关不掌握</p></body></html>`;

  it('takes the charset from <meta charset> or <meta http-equiv content-type> in the first 1024 bytes', () => {
    expect(decodeHtml(gbk(page('<meta charset="gb2312">')))).toMatchObject({ encoding: 'gb18030', source: 'meta' });
    const httpEquiv = decodeHtml(gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=GBK">')));
    expect(httpEquiv).toMatchObject({ encoding: 'gb18030', source: 'meta' });
    expect(httpEquiv.text).toContain('平潭综合实验区2023年度报告');
  });

  it('ignores a <meta> after the first 1024 bytes and one inside a comment', () => {
    const late = Buffer.from(`<!DOCTYPE html><html><head><!--${'x'.repeat(1100)}--><meta charset="windows-1252"><title>年度报告</title></head></html>`);
    expect(decodeHtml(late)).toMatchObject({ encoding: 'utf-8', source: 'default' });
    const commented = Buffer.from('<html><head><!-- <meta charset="windows-1252"> --><title>年度报告</title></head></html>');
    expect(decodeHtml(commented).text).toContain('年度报告');
  });

  it('lets a BOM win over the header, and the header win over the meta', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<meta charset="gb2312">'))]);
    expect(decodeHtml(withBom, 'text/html; charset=gbk')).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(decodeHtml(withBom).text.startsWith('<!DOCTYPE')).toBe(true);
    const headerWins = decodeHtml(gbk(page('<meta charset="utf-8">')), 'text/html; charset="gb2312"');
    expect(headerWins).toMatchObject({ encoding: 'gb18030', source: 'http' });
    expect(headerWins.text).toContain('本机关不掌握');
  });

  it('falls back to GB18030 for undeclared bytes that are not UTF-8', () => {
    const decoded = decodeHtml(gbk(page('')));
    expect(decoded).toMatchObject({ encoding: 'gb18030', source: 'fallback' });
    expect(decoded.text).toContain('平潭综合实验区2023年度报告');
  });

  it('recognises what is not a page: empty, images, spreadsheets, binary data', () => {
    expect(whyNotHtml(new Uint8Array())?.en).toMatch(/empty/);
    expect(whyNotHtml(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))?.en).toMatch(/PNG/);
    expect(whyNotHtml(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))?.en).toMatch(/xls\/ppt/);
    expect(whyNotHtml(Buffer.from([0x3c, 0x70, 0x00, 0x01]))?.en).toMatch(/binary/);
    expect(whyNotHtml(gbk(page('')))).toBeNull();
    expect(whyNotHtml(Buffer.from('纯文本，没有标签'))).toBeNull();
  });
});

describe('which reader an input goes to', () => {
  const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]);
  it('by the first bytes: %PDF- (even after junk), a zip, an old Office binary', () => {
    expect(documentKind('a.html', Buffer.from('%PDF-1.4\n'))).toBe('pdf');
    expect(documentKind('a', Buffer.from('\r\n junk %PDF-1.7\n'))).toBe('pdf');
    expect(documentKind('draft', zip)).toBe('docx');
    expect(documentKind('draft.wps', ole2)).toBe('docx');
    expect(documentKind('sheet.xlsx', zip)).toBe('html');
    expect(documentKind('sheet.xls', ole2)).toBe('html');
  });
  it('else by the name or the media type: a non-PDF named .pdf is read as a PDF, and refused as one', () => {
    expect(documentKind('report.PDF', Buffer.from('<html>'))).toBe('pdf');
    expect(documentKind('/files/x', Buffer.from('<html>'), 'application/pdf')).toBe('pdf');
    expect(documentKind('draft.docx', Buffer.from('<html>'))).toBe('docx');
    expect(documentKind('page.htm', Buffer.from('<html>'))).toBe('html');
  });
});

describe('flags', () => {
  it('reads --json, --lang in both spellings, and inputs after --', () => {
    expect(parseArgs(['--json', '--lang=en', 'a.html', '--', '--odd-name.html'])).toEqual({
      ok: true,
      options: { json: true, lang: 'en', help: false, csv: null, jobs: null, inputs: ['a.html', '--odd-name.html'] },
    });
  });
  it('reads --csv FILE and --jobs N in both spellings', () => {
    expect(parseArgs(['--csv', 'out.csv', '--jobs', '2', 'dir'])).toMatchObject({ ok: true, options: { csv: 'out.csv', jobs: 2, inputs: ['dir'] } });
    expect(parseArgs(['--csv=out.csv', '--jobs=1', 'dir'])).toMatchObject({ ok: true, options: { csv: 'out.csv', jobs: 1 } });
  });
  it.each([[['--jobs', '0', 'a.html']], [['--jobs', '-1', 'a.html']], [['--jobs', '1.5', 'a.html']], [['--jobs', 'two', 'a.html']], [['--jobs']], [['--jobs', '65', 'a.html']], [['--csv']], [['--csv', '--json', 'a.html']]])(
    'refuses %j with a message in both languages',
    (argv) => {
      const parsed = parseArgs(argv);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/[\u4e00-\u9fff].* · .*[a-z]/);
    },
  );
  it('refuses a bad --lang, an unknown flag and no input', () => {
    expect(parseArgs(['--lang', 'fr', 'a.html']).ok).toBe(false);
    expect(parseArgs(['--lang']).ok).toBe(false);
    expect(parseArgs(['-x', 'a.html']).ok).toBe(false);
    expect(parseArgs([]).ok).toBe(false);
  });
});
