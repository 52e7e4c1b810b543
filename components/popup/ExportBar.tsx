/** 复制 JSON · 复制 TSV · 下载 .json, for the whole report or one table. */
import { useState } from 'preact/hooks';
import type { CheckResult } from '@/lib/findings';
import { exportFileName, exportJson, TABLE_IDS } from '@/lib/export/json';
import type { ExportScope } from '@/lib/export/schema';
import { reportToTsv, tableToTsv } from '@/lib/export/tsv';
import type { Language } from '@/utils/settings';
import { fill, t } from '@/utils/i18n';
import { copyText, downloadText } from './export-actions';
import { messageOf } from './tab-connection';

/** What the last action did; rendered in the current language, so switching language re-words it. */
type Outcome = { done: 'copied' | 'downloaded'; what: string } | { failed: string } | null;

export function ExportBar({ result, lang }: { result: CheckResult; lang: Language }) {
  const s = t(lang);
  const [scope, setScope] = useState<ExportScope>('report');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const report = result.report;
  if (!report) return null;

  const run = async (action: () => Promise<void> | void, done: 'copied' | 'downloaded', what: string) => {
    try {
      await action();
      setOutcome({ done, what });
    } catch (error) {
      setOutcome({ failed: messageOf(error) });
    }
  };
  const status =
    outcome === null
      ? ''
      : 'failed' in outcome
        ? fill(s.actionFailed, { e: outcome.failed })
        : outcome.done === 'copied'
          ? `${s.copied} ${outcome.what}`
          : s.downloaded;
  const json = () => exportJson(result, scope) ?? '';
  const tsv = () => (scope === 'report' ? reportToTsv(report, lang) : tableToTsv(report, scope, lang));

  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading" class="visually-hidden">
        {s.exportScope}
      </h2>
      <label class="export-scope">
        {s.exportScope}
        <select value={scope} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value as ExportScope)}>
          <option value="report">{s.wholeReport}</option>
          {TABLE_IDS.map((id) => (
            <option value={id} key={id} disabled={!report[id]}>
              {s[id]}
            </option>
          ))}
        </select>
      </label>
      <div class="export-buttons">
        <button type="button" data-action="copy-json" onClick={() => run(() => copyText(json()), 'copied', 'JSON')}>
          {s.copyJson}
        </button>
        <button type="button" data-action="copy-tsv" onClick={() => run(() => copyText(tsv()), 'copied', 'TSV')}>
          {s.copyTsv}
        </button>
        <button
          type="button"
          data-action="download-json"
          onClick={() => run(() => downloadText(json(), exportFileName(report, scope)), 'downloaded', '.json')}
        >
          {s.downloadJson}
        </button>
      </div>
      <p class="export-status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
