/**
 * The report viewer page: a PDF, a Word draft or a saved web page, checked by the same engine and shown with the same
 * badges, with the popup's overview, findings list (a click jumps to the cell) and export beside it. Opened from the
 * popup for a PDF (`?src=<url>&tab=<id>`: fetch-report.ts), or empty, taking a file dropped on it or picked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckResult } from '@/lib/findings';
import type { Bilingual } from '@/lib/rules/labels';
import { CANCELLED } from '@/lib/sources/bad-input';
import { fill, t } from '@/utils/i18n';
import { badgeKinds, language } from '@/utils/settings';
import { fetchReport, requestOrigin } from '@/utils/viewer/fetch-report';
import { ViewerSession, type OpenFile } from '@/utils/viewer/session';
import { ExportBar } from '../popup/ExportBar';
import { FindingList } from '../popup/FindingList';
import { ReadingNotes } from '../popup/ReadingNotes';
import { ReportOverview } from '../popup/ReportOverview';
import { tabIdFromQuery } from '../popup/target-tab';
import { useStoredItem } from '../use-stored-item';
import { LanguageToggle } from '../popup/LanguageToggle';

type State =
  | { kind: 'empty' }
  | { kind: 'fetching'; received: number; total: number | null }
  | { kind: 'reading'; page: number; pages: number }
  | { kind: 'failed'; reason: Bilingual; permission?: string }
  | { kind: 'done'; result: CheckResult; name: string };

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function Viewer() {
  const [lang, setLang] = useStoredItem(language);
  const [kinds] = useStoredItem(badgeKinds);
  const [state, setState] = useState<State>({ kind: 'empty' });
  const [zoom, setZoom] = useState(2);
  const [dragging, setDragging] = useState(false);
  const documentArea = useRef<HTMLElement>(null);
  const session = useRef<ViewerSession | null>(null);
  const running = useRef<AbortController | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    if (lang) session.current?.setSettings({ language: lang });
    if (lang) document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    if (kinds) session.current?.setSettings({ kinds });
  }, [kinds]);

  const start = () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    session.current?.destroy();
    const s = t(langRef.current ?? 'zh');
    session.current = new ViewerSession(documentArea.current!, (n) => fill(s.pageN, { n }));
    session.current.setSettings({ language: langRef.current ?? 'zh', kinds: kinds ?? undefined });
    return controller;
  };

  const openFile = async (file: OpenFile, controller: AbortController) => {
    setState({ kind: 'reading', page: 0, pages: 0 });
    const outcome = await session.current!.open(file, {
      signal: controller.signal,
      onPage: (page, pages) => !controller.signal.aborted && setState({ kind: 'reading', page, pages }),
    });
    if (controller.signal.aborted && !outcome.ok) return;
    if (!outcome.ok) {
      documentArea.current?.replaceChildren();
      return setState({ kind: 'failed', reason: outcome.reason });
    }
    setState({ kind: 'done', result: outcome.result, name: file.name });
    document.title = `${file.name} · ${t(langRef.current ?? 'zh').viewerTitle}`;
  };

  const openLocal = async (file: File) => {
    const controller = start();
    await openFile({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, type: file.type }, controller);
  };

  const openRemote = async (src: string, tabId: number | null) => {
    const controller = start();
    setState({ kind: 'fetching', received: 0, total: null });
    const fetched = await fetchReport(src, tabId, {
      signal: controller.signal,
      onProgress: (received, total) => !controller.signal.aborted && setState({ kind: 'fetching', received, total }),
    });
    if (controller.signal.aborted) return;
    if (!fetched.ok) return setState({ kind: 'failed', reason: fetched.reason, permission: fetched.permission });
    await openFile({ bytes: fetched.file.bytes, name: fetched.file.name, type: fetched.file.contentType }, controller);
  };

  const params = new URLSearchParams(location.search);
  const src = params.get('src');
  const tabId = tabIdFromQuery(location.search);
  const ready = lang !== null;
  // The document area exists once the language is known (the first render is empty until then).
  useEffect(() => {
    if (ready && src) void openRemote(src, tabId);
  }, [ready]);
  useEffect(() => () => session.current?.destroy(), []);

  const cancel = () => {
    running.current?.abort();
    session.current?.destroy();
    documentArea.current?.replaceChildren();
    setState({ kind: 'failed', reason: CANCELLED.reason });
  };

  const allow = async (permission: string) => {
    if (src && (await requestOrigin(permission))) void openRemote(src, tabId);
  };

  const changeZoom = (step: number) => {
    const next = Math.max(0, Math.min(ZOOMS.length - 1, zoom + step));
    setZoom(next);
    session.current?.setScale(ZOOMS[next]);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) void openLocal(file);
  };

  if (lang === null) return null;
  const s = t(lang);
  const busy = state.kind === 'fetching' || state.kind === 'reading';
  const hasPages = state.kind === 'done' && session.current?.isPdf;
  return (
    <div
      class={`viewer${dragging ? ' dragging' : ''}`}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.relatedTarget === null && setDragging(false)}
      onDrop={onDrop}
    >
      <header class="bar">
        <h1>
          {s.appName} · {s.viewerTitle}
        </h1>
        <label class="file-button">
          {s.chooseFile}
          <input
            type="file"
            accept=".pdf,.docx,.doc,.wps,.html,.htm,application/pdf,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            data-action="pick-file"
            onChange={(e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (file) void openLocal(file);
              (e.currentTarget as HTMLInputElement).value = '';
            }}
          />
        </label>
        {hasPages && (
          <div class="zoom" role="group" aria-label={s.zoom}>
            <button type="button" aria-label={s.zoomOut} disabled={zoom === 0} onClick={() => changeZoom(-1)}>
              −
            </button>
            <span aria-live="polite">{Math.round(ZOOMS[zoom] * 100)}%</span>
            <button type="button" aria-label={s.zoomIn} disabled={zoom === ZOOMS.length - 1} onClick={() => changeZoom(1)}>
              +
            </button>
          </div>
        )}
        <LanguageToggle lang={lang} setLang={setLang} />
      </header>
      <div class="panes">
        <aside class="side" aria-busy={busy}>
          <div aria-live="polite" class="status">
            {state.kind === 'empty' && <p class="hint">{s.localOnly}</p>}
            {state.kind === 'fetching' && (
              <Progress
                label={state.total ? fill(s.fetchingBytes, { got: mb(state.received), total: mb(state.total) }) : s.fetching}
                value={state.total ? state.received / state.total : null}
                onCancel={cancel}
                cancelText={s.cancel}
              />
            )}
            {state.kind === 'reading' && (
              <Progress
                label={state.pages ? fill(s.readingPages, { n: state.page, total: state.pages }) : s.reading}
                value={state.pages ? state.page / state.pages : null}
                onCancel={cancel}
                cancelText={s.cancel}
              />
            )}
            {state.kind === 'failed' && (
              <div class="failure" role="alert">
                <h2>{s.cannotCheckFile}</h2>
                <p class="reason" data-reason>
                  {state.reason.zh}
                  <br />
                  <span lang="en">{state.reason.en}</span>
                </p>
                {state.permission && (
                  <button type="button" class="primary" onClick={() => void allow(state.permission!)}>
                    {fill(s.allowSite, { host: new URL(state.permission.replace('/*', '/')).hostname })}
                  </button>
                )}
              </div>
            )}
          </div>
          {state.kind === 'done' && (
            <>
              <p class="file-name">
                {s.openedFile}: <span data-file-name>{state.name}</span>
              </p>
              <ReportOverview result={state.result} probe={null} lang={lang} />
              <ReadingNotes
                result={state.result}
                lang={lang}
                onReveal={(path) => session.current?.reveal(path)}
                notesOnPage={session.current?.notesOnPage}
                onShowNote={(index) => session.current?.revealNote(index)}
              />
              {state.result.report && (
                <FindingList
                  result={state.result}
                  suspects={state.result.suspects}
                  lang={lang}
                  onReveal={(path) => session.current?.reveal(path)}
                />
              )}
              <ExportBar result={state.result} lang={lang} />
            </>
          )}
        </aside>
        <main class="document" tabIndex={0} aria-label={s.documentArea}>
          {(state.kind === 'empty' || state.kind === 'failed') && (
            <div class="drop-zone">
              <p>{s.dropHere}</p>
              <p class="hint">{s.localOnly}</p>
            </div>
          )}
          <section class="document-content" ref={documentArea} />
        </main>
      </div>
    </div>
  );
}

function Progress({ label, value, onCancel, cancelText }: { label: string; value: number | null; onCancel(): void; cancelText: string }) {
  return (
    <div class="progress">
      <label>
        {label}
        <progress value={value ?? undefined} max={1} />
      </label>
      <button type="button" data-action="cancel" onClick={onCancel}>
        {cancelText}
      </button>
    </div>
  );
}
