import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The all-sites build (`CARBON_LEDGER_ALL_SITES=1 npm run build`), for studies whose participants
// agree to it and for tests: the same extension, with its content script on every https site and
// the host access that takes granted at install. Built beside the default build (chrome-mv3-all-sites),
// so neither overwrites the other.
const ALL_SITES = process.env.CARBON_LEDGER_ALL_SITES === '1';
const EVERY_HTTPS_SITE = 'https://*/*';

// `npm run dev` opens a browser with the extension through web-ext. Without a display (a server, a
// container, SSH) that browser cannot start and WXT stops with "CDP connection closed before
// response to Extensions.loadUnpacked"; so there the dev server only builds and rebuilds into
// .output/chrome-mv3-dev, to load unpacked or to run under `xvfb-run -a npm run dev`.
// Chromium also refuses to run as root without --no-sandbox (containers often run as root).
const HAS_DISPLAY = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const AS_ROOT = process.getuid?.() === 0;

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  ...(ALL_SITES && { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-all-sites' }),
  manifestVersion: 3,
  webExt: { disabled: !HAS_DISPLAY, chromiumArgs: AS_ROOT ? ['--no-sandbox'] : [] },
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
  hooks: {
    'build:manifestGenerated'(_wxt, manifest) {
      if (!ALL_SITES) return;
      for (const script of manifest.content_scripts ?? []) script.matches = [EVERY_HTTPS_SITE];
      manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), EVERY_HTTPS_SITE])];
      // Nothing left to ask for at run time: every https site is granted already.
      manifest.optional_host_permissions = manifest.optional_host_permissions?.filter(
        (p: string) => p !== EVERY_HTTPS_SITE,
      );
    },
  },
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
