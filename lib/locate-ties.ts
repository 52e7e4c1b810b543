/**
 * Breaking a tie in the suspect search with the report's own text.
 *
 * When several smallest fixes make every sum rule hold (table 4: 结果维持 1, 总计 0 — either cell may be wrong), the
 * tables alone cannot choose. The text may: 「行政复议1起」 agrees with the table only once 总计 is 1. Each fix is
 * applied in turn and every text figure that reads a cell some fix changes is judged (lib/rules/text/readings.ts);
 * the fixes the text agrees with most (and disagrees with least) are kept, and the suspects say why.
 */
import type { Suspect } from './findings';
import { cellLabel, type Bilingual } from './rules/labels';
import type { TextEvidence } from './rules/text-vs-table';
import type { ValueOf, Verdict } from './rules/text/readings';
import { readingPaths } from './rules/text/kind';

type Fix = Suspect[];

export interface BrokenTie {
  /** The fixes the text agrees with: a strict subset of those given. */
  fixes: Fix[];
  /** The figure that told them apart, as the text states it, for the suspects' reason. */
  verdict: Extract<Verdict, { kind: 'agrees' }>;
}

/** The fixes the text prefers, or null when it does not tell them apart. */
export function breakTieByText(fixes: readonly Fix[], evidence: readonly TextEvidence[], published: ValueOf): BrokenTie | null {
  if (fixes.length < 2) return null;
  const changed = new Set(fixes.flatMap((fix) => fix.map((s) => s.path)));
  const relevant = evidence.filter((e) => e.paths.some((path) => changed.has(path)));
  if (relevant.length === 0) return null;

  const verdicts = fixes.map((fix) => relevant.map((e) => e.judge(valueAfter(fix, published))));
  const agrees = verdicts.map((list) => list.filter((v) => v.kind === 'agrees').length);
  const disagrees = verdicts.map((list) => list.filter((v) => v.kind === 'disagrees').length);
  const mostAgreed = Math.max(...agrees);
  if (mostAgreed === 0) return null;
  const fewestDisagreed = Math.min(...disagrees.filter((_, i) => agrees[i] === mostAgreed));
  const kept = fixes.map((_, i) => i).filter((i) => agrees[i] === mostAgreed && disagrees[i] === fewestDisagreed);
  if (kept.length === fixes.length) return null;

  // The figure that agrees with every kept fix and not with some other one.
  const dropped = fixes.map((_, i) => i).filter((i) => !kept.includes(i));
  const telling = relevant.findIndex(
    (_, e) => kept.every((i) => verdicts[i][e].kind === 'agrees') && dropped.some((i) => verdicts[i][e].kind !== 'agrees'),
  );
  const verdict = telling < 0 ? verdicts[kept[0]].find((v) => v.kind === 'agrees') : verdicts[kept[0]][telling];
  if (verdict?.kind !== 'agrees') return null;
  return { fixes: kept.map((i) => fixes[i]), verdict };
}

/** The cells' values once a fix is made; a cell it frees without a determined value is unknown. */
function valueAfter(fix: Fix, published: ValueOf): ValueOf {
  const fixed = new Map(fix.map((s) => [s.path, s.suggested ?? null]));
  return (path) => (fixed.has(path) ? (fixed.get(path) as number | null) : published(path));
}

/** 「正文称“行政复议1起”，故表四 行政复议 · 总计应为 1」, or naming the figure the text agrees with when it is another cell. */
export function tieReason(suspect: Suspect, { claim, value }: BrokenTie['verdict']): Bilingual {
  const label = cellLabel(suspect.path);
  const quote = claim.quote;
  if (suspect.suggested === undefined) {
    return { zh: `正文称“${quote}”，故${label.zh}有误`, en: `The text says “${quote}”, so ${label.en} is wrong` };
  }
  if (readingPaths(value.reading).includes(suspect.path)) {
    return {
      zh: `正文称“${quote}”，故${label.zh}应为 ${suggestedOf(suspect)}`,
      en: `The text says “${quote}”, so ${label.en} should be ${suggestedOf(suspect)}`,
    };
  }
  return {
    zh: `正文称“${quote}”，与${value.reading.label.zh} ${value.value} 相符，故应改的是${label.zh}（应为 ${suggestedOf(suspect)}）`,
    en: `The text says “${quote}”, which agrees with ${value.reading.label.en} ${value.value}, so ${label.en} is the cell to change (to ${suggestedOf(suspect)})`,
  };
}

const suggestedOf = (suspect: Suspect) => suspect.suggested as number;
