/**
 * The one element the extension adds to a page: `<gov-report-checker data-gov-report-checker>` appended to
 * <html> (outside the body's flow), absolutely positioned, zero-sized, pointer-events none, with a shadow root
 * that carries all styles. A custom element name keeps type selectors (`div`, `span`) of the page from matching it.
 */
import { OVERLAY_CSS } from './styles';

const HOST_TAG = 'gov-report-checker';
const HOST_ATTRIBUTE = 'data-gov-report-checker';

export interface OverlayHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** The absolutely positioned layer every badge, chip and tooltip lives in. */
  layer: HTMLElement;
}

/** Inline `!important` beats any page rule; set through CSSOM, which a page CSP does not block. */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'absolute',
  left: '0',
  top: '0',
  width: '0',
  height: '0',
  overflow: 'visible',
  'pointer-events': 'none',
  'z-index': '2147483647',
  display: 'block',
  // No `contain`/`transform` here: either would make the host the containing block of the fixed notice chip.
};

export function createOverlayHost(doc: Document = document): OverlayHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute(HOST_ATTRIBUTE, '');
  for (const [name, value] of Object.entries(HOST_STYLE)) host.style.setProperty(name, value, 'important');
  // Text spacing is left to the reader (WCAG 1.4.12): a user's or a text-spacing tool's letter and word spacing
  // reaches the badges by inheritance, which `all: initial !important` would block (axe: avoid-inline-spacing).
  for (const name of ['letter-spacing', 'word-spacing']) host.style.setProperty(name, 'normal');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, doc);
  const layer = doc.createElement('div');
  layer.className = 'layer';
  root.append(layer);
  doc.documentElement.append(host);
  return { host, root, layer };
}

/** Constructable stylesheets are not subject to the page's style-src CSP; `<style>` is the fallback for old engines. */
function adoptStyles(root: ShadowRoot, doc: Document) {
  const view = doc.defaultView;
  if (view && 'adoptedStyleSheets' in root && typeof view.CSSStyleSheet?.prototype.replaceSync === 'function') {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(OVERLAY_CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  root.append(style);
}

/** True for the host element (used to ignore our own mutations; what happens in its shadow tree never reaches a document observer). */
export function isOverlayNode(node: Node | null): boolean {
  return node instanceof Element && node.localName === HOST_TAG && node.hasAttribute(HOST_ATTRIBUTE);
}
