/** The results table: one row per link, sortable by any column (buttons in the headers) and filtered by the page above. */
import { useState } from 'preact/hooks';
import type { Language } from '@/utils/settings';
import { fill } from '@/utils/i18n';
import { tb, type BatchStringKey } from '@/utils/i18n-batch';
import { rowStatus, type BatchRow } from '@/utils/batch/rows';
import { carryText } from '@/lib/export/csv';

type SortKey = 'n' | 'body' | 'year' | 'status' | 'errors' | 'warnings' | 'blanks' | 'text' | 'crossYear';

const COLUMNS: { key: SortKey; label: BatchStringKey; numeric?: boolean }[] = [
  { key: 'n', label: 'colN', numeric: true },
  { key: 'body', label: 'colBody' },
  { key: 'year', label: 'colYear', numeric: true },
  { key: 'status', label: 'colStatus' },
  { key: 'errors', label: 'colErrors', numeric: true },
  { key: 'warnings', label: 'colWarnings', numeric: true },
  { key: 'blanks', label: 'colBlanks', numeric: true },
  { key: 'text', label: 'colText', numeric: true },
  { key: 'crossYear', label: 'colCrossYear' },
];

const STATUS_ORDER = ['errors', 'warnings', 'failed', 'no-report', 'too-large', 'trial-2019', 'skipped', 'ok', 'pending'];

function sortValue(row: BatchRow, key: SortKey, lang: Language): string | number {
  const counts = row.row?.counts;
  switch (key) {
    case 'n':
      return row.item.n;
    case 'body':
      return row.row?.body ?? row.item.linkBody ?? '';
    case 'year':
      return row.row?.year ?? row.item.year;
    case 'status':
      return STATUS_ORDER.indexOf(rowStatus(row).key);
    case 'errors':
      return counts?.errors ?? -1;
    case 'warnings':
      return counts?.warnings ?? -1;
    case 'blanks':
      return counts?.blanks ?? -1;
    case 'text':
      return counts?.textMismatches ?? -1;
    case 'crossYear':
      return row.row ? crossYearText(row, lang) : '';
  }
}

export function ResultsTable(props: { rows: BatchRow[]; lang: Language; onOpen: (row: BatchRow) => void }) {
  const { rows, lang, onOpen } = props;
  const s = tb(lang);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'n', dir: 1 });
  const sorted = [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key, lang);
    const y = sortValue(b, sort.key, lang);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return order * sort.dir || a.item.n - b.item.n;
  });
  return (
    <table class="results">
      <caption class="visually-hidden">{s.batchTitle}</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th
              scope="col"
              key={column.key}
              class={column.numeric ? 'num' : undefined}
              aria-sort={sort.key === column.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                data-sort={column.key}
                title={fill(s.sortBy, { c: s[column.label] })}
                onClick={() => setSort({ key: column.key, dir: sort.key === column.key ? (-sort.dir as 1 | -1) : 1 })}
              >
                {s[column.label]}
                <span aria-hidden="true">{sort.key === column.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => {
          const status = rowStatus(row);
          // A page without report tables has nothing to count: its counts stay empty rather than 0.
          const counts = row.result?.report ? row.row?.counts : null;
          const note = row.row?.reason?.[lang];
          return (
            <tr key={row.item.n} data-n={row.item.n} data-status={status.key}>
              <td class="num">{row.item.n}</td>
              <td>{row.row?.body ?? row.item.linkBody ?? ''}</td>
              <td class="num">{row.row?.year ?? row.item.year}</td>
              <td>
                <span class={`status tone-${status.tone}`}>{status.label[lang]}</span>
                {note && status.key !== 'ok' && <div class="note">{note}</div>}
                <div class="report-link">
                  <a
                    href={row.item.url}
                    title={s.openReport}
                    onClick={(event) => {
                      event.preventDefault();
                      onOpen(row);
                    }}
                  >
                    {row.row?.title ?? row.item.text}
                  </a>
                </div>
              </td>
              <td class="num">{counts ? counts.errors : ''}</td>
              <td class="num">{counts ? counts.warnings : ''}</td>
              <td class="num">{counts ? counts.blanks : ''}</td>
              <td class="num">{counts ? counts.textMismatches : ''}</td>
              <td class="cross-year">{row.row ? crossYearText(row, lang) : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function crossYearText(row: BatchRow, lang: Language): string {
  const summary = row.row!;
  const carry = carryText(summary, lang);
  const previous = summary.crossYear.previous;
  if (carry) {
    const year = previous?.kind === 'found' ? previous.report.year : null;
    return year ? `${carry}（${year}）` : carry;
  }
  if (previous?.kind === 'none' && previous.reason === 'not-found') return lang === 'zh' ? '无上年报告' : 'no previous year';
  return '';
}
