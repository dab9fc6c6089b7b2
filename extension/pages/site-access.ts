// Which sites Carbon Ledger may read, as the popup and the dashboard show it, and the shopper's
// switches for it. Only the browser's own permissions say where the content script runs: a
// request is made from a click in one of our pages (the browser then asks the shopper, naming the
// site), never from a content script, and nothing a shop page sends can reach these functions.
// The background keeps the content script registered on what was granted (see
// extension/entrypoints/background/site-scripts.ts).

import { patternToRegex } from 'webext-patterns';
import { extractAdditionalPermissions } from 'webext-permissions';

/** The one request that switches Carbon Ledger on for every https site. */
export const EVERY_SHOP = 'https://*/*';

/** The browser APIs used here, so tests can hand in small fakes. */
export interface AccessApis {
  permissions: {
    contains(permissions: { origins: string[] }): Promise<boolean>;
    request(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
  };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  manifest: object;
}

/** What the popup says about a page. */
export type PageAccess =
  /** Not a page we could read: a browser page, a file, a page on plain http. */
  | { kind: 'none' }
  /** One of the shops Carbon Ledger reads out of the box, with access. */
  | { kind: 'built-in'; host: string }
  /** A site the shopper switched on (itself, or every shop). */
  | { kind: 'switched-on'; host: string }
  /** No access yet: the popup offers to switch it on; `pattern` is what would be requested. */
  | { kind: 'offer'; host: string; pattern: string };

interface ManifestParts {
  content_scripts?: { matches?: string[]; js?: string[] }[];
}

/** The manifest's content script matches: the built-in shops (or every site in a build that has them). */
export const builtInPatterns = (manifest: object): string[] =>
  ((manifest as ManifestParts).content_scripts ?? []).flatMap((script) => script.matches ?? []);

/** The content script's files, relative to the extension (Firefox reports full URLs). */
export const contentScriptFiles = (manifest: object): string[] =>
  ((manifest as ManifestParts).content_scripts ?? [])
    .flatMap((script) => script.js ?? [])
    .map((file) => (file.includes('://') ? new URL(file).pathname : file));

/** The request for one site: every page on its https host, nothing else. Null when not an https page. */
export function sitePattern(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname) return null;
  return `https://${parsed.hostname}/*`;
}

/**
 * Whether the browser lets the content script run at `url`. Chromium's permissions.contains
 * answers false for hosts that only the manifest's content script matches (checked in Chromium
 * 156), while its getAll lists them; Firefox lists exactly what is granted in both. So a page is
 * held when contains says so or a pattern getAll lists matches it.
 */
async function holds(url: string, pattern: string, apis: AccessApis): Promise<boolean> {
  if (await apis.permissions.contains({ origins: [pattern] })) return true;
  const origins = (await apis.permissions.getAll()).origins ?? [];
  return origins.length > 0 && patternToRegex(...origins).test(url);
}

/** What the popup offers on `url`: nothing where Carbon Ledger already has access. */
export async function pageAccess(url: string | undefined, apis: AccessApis): Promise<PageAccess> {
  const pattern = sitePattern(url);
  if (!url || !pattern) return { kind: 'none' };
  const host = new URL(url).hostname;
  // What is granted, not what the manifest lists: Firefox lets the shopper withdraw even the
  // built-in shops in its add-on settings, and Chromium's site access can be narrowed too.
  if (!(await holds(url, pattern, apis))) return { kind: 'offer', host, pattern };
  const builtIn = builtInPatterns(apis.manifest);
  return builtIn.length && patternToRegex(...builtIn).test(url)
    ? { kind: 'built-in', host }
    : { kind: 'switched-on', host };
}

/**
 * Asks the browser for `patterns` (one site, EVERY_SHOP, or the built-in shops back). Call it straight from the click
 * handler, before any other await: Firefox only shows the request while it handles the click.
 * The background registers the content script and shows the badge in open tabs of the site.
 */
export function switchOn(patterns: string | readonly string[], apis: AccessApis): Promise<boolean> {
  return apis.permissions.request({ origins: [patterns].flat() });
}

/** Withdraws a site (or every shop): the content script no longer runs there from the next page on. */
export function switchOff(pattern: string, apis: AccessApis): Promise<boolean> {
  return apis.permissions.remove({ origins: [pattern] });
}

/** A one-off look: runs the content script once in the tab, as activeTab allows after the popup opened. */
export async function lookOnce(tabId: number, apis: AccessApis): Promise<void> {
  await apis.scripting.executeScript({ target: { tabId }, files: contentScriptFiles(apis.manifest) });
}

/** What the dashboard lists: the sites switched on beyond the built-in ones, and "every shop". */
export interface SwitchedOn {
  everyShop: boolean;
  /** One entry per site, with the pattern to remove. */
  sites: { host: string; pattern: string }[];
}

export async function switchedOnSites(apis: AccessApis): Promise<SwitchedOn> {
  const all = await apis.permissions.getAll();
  // Typed against @types/chrome, which this project does not install.
  const { origins } = extractAdditionalPermissions(all, { manifest: apis.manifest as never }) as { origins: string[] };
  const https = origins.filter((origin) => origin.startsWith('https://'));
  return {
    everyShop: https.includes(EVERY_SHOP),
    sites: https
      .filter((origin) => origin !== EVERY_SHOP)
      .map((pattern) => ({ host: pattern.replace(/^https:\/\//, '').replace(/\/.*$/, ''), pattern }))
      .sort((a, b) => a.host.localeCompare(b.host)),
  };
}

/** The built-in shop families by name, for the dashboard ("amazon, ebay, …"). */
export function builtInFamilies(manifest: object): string[] {
  const names = builtInPatterns(manifest).map((pattern) => {
    const host = pattern.replace(/^[^:]+:\/\/(\*\.)?/, '').replace(/\/.*$/, '');
    if (host === '*' || host === '<all_urls>') return '*';
    return host.split('.')[0] ?? host;
  });
  return [...new Set(names)];
}

/** Whether every built-in shop is granted (Firefox lets the shopper withdraw them in its add-on settings). */
export async function builtInGranted(apis: AccessApis): Promise<boolean> {
  const patterns = builtInPatterns(apis.manifest);
  if (patterns.length === 0) return true;
  // getAll, not contains, for the reason given at holds().
  const granted = new Set((await apis.permissions.getAll()).origins ?? []);
  return patterns.every((pattern) => granted.has(pattern));
}

/** The real browser APIs and manifest, for the popup and the dashboard. */
export const browserApis = (): AccessApis => ({
  permissions: browser.permissions as unknown as AccessApis['permissions'],
  scripting: browser.scripting as unknown as AccessApis['scripting'],
  manifest: browser.runtime.getManifest(),
});
