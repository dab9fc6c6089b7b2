// Launches Debian's Chromium through playwright-core with the unpacked extension loaded and
// every host name resolved to the local shop server.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from phoning home (the machine has no internet, and tests must not try). */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
  '--no-default-browser-check',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(options: {
  extensionDir: string;
  shopPort: number;
  headless?: boolean;
  locale?: string;
  /**
   * The browser's own UI language (what browser.i18n.getUILanguage() reports and which messages
   * file the extension reads), set through LANGUAGE: Chromium on Linux ignores --lang. Needs its
   * language packs (Debian: chromium-l10n); without them it stays en-US.
   */
  uiLanguage?: string;
}): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'carbon-ledger-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    locale: options.locale ?? 'en-US',
    ...(options.uiLanguage ? { env: { ...process.env, LANGUAGE: options.uiLanguage } } : {}),
    viewport: { width: 1280, height: 900 },
    // Playwright adds --disable-extensions by default, which would drop ours.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...QUIET_FLAGS,
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      // Every name resolves to the local server: a page asking for any other host gets our 404.
      `--host-resolver-rules=MAP * 127.0.0.1:${options.shopPort}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
    ],
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(background.url()).host;
  return {
    context,
    extensionId,
    background,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
