import { hostMatchPattern, MANIFEST_HOSTS } from '@/utils/auto-check-hosts';
import { startContentScript } from './start';

/** The engine: not in the manifest; injected by the background (the gate asked) or the popup (the user asked). */
export default defineContentScript({
  matches: MANIFEST_HOSTS.map(hostMatchPattern),
  registration: 'runtime',
  main(ctx) {
    void startContentScript(ctx);
  },
});
