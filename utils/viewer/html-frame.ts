/**
 * Shows an HTML document (a Word draft's HTML from readDocx, or a sanitised saved page) in a frame of the viewer:
 * `sandbox="allow-same-origin"` without `allow-scripts`, so nothing in it runs while the viewer can still read it
 * and draw the overlay into it; `srcdoc`, so nothing is fetched for it. The frame's own styles stay inside it.
 */
export async function showInFrame(container: HTMLElement, html: string, title: string): Promise<HTMLIFrameElement> {
  const frame = container.ownerDocument.createElement('iframe');
  frame.className = 'document-frame';
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.title = title;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = html;
  container.replaceChildren(frame);
  await loaded;
  return frame;
}

/** A Word draft's HTML (readDocx: a whole document of bare paragraphs and tables) with a readable default style. */
export function styledDraft(html: string): string {
  return html.replace('<html>', '<html lang="zh-CN">').replace('<head>', `<head><style>${DRAFT_CSS}</style>`);
}

const DRAFT_CSS = `
body { font: 15px/1.7 "Noto Serif CJK SC", "SimSun", "Songti SC", serif; color: #1f1f1f; background: #fff;
  max-width: 860px; margin: 24px auto; padding: 0 32px 48px; }
table { border-collapse: collapse; margin: 16px 0; }
td, th { border: 1px solid #444; padding: 4px 8px; text-align: center; vertical-align: middle; }
td p { margin: 0; }
p { margin: 0 0 .6em; }`;
