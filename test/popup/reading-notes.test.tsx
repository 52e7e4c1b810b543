/**
 * The popup's and viewer's notice list of what the source could not read (components/popup/ReadingNotes.tsx),
 * rendered with Preact into a linkedom document, from a result shaped as the PDF check makes it (the engine's side,
 * a real borderless print with a straddling number, is test/pdf-stream.test.ts).
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadingNotes } from '../../components/popup/ReadingNotes';
import type { CheckResult } from '../../lib/findings';
import { table3Path } from '../../lib/paths';

const saved = { document: globalThis.document };
let root: HTMLElement;

beforeAll(() => {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  (globalThis as { document: unknown }).document = document;
  root = document.getElementById('root') as unknown as HTMLElement;
});
afterAll(() => {
  (globalThis as { document: unknown }).document = saved.document;
});

const commercial = table3Path('legalPerson.commercial', 'newReceived');
const result = {
  status: 'ok',
  report: null,
  findings: [],
  causes: [],
  suspects: [],
  timings: { detect: 0, parse: 0, check: 0 },
  readingNotes: [
    { zh: '“一、本年新收政府信息公开申请数量”一行数值“77”跨两列或在列外，无法对应到唯一一列，未读取', en: 'row "x": "77" lies across two columns or outside them: left out', cells: [commercial] },
    { zh: '数值“9”无法对应到唯一一行，未读取', en: 'value "9" lies beside no single row label: left out' },
  ],
} satisfies CheckResult;

describe('ReadingNotes', () => {
  it('lists each note in Chinese, then English, under a bilingual heading; a named cell is a button that reveals it', () => {
    const revealed: string[] = [];
    render(<ReadingNotes result={result} lang="zh" onReveal={(path) => revealed.push(path)} />, root);
    expect(root.querySelector('h2')!.textContent).toBe('读取说明 · Reading notes');
    const items = [...root.querySelectorAll('[data-reading-note]')];
    expect(items).toHaveLength(2);
    const spans = [...items[0].querySelectorAll('span')];
    expect(spans.map((s) => s.getAttribute('lang'))).toEqual(['zh-CN', 'en']);
    expect(spans[0].textContent).toContain('“77”');
    expect(spans[1].textContent).toContain('"77"');
    const button = items[0].querySelector('button')!;
    expect(button.textContent).toContain('商业企业');
    button.dispatchEvent(new (root.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
    expect(revealed).toEqual([commercial]);
    expect(items[1].querySelector('button')).toBeNull();
    render(null, root);
  });

  it('in the viewer, a note it marks on the page gets 页面上的位置, which shows that note; the others do not', () => {
    const shown: number[] = [];
    render(<ReadingNotes result={result} lang="zh" notesOnPage={[false, true]} onShowNote={(i) => shown.push(i)} />, root);
    const items = [...root.querySelectorAll('[data-reading-note]')];
    expect(items[0].querySelector('[data-show-note]')).toBeNull();
    const show = items[1].querySelector('[data-show-note]')!;
    expect(show.textContent).toBe('页面上的位置');
    show.dispatchEvent(new (root.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
    expect(shown).toEqual([1]);
    render(null, root);
  });

  it('renders nothing when the source read everything', () => {
    const { readingNotes: _, ...clean } = result;
    render(<ReadingNotes result={clean} lang="en" />, root);
    expect(root.innerHTML).toBe('');
    render(<ReadingNotes result={{ ...clean, readingNotes: [] }} lang="en" />, root);
    expect(root.innerHTML).toBe('');
  });
});
