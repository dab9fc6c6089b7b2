// One harness, two browsers: what an end-to-end test does with a browser (open a shop page or one
// of our pages, read the badges, press a control inside the badge's closed shadow root, read the
// ledger, count the requests that left the machine), said once and done by each browser's own
// driver: Chromium through playwright-core (and the DevTools protocol for the shadow root),
// Firefox through puppeteer-core over WebDriver BiDi. Tests written against `BrowserSession` run
// in both (`describe.each(browsers)`).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { EXTENSION_DIR, FIREFOX_EXTENSION_DIR } from './build.ts';
import { CHROMIUM_PATH, launchWithExtension } from './chromium.ts';
import {
  chromeContext,
  EXTENSION_ORIGIN,
  FirefoxBadge,
  firefoxMissing,
  launchFirefoxWithExtension,
  openExtensionPage,
} from './firefox.ts';
import { readLedgerEvents, type StoredEvent, storedEvents } from './ledger.ts';
import { ProductOverlay } from './overlay.ts';
import { type Route, SERVED_BY_HEADER, type ShopServer, startShopServer } from './shop-server.ts';

export type BrowserName = 'Chromium' | 'Firefox';

/** The product badge of a page, inside its closed shadow root. */
export interface Badge {
  /** How many elements inside the badge match `selector` (0 without a badge). */
  count(selector: string): Promise<number>;
  /** The text of the first match inside the badge, or null. */
  text(selector: string): Promise<string | null>;
  /** A real mouse click on the first match, where it is on screen, as the shopper would click. */
  click(selector: string): Promise<void>;
}

/** A tab: a shop page or one of our pages. */
export interface Tab {
  /** How many elements of the document match `selector`. */
  count(selector: string): Promise<number>;
  /** An attribute of the first match, or null (also without a match). */
  attribute(selector: string, name: string): Promise<string | null>;
  /** The text of the first match, or null. */
  text(selector: string): Promise<string | null>;
  /** Clicks the first match (a real click on the element, in the page's document). */
  click(selector: string): Promise<void>;
  /** Loads `url` in this tab (served by the shop server), waiting for DOMContentLoaded. */
  goto(url: string): Promise<void>;
  /** The product badge's shadow root. */
  badge: Badge;
  close(): Promise<void>;
}

export interface BrowserSession {
  name: BrowserName;
  server: ShopServer;
  /** Serves `route` at `url` and opens it in a new tab. */
  openShopPage(url: string, route: Route): Promise<Tab>;
  /** Opens one of our pages (`popup.html`, `options.html`) in a new tab, once it says it is ready. */
  openExtensionPage(path: string): Promise<Tab>;
  /** The ledger's events as stored in the extension's IndexedDB. */
  ledgerEvents(): Promise<StoredEvent[]>;
  /** Requests that left the machine (answered by anything but the local shop server), and any the extension made. */
  outsideRequests(): string[];
  /**
   * Errors of the extension's code since the last `resetErrors`: console errors and uncaught
   * exceptions of content scripts and our pages (in Firefox also the background's, from the
   * browser's console service; console.error calls on our own pages reach no Firefox driver).
   */
  extensionErrors(): Promise<string[]>;
  resetErrors(): void;
  close(): Promise<void>;
}

export interface BrowserUnderTest {
  name: BrowserName;
  /** Why this browser cannot run here (the tests then skip, saying so), or null. */
  missing(): string | null;
  launch(): Promise<BrowserSession>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]']);
const isWebUrl = (url: string): boolean => /^(https?|wss?):/.test(url);
const READY = 'html[data-ready="true"]';

/** Requests the extension made, seen by the server (its origin or referrer was ours). */
const extensionRequests = (server: ShopServer): string[] =>
  server.fromExtension.map((url) => `the extension requested ${url}`);

// ---------------------------------------------------------------- Chromium (playwright-core)

function chromiumTab(page: PlaywrightPage): Tab {
  let overlay: ProductOverlay | undefined;
  const badge = async () => {
    overlay ??= await ProductOverlay.of(page);
    return overlay;
  };
  return {
    count: (selector) => page.locator(selector).count(),
    attribute: async (selector, name) =>
      (await page.locator(selector).count()) ? page.locator(selector).first().getAttribute(name) : null,
    text: async (selector) =>
      (await page.locator(selector).count()) ? page.locator(selector).first().textContent() : null,
    click: (selector) => page.locator(selector).first().click(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    },
    badge: {
      count: async (selector) => (await badge()).count(selector),
      text: async (selector) => (await badge()).text(selector),
      click: async (selector) => (await badge()).click(selector),
    },
    close: () => page.close(),
  };
}

