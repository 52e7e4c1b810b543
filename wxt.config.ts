import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { hostMatchPattern, MANIFEST_HOSTS } from './utils/auto-check-hosts';

export default defineConfig({
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // NO_MINIFY=1 keeps names and lines readable in a CPU profile (bench/profile-browser.ts).
    ...(process.env.NO_MINIFY && { build: { minify: false } }),
  }),
  manifest: ({ browser, command }) => ({
    name: '政府信息公开年报核验 · Gov Report Checker',
    description: '核验政府信息公开工作年度报告的统计表：勾稽关系、空白和非数字单元格。Checks the statistical tables of annual government information disclosure reports.',
    // The fewest that work (README lists why each is needed). The host permission for *.gov.cn comes from the
    // content script's `matches`; any other site is asked for only when the user adds it to the auto-check list.
    permissions: ['activeTab', 'scripting', 'storage'],
    optional_host_permissions: ['*://*/*'],
    // The always-on gate (entrypoints/gate, an unlisted script so it carries no WXT runtime). The engine
    // (entrypoints/engine.content) is not listed: the background injects it where the gate finds report labels.
    content_scripts: [{ matches: MANIFEST_HOSTS.map(hostMatchPattern), js: ['gate.js'], run_at: 'document_idle' }],
    // No network requests from extension pages. (`wxt dev` needs its dev server, so only built packages say so.)
    ...(command === 'build' && {
      content_security_policy: {
        extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none';",
      },
    }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'gov-report-checker@nianbao-hejian',
          // optional_host_permissions and scripting.registerContentScripts as used here.
          strict_min_version: '128.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
