/**
 * On a list page of a 年报 column: 核验本栏目全部年报 · Check every report in this column (N links found), with the
 * page limit the user sees and may change; or the last results of this column, if there are some.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { readColumn } from '@/lib/batch/column-links';
import type { Language } from '@/utils/settings';
import { fill } from '@/utils/i18n';
import { tb } from '@/utils/i18n-batch';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, type BatchJob } from '@/utils/batch/job';
import { latestJobs, loadJob } from '@/utils/batch/job-store';
import type { PageLinks } from '@/utils/batch/page-links';
import { openResults, requestSiteAccess, startBatch } from '@/utils/batch/start';

/** A page with fewer report links is a report page that links a few others, not a column. */
const MIN_COLUMN_LINKS = 2;

export function ColumnOffer(props: { page: PageLinks | null; lang: Language }) {
  const { page, lang } = props;
  const s = tb(lang);
  const [limit, setLimit] = useState(DEFAULT_PAGE_LIMIT);
  const [last, setLast] = useState<BatchJob | null>(null);
  const [problem, setProblem] = useState('');
  // Once per page read, not on every render of the popup (a list page has hundreds of links).
  const column = useMemo(() => (page ? readColumn(page.links, page.url) : null), [page]);

  useEffect(() => {
    if (!page) return;
    void latestJobs.getValue().then(async (jobs) => {
      const id = jobs[page.url];
      setLast(id ? await loadJob(id) : null);
    });
  }, [page?.url]);

  if (!page || !column || column.reports.length < MIN_COLUMN_LINKS) return null;
  const host = new URL(page.url).host;
  const start = () => {
    // The permission request must come first, within the click.
    void requestSiteAccess(page.url).then(async (granted) => {
      if (!granted) return setProblem(fill(s.accessDenied, { host }));
      await startBatch(page.url, page.title, column, limit);
    }, (error: unknown) => setProblem(String(error)));
  };
  const done = last?.items.filter((item) => item.outcome !== null).length ?? 0;
  return (
    <section class="column-offer" aria-labelledby="column-offer-heading">
      <h2 id="column-offer-heading" class="visually-hidden">{s.checkColumn}</h2>
      <button type="button" class="secondary" data-action="check-column" onClick={start}>
        {s.checkColumn}
        <span class="count">（{fill(s.linksFound, { n: column.reports.length })}）</span>
      </button>
      {column.otherHosts.length > 0 && <p class="hint">{fill(s.otherHostLinks, { n: column.otherHosts.length })}</p>}
      <label class="page-limit">
        {s.pageLimit}
        <input
          type="number"
          min={1}
          max={MAX_PAGE_LIMIT}
          value={limit}
          onInput={(e) => setLimit(Math.min(MAX_PAGE_LIMIT, Math.max(1, Number((e.currentTarget as HTMLInputElement).value) || 1)))}
        />
      </label>
      <p class="hint">{fill(s.pageLimitHelp, { host })}</p>
      {last && (
        <button type="button" class="link" data-action="open-last-batch" onClick={() => void openResults(last.id)}>
          {fill(s.openLastResults, { done, total: last.items.length })}
        </button>
      )}
      {problem && <p class="error">{problem}</p>}
    </section>
  );
}
