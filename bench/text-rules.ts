/**
 * What reading the report's own text costs (`npm run bench:text`): the TEXT-* rules against a floor, in one
 * interleaved run (bench/measure.ts).
 *
 * - floor: normaliseLabel over the page's body text, the one pass any text rule needs before it reads a number;
 * - text rules: every TEXT-* rule on that text (normalising included), claims read afresh;
 * - evidence: the text figures the suspect search reads when the tables leave a tie (lib/locate-ties.ts).
 *
 * The text gets a new one-character tail on every run, so no cache (the last body, the last claims) is hit.
 * Pages: the real pages (../shared/realworld) and the generated pages with 30 KB to 2 MB of text.
 */
import { checkDocument } from '../lib/check';
import type { Report } from '../lib/report';
import { TEXT_RULES, textEvidence } from '../lib/rules/text-vs-table';
import { loadHtml } from '../lib/sources/cheerio';
import { normaliseLabel } from '../lib/text';
import { generatedPages } from './generate';
import { measure, median, type Contender } from './measure';
import { realworldPages } from './pages';

interface TextPage {
  name: string;
  chars: number;
  bodyText: string;
  report: Report;
}

const pages: TextPage[] = [...realworldPages(), ...generatedPages().filter((p) => p.name.startsWith('gen-text'))].flatMap((p) => {
  const doc = loadHtml(p.html);
  const report = checkDocument(doc).result.report;
  return report ? [{ name: p.name, chars: doc.bodyText.length, bodyText: doc.bodyText, report }] : [];
});

let salt = 0;
const fresh = (page: TextPage) => `${page.bodyText}${String.fromCharCode(0x4e00 + (salt++ % 20000))}`;

const contenders: Contender<TextPage>[] = [
  { name: 'floor', run: (page) => void normaliseLabel(fresh(page)) },
  {
    name: 'text rules',
    run: (page) => {
      const context = { bodyText: fresh(page) }; // one text for all rules, as in the pipeline
      for (const rule of TEXT_RULES) rule.check(page.report, context);
    },
  },
  { name: 'evidence', run: (page) => void textEvidence(page.report, fresh(page)) },
];

const samples = measure(pages, contenders, {
  warmupRounds: 2,
  rounds: 9,
  minSampleMs: 20,
  onRound: (done, total) => process.stderr.write(`\rround ${done}/${total}`),
});
process.stderr.write('\n');

const ms = (p: number, name: string) => median(samples[p].get(name)!.map((s) => s.ms));
console.log('| page | body text (chars) | floor ms | text rules ms | evidence ms | text rules / floor |');
console.log('|---|---:|---:|---:|---:|---:|');
pages.forEach((page, p) => {
  const floor = ms(p, 'floor');
  const rules = ms(p, 'text rules');
  console.log(
    `| ${page.name} | ${page.chars.toLocaleString('en')} | ${floor.toFixed(3)} | ${rules.toFixed(3)} | ${ms(p, 'evidence').toFixed(3)} | ${(rules / floor).toFixed(1)} |`,
  );
});
