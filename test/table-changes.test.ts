/**
 * Which mutations make the gate and the page watch look again (utils/overlay/table-changes.ts), on linkedom nodes and
 * hand-made mutation records (linkedom has no MutationObserver).
 */
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addsTables, touchesTables } from '../utils/overlay/table-changes';

const { document, Element } = parseHTML(
  '<html><body><div id="layout"><table><tr><td id="cell">1</td></tr></table></div><ul id="list"></ul></body></html>',
);
const globals = globalThis as { Element?: unknown };
const hadElement = 'Element' in globals;
const previousElement = globals.Element;
beforeAll(() => {
  globals.Element = Element; // the module tests `node instanceof Element`, as in a page
});
afterAll(() => {
  if (hadElement) globals.Element = previousElement;
  else delete globals.Element;
});

const el = (html: string) => {
  const box = document.createElement('div');
  box.innerHTML = html;
  return box.firstElementChild as unknown as Node;
};
const record = (target: Node, changes: { added?: Node[]; removed?: Node[]; type?: MutationRecordType } = {}) =>
  ({ type: changes.type ?? 'childList', target, addedNodes: changes.added ?? [], removedNodes: changes.removed ?? [] }) as unknown as MutationRecord;
const byId = (id: string) => document.getElementById(id) as unknown as Node;

describe('touchesTables (the page watch)', () => {
  it('counts a table added or removed, alone or inside another element', () => {
    const list = byId('list');
    expect(touchesTables(record(list, { added: [el('<table></table>')] }))).toBe(true);
    expect(touchesTables(record(list, { removed: [el('<section><p><table></table></p></section>')] }))).toBe(true);
    expect(touchesTables(record(list, { added: [el('<li>news</li>')], removed: [el('<li>old</li>')] }))).toBe(false);
    expect(touchesTables(record(list, { added: [document.createTextNode('x') as unknown as Node] }))).toBe(false);
  });

  it('counts a change inside a table, and text changed in a cell', () => {
    expect(touchesTables(record(byId('cell'), { added: [el('<span>2</span>')] }))).toBe(true);
    const text = (document.getElementById('cell') as unknown as Element).firstChild as unknown as Node;
    expect(touchesTables(record(text, { type: 'characterData' }))).toBe(true);
  });

  it('skips nodes `ignore` accepts, as target or as the added table', () => {
    const overlay = el('<div data-overlay><table></table></div>');
    const ignore = (node: Node) => (node as unknown as Element).hasAttribute?.('data-overlay') === true;
    expect(touchesTables(record(byId('list'), { added: [overlay] }), ignore)).toBe(false);
    expect(touchesTables(record(overlay, { added: [el('<table></table>')] }), ignore)).toBe(false);
    expect(touchesTables(record(byId('list'), { added: [overlay, el('<table></table>')] }), ignore)).toBe(true);
  });
});

describe('addsTables (the gate)', () => {
  it('counts an added table, a part of one or an element holding one; not other changes inside a table', () => {
    expect(addsTables(record(byId('list'), { added: [el('<table></table>')] }))).toBe(true);
    expect(addsTables(record(byId('cell'), { added: [el('<table><tr><td>x</td></tr></table>').firstChild!] }))).toBe(true);
    expect(addsTables(record(byId('list'), { added: [el('<article><table></table></article>')] }))).toBe(true);
    expect(addsTables(record(byId('cell'), { added: [el('<span>2</span>')] }))).toBe(false);
    expect(addsTables(record(byId('list'), { removed: [el('<table></table>')] }))).toBe(false);
  });
});
