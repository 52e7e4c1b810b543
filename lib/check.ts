/**
 * The whole pipeline (lib/check.contract.md): grids → detect → parse → rules → causes → suspects, each phase timed.
 * Runs on any SourceDocument, so the content script (DOM) and the CLI (cheerio) share it.
 */
import type { SourceDocument } from './cell-source';
import { groupByCause } from './causes';
import { detectAmongCandidates, foundAny } from './detect';
import { isLargeGrid, mayHoldReportTable } from './detect/anchors';
import type { CheckResult } from './findings';
import { buildGrid, colSpanOf } from './grid';
import type { Grid } from './grid.types';
import { locateSuspects } from './locate';
import { extractMeta } from './meta';
import { parseReport } from './parse';
import type { TableId } from './report';
import { runRules } from './rules/registry';
import { previousYearOutcome } from './cross-year/apply';
import type { PreviousYearMatch } from './cross-year/match';
import { textEvidence } from './rules/text-vs-table';
import { resultReadingNotes, unplacedCells } from './reading-notes';

export interface CheckOptions {
  /** Above this many grid slots the page is 'too-large' and nothing is checked. Default 200 000. */
  maxCells?: number;
  url?: string | null;
  /** The same body's previous-year report, for the cross-year rules (lib/cross-year/match.ts finds it). */
  previousYear?: PreviousYearMatch;
}

export interface CheckedDocument<Ref> {
  result: CheckResult;
  /** Cell path → element, for every template cell found on the page. */
  refs: Map<string, Ref>;
  /** The <table> elements each report table was read from (table 2 may be four). */
  tableRefs: Partial<Record<TableId, Ref[]>>;
}

export const DEFAULT_MAX_CELLS = 200_000;

const NO_REPORT = { zh: '未找到年报统计表', en: 'No report tables found' };
const TRIAL_2019 = {
  zh: '2019年试行格式：按2019年试行模板核对',
  en: 'The 2019 trial format: checked by its own (2019) template',
};
const tooLarge = (slots: number, max: number) => ({
  zh: `页面表格过大（约${slots}个单元格，上限${max}），未检查`,
  en: `The page's tables are too large (about ${slots} cells, limit ${max}); nothing was checked`,
});

