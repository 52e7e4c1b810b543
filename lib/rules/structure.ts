/**
 * STRUCTURE: a table printed in another shape than its format's template, where the values are still all there.
 * Today one shape: （六）其他处理 printed as one row where the template has three (a 2021-format report, e.g. Hongze
 * 2024), or as three rows where the 2019 template has one. One warning per deviation; the sum rules go on, with the
 * one row standing for the three leaves. Absent tables, rows and columns are MISSING's.
 */
import type { Finding, Rule, RuleContext } from '../findings';
import type { Report } from '../report';
import { layoutOf, table3Path } from '../paths';
import { OTHER_ONE_ROW, TABLE3_COLUMNS, TABLE3_OTHER_ROW } from '../template';

const FORMAT_NAMES = { '2021': { zh: '2021年模板', en: 'the 2021 template' }, '2019': { zh: '2019年试行模板', en: 'the 2019 trial template' } };

export const structure: Rule = {
  meta: {
    id: 'STRUCTURE',
    zh: '表式：表格形式与其格式的模板不同',
    en: 'Structure: a table printed in another shape than its format’s template',
    docs: 'One warning per deviation, e.g. （六）其他处理 printed as one row in a 2021-format report. The values are still checked.',
  },
  check(report: Report, _context: RuleContext): Finding[] {
    if (!report.table3) return [];
    const { format, otherOneRow } = layoutOf(report);
    if (otherOneRow === OTHER_ONE_ROW[format]) return [];
    const template = FORMAT_NAMES[format];
    const parts = otherOneRow
      ? TABLE3_COLUMNS.map((col) => table3Path(col.key, TABLE3_OTHER_ROW.key))
      : [];
    const message = otherOneRow
      ? {
          zh: `表三“（六）其他处理”印为一行（${template.zh}为三行）；按一行核对：它代表三项之和`,
          en: `Table 3 prints “(6) Other handling” as one row (${template.en} has three); checked as one row standing for the three`,
        }
      : {
          zh: `表三“（六）其他处理”印为三行（${template.zh}为一行）`,
          en: `Table 3 prints “(6) Other handling” as three rows (${template.en} has one)`,
        };
    return [
      {
        rule: 'STRUCTURE',
        severity: 'warning',
        outcome: otherOneRow ? 'one-row' : 'three-rows',
        table: 'table3',
        target: otherOneRow ? table3Path('total', TABLE3_OTHER_ROW.key) : null,
        parts,
        message,
      },
    ];
  },
};
