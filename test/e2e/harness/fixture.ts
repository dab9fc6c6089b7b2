// The Vitest fixture every end-to-end test uses: a local shop server, Chromium with the built
// extension, a network guard, and page HTML + screenshot saved under test-results/ on failure.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { test as base } from 'vitest';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { ALL_SITES_EXTENSION_DIR, EXTENSION_DIR } from './build.ts';
import { type ExtensionBrowser, launchWithExtension } from './chromium.ts';
import { type Route, type ShopServer, startShopServer } from './shop-server.ts';

export { ALL_SITES_EXTENSION_DIR, EXTENSION_DIR } from './build.ts';
export const RESULTS_DIR = resolve(REPO_ROOT, 'test-results');

/** Where screenshots for the README go: docs/screenshots with UPDATE_SCREENSHOTS=1, else test-results. */
export function screenshotPath(name: string): string {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs', 'screenshots') : join(RESULTS_DIR, 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

export interface Shop extends ExtensionBrowser {
  server: ShopServer;
  /** Serves `route` at `url` and opens it in a new tab. */
  open(url: string, route: Route): Promise<Page>;
  /** Requests that broke the rules: to a non-loopback address, or any made by the extension. */
  violations: string[];
  /** Console errors and uncaught exceptions coming from the extension's code. */
  extensionErrors: string[];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]']);
const isWebRequest = (request: Request): boolean => /^(https?|wss?):/.test(request.url());

function guardNetwork(shop: Shop): void {
  const extensionOrigin = `chrome-extension://${shop.extensionId}`;
  shop.context.on('request', (request) => {
    if (!isWebRequest(request)) return;
    // A page's own service worker (a saved shop page may register one) has no frame to ask.
    const worker = request.serviceWorker();
    const fromExtension = worker
      ? worker.url().startsWith(extensionOrigin)
      : request.frame()?.url().startsWith(extensionOrigin);
    if (fromExtension) shop.violations.push(`the extension requested ${request.url()}`);
  });
  shop.context.on('response', async (response) => {
    if (!isWebRequest(response.request())) return;
    const address = await response.serverAddr().catch(() => null);
    if (address && !LOOPBACK.has(address.ipAddress)) {
      shop.violations.push(`request left the machine: ${response.url()} -> ${address.ipAddress}`);
    }
  });
}

function watchExtensionErrors(shop: Shop, page: Page): void {
  const ours = (url: string | undefined) => !!url && url.startsWith(`chrome-extension://${shop.extensionId}`);
  page.on('console', (message) => {
    if (message.type() === 'error' && (ours(message.location().url) || message.text().includes('carbon-ledger'))) {
      shop.extensionErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => {
    if (error.stack && /chrome-extension:\/\//.test(error.stack)) shop.extensionErrors.push(error.message);
  });
}

async function saveFailureArtifacts(name: string, pages: Page[]): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const safe = name.replace(/[^\w.-]+/g, '_').slice(0, 120);
  for (const [i, page] of pages.entries()) {
    if (page.isClosed()) continue;
    const stem = join(RESULTS_DIR, `${safe}${pages.length > 1 ? `-${i}` : ''}`);
    writeFileSync(`${stem}.html`, await page.content().catch(() => ''));
    await page.screenshot({ path: `${stem}.png`, fullPage: false }).catch(() => {});
  }
}

/** The fixture for one build of the extension. */
const withExtension = (extensionDir: string) =>
  base.extend<{ shop: Shop }>({
    shop: async ({ task }, use) => {
      if (!existsSync(join(extensionDir, 'manifest.json'))) {
        throw new Error(`no built extension at ${extensionDir}: run \`npm run build\` first`);
      }
      const server = await startShopServer();
      const browser = await launchWithExtension({ extensionDir, shopPort: server.port });
      const pages: Page[] = [];
      const shop: Shop = {
        ...browser,
        server,
        violations: [],
        extensionErrors: [],
        async open(url, route) {
          server.serve(url, route);
          const page = await browser.context.newPage();
          pages.push(page);
          watchExtensionErrors(shop, page);
          await page.goto(url, { waitUntil: 'domcontentloaded' });
          return page;
        },
      };
      guardNetwork(shop);
      try {
        await use(shop);
        if (shop.violations.length) throw new Error(`network rule broken:\n${shop.violations.join('\n')}`);
      } finally {
        if (task.result?.state === 'fail' || shop.violations.length) await saveFailureArtifacts(task.name, pages);
        await browser.close();
        await server.close();
      }
    },
  });

/** Tests with the default build (the shops the extension knows). */
export const test = withExtension(EXTENSION_DIR);
/** Tests with the all-sites build: the content script on every https page. */
export const testAllSites = withExtension(ALL_SITES_EXTENSION_DIR);

export { expect } from 'vitest';
