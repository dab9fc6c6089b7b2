// The content script on the sites the shopper switched on. The built-in shops are in the
// manifest; every other https site the shopper granted (from the popup or the dashboard, see
// extension/pages/site-access.ts) gets the same script registered with scripting.
// registerContentScripts, kept across browser restarts, and is brought up to date whenever a
// permission is added or removed. Only the browser's permission list decides where it runs: no
// message from a page can change it.
//
// webext-dynamic-content-scripts does this job for many extensions, but its 10.0.4 drops the
// manifest's matches before using them as excludeMatches (a built-in shop would get the script
// twice once "every shop" is on) and forgets what it registered when a service worker restarts
// (a removed site would keep its registration). So this is the same idea written out, on top of
// webext-permissions (which origins were granted beyond the manifest) and webext-patterns.

import { patternToRegex } from 'webext-patterns';
import { extractAdditionalPermissions } from 'webext-permissions';

/** The id of our one registered script; its matches are every site switched on. */
export const SITE_SCRIPT_ID = 'carbon-ledger-sites';

/** The manifest's content script: its files, when it starts and the built-in shops it matches. */
export interface ManifestScript {
  js: string[];
  matches: string[];
  runAt: 'document_start' | 'document_end' | 'document_idle';
}

/** The browser APIs this module uses, so tests can hand it small fakes. */
export interface SiteScriptApis {
  permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    updateContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  tabs: { query(query: { url?: string[] }): Promise<{ id?: number; url?: string }[]> };
  manifest: object;
}

interface RegisteredScript {
  id: string;
  js: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: ManifestScript['runAt'];
  persistAcrossSessions: boolean;
}

export function manifestScript(manifest: SiteScriptApis['manifest']): ManifestScript {
  const [script] = (manifest as { content_scripts?: { js?: string[]; matches?: string[]; run_at?: string }[] })
    .content_scripts ?? [{}];
  return {
    // Firefox reports manifest paths as full moz-extension: URLs; scripting wants them relative.
    js: (script?.js ?? []).map((file) => (file.includes('://') ? new URL(file).pathname : file)),
    matches: script?.matches ?? [],
    runAt: (script?.run_at as ManifestScript['runAt'] | undefined) ?? 'document_idle',
  };
}

/** The https origins granted beyond the manifest: single sites and perhaps every https site. */
export async function grantedSites(apis: Pick<SiteScriptApis, 'permissions' | 'manifest'>): Promise<string[]> {
  const all = await apis.permissions.getAll();
  // Typed against @types/chrome, which this project does not install.
  const { origins } = extractAdditionalPermissions(all, { manifest: apis.manifest as never }) as { origins: string[] };
  return origins.filter((origin) => origin.startsWith('https://')).sort();
}

/** Registers the content script on exactly the granted sites (none: no registration). */
async function sync(apis: SiteScriptApis): Promise<string[]> {
  const sites = await grantedSites(apis);
  const script = manifestScript(apis.manifest);
  const [current] = await apis.scripting.getRegisteredContentScripts({ ids: [SITE_SCRIPT_ID] });
  if (!sites.length) {
    if (current) await apis.scripting.unregisterContentScripts({ ids: [SITE_SCRIPT_ID] });
    return sites;
  }
  const registration: RegisteredScript = {
    id: SITE_SCRIPT_ID,
    js: script.js,
    matches: sites,
    // A built-in shop already has the script from the manifest: never twice on one page.
    excludeMatches: script.matches,
    runAt: script.runAt,
    persistAcrossSessions: true,
  };
  if (current) await apis.scripting.updateContentScripts([registration]);
  else await apis.scripting.registerContentScripts([registration]);
  return sites;
}

let queue: Promise<unknown> = Promise.resolve();

/** Brings the registration up to date; calls run one after another, never interleaved. */
export function syncSiteScripts(apis: SiteScriptApis): Promise<string[]> {
  const next = queue.then(() => sync(apis));
  queue = next.catch(() => {});
  return next;
}

/**
 * Runs the content script at once in the open tabs of newly granted sites (the page the shopper
 * switched on shows its badge without a reload). Built-in shops are left alone: they have it.
 */
export async function injectIntoOpenTabs(apis: SiteScriptApis, origins: string[]): Promise<number> {
  const added = origins.filter((origin) => origin.startsWith('https://'));
  if (!added.length) return 0;
  const script = manifestScript(apis.manifest);
  const builtIn = script.matches.length ? patternToRegex(...script.matches) : null;
  const tabs = await apis.tabs.query({ url: added });
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url || builtIn?.test(tab.url)) continue;
    try {
      await apis.scripting.executeScript({ target: { tabId: tab.id }, files: script.js });
      injected++;
    } catch {
      // A tab that is closing, or a page the browser keeps scripts out of: nothing to show there.
    }
  }
  return injected;
}

/** Wires it up in the background: at every start, and on every change of permissions. */
export function watchSitePermissions(apis: SiteScriptApis): void {
  const failed = (error: unknown) => console.error('carbon-ledger: site registration failed', error);
  browser.permissions.onAdded.addListener(({ origins }) => {
    syncSiteScripts(apis)
      .then(() => injectIntoOpenTabs(apis, origins ?? []))
      .catch(failed);
  });
  browser.permissions.onRemoved.addListener(() => {
    syncSiteScripts(apis).catch(failed);
  });
  // Registrations persist across restarts; this catches anything changed while we were not
  // running (a site removed in the browser's own settings, an update of the extension).
  syncSiteScripts(apis).catch(failed);
}
