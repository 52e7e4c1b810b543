// First import: its body runs before every other module's initialisation (see eval-clock.ts).
import { EVALUATION_START } from './eval-clock';
import { MEASURE_PREFIX } from '@/utils/overlay/measure';
import { startEngine } from './start';

/**
 * The engine: not in the manifest; injected by the background (the gate asked) or the popup (the user asked). An
 * unlisted script, not a WXT content script: WXT calls a content script's context into being inside the script's
 * evaluation, and the context dispatches an event there, for which a DevTools-attached Chromium records and
 * symbolises a stack, re-parsing the whole 124 KB script (start.ts says more).
 */
export default defineUnlistedScript(() => {
  if (__MEASURE_EVALUATION__) performance.measure(`${MEASURE_PREFIX}engine-init`, { start: EVALUATION_START, end: performance.now() });
  startEngine();
});
