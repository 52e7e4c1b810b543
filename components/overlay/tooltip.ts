/**
 * The one tooltip of the overlay: shown on hover or keyboard focus of a badge, with the rule, the formula with the
 * actual values and the message; the cells the rule adds are outlined in the overlay and flashed (Web Animations API).
 */
import type { Language } from '@/utils/settings';
import type { LayoutLoop } from '@/utils/overlay/layout';
import type { Marked } from './render';
import { badgeTitle, cellKindText, describePath, findingLines, pick, suspectLabel } from './text';

/** Opacity only: `transform` is what LayoutLoop positions with, an animated transform would override it. */
export const FLASH_KEYFRAMES: Keyframe[] = [{ opacity: 1 }, { opacity: 0.2 }, { opacity: 1 }];

export class Tooltip {
  private readonly el: HTMLElement;
  private current: HTMLElement | null = null;
  private parts: HTMLElement[] = [];
  private readonly abort = new AbortController();

  constructor(
    private readonly layer: HTMLElement,
    private readonly layout: LayoutLoop,
    private readonly marks: () => Map<HTMLElement, Marked>,
    private readonly refs: () => Map<string, Element>,
    private readonly language: () => Language,
  ) {
    const doc = layer.ownerDocument;
    this.el = doc.createElement('div');
    this.el.className = 'tooltip';
    this.el.setAttribute('role', 'tooltip');
    this.el.id = 'gov-report-checker-tooltip';
    this.el.hidden = true;
    layer.append(this.el);
    const signal = this.abort.signal;
    const badgeOf = (event: Event) => {
      const el = (event.target as Element | null)?.closest?.('.badge');
      return el instanceof HTMLElement && this.marks().has(el) ? el : null;
    };
    layer.addEventListener('pointerover', (e) => { const b = badgeOf(e); if (b) this.show(b); }, { signal });
    layer.addEventListener('pointerout', (e) => {
      const current = this.current;
      const to = (e as PointerEvent).relatedTarget as Node | null;
      if (!current || (to && current.contains(to))) return;
      if ((current.getRootNode() as ShadowRoot).activeElement === current) return; // keyboard focus keeps it
      this.hide();
    }, { signal });
    layer.addEventListener('focusin', (e) => { const b = badgeOf(e); if (b) this.show(b); }, { signal });
    // Enter or Space (a click on the button) shows it again after Escape closed it.
    layer.addEventListener('click', (e) => { const b = badgeOf(e); if (b) this.show(b); }, { signal });
    layer.addEventListener('focusout', () => this.hide(), { signal });
    layer.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Escape') this.hide(); }, { signal });
    this.layout.onLayout(() => this.place());
  }

  show(badge: HTMLElement) {
    if (this.current === badge) return;
    this.clearParts();
    this.current = badge;
    const mark = this.marks().get(badge);
    if (!mark) return;
    this.el.replaceChildren(...this.content(mark));
    this.el.hidden = false;
    badge.setAttribute('aria-describedby', this.el.id);
    this.highlightParts(mark);
    this.place();
  }

  hide() {
    this.current?.removeAttribute('aria-describedby');
    this.current = null;
    this.el.hidden = true;
    this.clearParts();
  }

  /** Re-attach after a new render (the layer was emptied). */
  reattach() {
    this.hide();
    if (!this.el.isConnected) this.layer.append(this.el);
  }

  destroy() {
    this.hide();
    this.abort.abort();
    this.el.remove();
  }

  private content(mark: Marked): HTMLElement[] {
    const language = this.language();
    const other: Language = language === 'zh' ? 'en' : 'zh';
    const doc = this.layer.ownerDocument;
    const line = (className: string, text: string) => {
      const div = doc.createElement('div');
      div.className = className;
      div.textContent = text;
      return div;
    };
    if (mark.type === 'suspect') {
      const where = describePath(mark.suspect.path);
      const label = suspectLabel(mark.suspect);
      const reason = mark.suspect.reason;
      return [
        line('rule', pick(label, language)),
        line('where', pick(where, language)),
        line('second', `${pick(label, other)} · ${pick(where, other)}`),
        ...(reason ? [line('message', pick(reason, language)), line('second', pick(reason, other))] : []),
      ];
    }
    const badge = mark.badge;
    const where = describePath(badge.path);
    const nodes = [line('where', `${pick(where, language)} · ${pick(where, other)}`)];
    if (badge.findings.length === 0) {
      const kind = cellKindText(badge.cell);
      const title = badgeTitle(badge);
      const raw = badge.cell?.raw.trim();
      nodes.unshift(line('rule', `${pick(title, language)} · ${pick(title, other)}`));
      if (kind && raw) nodes.push(line('formula', `“${raw}” → ${pick(kind, language)}`));
    }
    // A cell of a grouped cause (a blank column…) says the cause first: that is what to fix.
    for (const cause of badge.groups) {
      nodes.push(line('cause', pick(cause.message, language)), line('second', pick(cause.message, other)));
    }
    for (const finding of badge.findings) {
      const { title, formula, message } = findingLines(finding);
      const block = doc.createElement('div');
      block.className = 'finding';
      block.append(line('rule', pick(title, language)));
      if (formula) block.append(line('formula', pick(formula, language)));
      block.append(line('message', pick(message, language)), line('second', pick(message, other)));
      nodes.push(block);
    }
    return nodes;
  }

  private highlightParts(mark: Marked) {
    if (mark.type !== 'badge') return;
    const refs = this.refs();
    const paths = new Set(mark.badge.findings.flatMap((f) => f.parts));
    const doc = this.layer.ownerDocument;
    for (const path of paths) {
      const target = refs.get(path);
      if (!target) continue;
      const box = doc.createElement('div');
      box.className = 'part';
      this.layer.insertBefore(box, this.layer.firstChild);
      this.layout.add({ el: box, target, placement: 'cover', clips: null });
      box.animate(FLASH_KEYFRAMES, { duration: 500, iterations: 2, easing: 'ease-in-out' });
      this.parts.push(box);
    }
    this.layout.run();
  }

  private clearParts() {
    for (const box of this.parts) {
      this.layout.remove(box);
      box.remove();
    }
    this.parts = [];
  }

  /** Below the badge, kept inside the viewport horizontally. */
  private place() {
    if (!this.current || this.el.hidden) return;
    const origin = this.layer.getBoundingClientRect();
    const anchor = this.current.getBoundingClientRect();
    const width = this.el.offsetWidth;
    const viewport = this.layer.ownerDocument.documentElement.clientWidth;
    const left = Math.max(4, Math.min(anchor.left, viewport - width - 4));
    this.el.style.transform = `translate(${left - origin.left}px, ${anchor.bottom - origin.top + 6}px)`;
  }
}
