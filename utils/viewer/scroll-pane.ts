/**
 * The viewer scrolls in panes (the PDF's pages, a frame's document), never the page itself: the overlay's badges for
 * cells scrolled out of view still make the page's own scroll area larger, and scrollIntoView would scroll it too.
 */

/** The nearest ancestor that scrolls vertically, or the document's scrolling element. */
export function scrollParent(el: Element): Element | null {
  const view = el.ownerDocument.defaultView!;
  for (let at = el.parentElement; at; at = at.parentElement) {
    if (/(auto|scroll)/.test(view.getComputedStyle(at).overflowY)) return at;
  }
  return el.ownerDocument.scrollingElement;
}

/** Scrolls only the target's pane so that the target is in its middle. */
export function centerInPane(target: Element) {
  const pane = scrollParent(target);
  if (!pane) return;
  const box = target.getBoundingClientRect();
  const isDocument = pane === target.ownerDocument.scrollingElement;
  const view = isDocument ? { top: 0, left: 0, height: pane.clientHeight, width: pane.clientWidth } : pane.getBoundingClientRect();
  pane.scrollTop += box.top - view.top - (view.height - box.height) / 2;
  pane.scrollLeft += Math.max(0, box.right - (view.left + view.width)) + Math.min(0, box.left - view.left);
}
