import { hostMatchPattern, MANIFEST_HOSTS } from '@/utils/auto-check-hosts';
import { startContentScript } from './start';

export default defineContentScript({
  matches: MANIFEST_HOSTS.map(hostMatchPattern),
  runAt: 'document_idle',
  main(ctx) {
    void startContentScript(ctx);
  },
});
