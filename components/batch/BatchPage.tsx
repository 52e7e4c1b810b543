/**
 * The batch results page: the column's reports fetched and checked here (off the report pages' main threads),
 * with progress, pause/resume/cancel, a summary, the sortable and filterable table and the exports. The job and
 * every result are saved as they arrive; reopening the page with the same `?job=` resumes a job left running.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CheckResult } from '@/lib/findings';
import { toYearRecord, type YearRecord } from '@/lib/cross-year/record';
import { fill } from '@/utils/i18n';
import { tb } from '@/utils/i18n-batch';
import { language } from '@/utils/settings';
import { previousChoices, rememberReports, reportHistory } from '@/utils/history';
import type { BatchJob } from '@/utils/batch/job';
import { loadJob, loadResult, saveJob, saveResult } from '@/utils/batch/job-store';
import { BatchRunner } from '@/utils/batch/runner';
import { readFileInPage } from '@/utils/batch/read-file-in-page';
import { BatchRows, rowStatus, type BatchRow } from '@/utils/batch/rows';
import { openReport } from '@/utils/open-report';
import { useStoredItem } from '../use-stored-item';
import { LanguageToggle } from '../popup/LanguageToggle';
import { ResultsTable } from './ResultsTable';
import { exportBatch, type ExportKind } from './export';

type StatusFilter = 'all' | 'errors' | 'warnings' | 'problems';

export function BatchPage(props: { jobId: string | null }) {
  const [lang, setLang] = useStoredItem(language);
  const [job, setJob] = useState<BatchJob | null | undefined>(undefined);
  const [results, setResults] = useState<ReadonlyMap<number, CheckResult>>(new Map());
  const [history, setHistory] = useState<YearRecord[]>([]);
  const [choices] = useStoredItem(previousChoices);
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [text, setText] = useState('');
  const [notice, setNotice] = useState('');
  const runner = useRef<BatchRunner | null>(null);
  const rowMaker = useRef(new BatchRows());

  useEffect(() => {
    void (async () => {
      const loaded = props.jobId ? await loadJob(props.jobId) : null;
      if (!loaded) return setJob(null);
      // Every kept result at once: one storage read after another took a round trip per report of the column.
      const checked = loaded.items.filter((item) => item.outcome?.kind === 'checked');
      const kept = await Promise.all(checked.map((item) => loadResult(loaded.id, item.n)));
      const base = new Map<number, CheckResult>();
      checked.forEach((item, i) => kept[i] && base.set(item.n, kept[i]));
      setHistory(Object.values(await reportHistory.getValue()).map((entry) => entry.record));
      setResults(base);
      setJob({ ...loaded });
      runner.current = new BatchRunner(loaded, { saveJob, saveResult }, (next, checked) => {
        setJob({ ...next, items: [...next.items] });
        if (checked) {
          setResults((previous) => new Map(previous).set(checked.n, checked.result));
          if (checked.result.report) {
            // A failed write (storage full) says so, in both languages, rather than losing the report silently.
            void rememberReports([toYearRecord(checked.result.report, next.items[checked.n - 1].url)]).catch((error: unknown) =>
              setNotice(error instanceof Error ? error.message : String(error)),
            );
          }
        }
      }, readFileInPage);
      // A job left running (the tab was closed, the browser restarted) goes on by itself.
      if (loaded.state === 'running') void runner.current.start();
    })();
    const unwatch = reportHistory.watch((value) => setHistory(Object.values(value ?? {}).map((entry) => entry.record)));
    return unwatch;
  }, [props.jobId]);

  const rows = useMemo(
    () => (job ? rowMaker.current.rows(job.items, results, history, choices ?? {}) : []),
    [job, results, history, choices],
  );

  if (lang === null || job === undefined) return null;
  const s = tb(lang);
  if (job === null) return <main><p class="error">{s.noJob}</p></main>;

  const done = job.items.filter((item) => item.outcome !== null).length;
  const total = job.items.length;
  const counted = rows.filter((r) => r.row !== null);
  const reports = counted.filter((r) => r.result?.report).length;
  const withErrors = counted.filter((r) => (r.row?.counts?.errors ?? 0) > 0).length;
  const byKind = (kind: string) => job.items.filter((item) => item.outcome?.kind === kind).length;
  const visible = rows.filter((row) => matches(row, filter, text));
  const stateText = { running: s.stateRunning, paused: s.statePaused, cancelled: s.stateCancelled, done: s.stateDone }[job.state];

  const control = (action: 'pause' | 'resume' | 'cancel') => {
    const r = runner.current;
    if (!r) return;
    if (action === 'resume') void r.start();
    else void r[action]();
    setJob({ ...r.job });
  };
  const open = (row: BatchRow) => {
    void openReport(row.item.url, row.item.kind).catch((error: unknown) => setNotice(String(error)));
  };
  const download = async (kind: ExportKind) => {
    try {
      setNotice(fill(s.exported, { f: await exportBatch(kind, job, rows, lang) }));
    } catch (error) {
      setNotice(String(error));
    }
  };

  return (
    <main lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header class="bar">
        <h1>{s.batchTitle}</h1>
        <LanguageToggle lang={lang} setLang={setLang} />
      </header>
      <p class="column">
        {s.column}：<a href={job.listUrl}>{job.listTitle || job.listUrl}</a>
      </p>

      <section class="summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading" data-summary>
          {fill(s.summaryLine, { n: reports, m: withErrors })}
        </h2>
        <p>
          {fill(s.summaryDetail, {
            links: total,
            checked: byKind('checked'),
            failed: byKind('failed'),
            skipped: byKind('skipped'),
            pending: total - done,
          })}
        </p>
      </section>

      <section class="progress" aria-labelledby="progress-heading">
        <h2 id="progress-heading" class="visually-hidden">{s.progress}</h2>
        <div class="progress-line">
          <progress max={Math.max(total, 1)} value={done} aria-label={s.progress} />
          <span data-progress aria-live="polite">
            {fill(s.progressText, { done, total })} · {stateText}
          </span>
          {job.state === 'running' ? (
            <button type="button" data-action="pause" onClick={() => control('pause')}>{s.pause}</button>
          ) : (
            done < total && <button type="button" data-action="resume" onClick={() => control('resume')}>{s.resume}</button>
          )}
          {job.state === 'running' && (
            <button type="button" data-action="cancel" onClick={() => control('cancel')}>{s.cancel}</button>
          )}
        </div>
        <p class="hint">
          {fill(s.listPages, { n: job.listPages.length, limit: job.pageLimit })}
          {job.nextPage && job.listPages.length >= job.pageLimit && ` ${s.listMore}`}
          {job.listProblem && ` ${fill(s.listProblem, { e: job.listProblem[lang] })}`}
        </p>
      </section>

      <section class="tools">
        <label>
          {s.filterStatus}
          <select value={filter} onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as StatusFilter)}>
            <option value="all">{s.all}</option>
            <option value="errors">{s.withErrors}</option>
            <option value="warnings">{s.withWarnings}</option>
            <option value="problems">{s.problems}</option>
          </select>
        </label>
        <label>
          {s.filterText}
          <input type="search" value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <span class="count">{fill(s.shown, { n: visible.length })}</span>
        <span class="exports">
          <button type="button" data-action="export-csv" onClick={() => void download('csv')}>{s.exportCsv}</button>
          <button type="button" data-action="export-xlsx" onClick={() => void download('xlsx')}>{s.exportXlsx}</button>
          <button type="button" data-action="export-json" onClick={() => void download('json')}>{s.exportJson}</button>
        </span>
      </section>
      <p class="notice" role="status">{notice}</p>

      <ResultsTable rows={visible} lang={lang} onOpen={open} />
    </main>
  );
}

function matches(row: BatchRow, filter: StatusFilter, text: string): boolean {
  const key = rowStatus(row).key;
  if (filter === 'errors' && key !== 'errors') return false;
  if (filter === 'warnings' && key !== 'warnings') return false;
  if (filter === 'problems' && key !== 'failed' && key !== 'skipped') return false;
  const needle = text.trim();
  if (!needle) return true;
  return [row.row?.body, row.row?.title, row.item.text, row.item.url].some((value) => value?.includes(needle));
}
