/** The pages the benchmark runs over: the fixture pages, the real pages in ../shared/realworld, and generated pages of many sizes. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../cli/decode';

export interface BenchPage {
  name: string;
  group: 'fixture' | 'realworld' | 'generated';
  html: string;
  /** UTF-8 size of the HTML text. */
  bytes: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE_PAGES = resolve(here, '../test/fixtures/pages');
/** The real pages (and the real PDF), ../shared/realworld unless REALWORLD_DIR names another folder. */
export const REALWORLD = process.env.REALWORLD_DIR ?? resolve(here, '../../shared/realworld');

export function fixturePages(): BenchPage[] {
  return htmlFilesIn(FIXTURE_PAGES).map((file) => page(basename(file), 'fixture', readHtml(file)));
}

export function realworldPages(): BenchPage[] {
  return htmlFilesIn(REALWORLD).map((file) => page(basename(file), 'realworld', readHtml(file)));
}

export function page(name: string, group: BenchPage['group'], html: string): BenchPage {
  return { name, group, html, bytes: Buffer.byteLength(html) };
}

function htmlFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.html?$/i.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Fixture pages may be GBK: decode them as the CLI does. */
function readHtml(file: string): string {
  return decodeHtml(new Uint8Array(readFileSync(file))).text;
}
