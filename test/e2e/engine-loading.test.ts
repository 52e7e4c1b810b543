/**
 * How the checker gets onto a page (issue 9): on an auto-check site only the gate runs (gate.js);
 * the engine (engine.js) is injected by the background when the gate sees report labels, or by the
 * popup when the user asks. These tests watch which of our scripts the page evaluated (Chromium tracing) and whether
 * the engine answers messages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extensionWork, traceLoad, type TraceEvent } from '../../bench/trace';
import { MEASURE_PREFIX } from '../../utils/overlay/measure';
import { gateLooks, govUrl, injectFile, launch, openPage, sendToTab, serve, type LaunchedBrowser, type StaticServer } from './harness';

let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await serve();
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Whether the engine answers in the page's tab (no engine: no receiver for the message). */
async function engineAnswers(page: Page): Promise<boolean> {
  try {
    const response = (await sendToTab(browser, page, { type: 'get-result' })) as { ok?: boolean } | undefined;
    return response?.ok === true;
  } catch (error) {
    if (/Receiving end does not exist|Could not establish connection/.test(String(error))) return false;
    throw error;
  }
}

const hostOn = (page: Page) => page.evaluate(() => document.querySelector('[data-gov-report-checker]') !== null);

/** The extension scripts a trace saw evaluated, by file. */
function evaluatedScripts(events: TraceEvent[]): string[] {
  const origin = `chrome-extension://${browser.extensionId}/`;
  return events
    .filter((e) => e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').startsWith(origin))
    .map((e) => String(e.args!.data!.url).slice(origin.length));
}

/** The timeline events (other than compiling and garbage collection) nested in the evaluation of one of our scripts. */
function timelineEventsDuring(events: TraceEvent[], file: string): string[] {
  const url = `chrome-extension://${browser.extensionId}/${file}`;
  const evaluation = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url === url);
  if (!evaluation?.dur) throw new Error(`no evaluation of ${file} in the trace`);
  const end = evaluation.ts + evaluation.dur;
  return events
    .filter((e) => e !== evaluation && e.tid === evaluation.tid && e.pid === evaluation.pid && e.ts >= evaluation.ts && e.ts <= end)
    // Work done inside the evaluation is a complete ('X') or instant ('I') event. Paint and loading milestones
    // (firstPaint, largestContentfulPaint::Candidate: marks) and AnimationFrame (async) can carry timestamps
    // that fall in the window without being part of it.
    .filter((e) => e.ph === 'X' || e.ph === 'I' || e.ph === 'i')
    .filter((e) => e.cat.split(',').includes('devtools.timeline') && e.name !== 'v8.compile' && !e.name.includes('GC'))
    .map((e) => e.name);
}

async function setAutoCheckHosts(hosts: string[] | null) {
  await browser.context.serviceWorkers()[0].evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void>; remove(k: string): Promise<void> } } } })
      .chrome;
    if (value === null) await api.storage.sync.remove('autoCheckHosts');
    else await api.storage.sync.set({ autoCheckHosts: value });
  }, hosts);
}

describe('a page without a report gets the gate only', () => {
  test('gov article laid out in tables: the gate looks once, the engine is never evaluated, nothing is drawn', async () => {
    const { events, page } = await traceLoad(browser.context, govUrl(server, '/e2e/gov-article.html'), async (p) => {
      await expect.poll(() => gateLooks(browser, p), { timeout: 10_000 }).toBe(1);
      await p.waitForTimeout(1000); // time enough for an engine injection, if one were asked for
    });
    expect(evaluatedScripts(events)).toEqual(['gate.js']);
    const work = extensionWork(events, {
      extensionId: browser.extensionId,
      measurePrefix: MEASURE_PREFIX,
      topLevelMeasures: [],
      pageUrl: page.url(),
    });
    expect(work.ms).toBeGreaterThan(0);
    expect(await engineAnswers(page)).toBe(false);
    expect(await hostOn(page)).toBe(false);
    await page.close();
  });

  test('a page whose tables change later without becoming a report: looked at again, still no engine', async () => {
    const { events, page } = await traceLoad(browser.context, govUrl(server, '/e2e/gov-article.html'), async (p) => {
      await expect.poll(() => gateLooks(browser, p), { timeout: 10_000 }).toBe(1);
      await p.evaluate(() => {
        const table = document.createElement('table');
        table.innerHTML = '<tr><td>联系电话</td><td>0591-00000000</td></tr>';
        document.querySelector('.attachments')!.append(table);
        // A change that is no table at all does not count.
        document.querySelector('.related ul')!.append(document.createElement('li'));
      });
      await expect.poll(() => gateLooks(browser, p), { timeout: 10_000 }).toBe(2);
    });
    // The late look runs in a timer the gate set: the benchmark (bench/trace.ts) finds it by the gate's script URL,
    // with no measure of the gate's own.
    const origin = `chrome-extension://${browser.extensionId}/`;
    const gateCalls = events.filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && e.args?.data?.url === `${origin}gate.js`);
    const timers = events.filter((e) => e.name === 'TimerFire');
    const inTimer = gateCalls.filter((call) => timers.some((t) => t.tid === call.tid && t.ts <= call.ts && t.ts + t.dur! >= call.ts + call.dur!));
    expect(inTimer.length).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout(800);
    expect(await gateLooks(browser, page)).toBe(2);
    expect(await engineAnswers(page)).toBe(false);
    await page.close();
  });
});

