/**
 * What makes a page worth another look, shared by the always-on gate (entrypoints/gate) and the engine's page watch
 * (page-watch.ts): mutations that touch tables, and a trailing debounce so a burst of changes costs one look.
 * Imports nothing: the gate loads it on every page.
 */

/** A mutation matters when it changes a table's content or adds/removes a table. Nodes `ignore` accepts never count. */
export function touchesTables(record: MutationRecord, ignore: (node: Node) => boolean = () => false): boolean {
  const target = record.target;
  if (record.type === 'characterData') return target.parentElement?.closest('table') != null;
  if (ignore(target)) return false;
  if (target instanceof Element && target.closest('table')) return true;
  const holdsTable = (node: Node) =>
    node instanceof Element && !ignore(node) && (node.localName === 'table' || node.getElementsByTagName('table')[0] !== undefined);
  for (const node of record.addedNodes) if (holdsTable(node)) return true;
  for (const node of record.removedNodes) if (holdsTable(node)) return true;
  return false;
}

/**
 * The gate's narrower test: the mutation adds a table, a part of one (rows arriving later) or an element holding a
 * table. Other changes inside a table do not count: on a site laid out in tables every change is inside one.
 */
export function addsTables(record: MutationRecord): boolean {
  for (const node of record.addedNodes) {
    if (!(node instanceof Element)) continue;
    if (isTablePart(node.localName) || node.getElementsByTagName('table')[0]) return true;
  }
  return false;
}

function isTablePart(tag: string) {
  return tag === 'table' || tag === 'tr' || tag === 'td' || tag === 'th' || tag === 'tbody' || tag === 'thead' || tag === 'tfoot';
}

const DEBOUNCE_MS = 300;
const MAX_WAIT_MS = 2000;

/** Trailing debounce with a maximum wait, so a page that keeps changing is still looked at now and then. */
export class Debounced {
  private timer = 0;
  private firstPendingAt = 0;

  constructor(
    private readonly win: Window,
    private readonly run: () => void,
  ) {}

  schedule() {
    const now = this.win.performance.now();
    if (!this.timer) this.firstPendingAt = now;
    this.win.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstPendingAt + MAX_WAIT_MS - now));
    this.timer = this.win.setTimeout(() => {
      this.timer = 0;
      this.run();
    }, wait);
  }

  cancel() {
    this.win.clearTimeout(this.timer);
    this.timer = 0;
  }
}
