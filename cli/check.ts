/**
 * `npm run check -- <file|dir|url>...`: checks the report tables of saved or published pages, and each report
 * against the same body's previous year when that report is among the inputs.
 * Exit 0: no error findings · 1: some error finding · 2: an input could not be read (or bad usage).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import type { CheckResult } from '../lib/findings';
import type { Bilingual } from '../lib/rules/labels';
import { parseArgs, USAGE, type CliOptions } from './args';
import { checkInputs } from './batch';
import { writeBatch } from './batch-output';
import { progressLine } from './progress';
import { readInputs } from './read-input';
import { Spool } from './spool';

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

async function run({ inputs, json, lang, csv: csvPath, jobs }: CliOptions): Promise<number> {
  const csv = csvPath === null ? null : await openCsv(csvPath);
  if (csv && 'reason' in csv) {
    process.stderr.write(`无法写入 cannot write ${csvPath}: ${csv.reason[lang]}\n`);
    return 2;
  }
  const spool = new Spool();
  Spool.removeOnSignal(spool);
  try {
    const progress = progressLine(process.stderr);
    const entries = await checkInputs(readInputs(inputs), spool, {
      jobs: jobs ?? availableParallelism(),
      onProgress: progress.update,
    });
    progress.clear();
    const summary = await writeBatch(entries, spool, { json, lang, stdout: process.stdout, stderr: process.stderr, csv });
    if (csv) {
      csv.end();
      await once(csv, 'close');
    }
    return summary.unreadable > 0 ? 2 : summary.withErrors > 0 ? 1 : 0;
  } finally {
    spool.close();
  }
}

/** The --csv file, opened before any page is checked, so a bad path fails at once. */
async function openCsv(path: string): Promise<WriteStream | { reason: Bilingual }> {
  const stream = createWriteStream(path);
  try {
    await once(stream, 'open');
    return stream;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { reason: { zh: `无法创建文件（${code}）`, en: `cannot create the file (${code})` } };
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
