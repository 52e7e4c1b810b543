/** Which files `npm run fixtures:documents` makes (scripts/make-document-fixtures.ts): `--missing-only` makes every missing file and nothing else. */
import { describe, expect, test } from 'vitest';
import { documentFixtures, documentsToMake } from './fixtures/documents-catalogue';

const fixtures = documentFixtures();
const files = (missingOnly: boolean, missing: string[]) =>
  documentsToMake(fixtures, missingOnly, (file) => !missing.includes(file)).map((f) => f.file);

describe('npm run fixtures:documents', () => {
  test('on a full checkout, --missing-only makes nothing (every committed fixture stays as it is)', () => {
    expect(files(true, [])).toEqual([]);
  });

  test('--missing-only makes the missing LibreOffice files too, and only the missing files', () => {
    const missing = ['001-libreoffice.pdf', 'encrypted-libreoffice.pdf', '004-template.doc', '002-template.docx', 'scanned-chromium.pdf'];
    expect(files(true, missing).sort()).toEqual([...missing].sort());
    expect(fixtures.filter((f) => missing.includes(f.file)).map((f) => f.producer).sort()).toEqual([
      'chromium',
      'fill-template',
      'libreoffice',
      'libreoffice',
      'libreoffice',
    ]);
  });

  test('without the flag every file is made', () => {
    expect(files(false, [])).toEqual(fixtures.map((f) => f.file));
  });
});
