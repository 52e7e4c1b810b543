/**
 * The PDF part of `npm run bench`: reading and checking a PDF against pdf.js's own text extraction of the same file.
 *
 *   floor      getDocument + getTextContent on every page            — the least any pdf.js-based reader pays
 *   text+ops   the floor + getOperatorList on every page              — what drawing the ruling lines costs pdf.js
 *   pipeline   readPdf (text, ruling lines, tables) + checkDocument   — our whole check of the file
 *
 * The three run interleaved in rounds with a rotating order, like the HTML benchmark, so load drift hits all alike.
 * Writes bench/results-pdf.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { checkDocument } from '../lib/check';
import { readPdf } from '../lib/sources/pdf';
import { geometricMean, median } from './measure';
import { REALWORLD } from './pages';

const here = dirname(fileURLToPath(import.meta.url));
const DOCUMENTS = resolve(here, '../test/fixtures/documents');

/** The real WPS PDF, each seed's LibreOffice print, seed 004 printed by Chromium in seven markups and by LibreOffice without borders. */
function benchPdfs(): { name: string; bytes: Uint8Array }[] {
  const files = [
    join(REALWORLD, 'hongze-2024.pdf'),
    ...['000', '001', '002', '003', '004'].map((s) => join(DOCUMENTS, `${s}-libreoffice.pdf`)),
    ...['word', 'cms', 'plain', 'spans'].map((style) => join(DOCUMENTS, `004-${style}-chromium.pdf`)),
    // Tables without ruling lines (lib/sources/pdf-stream.ts).
    ...['split', 'plain-borderless', 'plain-rules'].map((style) => join(DOCUMENTS, `004-${style}-chromium.pdf`)),
    // The same read from LibreOffice's print of the borderless template, and with its header repeated on each page.
    ...['borderless', 'borderless-header'].map((draft) => join(DOCUMENTS, `004-${draft}-libreoffice.pdf`)),
  ];
  return files.map((file) => ({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) }));
}

type Run = (bytes: Uint8Array) => Promise<void>;

async function textLayer(bytes: Uint8Array, withOps: boolean): Promise<void> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      await page.getTextContent();
      if (withOps) await page.getOperatorList();
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
}

const CONTENDERS: { name: string; run: Run }[] = [
  { name: 'floor', run: (bytes) => textLayer(bytes, false) },
  { name: 'text+ops', run: (bytes) => textLayer(bytes, true) },
  {
    name: 'pipeline',
    run: async (bytes) => {
      const read = await readPdf(bytes);
      if (!read.ok) throw new Error(read.reason.en);
      checkDocument(read.document);
    },
  },
];

export async function runPdfBench(options: { rounds: number; warmupRounds: number; only: RegExp | null }) {
  const pdfs = benchPdfs().filter((p) => !options.only || options.only.test(p.name));
  if (pdfs.length === 0) return;
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const times = pdfs.map(() => new Map(CONTENDERS.map((c) => [c.name, [] as number[]])));
  const total = options.warmupRounds + options.rounds;
  for (let round = 0; round < total; round++) {
    for (const [p, pdf] of pdfs.entries()) {
      for (let k = 0; k < CONTENDERS.length; k++) {
        const contender = CONTENDERS[(round + k) % CONTENDERS.length];
        const start = performance.now();
        await contender.run(pdf.bytes);
        if (round >= options.warmupRounds) times[p].get(contender.name)!.push(performance.now() - start);
      }
    }
    process.stderr.write(`\rPDF round ${round + 1}/${total} (${((Date.now() - started) / 1000).toFixed(0)} s)${round + 1 === total ? '\n' : ''}`);
  }
  const rows = pdfs.map((pdf, p) => {
    const med = (name: string) => round2(median(times[p].get(name)!));
    const floor = med('floor');
    const ops = med('text+ops');
    const pipeline = med('pipeline');
    return { name: pdf.name, kb: round2(pdf.bytes.length / 1024), floorMs: floor, textOpsMs: ops, pipelineMs: pipeline, pipelineOverFloor: round2(pipeline / floor), textOpsOverFloor: round2(ops / floor) };
  });
  console.log('\nPDF: median ms per file (floor = pdf.js getTextContent on every page; text+ops = floor + getOperatorList; pipeline = readPdf + checkDocument)');
  console.log('| PDF | KB | floor ms | text+ops ms | pipeline ms | pipeline / floor | text+ops / floor |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.kb} | ${r.floorMs} | ${r.textOpsMs} | ${r.pipelineMs} | ${r.pipelineOverFloor} | ${r.textOpsOverFloor} |`);
  const geo = round2(geometricMean(rows.map((r) => r.pipelineOverFloor)));
  const geoOps = round2(geometricMean(rows.map((r) => r.textOpsOverFloor)));
  const meeting = rows.filter((r) => r.pipelineOverFloor <= 1.5).length;
  console.log(`pipeline / floor: geometric mean ${geo} (target ≤ 1.5, met on ${meeting}/${rows.length}); text+ops / floor: ${geoOps}`);
  const out = join(here, 'results-pdf.json');
  const summary = { date: new Date().toISOString(), loadAverage: { before: loadBefore, after: loadavg()[0] }, options, seconds: (Date.now() - started) / 1000, geomean: { pipelineOverFloor: geo, textOpsOverFloor: geoOps }, pdfs: rows };
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// `npm run bench:pdf [-- --quick] [-- --only <regex>]`: the PDFs alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? new RegExp(args[args.indexOf('--only') + 1]) : null;
  await runPdfBench({ rounds: args.includes('--quick') ? 3 : 7, warmupRounds: 1, only });
}
