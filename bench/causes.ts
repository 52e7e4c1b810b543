/**
 * What grouping findings by cause (lib/causes.ts) and the readable formulas (lib/formula-text.ts) cost, against the
 * rules alone as the floor, on pages where they have work to do. One interleaved run (bench/measure.ts); ratios per page.
 *
 *   npx tsx bench/causes.ts            # about 1 minute
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { groupByCause } from '../lib/causes';
import { checkDocument } from '../lib/check';
import type { Finding } from '../lib/findings';
import { readableFormula } from '../lib/formula-text';
import type { Report } from '../lib/report';
import { runRules } from '../lib/rules/registry';
import { loadHtml } from '../lib/sources/cheerio';
import { measure, median, type Contender } from './measure';

const ROOT = resolve(import.meta.dirname, '..');
const FILES = [
  'test/fixtures/pages/004-word.html', // two sum errors
  'test/fixtures/pages/001-na-text-plain.html', // n/a and text cells, sums they leave open
  'test/fixtures/pages/004-blank-cms.html', // five blank 法人 columns and two errors: 162 findings
  '../shared/realworld/shuyang-2023.html', // the real page with five blank columns: 160 findings
  '../shared/realworld/pingtan-2023.html', // a real page where every rule holds
];

interface Page {
  name: string;
  report: Report;
  bodyText: string;
  findings: Finding[];
}

const pages: Page[] = FILES.map((file) => {
  const doc = loadHtml(readFileSync(join(ROOT, file), 'utf8'));
  const { result } = checkDocument(doc);
  if (!result.report) throw new Error(`${file}: no report`);
  return { name: file.split('/').pop()!, report: result.report, bodyText: doc.bodyText, findings: result.findings };
});

let sink = 0;
const contenders: Contender<Page>[] = [
  { name: 'rules', run: (p) => void (sink += runRules(p.report, { bodyText: p.bodyText }).length) },
  {
    name: 'rules+causes',
    run: (p) => {
      const findings = runRules(p.report, { bodyText: p.bodyText });
      sink += groupByCause(p.report, findings).length;
    },
  },
  {
    name: 'formulas',
    run: (p) => {
      for (const f of p.findings) sink += (readableFormula(f, 'zh') ?? '').length;
    },
  },
];

const samples = measure(pages, contenders, {
  warmupRounds: 3,
  rounds: 21,
  minSampleMs: 5,
  onRound: (done, total) => process.stderr.write(`\rround ${done}/${total}`),
});
process.stderr.write('\n');

const rows = pages.map((page, i) => {
  const ms = (name: string) => median(samples[i].get(name)!.map((s) => s.ms));
  const rules = ms('rules');
  const grouped = ms('rules+causes');
  return [
    page.name,
    String(page.findings.length),
    rules.toFixed(3),
    grouped.toFixed(3),
    (grouped / rules).toFixed(2),
    ms('formulas').toFixed(3),
  ];
});
console.log('| page | findings | rules ms | rules + causes ms | ratio | readable formulas of every finding ms |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (sink < 0) console.log(sink);
