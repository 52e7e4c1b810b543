/**
 * Writes test/fixtures/documents/ (see test/fixtures/documents-catalogue.ts): the seeds as filled Word templates, those
 * printed to PDF by LibreOffice, the HTML fixture pages printed to PDF by Chromium, and the bad inputs that need a
 * real producer (a scan, an encrypted PDF, a binary .doc). Then manifest.json with every file's sha256.
 * Needs soffice (libreoffice-writer-nogui) and /usr/bin/chromium; the tests only read what this wrote.
 * Usage: npm run fixtures:documents (`-- --missing-only` makes only the files not there yet, LibreOffice's included,
 * and leaves every committed file as it is)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { PAGES_DIR } from '../test/fixtures/catalogue';
import { DOCUMENTS_DIR, documentFixtures, documentsToMake, PRINT_VARIANTS, type ManifestEntry } from '../test/fixtures/documents-catalogue';
import { DRAFT_VARIANTS, fillTemplate } from '../test/fixtures/fill-template';
import { loadSeeds } from '../test/fixtures/seed-values';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fixtures = documentFixtures();
mkdirSync(DOCUMENTS_DIR, { recursive: true });
const keep = new Set([...fixtures.map((f) => f.file), 'manifest.json']);
for (const file of readdirSync(DOCUMENTS_DIR)) if (!keep.has(file)) rmSync(join(DOCUMENTS_DIR, file));

const toMake = new Set(
  documentsToMake(fixtures, process.argv.includes('--missing-only'), (file) => existsSync(join(DOCUMENTS_DIR, file))).map((f) => f.file),
);

// 1. Word drafts.
for (const seed of loadSeeds()) {
  const file = `${seed.id}-template.docx`;
  if (toMake.has(file)) writeFileSync(join(DOCUMENTS_DIR, file), fillTemplate(seed));
}

// 2. LibreOffice: each draft to PDF, as it is and with its borders off; seed 004 also encrypted and as a binary .doc.
const libreOffice = fixtures.filter((f) => f.producer === 'libreoffice' && toMake.has(f.file));
if (libreOffice.length > 0) {
  const work = mkdtempSync(join(tmpdir(), 'soffice-'));
  const soffice = (args: string[]) =>
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(work, 'profile'))}`, '--headless', ...args], { stdio: 'pipe' });
  /** Drafts to print (each named `<id>-template.docx`) → the fixture each becomes. */
  const prints = new Map<string, { draft: string; fixture: string }[]>(); // by draft variant ('' for the draft as it is)
  for (const f of libreOffice.filter((f) => f.expect === 'report')) {
    let draft = join(DOCUMENTS_DIR, `${f.seed}-template.docx`);
    if (f.draft) {
      mkdirSync(join(work, f.draft), { recursive: true });
      const changed = join(work, f.draft, `${f.seed}-template.docx`);
      writeFileSync(changed, DRAFT_VARIANTS[f.draft](readFileSync(draft)));
      draft = changed;
    }
    prints.set(f.draft ?? '', [...(prints.get(f.draft ?? '') ?? []), { draft, fixture: f.file }]);
  }
  // The changed copies have the drafts' names: each variant is printed into its own folder.
  [...prints.values()].forEach((group, i) => {
    const out = join(work, `pdf-${i}`);
    soffice(['--convert-to', 'pdf', '--outdir', out, ...group.map((p) => p.draft)]);
    for (const { draft, fixture } of group) renameSync(join(out, basename(draft, '.docx') + '.pdf'), join(DOCUMENTS_DIR, fixture));
  });
  const draft004 = join(DOCUMENTS_DIR, '004-template.docx');
  if (toMake.has('encrypted-libreoffice.pdf')) {
    const encrypt = JSON.stringify({
      EncryptFile: { type: 'boolean', value: 'true' },
      DocumentOpenPassword: { type: 'string', value: 'secret' },
    });
    soffice(['--convert-to', `pdf:writer_pdf_Export:${encrypt}`, '--outdir', join(work, 'enc'), draft004]);
    renameSync(join(work, 'enc', '004-template.pdf'), join(DOCUMENTS_DIR, 'encrypted-libreoffice.pdf'));
  }
  if (toMake.has('004-template.doc')) soffice(['--convert-to', 'doc:MS Word 97', '--outdir', DOCUMENTS_DIR, draft004]);
  rmSync(work, { recursive: true, force: true });
}

// 3. Chromium: the HTML fixture pages printed, and a scan (a screenshot as the page's only content).
const printedByChromium = fixtures.filter((f) => f.producer === 'chromium' && toMake.has(f.file));
if (printedByChromium.length > 0) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    for (const fixture of printedByChromium.filter((f) => f.style)) {
      await page.goto(pathToFileURL(join(PAGES_DIR, `${fixture.seed}-${fixture.style}.html`)).href);
      if (fixture.variant) await page.addStyleTag({ content: PRINT_VARIANTS[fixture.variant] });
      writeFileSync(join(DOCUMENTS_DIR, fixture.file), await page.pdf({ format: 'A4', printBackground: true }));
    }
    if (toMake.has('scanned-chromium.pdf')) {
      await page.goto(pathToFileURL(join(PAGES_DIR, '004-plain.html')).href);
      const shot = await page.locator('table').nth(1).screenshot({ type: 'png' });
      await page.setContent(`<img style="width:100%" src="data:image/png;base64,${shot.toString('base64')}">`);
      writeFileSync(join(DOCUMENTS_DIR, 'scanned-chromium.pdf'), await page.pdf({ format: 'A4' }));
    }
  } finally {
    await browser.close();
  }
}

// 4. The manifest: what each file is and its hash (PDFs carry creation dates, so only the hash says what was tested).
const manifest: ManifestEntry[] = fixtures.map((f) => {
  const bytes = readFileSync(join(DOCUMENTS_DIR, f.file));
  return { ...f, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
});
writeFileSync(join(DOCUMENTS_DIR, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
const total = manifest.reduce((n, m) => n + m.bytes, 0);
console.log(`${manifest.length} documents, ${(total / 1024 / 1024).toFixed(2)} MB → ${DOCUMENTS_DIR}`);
