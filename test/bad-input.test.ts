/**
 * PDF and Word inputs that cannot be checked: each gets its own bilingual reason (Chinese first), within the time
 * limit and without inflating or parsing more than the limits allow. Never a guess, never an exception.
 */
import { zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, type BadInput, type BadInputCode } from '../lib/sources/bad-input';
import { readDocx } from '../lib/sources/docx';
import { readPdf } from '../lib/sources/pdf';
import { DOCUMENTS_DIR } from './fixtures/documents-catalogue';
import { tinyPdf } from './helpers/tiny-pdf';

const fixture = (file: string) => new Uint8Array(readFileSync(join(DOCUMENTS_DIR, file)));
const html = new TextEncoder().encode('<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>');

function expectRefused(outcome: { ok: true } | BadInput, code: BadInputCode, zh: RegExp, en: RegExp) {
  expect(outcome.ok).toBe(false);
  const refused = outcome as BadInput;
  expect(refused.code).toBe(code);
  expect(refused.reason.zh).toMatch(zh);
  expect(refused.reason.en).toMatch(en);
}

describe('PDF', () => {
  it('zero bytes: empty', async () => {
    expectRefused(await readPdf(new Uint8Array(0)), 'empty', /空文件/, /empty/);
  });

  it('an HTML page named .pdf: not a PDF', async () => {
    expectRefused(await readPdf(html), 'not-pdf', /不是 PDF 文件/, /not a PDF/);
  });

  it('truncated (the first half of a real PDF): incomplete', async () => {
    const whole = fixture('004-libreoffice.pdf');
    expectRefused(await readPdf(whole.subarray(0, whole.length >> 1)), 'truncated', /不完整/, /incomplete/);
  });

  it('a header and an end but nothing readable between: damaged', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ngarbage\n%%EOF\n');
    expectRefused(await readPdf(broken), 'damaged', /损坏/, /damaged/);
  });

  it('encrypted with an open password (LibreOffice): encrypted', async () => {
    expectRefused(await readPdf(fixture('encrypted-libreoffice.pdf')), 'encrypted', /已加密/, /encrypted/);
  });

  it('a scan: a screenshot of table 3 as the only content of a printed page (Chromium)', async () => {
    expectRefused(await readPdf(fixture('scanned-chromium.pdf')), 'scanned', /^扫描件 PDF，没有文字层，无法核验$/, /scanned PDF without a text layer/);
  });

  it('a scan: image-only pages (hand-written PDF)', async () => {
    expectRefused(await readPdf(tinyPdf([{ image: true }, { image: true }])), 'scanned', /扫描件/, /scanned/);
  });

  it('a text page with an image page is read, not called a scan', async () => {
    const outcome = await readPdf(tinyPdf([{ text: '2024 report' }, { image: true }]));
    expect(outcome.ok && outcome.document.bodyText).toBe('2024 report');
    expect(outcome.ok && outcome.document.media).toEqual({ pdfLinks: 0, images: 1 });
  });

  it(`more than ${LIMITS.maxPdfPages} pages: refused before any page is read`, async () => {
    const pages = Array.from({ length: LIMITS.maxPdfPages + 1 }, (_, i) => ({ text: `page ${i + 1}` }));
    expectRefused(await readPdf(tinyPdf(pages)), 'too-many-pages', /页数过多（201 页，上限 200 页）/, /too many pages \(201, limit 200\)/);
    expect((await readPdf(tinyPdf(pages.slice(0, LIMITS.maxPdfPages)))).ok).toBe(true);
  });

  it('over 50 MB: refused before parsing', async () => {
    const big = new Uint8Array(LIMITS.maxBytes + 1);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    expectRefused(await readPdf(big), 'too-large', /文件过大（50 MB，上限 50 MB）/, /too large/);
  });

  it('past the time limit: gives up with a timeout', async () => {
    expectRefused(await readPdf(fixture('004-libreoffice.pdf'), { timeLimitMs: 1 }), 'timeout', /超时/, /timed out/);
  });
});

describe('Word', () => {
  it('a binary .doc (LibreOffice, Word 97): save as .docx or PDF', () => {
    expectRefused(readDocx(fixture('004-template.doc')), 'legacy-word', /另存为 \.docx 或 PDF/, /save it as \.docx or PDF/);
  });

  it('zero bytes, an HTML page named .docx, a zip without word/document.xml: not a .docx', () => {
    expectRefused(readDocx(new Uint8Array(0)), 'empty', /空文件/, /empty/);
    expectRefused(readDocx(html), 'not-docx', /不是有效的 \.docx/, /not a zip/);
    expectRefused(readDocx(zipSync({ 'a.txt': new Uint8Array(3) })), 'not-docx', /word\/document\.xml/, /word\/document\.xml/);
  });

  // The bombs inflate past a 1 MB limit (the default is LIMITS.maxDocxInflatedBytes, 100 MB): the same code path,
  // without compressing 100 MB in a unit test.
  const limit = 1024 * 1024;
  const bomb = () => zipSync({ 'word/document.xml': new Uint8Array(8 * limit).fill(0x20) }, { level: 9 });

  it('a zip bomb whose header tells its size: refused before inflating', () => {
    const zip = bomb();
    expect(zip.length).toBeLessThan(limit / 64);
    expectRefused(readDocx(zip, { maxInflatedBytes: limit }), 'zip-bomb', /压缩包超出限制/, /beyond the limits/);
    expect(readDocx(zip, { maxInflatedBytes: limit }).ok === false && readDocx(zip, { maxInflatedBytes: limit })).toMatchObject({
      reason: { en: expect.stringContaining('8388608 bytes') },
    });
  });

  it('a zip bomb whose headers lie (say 1 KB): stopped while inflating, at the limit', () => {
    const zip = bomb();
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Local file header: uncompressed size at offset 22; central directory entry (signature PK\1\2): at offset 24.
    view.setUint32(22, 1024, true);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 1024, true);
        break;
      }
    }
    const outcome = readDocx(zip, { maxInflatedBytes: limit });
    expectRefused(outcome, 'zip-bomb', /压缩包超出限制（more than 1 MB）/, /beyond the limits \(more than 1 MB\)/);
  });

  it(`more than ${LIMITS.maxDocxEntries} entries: refused`, () => {
    const files = Object.fromEntries(Array.from({ length: LIMITS.maxDocxEntries + 1 }, (_, i) => [`f${i}.xml`, new Uint8Array(1)]));
    expectRefused(readDocx(zipSync(files, { level: 0 })), 'zip-bomb', /压缩包超出限制/, /more than 2000 entries/);
  });
});
