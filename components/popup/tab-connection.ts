/**
 * Talking to the content script's engine in a tab. Where it is not running (the page is not on the auto-check list,
 * or the gate found no report labels), `askTab(..., { inject: true })` injects it first — allowed by activeTab once
 * the user opened the popup.
 */
import { browser } from 'wxt/browser';
import type { ContentRequest, ContentResponse } from '@/utils/messages';
import { ENGINE_SCRIPT_FILE } from '@/utils/content-scripts';

/** The page does not allow extensions (a browser page, the extension store, a PDF viewer without access…). */
export class CannotCheckPageError extends Error {}

/** The content script is not in the tab (and was not injected). */
class NotRunningError extends Error {}

const RETRIES_AFTER_INJECT = 10;
const RETRY_DELAY_MS = 100;

export async function askTab(
  tabId: number,
  request: ContentRequest,
  options: { inject: boolean } = { inject: false },
): Promise<ContentResponse> {
  try {
    return await send(tabId, request);
  } catch (error) {
    if (!isNotRunning(error)) throw error;
    if (!options.inject) throw new NotRunningError(messageOf(error));
  }
  await inject(tabId);
  // The injected script sets up its message listener as it starts; wait for it briefly.
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(tabId, request);
    } catch (error) {
      if (!isNotRunning(error) || attempt >= RETRIES_AFTER_INJECT) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  }
}

async function send(tabId: number, request: ContentRequest): Promise<ContentResponse> {
  const response = (await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as ContentResponse | undefined;
  if (response === undefined) throw new Error('Receiving end does not exist (no answer)');
  return response;
}

async function inject(tabId: number) {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [ENGINE_SCRIPT_FILE] });
  } catch (error) {
    throw new CannotCheckPageError(messageOf(error));
  }
}

function isNotRunning(error: unknown) {
  return /Receiving end does not exist|Could not establish connection|no answer/i.test(messageOf(error));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
