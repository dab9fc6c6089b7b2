// Launches Debian's Firefox ESR through puppeteer-core (WebDriver BiDi) with the built Firefox
// extension installed as a temporary add-on. Firefox has no host-resolver rules: every host name
// is sent to one loopback address (network.dns.forceResolve), where the shop server listens on the
// https port. A random address in 127.0.0.0/8 keeps two test runs on one machine apart.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_DIR } from './build.ts';
import { PRODUCT_OVERLAY } from './overlay.ts';
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
        // An address written as numbers is not looked up: any but ours goes to a proxy on a port
        // nobody listens on, and is refused (so nothing leaves the machine even with a network).
        'network.proxy.type': 2,
        'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(
          `function FindProxyForURL(url, host) { return /^[0-9.]+$|:/.test(host) && host !== '${address}' ? 'PROXY 127.0.0.1:9' : 'DIRECT'; }`,
        )}`,
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
export async function openExtensionPage(
  browser: Browser,
  path: string,
  beforeLoad?: (page: Page) => void,
): Promise<Page> {
  const page = await browser.newPage();
  beforeLoad?.(page);
  await page.goto(`${EXTENSION_ORIGIN}/${path}`, { waitUntil: 'domcontentloaded', timeout: 3_000 }).catch(() => {});
  await page.waitForFunction(
    (origin: string) => location.origin === origin && document.readyState === 'complete',
    { timeout: 15_000, polling: 100 },
    EXTENSION_ORIGIN,
  );
  return page;
}

/** The browser's own (chrome) context, reached over BiDi with --remote-allow-system-access. */
export interface ChromeContext {
  evaluate(expression: string): Promise<unknown>;
}

/** Opens the chrome context of the first browser window (the profiler and the console service are there). */
export async function chromeContext(browser: Browser): Promise<ChromeContext> {
  const { connection } = browser as unknown as {
    connection: { send(method: string, params: object): Promise<{ result: Record<string, unknown> }> };
  };
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (tree.result.contexts as { context: string }[])[0]!.context;
  return {
    async evaluate(expression) {
      const { result } = await connection.send('script.evaluate', {
        expression,
        awaitPromise: true,
        target: { context },
      });
      if (result.type === 'exception')
        throw new Error(`in the chrome context: ${JSON.stringify(result.exceptionDetails)}`);
      return (result.result as { value?: unknown }).value;
    },
  };
}

interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: RemoteNode | null };
}
interface CallResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/**
 * The product badge of a Firefox tab, inside its closed shadow root. A page's scripts cannot reach
 * a closed root, and neither can puppeteer's selectors; WebDriver BiDi can, when asked to
 * serialise closed shadow trees (includeShadowTree: 'all'). Its controls are then pressed with
 * BiDi input actions aimed at the element: a real mouse click where it is on screen.
 */
export class FirefoxBadge {
  private readonly browser: Browser;
  private readonly page: Page;

  constructor(browser: Browser, page: Page) {
    this.browser = browser;
    this.page = page;
  }

  private send<T>(method: string, params: object): Promise<T> {
    // puppeteer's BiDi connection (Browser.connection), for the two commands it does not wrap.
    const { connection } = this.browser as unknown as {
      connection: { send(method: string, params: object): Promise<{ result: T }> };
    };
    return connection.send(method, params).then((answer) => answer.result);
  }

  private get context(): string {
    return (this.page.mainFrame() as unknown as { _id: string })._id;
  }

  private async call(fn: string, args: object[], serialize = false): Promise<{ type: string; value?: unknown }> {
    const answer = await this.send<CallResult>('script.callFunction', {
      functionDeclaration: fn,
      arguments: args,
      awaitPromise: true,
      target: { context: this.context },
      ...(serialize ? { serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' } } : {}),
    });
    if (answer.type === 'exception') throw new Error(`in the page: ${answer.exceptionDetails?.text}`);
    return answer.result!;
  }

  /** The badge's shadow root, or null without a badge. */
  private async root(): Promise<string | null> {
    const host = (await this.call(
      `() => document.querySelector(${JSON.stringify(PRODUCT_OVERLAY)})`,
      [],
      true,
    )) as RemoteNode;
    return host.type === 'node' ? (host.value?.shadowRoot?.sharedId ?? null) : null;
  }

  private async all(selector: string): Promise<RemoteNode[]> {
    const root = await this.root();
    if (!root) return [];
    const found = await this.call(
      '(root, selector) => [...root.querySelectorAll(selector)]',
      [{ sharedId: root }, { type: 'string', value: selector }],
      true,
    );
    return (found.value as RemoteNode[]) ?? [];
  }

  async count(selector: string): Promise<number> {
    return (await this.all(selector)).length;
  }

  async text(selector: string): Promise<string | null> {
    const [node] = await this.all(selector);
    if (!node?.sharedId) return null;
    return (await this.call('(node) => node.textContent', [{ sharedId: node.sharedId }])).value as string;
  }

  async click(selector: string): Promise<void> {
    const [node] = await this.all(selector);
    if (!node?.sharedId) throw new Error(`no ${selector} in the badge`);
    const element = { sharedId: node.sharedId };
    await this.call("(node) => node.scrollIntoView({ block: 'center' })", [element]);
    await this.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'carbon-ledger-mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element } },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }
}
