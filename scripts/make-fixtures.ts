/**
 * Writes test/fixtures/pages/: every seed in every style, the variants (blank, n/a and text, GBK, injected error),
 * a huge page, a page without a report, PDF-only and image-only pages, and manifest.json listing them; and
 * test/fixtures/cross-year/: several bodies over several years, with its own manifest.json; and test/fixtures/column/:
 * 年报 list pages linking them, for the extension's batch.
 * Usage: npm run fixtures
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COLUMN_DIR, CROSS_YEAR_DIR, PAGES_DIR, fixturePages, manifestEntry } from '../test/fixtures/catalogue';
import { crossYearPages } from '../test/fixtures/cross-year';
import { columnFiles } from '../test/fixtures/column';
import { loadSeeds } from '../test/fixtures/seed-values';

const pages = fixturePages(loadSeeds());
mkdirSync(PAGES_DIR, { recursive: true });
const keep = new Set([...pages.map((p) => p.file), 'manifest.json']);
for (const file of readdirSync(PAGES_DIR)) if (!keep.has(file)) rmSync(join(PAGES_DIR, file));

let total = 0;
for (const page of pages) {
  writeFileSync(join(PAGES_DIR, page.file), page.bytes);
  total += page.bytes.length;
}
writeFileSync(join(PAGES_DIR, 'manifest.json'), JSON.stringify(pages.map(manifestEntry), null, 1) + '\n');
console.log(`${pages.length} pages, ${(total / 1024 / 1024).toFixed(2)} MB → ${PAGES_DIR}`);

const yearPages = crossYearPages();
rmSync(CROSS_YEAR_DIR, { recursive: true, force: true });
mkdirSync(CROSS_YEAR_DIR, { recursive: true });
for (const page of yearPages) writeFileSync(join(CROSS_YEAR_DIR, page.file), page.bytes);
const yearManifest = yearPages.map(({ bytes: _bytes, ...entry }) => entry);
writeFileSync(join(CROSS_YEAR_DIR, 'manifest.json'), JSON.stringify(yearManifest, null, 1) + '\n');
console.log(`${yearPages.length} cross-year pages → ${CROSS_YEAR_DIR}`);

const column = columnFiles();
rmSync(COLUMN_DIR, { recursive: true, force: true });
for (const file of column) {
  mkdirSync(dirname(join(COLUMN_DIR, file.file)), { recursive: true });
  writeFileSync(join(COLUMN_DIR, file.file), file.bytes);
}
writeFileSync(join(COLUMN_DIR, 'manifest.json'), JSON.stringify(column.map(({ bytes: _bytes, ...entry }) => entry), null, 1) + '\n');
console.log(`${column.length} column pages → ${COLUMN_DIR}`);
