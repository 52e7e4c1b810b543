/**
 * Draws an OverlayModel into the shadow layer with plain DOM (no framework: a few hundred elements created once
 * per check, then only moved by LayoutLoop). Returns what the layout loop must place and what each badge stands for.
 */
import type { Language } from '@/utils/settings';
import type { CellBadge, OverlayModel, SuspectMark, TableSummary } from '@/utils/overlay/model';
import type { Placed } from '@/utils/overlay/layout';
import {
  badgeAria,
  badgeLabel,
  pick,
  summaryAria,
  summaryText,
  suspectAria,
  suspectLabel,
  TOO_LARGE,
  TRIAL_2019,
  both,
  CLOSE,
} from './text';

export type Marked =
  | { type: 'badge'; badge: CellBadge<Element> }
  | { type: 'suspect'; suspect: SuspectMark<Element> };

interface RenderedOverlay {
  placed: Placed[];
  /** What each focusable element of the overlay marks (for the tooltip). */
  marks: Map<HTMLElement, Marked>;
}

export function renderOverlay(layer: HTMLElement, model: OverlayModel<Element>, language: Language): RenderedOverlay {
  const doc = layer.ownerDocument;
  const placed: Placed[] = [];
  const marks = new Map<HTMLElement, Marked>();
  const fragment = doc.createDocumentFragment();

  if (model.status === 'too-large') {
    fragment.append(notice(doc, pick(model.reason ?? TOO_LARGE, language), both(model.reason ?? TOO_LARGE)));
  }

  const buttons: Placed[] = [];
  for (const suspect of model.suspects) {
    const el = button(doc, 'badge suspect', suspectAria(suspect), pick(suspectLabel(suspect), language));
    el.dataset.path = suspect.path;
    el.dataset.kind = 'suspect';
    marks.set(el, { type: 'suspect', suspect });
    buttons.push({ el, target: suspect.ref, placement: 'cover', clips: null });
  }

  for (const badge of model.badges) {
    const label = badgeLabel(badge);
    const el = button(doc, `badge ${badge.kind}`, badgeAria(badge), label ? pick(label, language) : null);
    el.dataset.path = badge.path;
    el.dataset.kind = badge.kind;
    marks.set(el, { type: 'badge', badge });
    buttons.push({ el, target: badge.ref, placement: 'cover', clips: null });
  }
  // Tab order = reading order: the badges follow their cells' order in the page (a suspect before a badge on the same cell).
  buttons.sort((a, b) => documentOrder(a.target, b.target));
  placed.push(...buttons);
  fragment.append(...buttons.map((p) => p.el));

  for (const summary of model.summaries) {
    const el = chip(doc, summary, language, model.status === 'trial-2019');
    placed.push({ el, target: summary.ref, placement: 'above-right', clips: null });
    fragment.append(el);
  }

  layer.append(fragment);
  return { placed, marks };
}

function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

function button(doc: Document, className: string, aria: string, label: string | null): HTMLButtonElement {
  const el = doc.createElement('button');
  el.type = 'button';
  el.className = className;
  el.setAttribute('aria-label', aria);
  if (label) {
    const span = doc.createElement('span');
    span.className = 'label';
    span.textContent = label;
    span.setAttribute('aria-hidden', 'true');
    el.append(span);
  }
  return el;
}

function chip(doc: Document, summary: TableSummary<Element>, language: Language, trial: boolean): HTMLElement {
  const el = doc.createElement('div');
  const state = summary.errors > 0 ? 'errors' : summary.blanks + summary.warnings > 0 ? 'blanks' : 'ok';
  el.className = `chip ${state}`;
  el.dataset.table = summary.table;
  el.setAttribute('role', 'note');
  const text = pick(summaryText(summary), language);
  el.textContent = trial ? `${text} · ${pick(TRIAL_2019, language)}` : text;
  el.setAttribute('aria-label', summaryAria(summary));
  return el;
}

/** A page-level message (too large), fixed at the viewport's top-right corner, with a close button. */
function notice(doc: Document, text: string, aria: string): HTMLElement {
  const el = doc.createElement('div');
  el.className = 'chip notice';
  el.dataset.kind = 'notice';
  el.setAttribute('role', 'status');
  el.setAttribute('aria-label', aria);
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', both(CLOSE));
  close.addEventListener('click', () => el.remove());
  el.append(text, close);
  return el;
}