export function checkDocument<Ref>(doc: SourceDocument<Ref>, options: CheckOptions = {}): CheckedDocument<Ref> {
  const steps = checkDocumentSteps(doc, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * checkDocument one phase at a time: it yields after detection, parsing and the rules,
 * so a caller that must not block (the content script) can let the page run between phases. Same result.
 */
export function* checkDocumentSteps<Ref>(
  doc: SourceDocument<Ref>,
  options: CheckOptions = {},
): Generator<void, CheckedDocument<Ref>, void> {
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const timings = { detect: 0, parse: 0, check: 0 };
  const empty = { refs: new Map<string, Ref>(), tableRefs: {} };

  const slots = estimateSlots(doc);
  if (slots > maxCells) {
    return { ...empty, result: { status: 'too-large', reason: tooLarge(slots, maxCells), report: null, findings: [], causes: [], suspects: [], timings } };
  }

  // buildGrid only wraps a table's rows (a grid is laid out on first read). The one per-table cost is the anchor
  // prefilter reading a large table's text (lib/detect/anchors.ts): a step per large table, so a page of big
  // attachment tables yields between them; small tables pass without a look.
  const candidates: Grid<Ref>[] = [];
  for (const table of doc.tables) {
    const grid = buildGrid(table);
    if (!isLargeGrid(grid)) {
      candidates.push(grid);
      continue;
    }
    if (timed('detect', timings, () => mayHoldReportTable(grid))) candidates.push(grid);
    yield;
  }
  const detection = timed('detect', timings, () => detectAmongCandidates(candidates));
  if (!foundAny(detection)) {
    const reason = noReportReason(doc.media);
    const readingNotes = resultReadingNotes(doc.readingNotes ?? [], empty.refs);
    return {
      ...empty,
      result: { status: 'no-report', reason, report: null, findings: [], causes: [], suspects: [], timings, ...(readingNotes.length > 0 ? { readingNotes } : {}) },
    };
  }

  yield;
  const parsed = timed('parse', timings, () =>
    parseReport(detection, extractMeta(doc, options.url ?? null)),
  );
  yield;
  const readingNotes = resultReadingNotes(doc.readingNotes ?? [], parsed.refs);
  const context = { bodyText: doc.bodyText, previousYear: options.previousYear, unplaced: unplacedCells(readingNotes) };
  const findings = timed('check', timings, () => runRules(parsed.report, context));
  const causes = timed('check', timings, () => groupByCause(parsed.report, findings));
  yield;
  // The suspect search counts as checking: timings keep their three phases (lib/findings.ts).
  const suspects = timed('check', timings, () =>
    locateSuspects(parsed.report, findings, () => textEvidence(parsed.report, doc.bodyText)),
  );

  const trial = parsed.report.format === '2019';
  const result: CheckResult = {
    status: trial ? 'trial-2019' : 'ok',
    ...(trial ? { reason: TRIAL_2019 } : {}),
    report: parsed.report,
    findings,
    causes,
    suspects,
    timings,
    ...(options.previousYear ? { previousYear: previousYearOutcome(options.previousYear) } : {}),
    ...(readingNotes.length > 0 ? { readingNotes } : {}),
  };
  return { result, refs: parsed.refs, tableRefs: parsed.tableRefs };
}

/** Why nothing was found; names a PDF attachment or images when the page has them instead of tables. */
export function noReportReason(media: SourceDocument<unknown>['media']): { zh: string; en: string } {
  if (media && media.pdfLinks > 0) {
    return {
      zh: `${NO_REPORT.zh}：报告似乎以 PDF 附件发布（${media.pdfLinks} 个 PDF 链接）：请核验该 PDF 文件本身（扩展弹窗列出它，可在核验视图中打开）`,
      en: `${NO_REPORT.en}: the report seems to be a PDF attachment (${media.pdfLinks} PDF link${media.pdfLinks > 1 ? 's' : ''}); check the PDF file itself (the extension's popup lists it and opens it in the checking viewer)`,
    };
  }
  if (media && media.images > 0) {
    return {
      zh: `${NO_REPORT.zh}：页面有 ${media.images} 张图片，报告可能以图片发布，此处无法检查图片`,
      en: `${NO_REPORT.en}: the page has ${media.images} image${media.images > 1 ? 's' : ''}; the report may be published as images, which are not checkable here`,
    };
  }
  return NO_REPORT;
}

/**
 * An upper bound of the slots buildGrid would allocate, from the source rows alone: per table, its row count times
 * its widest row (colspans clamped as the grid clamps them). Cheap: one pass over the cells, no grid built.
 */
export function estimateSlots<Ref>(doc: SourceDocument<Ref>): number {
  let total = 0;
  for (const table of doc.tables) {
    let widest = 0;
    for (const row of table.rows) {
      let width = 0;
      for (const cell of row.cells) width += colSpanOf(cell.colSpan);
      if (width > widest) widest = width;
    }
    total += table.rows.length * widest;
  }
  return total;
}

const perf: Performance | undefined = typeof performance === 'undefined' ? undefined : performance;

/** Runs one phase, adds its milliseconds to `timings`, and leaves a performance measure where the platform has one. */
function timed<T>(phase: keyof CheckResult['timings'], timings: CheckResult['timings'], run: () => T): T {
  const start = perf ? perf.now() : Date.now();
  const result = run();
  const end = perf ? perf.now() : Date.now();
  timings[phase] += end - start;
  if (perf && typeof perf.measure === 'function') {
    try {
      perf.measure(`gov-report-checker:${phase}`, { start, end });
    } catch {
      // Older engines without the options form of measure(): timings above are still recorded.
    }
  }
  return result;
}
