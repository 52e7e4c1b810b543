import { startContentScript } from './start';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main(ctx) {
    void startContentScript(ctx);
  },
});
