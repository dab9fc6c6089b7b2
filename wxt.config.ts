import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    build: {
      // Chrome refuses a content script that is not valid UTF-8; Dexie carries "\uffff",
      // which the minifier would otherwise emit raw.
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  }),
  manifest: {
    name: 'Carbon Ledger',
    description:
      'Estimated carbon footprints, with their range and sources, and greener alternatives on shopping pages. Everything stays on your device.',
    // No host_permissions: the content script's own match patterns are the only sites we touch.
    permissions: [],
    browser_specific_settings: {
      gecko: {
        id: 'carbon-ledger@carbon-ledger.example',
        // 142 is the first Firefox (desktop and Android) that reads data_collection_permissions.
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
