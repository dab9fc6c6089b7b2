// Launches Debian's Firefox ESR through puppeteer-core (WebDriver BiDi) with the built Firefox
// extension installed as a temporary add-on. Firefox has no host-resolver rules: every host name
// is sent to one loopback address (network.dns.forceResolve), where the shop server listens on the
// https port. A random address in 127.0.0.0/8 keeps two test runs on one machine apart.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_DIR } from './build.ts';
import { type ShopServer, startShopServer } from './shop-server.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on id from wxt.config.ts. */
export const GECKO_ID = 'carbon-ledger@carbon-ledger.example';
/** The moz-extension: host we pin for the add-on (Firefox otherwise picks a random one per profile). */
export const EXTENSION_UUID = '3f0c6a52-7b1e-4c55-9d5e-2f8a1c0b7e61';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Why Firefox tests cannot run here, or null when they can. */
export function firefoxMissing(): string | null {
  if (!existsSync(FIREFOX_PATH))
    return `no Firefox at ${FIREFOX_PATH} (apt-get install -y firefox-esr, or set FIREFOX_PATH)`;
  if (process.getuid?.() !== 0) return 'the shop server needs port 443, which only root may open here';
  return null;
}

export interface FirefoxShop {
  browser: Browser;
  server: ShopServer;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(prefs: Record<string, unknown> = {}): Promise<FirefoxShop> {
  const byte = () => 1 + Math.floor(Math.random() * 250);
  const address = `127.${byte()}.${byte()}.${byte()}`;
  const server = await startShopServer({ host: address, port: 443 });
  const profile = mkdtempSync(join(tmpdir(), 'carbon-ledger-firefox-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      userDataDir: profile,
      // WebDriver BiDi refuses to open moz-extension: pages (our popup and dashboard) without it.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.dns.forceResolve': address,
        // Nothing leaves the machine: no updates, telemetry or safe-browsing lists.
        'app.update.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        ...prefs,
      },
    });
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser?.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const launched = browser;
  return {
    browser: launched,
    server,
    async close() {
      await launched.close().catch(() => {});
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens one of our pages (popup.html, options.html) in a new tab. Firefox moves the tab to the
 * extension's process, and puppeteer then never sees the navigation end: we wait for the page itself.
 */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/${path}`, { waitUntil: 'domcontentloaded', timeout: 3_000 }).catch(() => {});
  await page.waitForFunction(
    (origin: string) => location.origin === origin && document.readyState === 'complete',
    { timeout: 15_000, polling: 100 },
    EXTENSION_ORIGIN,
  );
  return page;
}
