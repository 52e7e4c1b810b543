/**
 * `node --import tsx --cpu-prof --cpu-prof-dir=<dir> bench/profile.ts [page-name-regex] [runs]`: runs the whole
 * pipeline over the matching benchmark pages many times, for a CPU profile of where the time goes.
 */
import * as cheerio from 'cheerio';
import { checkDocument } from '../lib/check';
import { fromCheerio } from '../lib/sources/cheerio';
import { generatedPages } from './generate';
import { fixturePages, realworldPages } from './pages';

const pattern = new RegExp(process.argv[2] ?? '.');
const runs = Number(process.argv[3] ?? 20);
const pages = [...fixturePages(), ...realworldPages(), ...generatedPages()].filter((p) => pattern.test(p.name));
const totals = { load: 0, adapt: 0, engine: 0 };
for (let i = 0; i < runs; i++) {
  for (const page of pages) {
    const t0 = performance.now();
    const $ = cheerio.load(page.html);
    const t1 = performance.now();
    const doc = fromCheerio($);
    const t2 = performance.now();
    checkDocument(doc);
    const t3 = performance.now();
    totals.load += t1 - t0;
    totals.adapt += t2 - t1;
    totals.engine += t3 - t2;
  }
}
const per = (ms: number) => (ms / runs).toFixed(1);
console.log(`${pages.length} pages × ${runs} runs; per run over all pages: load ${per(totals.load)} ms · adapt ${per(totals.adapt)} ms · engine ${per(totals.engine)} ms`);
