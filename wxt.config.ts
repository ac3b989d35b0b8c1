import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  // `npm run dev` opens the bundled demo article (served by scripts/serve-demo.ts on port 4477).
  webExt: {
    startUrls: ['http://localhost:4477/'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Crosscheck',
    description:
      'Compares the claims in the article you are reading with other coverage of the same story. Offline: no page text leaves the browser.',
    // storage: the reader's settings; activeTab + scripting: run on the current page on one click
    // from the popup, on sites that are not in the content script's list.
    permissions: ['storage', 'activeTab', 'scripting'],
    // Local files, only if the reader allows it.
    ...(manifestVersion === 3 ? { optional_host_permissions: ['file:///*'] } : { optional_permissions: ['file:///*'] }),
    commands: {
      'next-conflict': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next disagreement on the page',
      },
      'previous-conflict': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous disagreement on the page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'crosscheck@crosscheck.invalid',
              // The CSS Custom Highlight API arrived in Firefox 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