describe('the engine is loaded where it is needed', () => {
  test('a report page: the gate asks, the background injects the engine once, badges follow', async () => {
    const { events, page } = await traceLoad(browser.context, govUrl(server, '/fixtures/004-plain.html'), async (p) => {
      await p.waitForFunction(() => performance.getEntriesByName('gov-report-checker:layout', 'measure').length > 0, undefined, {
        timeout: 15_000,
      });
    });
    expect(evaluatedScripts(events)).toEqual(['gate.js', 'engine.js']);
    // Inside the engine's evaluation only compiling: no event dispatched, timer set or message posted there, for
    // which DevTools would record a stack and V8 re-parse the whole script (entrypoints/engine/start.ts).
    expect(timelineEventsDuring(events, 'engine.js')).toEqual([]);
    expect(await engineAnswers(page)).toBe(true);
    const result = (await sendToTab(browser, page, { type: 'get-result' })) as { result: { status: string } };
    expect(result.result.status).toBe('ok');
    await page.close();
  });

  test('injected for the gate, the first check does not look for the labels again; later checks do', async () => {
    const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
    const measures = (name: string) => page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, `${MEASURE_PREFIX}${name}`);
    await page.waitForFunction(() => performance.getEntriesByName('gov-report-checker:layout', 'measure').length > 0, undefined, {
      timeout: 15_000,
    });
    expect(await gateLooks(browser, page)).toBe(1); // the gate script's look (it leaves no measure)
    expect(await measures('gate')).toBe(0); // the engine did not look for the labels again
    expect(await measures('size')).toBe(1); // the engine kept the auto-check's size limit
    expect(await measures('start')).toBe(1);
    expect(((await sendToTab(browser, page, { type: 'get-result' })) as { result: { status: string } }).result.status).toBe('ok');
    // A change to the report's table: the re-check looks for the labels itself, as on a single-page site.
    await page.evaluate(() => document.querySelector('td')!.append(' '));
    await expect.poll(() => measures('gate'), { timeout: 10_000 }).toBe(1);
    expect(await measures('size')).toBe(1);
    await page.close();
  });

  test('a table that arrives after load: the gate sees it and the engine comes', async () => {
    const page = await openPage(browser.context, govUrl(server, '/e2e/delayed-table.html'));
    await expect.poll(() => gateLooks(browser, page), { timeout: 10_000 }).toBe(1);
    expect(await engineAnswers(page)).toBe(false);
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 10_000 });
    await expect.poll(() => engineAnswers(page), { timeout: 10_000 }).toBe(true);
    await expect.poll(hostOn.bind(null, page), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  test('a site taken off the auto-check list: the gate asks, the background declines, no engine', async () => {
    await setAutoCheckHosts(['example.org']);
    try {
      const page = await openPage(browser.context, govUrl(server, '/fixtures/004-plain.html'));
      await expect.poll(() => gateLooks(browser, page), { timeout: 10_000 }).toBe(1);
      await page.waitForTimeout(1000);
      expect(await engineAnswers(page)).toBe(false);
      expect(await hostOn(page)).toBe(false);
      await page.close();
    } finally {
      await setAutoCheckHosts(null);
    }
  });

  test('a check asked for on a page the gate let pass by: the engine is injected, as the popup does it', async () => {
    const page = await openPage(browser.context, govUrl(server, '/e2e/gov-article.html'));
    await expect.poll(() => gateLooks(browser, page), { timeout: 10_000 }).toBe(1);
    expect(await engineAnswers(page)).toBe(false);
    // What the popup's askTab does after "no receiver": scripting.executeScript of the engine file, then `check`.
    expect(await injectFile(browser, page, 'engine.js')).toBeUndefined();
    const response = (await sendToTab(browser, page, { type: 'check' })) as { ok: boolean; result: { status: string } };
    expect(response.ok).toBe(true);
    expect(response.result.status).toBe('no-report');
    expect(await hostOn(page)).toBe(false);
    await page.close();
  });
});
