/**
 * The popup's ways into the report viewer: on a tab showing a PDF, 在核验视图中打开; on a page that links or embeds its
 * report as a PDF, those PDFs, each checked in the viewer on request; and always, checking a file of one's own.
 */
import { browser } from 'wxt/browser';
import type { Language } from '@/utils/settings';
import { fill, t } from '@/utils/i18n';
import { viewerUrl } from '@/utils/viewer/url';
import type { PdfSources } from './report-pdfs';

interface Props {
  sources: PdfSources | null;
  tabId: number | null;
  lang: Language;
}

function open(url: string) {
  void browser.tabs.create({ url }).then(() => window.close());
}

export function ViewerEntry({ sources, tabId, lang }: Props) {
  const s = t(lang);
  const tab = tabId ?? undefined;
  return (
    <section class="viewer-entry" aria-labelledby={sources?.pdfs.length ? 'report-pdfs-heading' : undefined}>
      {sources?.isPdf && (
        <div class="pdf-tab">
          <p class="hint">{s.pdfTabHint}</p>
          <button type="button" class="primary" data-action="open-viewer" onClick={() => open(viewerUrl({ src: sources.url, tabId: tab }))}>
            {s.openInViewer}
          </button>
        </div>
      )}
      {sources && !sources.isPdf && sources.pdfs.length > 0 && (
        <>
          <h2 id="report-pdfs-heading">{s.reportPdfs}</h2>
          <ul class="report-pdfs">
            {sources.pdfs.map((pdf) => (
              <li key={pdf.url} data-via={pdf.via}>
                <span class="pdf-label" title={pdf.url}>
                  {pdf.label}
                </span>
                <button
                  type="button"
                  data-action="check-pdf"
                  data-url={pdf.url}
                  aria-label={fill(s.checkPdfLabel, { name: pdf.label })}
                  onClick={() => open(viewerUrl({ src: pdf.url, tabId: tab }))}
                >
                  {s.checkPdf}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="check-file">
        <button type="button" class="link" data-action="open-file-viewer" onClick={() => open(viewerUrl())}>
          {s.checkFile}
        </button>
      </p>
    </section>
  );
}
