/** Whether a report was found (and if not, why), its title, organ and year, and each table's status. */
import type { CheckResult } from '@/lib/findings';
import type { Language } from '@/utils/settings';
import { fill, t, type StringKey } from '@/utils/i18n';
import { noReportHint, type PageProbe } from './page-probe';
import { tableSummaries } from './summary';

const STATUS_HEADLINE: Record<CheckResult['status'], StringKey> = {
  ok: 'reportFound',
  'no-report': 'noReport',
  'trial-2019': 'trial2019',
  'too-large': 'tooLarge',
};

export function ReportOverview({ result, probe, lang }: { result: CheckResult; probe: PageProbe | null; lang: Language }) {
  const s = t(lang);
  const headline = s[STATUS_HEADLINE[result.status]];
  const hintKey = result.status === 'no-report' ? noReportHint(probe) : null;
  // The engine's reason, unless it only repeats the headline; then the popup's own look at the page.
  const reasons = [result.reason?.[lang], hintKey ? s[hintKey] : undefined].filter(
    (text): text is string => !!text && text !== headline,
  );
  const meta = result.report?.meta;
  return (
    <section class={`overview status-${result.status}`} aria-labelledby="status-heading">
      <h2 id="status-heading" data-status={result.status}>
        {headline}
      </h2>
      {reasons.map((text) => (
        <p class="reason" key={text}>
          {text}
        </p>
      ))}
      {meta && (
        <dl class="meta">
          <dt>{s.title}</dt>
          <dd>{meta.title ?? s.unknown}</dd>
          <dt>{s.organ}</dt>
          <dd>{meta.organ ?? s.unknown}</dd>
          <dt>{s.year}</dt>
          <dd>{meta.year ?? s.unknown}</dd>
        </dl>
      )}
      {result.report && (
        <ul class="tables" aria-label={s.tables}>
          {tableSummaries(result).map((table) => (
            <li key={table.table} data-table={table.table}>
              <span class="table-name">{s[table.table]}</span>
              <span class={table.found ? (table.errors > 0 ? 'bad' : 'good') : 'absent'}>
                {!table.found
                  ? s.tableMissing
                  : table.errors > 0
                    ? fill(s.errorsN, { n: table.errors })
                    : s.tableOk}
                {table.found && table.warnings > 0 && ` · ${fill(s.warningsN, { n: table.warnings })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
