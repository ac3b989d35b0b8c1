import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Crosscheck',
    description:
      'Compares the claims in the article you are reading with other coverage of the same story. Offline: no page text leaves the browser.',
    permissions: ['storage', 'activeTab', 'scripting'],
  },
});
