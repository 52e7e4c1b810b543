/** BLANK: a statistic cell left empty. A warning on the cell itself; the sum rules say what the blank means for them. */
import type { Finding, Rule, RuleContext } from '../findings';
import type { Report } from '../report';
import { cellAt } from '../paths';
import { cellLabel } from './labels';
import { statisticCells } from './statistic-cells';

export const blank: Rule = {
  meta: {
    id: 'BLANK',
    zh: '空白格：统计格未填写',
    en: 'Blank cells: a statistic cell left empty',
    docs: 'Every blank statistic cell is a warning: a blank is not a 0, the report should say 0.',
  },
  check(report: Report, context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const { path, table } of statisticCells(report)) {
      if (cellAt(report, path)?.kind !== 'blank') continue;
      const label = cellLabel(path);
      findings.push({
        rule: 'BLANK',
        severity: 'warning',
        outcome: 'blank',
        table,
        target: path,
        parts: [],
        message: context.unplaced?.has(path)
          ? {
              zh: `${label.zh}：读作空白，但文件此处印有数字，未能确定其所在的格（见读取说明）`,
              en: `${label.en}: read as blank, but the file prints a number here that could not be placed in one cell (see the reading notes)`,
            }
          : { zh: `${label.zh}：空白，未填数字（应填 0 时也应写 0）`, en: `${label.en}: blank, no number (write 0 for none)` },
      });
    }
    return findings;
  },
};
