/**
 * What the popup says about last year (the carry-over check, X-CARRY): the report it used; that it is not in the
 * history, with an offer to check last year's report when this page links it; or, where several could be last
 * year's, the candidates to pick from.
 */
import { useState } from 'preact/hooks';
import { linkToYear, type ColumnLink } from '@/lib/batch/column-links';
import { reportName } from '@/lib/cross-year/record';
import type { CheckResult } from '@/lib/findings';
import type { Language } from '@/utils/settings';
import { fill } from '@/utils/i18n';
import { tb } from '@/utils/i18n-batch';
import { historyProblem, sendHistoryRequest } from '@/utils/history';
import { useStoredItem } from '../use-stored-item';
import type { PageLinks } from '@/utils/batch/page-links';
import { requestSiteAccess, startBatch } from '@/utils/batch/start';

export function PreviousYearNote(props: { result: CheckResult; page: PageLinks | null; lang: Language }) {
  const { result, page, lang } = props;
  const s = tb(lang);
  const [problem, setProblem] = useState('');
  // A report the history could not keep (storage full) cannot be last year's for next year's check: say so here too.
  const [unsaved] = useStoredItem(historyProblem);
  const previous = result.previousYear;
  const meta = result.report?.meta;
  if (!previous || !meta) return null;

  let body;
  if (previous.kind === 'found') {
    body = <p data-previous="found">{fill(s.previousFound, { name: reportName(previous.report) })}</p>;
  } else if (previous.kind === 'ambiguous') {
    const choose = (source: string | null) => {
      if (meta.url && source) void sendHistoryRequest({ type: 'history-choose', source: meta.url, previous: source });
    };
    body = (
      <>
        <p data-previous="ambiguous">{fill(s.previousAmbiguous, { n: previous.count })}</p>
        <ul class="candidates">
          {previous.candidates.map((candidate) => (
            <li key={candidate.source}>
              <span>{reportName(candidate)}</span>{' '}
              <button type="button" data-action="choose-previous" onClick={() => choose(candidate.source)}>
                {s.usePrevious}
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  } else if (previous.reason === 'not-found' && meta.year !== null) {
    const link = page ? linkToYear(page.links, page.url, meta.organ, meta.year - 1) : null;
    const check = (found: ColumnLink) => {
      void requestSiteAccess(found.url).then(async (granted) => {
        if (!granted) return setProblem(fill(s.accessDenied, { host: new URL(found.url).host }));
        await startBatch(page!.url, page!.title, { reports: [found], otherHosts: [], nextPage: null }, 1);
      }, (error: unknown) => setProblem(String(error)));
    };
    body = (
      <>
        <p data-previous="missing">{fill(s.previousMissing, { body: meta.organ ?? '', year: meta.year - 1 })}</p>
        {link && (
          <button type="button" class="secondary" data-action="check-previous" onClick={() => check(link)}>
            {fill(s.checkPreviousLink, { text: link.text })}
          </button>
        )}
      </>
    );
  } else {
    body = <p data-previous="none">{s.previousNoIdentity}</p>;
  }
  return (
    <section class="previous-year" aria-labelledby="previous-year-heading">
      <h2 id="previous-year-heading">{s.previousYear}</h2>
      {body}
      {unsaved && (
        <p role="alert" class="error" data-history-problem>
          {unsaved[lang]}
        </p>
      )}
      {problem && <p class="error">{problem}</p>}
    </section>
  );
}
