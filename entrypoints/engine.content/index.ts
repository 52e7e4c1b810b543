// First import: its body runs before every other module's initialisation (see eval-clock.ts).
import { EVALUATION_START } from './eval-clock';
import { hostMatchPattern, MANIFEST_HOSTS } from '@/utils/auto-check-hosts';
import { MEASURE_PREFIX } from '@/utils/overlay/measure';
import { startContentScript } from './start';

/** The engine: not in the manifest; injected by the background (the gate asked) or the popup (the user asked). */
export default defineContentScript({
  matches: MANIFEST_HOSTS.map(hostMatchPattern),
  registration: 'runtime',
  main(ctx) {
    if (__MEASURE_EVALUATION__) performance.measure(`${MEASURE_PREFIX}engine-init`, { start: EVALUATION_START, end: performance.now() });
    void startContentScript(ctx);
  },
});
