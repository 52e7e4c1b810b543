import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { hostMatchPattern, MANIFEST_HOSTS } from './utils/auto-check-hosts';
import { GATE_SCRIPT_FILE } from './utils/content-scripts';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export default defineConfig({
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // NO_MINIFY=1 keeps names and lines readable in a CPU profile (bench/profile-browser.ts).
    ...(process.env.NO_MINIFY && { build: { minify: false } }),
    // MEASURE_EVALUATION=1 adds the engine's `engine-init` measure (bench/engine-init-uninstrumented.ts); off in
    // the packages, where it would be one more measure in every report page's performance timeline.
    define: { __MEASURE_EVALUATION__: JSON.stringify(Boolean(process.env.MEASURE_EVALUATION)) },
  }),
  hooks: {
    // pdf.js's CMaps and standard fonts, for the pages that read a PDF (the batch page's
    // attachments, utils/batch/read-file-in-page.ts, and the report viewer):
    // packaged with the extension, so reading a PDF fetches nothing from anywhere.
    'build:publicAssets': (_wxt, files) => {
      for (const folder of ['cmaps', 'standard_fonts']) {
        const source = join(PDFJS_DIR, folder);
        for (const name of readdirSync(source)) files.push({ absoluteSrc: join(source, name), relativeDest: `pdfjs/${folder}/${name}` });
      }
    },
    // WXT takes the toolbar button's title from popup.html's <title>; the manifest's is the localised one.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_actionTitle__';
    },
  },
  manifest: ({ browser, command }) => ({
    // Localised by the browser from public/_locales (zh_CN, en); docs/store.md lists the store texts.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // The fewest that work (README lists why each is needed). *.gov.cn is the content script's `matches`, named
    // again as a host permission so that permissions.contains() can tell whether the user withheld it (the options
    // page says so); any other site is asked for only when the user adds it to the auto-check list.
    // unlimitedStorage: a batch keeps every report's result (10-140 KB each) so a closed results tab resumes;
    // storage.local's 10 MB would hold a column of about a hundred.
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage'],
    host_permissions: MANIFEST_HOSTS.map(hostMatchPattern),
    optional_host_permissions: ['*://*/*'],
    // The always-on gate (entrypoints/gate, an unlisted script so it carries no WXT runtime). The engine
    // (entrypoints/engine) is not listed: the background injects it where the gate finds report labels.
    content_scripts: [{ matches: MANIFEST_HOSTS.map(hostMatchPattern), js: [GATE_SCRIPT_FILE.slice(1)], run_at: 'document_idle' }],
    // Network requests only from the batch results page, which fetches a column's own pages when the user asks
    // (lib/batch/polite-fetch.ts refuses any other host; the browser's host permissions limit it to sites granted),
    // and from the report viewer, which fetches the one PDF the user chose in the popup (utils/viewer/fetch-report.ts:
    // the tab's own origin or a host the user granted).
    // A manifest CSP cannot name hosts chosen at run time, so it allows http(s); the popup and the options page
    // narrow it back to `connect-src 'none'` with their own <meta> CSP. (`wxt dev` needs its dev server, so only
    // built packages say so.)
    ...(command === 'build' && {
      content_security_policy: {
        extension_pages: "script-src 'self'; object-src 'self'; connect-src http: https:;",
      },
    }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'gov-report-checker@nianbao-hejian',
          // data_collection_permissions (required by the add-on store) is read from Firefox 140 (142 on Android).
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
