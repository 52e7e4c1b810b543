/** The local history of checked reports (utils/history.ts): listed by body and year, each removable, and clearable as a whole. */
import { useEffect, useState } from 'preact/hooks';
import { reportName } from '@/lib/cross-year/record';
import type { Language } from '@/utils/settings';
import { fill } from '@/utils/i18n';
import { tb } from '@/utils/i18n-batch';
import { historyProblem, reportHistory, sendHistoryRequest } from '@/utils/history';
import { useStoredItem, useWatched } from '../use-stored-item';

export function HistoryList({ lang }: { lang: Language }) {
  const s = tb(lang);
  const [history] = useWatched(reportHistory);
  const [problem] = useStoredItem(historyProblem);
  const [message, setMessage] = useState('');
  // 历史记录已清空 holds only until the history has entries again.
  useEffect(() => {
    if (history && Object.keys(history).length > 0) setMessage('');
  }, [history]);
  if (history === null) return null;
  const entries = Object.values(history).sort(
    (a, b) =>
      (a.record.identity.body ?? '').localeCompare(b.record.identity.body ?? '', 'zh-CN') ||
      (b.record.identity.year ?? 0) - (a.record.identity.year ?? 0),
  );
  const date = (ms: number) => new Date(ms).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  const clear = async () => {
    await sendHistoryRequest({ type: 'history-clear' });
    setMessage(s.historyCleared);
  };
  return (
    <section aria-labelledby="history-heading" class="history">
      <h2 id="history-heading">{s.history}</h2>
      <p class="help">{s.historyHelp}</p>
      {problem && (
        <p role="alert" class="message bad" data-history-problem>
          {problem[lang]}
        </p>
      )}
      <p data-history-count>{entries.length === 0 ? s.historyEmpty : fill(s.historyCount, { n: entries.length })}</p>
      {entries.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{s.colBody}</th>
              <th scope="col">{s.colYear}</th>
              <th scope="col">{s.colReport}</th>
              <th scope="col">{s.checkedAt}</th>
              <th scope="col"><span class="visually-hidden">{s.forget}</span></th>
            </tr>
          </thead>
          <tbody>
            {entries.map(({ record, checkedAt }) => {
              const source = record.identity.source ?? '';
              return (
                <tr key={source}>
                  <td>{record.identity.body}</td>
                  <td>{record.identity.year}</td>
                  <td class="source">
                    <a href={source} target="_blank" rel="noreferrer">
                      {record.identity.title ?? source}
                    </a>
                  </td>
                  <td>{date(checkedAt)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={fill(s.forgetLabel, { name: reportName(record.identity) })}
                      onClick={() => void sendHistoryRequest({ type: 'history-forget', sources: [source] })}
                    >
                      {s.forget}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {entries.length > 0 && (
        <button type="button" data-action="clear-history" onClick={() => void clear()}>
          {s.clearHistory}
        </button>
      )}
      <p role="status" class="help">{message}</p>
    </section>
  );
}
