import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { existsSync } from 'node:fs';
import type { WxtViteConfig } from 'wxt';
import { compromiseWorld } from './build/compromise-world';

const DEMO_PORT = 4477;
let demoServer: { close(): Promise<void> } | undefined;

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // preset-vite is typed against the project's Vite, WXT bundles its own: same plugins.
    // compromiseWorld: compromise's lexicon computed at build time, so a waking worker only parses it.
    plugins: [compromiseWorld(), ...preact()] as unknown as WxtViteConfig['plugins'],
  }),
  // `npm run dev` opens the bundled demo article, served on 127.0.0.1:4477 while the dev server runs
  // (the content script runs by itself on localhost).
  webExt: {
    startUrls: [`http://127.0.0.1:${DEMO_PORT}/`],
    // Chromium refuses its sandbox to root (containers, CI).
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    // Use the system's browsers where the usual ones are not installed (Debian's packages).
    binaries: Object.fromEntries(
      (
        [
          ['chrome', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'],
          ['firefox', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'],
        ] as const
      ).filter(([, path]) => existsSync(path)),
    ),
  },
  hooks: {
    'server:created': async () => {
      const { serve } = await import('./tests/tools/lib/serve');
      try {
        demoServer = await serve({ port: DEMO_PORT });
      } catch (e) {
        console.warn(`Demo article not served on port ${DEMO_PORT}: ${e instanceof Error ? e.message : e}`);
      }
    },
    'server:closed': async () => {
      await demoServer?.close();
      demoServer = undefined;
    },
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
        description: 'Go to the next finding on the page (and open its card)',
      },
      'previous-conflict': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous finding on the page (and open its card)',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'crosscheck@crosscheck.invalid',
              // The CSS Custom Highlight API arrived in Firefox 140, the ESR that Debian ships
              // (data_collection_permissions is read by desktop Firefox from 140 too).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