const chromium: BrowserUnderTest = {
  name: 'Chromium',
  missing: () =>
    !existsSync(CHROMIUM_PATH)
      ? `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`
      : !existsSync(join(EXTENSION_DIR, 'manifest.json'))
        ? `no built extension at ${EXTENSION_DIR} (npm run build)`
        : null,
  async launch() {
    const server = await startShopServer();
    const browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, shopPort: server.port });
    const extensionOrigin = `chrome-extension://${browser.extensionId}`;
    const outside: string[] = [];
    const extensionErrors: string[] = [];
    // Every response's server address: one not on loopback means the request left the machine.
    browser.context.on('response', async (response) => {
      if (!isWebUrl(response.url())) return;
      const address = await response.serverAddr().catch(() => null);
      if (address && !LOOPBACK.has(address.ipAddress))
        outside.push(`request left the machine: ${response.url()} -> ${address.ipAddress}`);
    });
    browser.context.on('request', (request) => {
      if (!isWebUrl(request.url())) return;
      const worker = request.serviceWorker();
      const from = worker ? worker.url() : request.frame()?.url();
      if (from?.startsWith(extensionOrigin)) outside.push(`the extension requested ${request.url()}`);
    });
    const ours = (url: string | undefined) => !!url?.startsWith(extensionOrigin);
    const watch = (page: PlaywrightPage, everything: boolean) => {
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (everything || ours(message.location().url) || message.text().includes('carbon-ledger'))
          extensionErrors.push(message.text());
      });
      page.on('pageerror', (error) => {
        if (everything || error.stack?.includes('chrome-extension://')) extensionErrors.push(error.message);
      });
    };
    return {
      name: 'Chromium',
      server,
      extensionErrors: async () => [...extensionErrors],
      resetErrors: () => {
        extensionErrors.length = 0;
      },
      async openShopPage(url, route) {
        server.serve(url, route);
        const page = await browser.context.newPage();
        watch(page, false);
        // Headless Chromium gives animation frames to the tab in front only (the overlay writes in one).
        await page.bringToFront();
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        return chromiumTab(page);
      },
      async openExtensionPage(path) {
        const page = await browser.context.newPage();
        watch(page, true);
        await page.goto(`${extensionOrigin}/${path}`);
        await page.locator(READY).waitFor({ timeout: 15_000 });
        return chromiumTab(page);
      },
      ledgerEvents: () => readLedgerEvents(browser.background),
      outsideRequests: () => [...outside, ...extensionRequests(server)],
      async close() {
        await browser.close();
        await server.close();
      },
    };
  },
};

// ---------------------------------------------------------------- Firefox (puppeteer-core, BiDi)

/** What the page's document answers about `selector`, in the page's own world. */
const inDocument = <T>(page: PuppeteerPage, selector: string, what: 'count' | 'text' | 'attribute', name = '') =>
  page.evaluate(
    (s: string, w: string, n: string) => {
      const element = document.querySelector(s);
      if (w === 'count') return document.querySelectorAll(s).length;
      if (!element) return null;
      return w === 'text' ? element.textContent : element.getAttribute(n);
    },
    selector,
    what,
    name,
  ) as Promise<T>;

function firefoxTab(page: PuppeteerPage, badge: FirefoxBadge): Tab {
  return {
    count: (selector) => inDocument<number>(page, selector, 'count'),
    attribute: (selector, name) => inDocument<string | null>(page, selector, 'attribute', name),
    text: (selector) => inDocument<string | null>(page, selector, 'text'),
    click: async (selector) => {
      const element = await page.waitForSelector(selector, { timeout: 10_000 });
      await element!.click();
    },
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    },
    badge,
    close: () => page.close(),
  };
}

const firefox: BrowserUnderTest = {
  name: 'Firefox',
  missing: () =>
    firefoxMissing() ??
    (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))
      ? `no built extension at ${FIREFOX_EXTENSION_DIR} (npm run build:firefox)`
      : null),
  async launch() {
    const shop = await launchFirefoxWithExtension();
    const { browser, server } = shop;
    const outside: string[] = [];
    const extensionErrors: string[] = [];
    // BiDi tells no server address: a response without the shop server's mark came from elsewhere.
    const watch = (page: PuppeteerPage, everything: boolean) => {
      page.on('response', (response) => {
        if (isWebUrl(response.url()) && response.headers()[SERVED_BY_HEADER] === undefined)
          outside.push(`request left the machine: ${response.url()} (${response.status()})`);
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (
          everything ||
          message.location().url?.startsWith('moz-extension:') ||
          message.text().includes('carbon-ledger')
        )
          extensionErrors.push(message.text());
      });
      page.on('pageerror', (error) => {
        const message = error instanceof Error ? error.message : String(error);
        const stack = error instanceof Error ? (error.stack ?? message) : message;
        // Firefox reports the page's blocked requests (CORS, fonts) as page errors too; only ours count.
        if (stack.includes('moz-extension://') || (everything && !/^(Cross-Origin|downloadable font)/.test(message)))
          extensionErrors.push(message);
      });
    };
    // One of our pages, kept open to read the extension's IndexedDB (same origin as the background).
    let reader: PuppeteerPage | undefined;
    // BiDi passes on no console message or exception of our own pages (moz-extension:); the
    // browser's console service, in its chrome context, holds every uncaught error with its source.
    const chrome = await chromeContext(browser);
    let since = Date.now();
    return {
      name: 'Firefox',
      server,
      async extensionErrors() {
        const logged = JSON.parse(
          (await chrome.evaluate(`JSON.stringify(Services.console.getMessageArray()
            .filter((m) => m instanceof Ci.nsIScriptError && m.flags === Ci.nsIScriptError.errorFlag
              && m.timeStamp >= ${since} && (m.sourceName ?? '').startsWith(${JSON.stringify(EXTENSION_ORIGIN)}))
            .map((m) => m.errorMessage))`)) as string,
        ) as string[];
        return [...extensionErrors, ...logged];
      },
      resetErrors: () => {
        extensionErrors.length = 0;
        since = Date.now();
      },
      async openShopPage(url, route) {
        server.serve(url, route);
        const page = await browser.newPage();
        watch(page, false);
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
        return firefoxTab(page, new FirefoxBadge(browser, page));
      },
      async openExtensionPage(path) {
        const page = await openExtensionPage(browser, path, (opened) => watch(opened, true));
        await page.waitForSelector(READY, { timeout: 15_000 });
        return firefoxTab(page, new FirefoxBadge(browser, page));
      },
      async ledgerEvents() {
        reader ??= await openExtensionPage(browser, 'popup.html');
        return reader.evaluate(storedEvents);
      },
      outsideRequests: () => [...outside, ...extensionRequests(server)],
      close: () => shop.close(),
    };
  },
};

/** Both browsers, for `describe.each(browsers)`. */
export const browsers: BrowserUnderTest[] = [chromium, firefox];
