/**
 * `npm run check -- <file|dir|url>...`: checks the report tables of saved or published pages.
 * Exit 0: no error findings · 1: some error finding · 2: an input could not be read (or bad usage).
 */
import { countCauses } from '../lib/causes';
import { checkDocument } from '../lib/check';
import type { CheckResult } from '../lib/findings';
import type { Bilingual } from '../lib/rules/labels';
import { loadHtml } from '../lib/sources/cheerio';
import { parseArgs, USAGE, type CliOptions } from './args';
import { formatResult, formatSummary, formatUnreadable } from './format-text';
import { readInputs } from './read-input';

export interface JsonEntry {
  input: string;
  /** Null when the input could not be read; `error` then says why. */
  result: CheckResult | null;
  error?: Bilingual;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return run(parsed.options);
}

async function run({ inputs, json, lang }: CliOptions): Promise<number> {
  const entries: JsonEntry[] = [];
  let withErrors = 0;
  let unreadable = 0;
  const causes = { errors: 0, warnings: 0 };
  for await (const outcome of readInputs(inputs)) {
    const checked = outcome.ok ? checkPage(outcome.html, outcome.url) : outcome;
    if ('reason' in checked) {
      unreadable++;
      process.stderr.write(`${formatUnreadable(outcome.input, checked.reason, lang)}\n`);
      entries.push({ input: outcome.input, result: null, error: checked.reason });
      continue;
    }
    const { result } = checked;
    if (result.findings.some((f) => f.severity === 'error')) withErrors++;
    const counts = countCauses(result.causes);
    causes.errors += counts.error;
    causes.warnings += counts.warning;
    entries.push({ input: outcome.input, result });
    if (!json) process.stdout.write(`${formatResult(outcome.input, result, lang)}\n\n`);
  }
  const summary = { checked: entries.length - unreadable, withErrors, unreadable, ...causes };
  if (json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  else process.stdout.write(`${formatSummary(summary, lang)}\n`);
  return unreadable > 0 ? 2 : withErrors > 0 ? 1 : 0;
}

/** An engine failure on one page is reported like an unreadable input, so the other pages are still checked. */
function checkPage(html: string, url: string | null): { result: CheckResult } | { reason: Bilingual } {
  try {
    return { result: checkDocument(loadHtml(html), { url }).result };
  } catch (error) {
    if (process.env.DEBUG) console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    return { reason: { zh: `检查时出现内部错误（${message}）`, en: `internal error while checking (${message})` } };
  }
}

// `npm run check -- dir | head`: the reader went away; stop quietly instead of throwing EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (process.env.DEBUG) console.error(error);
    process.stderr.write(`出现意外错误 unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
