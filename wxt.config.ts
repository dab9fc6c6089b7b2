import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifestVersion: 3,
  // Texts in English, German and Chinese from extension/locales/*.yml, chosen by browser language.
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    build: {
      // Chrome refuses a content script that is not valid UTF-8; Dexie carries "\uffff",
      // which the minifier would otherwise emit raw.
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // No host_permissions: the content script's own match patterns (the built-in shops) are the only
    // sites we touch until the shopper switches another one on from the popup or the dashboard
    // (extension/pages/site-access.ts). `optional_host_permissions` lets us ask for one https site
    // at a time, or all of them at once; `scripting` registers the content script there (extension/
    // entrypoints/background/site-scripts.ts) and gives the one-off look that `activeTab` allows after the
    // shopper opened the popup.
    permissions: ['scripting', 'activeTab'],
    optional_host_permissions: ['https://*/*'],
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
