/** Command-line flags of `npm run check`. Parsing never throws: a bad flag is reported as a usage error. */

export type Lang = 'zh' | 'en';

export interface CliOptions {
  json: boolean;
  lang: Lang;
  help: boolean;
  /** Write the one-row-per-report table here (--csv FILE). */
  csv: string | null;
  /** Worker threads (--jobs N); null: as many as the machine has cores. */
  jobs: number | null;
  /** Files, directories or http(s) URLs, in the order given. */
  inputs: string[];
}

const MAX_JOBS = 64;

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

export const USAGE = `用法 Usage: npm run check -- [选项 options] <文件 file | 目录 dir | 网址 url>...

检查政府信息公开工作年度报告页面中的三张统计表。
Checks the three statistical tables of a 政府信息公开工作年度报告 page.

  --json          输出 JSON（数组：{input, result}）· print JSON (an array of {input, result})
  --lang zh|en    报告语言，默认 zh · report language, default zh
  --csv 文件      另存汇总表（每份报告一行，Excel 可直接打开）· also write the summary table (one row per report) as CSV
  --jobs N        并行检查的线程数，默认为 CPU 核数 · check in N worker threads, default: the number of cores
  --help          显示本帮助 · show this help

文件可以是 HTML 页面、PDF 或 Word（.docx）· a file may be an HTML page, a PDF or a Word .docx.
目录：检查其中所有 .html/.htm/.pdf/.docx 文件（含子目录）· a directory: every .html/.htm/.pdf/.docx file inside, recursively.
跨年：同一机关上一年度的报告也在输入中时，核对上年结转 · cross-year: when the same body's previous-year report is
among the inputs, this year's 上年结转 is checked against it (X-CARRY, X-T2).
退出码 Exit code: 0 无错误 no errors · 1 发现错误 error findings · 2 有输入无法读取或用法错误 unreadable input or bad usage.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { json: false, lang: 'zh', help: false, csv: null, jobs: null, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (value !== 'zh' && value !== 'en') {
        return { ok: false, error: `--lang 只接受 zh 或 en · --lang takes zh or en (got ${value === undefined ? 'nothing' : `"${value}"`})` };
      }
      options.lang = value;
    } else if (arg === '--csv' || arg.startsWith('--csv=')) {
      const value = arg === '--csv' ? argv[++i] : arg.slice('--csv='.length);
      if (!value || value.startsWith('-')) return { ok: false, error: '--csv 需要一个文件名 · --csv takes a file name' };
      options.csv = value;
    } else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
      const value = arg === '--jobs' ? argv[++i] : arg.slice('--jobs='.length);
      const jobs = Number(value);
      if (!/^\d+$/.test(value ?? '') || jobs < 1 || jobs > MAX_JOBS) {
        return { ok: false, error: `--jobs 需要 1 到 ${MAX_JOBS} 的整数 · --jobs takes a whole number from 1 to ${MAX_JOBS} (got ${value === undefined ? 'nothing' : `"${value}"`})` };
      }
      options.jobs = jobs;
    } else if (arg.startsWith('-')) {
      return { ok: false, error: `未知选项 unknown option: ${arg}` };
    } else options.inputs.push(arg);
  }
  if (!options.help && options.inputs.length === 0) {
    return { ok: false, error: '没有输入 no input: give a file, a directory or a URL' };
  }
  return { ok: true, options };
}
