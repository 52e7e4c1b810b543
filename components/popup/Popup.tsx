/** The toolbar popup: one button checks the page; then the outcome, the findings, and the exports. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CheckResult } from '@/lib/findings';
import { isResultSummary } from '@/utils/messages';
import { language } from '@/utils/settings';
import { fill, t } from '@/utils/i18n';
import { useStoredItem } from '../use-stored-item';
import { ExportBar } from './ExportBar';
import { FindingList } from './FindingList';
import { ReportOverview } from './ReportOverview';
import { probePage, type PageProbe } from './page-probe';
import { ViewerEntry } from './ViewerEntry';
import { askTab, CannotCheckPageError, messageOf } from './tab-connection';
import { targetTabId } from './target-tab';
import { ColumnOffer } from './ColumnOffer';
import { PreviousYearNote } from './PreviousYearNote';
import { ReadingNotes } from './ReadingNotes';
import { usePageScan } from './page-links-probe';
import { LanguageToggle } from './LanguageToggle';

type View =
  | { kind: 'starting' }
  | { kind: 'no-tab' }
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'cannot-check' }
  | { kind: 'failed'; error: string }
  | { kind: 'done'; result: CheckResult; probe: PageProbe | null };

export function Popup() {
  const [lang, setLang] = useStoredItem(language);
  const [tabId, setTabId] = useState<number | null>(null);
  const [view, setView] = useState<View>({ kind: 'starting' });
  const scan = usePageScan(tabId);
  const pageLinks = scan?.page ?? null;

  const show = async (id: number, result: CheckResult | null) => {
    if (!result) return setView({ kind: 'idle' });
    const probe = result.status === 'no-report' ? await probePage(id) : null;
    setView({ kind: 'done', result, probe });
  };

  const showLatest = async (id: number) => {
    try {
      const response = await askTab(id, { type: 'get-result' });
      await show(id, response.ok ? response.result : null);
    } catch {
      setView({ kind: 'idle' }); // no content script in the tab yet: the button will inject it
    }
  };

  // On opening: show the result the content script already has (auto-checked sites), without injecting anything.
  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      if (id === null) return setView({ kind: 'no-tab' });
      setTabId(id);
      await showLatest(id);
    })();
  }, []);

  // The content script announces every check (result-summary); a check that finishes while the popup is open —
  // the auto-check still running, or a re-check after the page changed — shows up without another click.
  const viewKind = useRef(view.kind);
  viewKind.current = view.kind;
  useEffect(() => {
    if (tabId === null) return;
    const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
      if (isResultSummary(message) && sender.tab?.id === tabId && viewKind.current !== 'checking') void showLatest(tabId);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);

  const check = async () => {
    if (tabId === null) return;
    setView({ kind: 'checking' });
    try {
      const response = await askTab(tabId, { type: 'check' }, { inject: true });
      if (!response.ok) return setView({ kind: 'failed', error: response.error });
      if (!response.result) return setView({ kind: 'failed', error: 'no result' });
      await show(tabId, response.result);
    } catch (error) {
      if (error instanceof CannotCheckPageError) setView({ kind: 'cannot-check' });
      else setView({ kind: 'failed', error: messageOf(error) });
    }
  };

  const reveal = (path: string) => {
    if (tabId !== null) void askTab(tabId, { type: 'reveal', path }).catch(() => undefined);
  };

  if (lang === null) return null;
  const s = t(lang);
  const busy = view.kind === 'checking' || view.kind === 'starting';
  return (
    <main lang={lang === 'zh' ? 'zh-CN' : 'en'} aria-busy={busy}>
      <header class="bar">
        <h1>{s.appName}</h1>
        <LanguageToggle lang={lang} setLang={setLang} />
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {s.options}
        </button>
      </header>
      <button
        type="button"
        class="primary"
        data-action="check"
        disabled={tabId === null || view.kind === 'checking'}
        onClick={check}
      >
        {view.kind === 'checking' ? s.checking : view.kind === 'done' ? s.checkAgain : s.checkPage}
      </button>
      <ColumnOffer page={pageLinks} lang={lang} />
      <div aria-live="polite">
        {view.kind === 'idle' && <p class="hint">{s.notCheckedYet}</p>}
        {view.kind === 'no-tab' && <p class="hint">{s.noTab}</p>}
        {view.kind === 'cannot-check' && <p class="hint">{s.cannotCheck}</p>}
        {view.kind === 'failed' && <p class="error">{fill(s.error, { e: view.error })}</p>}
      </div>
      {view.kind === 'done' && (
        <>
          <ReportOverview result={view.result} probe={view.probe} lang={lang} />
          <PreviousYearNote result={view.result} page={pageLinks} lang={lang} />
          <ReadingNotes result={view.result} lang={lang} onReveal={reveal} />
          {view.result.report && (
            <FindingList result={view.result} suspects={view.result.suspects} lang={lang} onReveal={reveal} />
          )}
          <ExportBar result={view.result} lang={lang} />
        </>
      )}
      <ViewerEntry sources={scan?.pdfs ?? null} tabId={tabId} lang={lang} />
    </main>
  );
}
