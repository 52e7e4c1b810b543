/**
 * Text runs → lines → text, as a reader would read them: runs whose boxes share most of their height are one line,
 * read left to right; a gap wider than a third of the font size is a space. Vertical runs (a label printed top to
 * bottom) are read column by column.
 */
import type { TextRun } from './pdf-types';

export interface TextLine {
  runs: TextRun[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
  text: string;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Groups horizontal runs into lines, top to bottom. */
export function toLines(runs: TextRun[]): TextLine[] {
  const sorted = runs.filter((r) => !r.vertical).sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  const lines: TextLine[] = [];
  for (const run of sorted) {
    const line = lines.find((l) => sameLine(l, run));
    if (line) {
      line.runs.push(run);
      line.y0 = Math.min(line.y0, run.y0);
      line.y1 = Math.max(line.y1, run.y1);
      line.x0 = Math.min(line.x0, run.x0);
      line.x1 = Math.max(line.x1, run.x1);
      line.size = Math.max(line.size, run.size);
    } else lines.push({ runs: [run], x0: run.x0, y0: run.y0, x1: run.x1, y1: run.y1, size: run.size, text: '' });
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x0 - b.x0);
    line.text = joinRuns(line.runs);
  }
  return lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

function sameLine(line: TextLine, run: TextRun): boolean {
  const overlap = Math.min(line.y1, run.y1) - Math.max(line.y0, run.y0);
  return overlap > 0.5 * Math.min(line.y1 - line.y0, run.y1 - run.y0);
}

function joinRuns(runs: TextRun[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    if (text !== '' && run.x0 - end > run.size / 3 && !text.endsWith(' ')) text += ' ';
    text += run.text;
    end = Math.max(end, run.x1);
  }
  return text;
}

/** Vertical runs, column by column (right to left is not used in these reports: left to right), each top to bottom. */
function verticalText(runs: TextRun[]): string {
  return runs
    .filter((r) => r.vertical)
    .sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0)
    .map((r) => r.text)
    .join('');
}

/** The text of a box's runs: its lines joined by line breaks, then any vertical text. */
export function textOf(runs: TextRun[]): string {
  const lines = toLines(runs).map((l) => l.text);
  const vertical = verticalText(runs);
  if (vertical) lines.push(vertical);
  return lines.join('\n');
}

/** Lines of running text as one string: a line break inside Chinese text is no space; elsewhere it is one. */
export function joinWrapped(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (text !== '' && !(CJK.test(text[text.length - 1]) && CJK.test(trimmed[0]))) text += ' ';
    text += trimmed;
  }
  return text;
}
