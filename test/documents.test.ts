/**
 * The committed PDF and Word fixtures (test/fixtures/documents/, scripts/make-document-fixtures.ts): each is what the
 * manifest says it is, and each seed's draft and PDFs give the values it was made from and the same findings and
 * suspects as the seed's HTML page, seed 004's two T3-RESULTS errors and its 本机关不掌握 suspects included.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SourceDocument } from '../lib/cell-source';
import { checkDocument } from '../lib/check';
import { ALL_PATHS, cellAt } from '../lib/paths';
import type { CheckResult } from '../lib/findings';
import { loadHtml } from '../lib/sources/cheerio';
import { readDocx } from '../lib/sources/docx';
import { readPdf } from '../lib/sources/pdf';
import { PAGES_DIR } from './fixtures/catalogue';
import { DOCUMENTS_DIR, documentFixtures, type ManifestEntry } from './fixtures/documents-catalogue';
import { expectReportValues } from './fixtures/expect-report';
import { fillTemplate } from './fixtures/fill-template';
import { loadSeeds } from './fixtures/seed-values';

vi.setConfig({ testTimeout: 60_000 });

const manifest: ManifestEntry[] = JSON.parse(readFileSync(join(DOCUMENTS_DIR, 'manifest.json'), 'utf8'));
const seeds = new Map(loadSeeds().map((s) => [s.id, s]));
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(DOCUMENTS_DIR, file)));

/** Each file is read and checked once (pdf.js takes about a second per PDF on a busy machine). */
const checked = new Map<string, Promise<CheckResult>>();
function checkFile(file: string): Promise<CheckResult> {
  let result = checked.get(file);
  if (!result) {
    result = (async () => {
      const bytes = bytesOf(file);
      const outcome = file.endsWith('.pdf') ? await readPdf(bytes) : readDocx(bytes);
      if (!outcome.ok) throw new Error(`${file}: ${outcome.reason.en}`);
      const document: SourceDocument<unknown> = outcome.document;
      return checkDocument(document).result;
    })();
    checked.set(file, result);
  }
  return result;
}

/** The seed's HTML page as the reference: the printed style's page for a Chromium PDF, the plain page otherwise. */
function htmlResult(fixture: ManifestEntry): CheckResult {
  const page = `${fixture.seed}-${fixture.style ?? 'plain'}.html`;
  return checkDocument(loadHtml(readFileSync(join(PAGES_DIR, page), 'utf8'))).result;
}

/** Findings without their order (the rules emit them per table as found) and suspects as they come. */
const comparable = (result: CheckResult) => ({
  status: result.status,
  findings: result.findings.map((f) => JSON.stringify(f)).sort(),
  suspects: result.suspects,
});

describe('committed document fixtures', () => {
  it('are the files the catalogue lists, with the hashes the generator recorded', () => {
    expect(manifest.map((m) => m.file)).toEqual(documentFixtures().map((f) => f.file));
    for (const entry of manifest) {
      const bytes = bytesOf(entry.file);
      expect(bytes.length, entry.file).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), entry.file).toBe(entry.sha256);
    }
  });

  it('the Word drafts are what fillTemplate makes from the seeds and the template today (else: npm run fixtures:documents)', () => {
    for (const entry of manifest.filter((m) => m.producer === 'fill-template')) {
      expect(Buffer.from(fillTemplate(seeds.get(entry.seed!)!)).equals(Buffer.from(bytesOf(entry.file))), entry.file).toBe(true);
    }
  });
});

const reports = manifest.filter((m) => m.expect === 'report' && !m.knownLimit);
const limited = manifest.filter((m) => m.expect === 'report' && m.knownLimit);

describe.each(reports)('$file', (fixture) => {
  it('gives every template value the seed was made with', async () => {
    const result = await checkFile(fixture.file);
    expectReportValues(result.report, seeds.get(fixture.seed!)!.values);
  });

  it('gives the same findings and suspects as the HTML page', async () => {
    const result = await checkFile(fixture.file);
    expect(comparable(result)).toEqual(comparable(htmlResult(fixture)));
  });
});

describe.each(limited)('$file (known limit: $knownLimit)', (fixture) => {
  it('gives no wrong number: every template cell it reads holds the seed value, and what it misses is said', async () => {
    const result = await checkFile(fixture.file);
    const values = seeds.get(fixture.seed!)!.values;
    const read = ALL_PATHS.filter((path) => result.report && cellAt(result.report, path));
    for (const path of read) expect(cellAt(result.report!, path)!.raw.trim(), path).toBe((values[path] ?? '').trim());
    if (read.length < ALL_PATHS.length) {
      expect(result.status === 'no-report' || result.findings.some((f) => f.rule === 'MISSING')).toBe(true);
    }
  });
});

describe('seed 004 in every form', () => {
  it('has the two T3-RESULTS errors and the 本机关不掌握 suspects', async () => {
    const forms = reports.filter((m) => m.seed === '004');
    expect(forms.length).toBeGreaterThan(0);
    for (const fixture of forms) {
      const result = await checkFile(fixture.file);
      const errors = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.target} ${f.expected}/${f.found}`);
      expect(errors, fixture.file).toEqual([
        'T3-RESULTS table3.naturalPerson.results.totalProcessed 3/1',
        'T3-RESULTS table3.total.results.totalProcessed 4/2',
      ]);
      expect(result.suspects.map((s) => s.path), fixture.file).toEqual([
        'table3.naturalPerson.results.unableToProvide.noInfo',
        'table3.total.results.unableToProvide.noInfo',
      ]);
    }
  });
});
