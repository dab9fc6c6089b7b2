// Opt-in per site: what the popup offers on which page, which origins are asked for, what the
// dashboard lists and what removing does, and how the background keeps the content script
// registered on exactly the granted sites. The browser is a small fake whose permissions behave
// like the real ones: a pattern is held when it, or a broader granted one, covers it.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { patternToRegex } from 'webext-patterns';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  injectIntoOpenTabs,
  SITE_SCRIPT_ID,
  type SiteScriptApis,
  syncSiteScripts,
  watchSitePermissions,
} from '../../../extension/entrypoints/background/site-scripts.ts';
import { targetPage } from '../../../extension/pages/popup/SiteSwitch.tsx';
import {
  type AccessApis,
  builtInFamilies,
  builtInGranted,
  EVERY_SHOP,
  lookOnce,
  pageAccess,
  sitePattern,
  switchedOnSites,
  switchOff,
  switchOn,
} from '../../../extension/pages/site-access.ts';
import { SHOP_MATCH_PATTERNS } from '../../../shared/sites/hosts.ts';

const BUILT_IN = [...SHOP_MATCH_PATTERNS];

function manifestWith(matches: string[], js = 'content-scripts/shop.js') {
  return {
    manifest_version: 3,
    permissions: ['scripting', 'activeTab'],
    optional_host_permissions: [EVERY_SHOP],
    content_scripts: [{ matches, js: [js], run_at: 'document_start' }],
  };
}

/** A pattern's example address: only a pattern that covers it (or EVERY_SHOP) matches it. */
const exampleOf = (pattern: string): string =>
  pattern === EVERY_SHOP ? 'https://a-site-nobody-listed.example/' : pattern.replace('*.', '').replace(/\*$/, '');

class FakeBrowser implements AccessApis {
  granted: Set<string>;
  requests: string[][] = [];
  removals: string[][] = [];
  executed: { tabId: number; files: string[] }[] = [];
  registered = new Map<string, Record<string, unknown> & { id: string; matches?: string[] }>();
  tabs: { id?: number; url?: string }[] = [];
  /** What the shopper answers in the browser's prompt. */
  answer = true;
  manifest: ReturnType<typeof manifestWith>;

  /** Like Chromium: contains() does not count hosts that only the manifest's content script matches. */
  chromiumContains: boolean;

  constructor(options: { matches?: string[]; builtInGranted?: boolean; chromium?: boolean } = {}) {
    this.manifest = manifestWith(options.matches ?? BUILT_IN);
    this.granted = new Set(options.builtInGranted === false ? [] : this.manifest.content_scripts[0]!.matches);
    this.chromiumContains = options.chromium ?? false;
  }

  private holds(pattern: string): boolean {
    const held = this.chromiumContains
      ? [...this.granted].filter((origin) => !this.manifest.content_scripts[0]!.matches.includes(origin))
      : [...this.granted];
    return held.includes(pattern) || held.some((origin) => patternToRegex(origin).test(exampleOf(pattern)));
  }

  permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((origin) => this.holds(origin)),
    request: async ({ origins }: { origins: string[] }) => {
      this.requests.push(origins);
      if (this.answer) for (const origin of origins) this.granted.add(origin);
      return this.answer;
    },
    remove: async ({ origins }: { origins: string[] }) => {
      this.removals.push(origins);
      for (const origin of origins) this.granted.delete(origin);
      return true;
    },
    getAll: async () => ({ origins: [...this.granted], permissions: ['scripting', 'activeTab'] }),
  };

  scripting = {
    executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      this.executed.push({ tabId: target.tabId, files });
      return [];
    },
    getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
      [...this.registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    registerContentScripts: async (scripts: { id: string; matches: string[] }[]) => {
      for (const s of scripts) {
        if (this.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        this.registered.set(s.id, { ...s });
      }
    },
    updateContentScripts: async (scripts: { id: string; matches: string[] }[]) => {
      for (const s of scripts) {
        if (!this.registered.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
        this.registered.set(s.id, { ...this.registered.get(s.id)!, ...s });
      }
    },
    unregisterContentScripts: async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? [...this.registered.keys()]) this.registered.delete(id);
    },
  };

  /** tabs.query({ url }): only tabs whose address the extension may see and that match. */
  tabsApi = {
    query: async ({ url }: { url?: string[] }) =>
      this.tabs.filter((tab) => !url || (tab.url && patternToRegex(...url).test(tab.url))),
  };

  get background(): SiteScriptApis {
    return {
      permissions: this.permissions,
      scripting: this.scripting,
      tabs: this.tabsApi,
      manifest: this.manifest,
    } as SiteScriptApis;
  }
}

let fake: FakeBrowser;
beforeEach(() => {
  fake = new FakeBrowser();
});

describe('sitePattern', () => {
  it.each([
    ['https://www.johnlewis.com/product/p123?colour=blue#reviews', 'https://www.johnlewis.com/*'],
    ['https://shop.example:8443/basket', 'https://shop.example/*'],
    ['https://argos.co.uk/', 'https://argos.co.uk/*'],
  ])('asks for just the site of %s', (url, pattern) => expect(sitePattern(url)).toBe(pattern));

  it.each([
    'http://www.johnlewis.com/',
    'chrome://newtab/',
    'about:blank',
    'file:///home/shopper/page.html',
    'moz-extension://abc/popup.html',
    'not a url',
    undefined,
  ])('asks for nothing on %s', (url) => expect(sitePattern(url)).toBeNull());
});

describe('what the popup offers', () => {
  it('offers the site of a shop outside the built-in families, and nothing broader', async () => {
    const access = await pageAccess('https://www.johnlewis.com/p/123', fake);
    expect(access).toEqual({ kind: 'offer', host: 'www.johnlewis.com', pattern: 'https://www.johnlewis.com/*' });
  });

  it('offers nothing on a built-in shop: it already works there', async () => {
    expect(await pageAccess('https://www.amazon.de/dp/B0001', fake)).toEqual({
      kind: 'built-in',
      host: 'www.amazon.de',
    });
    expect(await pageAccess('https://www.ebay.co.uk/itm/1', fake)).toMatchObject({ kind: 'built-in' });
  });

  it('offers nothing on a built-in shop in Chromium, whose permissions.contains leaves out content-script hosts', async () => {
    fake = new FakeBrowser({ chromium: true });
    expect(await fake.permissions.contains({ origins: ['https://www.amazon.de/*'] })).toBe(false);
    expect(await pageAccess('https://www.amazon.de/dp/B0001', fake)).toEqual({
      kind: 'built-in',
      host: 'www.amazon.de',
    });
    expect(await builtInGranted(fake)).toBe(true);
    expect((await pageAccess('https://www.johnlewis.com/p/1', fake)).kind).toBe('offer');
    fake.granted.add('https://www.johnlewis.com/*');
    expect((await pageAccess('https://www.johnlewis.com/p/1', fake)).kind).toBe('switched-on');
  });

  it('offers the built-in shop again where the browser withdrew it (Firefox add-on settings)', async () => {
    fake = new FakeBrowser({ builtInGranted: false });
    expect(await pageAccess('https://www.amazon.de/dp/B0001', fake)).toEqual({
      kind: 'offer',
      host: 'www.amazon.de',
      pattern: 'https://www.amazon.de/*',
    });
  });

  it('says a site is on once the shopper switched it on, or switched on every shop', async () => {
    fake.granted.add('https://www.argos.co.uk/*');
    expect(await pageAccess('https://www.argos.co.uk/product/1', fake)).toEqual({
      kind: 'switched-on',
      host: 'www.argos.co.uk',
    });
    expect((await pageAccess('https://www.currys.ie/p/1', fake)).kind).toBe('offer');
    fake.granted.add(EVERY_SHOP);
    expect((await pageAccess('https://www.currys.ie/p/1', fake)).kind).toBe('switched-on');
  });

  it('offers nothing in a build whose content script already runs on every https site', async () => {
    fake = new FakeBrowser({ matches: [EVERY_SHOP] });
    expect(await pageAccess('https://www.johnlewis.com/p/123', fake)).toEqual({
      kind: 'built-in',
      host: 'www.johnlewis.com',
    });
  });

  it('offers nothing on pages that are not https shop pages', async () => {
    for (const url of ['http://www.johnlewis.com/', 'chrome://extensions/', 'about:addons', undefined]) {
      expect(await pageAccess(url, fake)).toEqual({ kind: 'none' });
    }
  });

  it('is about the address it was opened for, else the active tab', async () => {
    expect(await targetPage('?page=https%3A%2F%2Fwww.argos.co.uk%2Fp%2F1')).toEqual({
      url: 'https://www.argos.co.uk/p/1',
    });
  });
});

describe('switching a site on and off', () => {
  it('requests exactly the one site, and it is then on', async () => {
    const access = await pageAccess('https://www.johnlewis.com/p/123', fake);
    if (access.kind !== 'offer') throw new Error('expected an offer');
    expect(await switchOn(access.pattern, fake)).toBe(true);
    expect(fake.requests).toEqual([['https://www.johnlewis.com/*']]);
    expect((await pageAccess('https://www.johnlewis.com/other', fake)).kind).toBe('switched-on');
    expect((await pageAccess('https://www.argos.co.uk/', fake)).kind).toBe('offer');
  });

  it('keeps nothing when the shopper says no in the browser prompt', async () => {
    fake.answer = false;
    expect(await switchOn('https://www.johnlewis.com/*', fake)).toBe(false);
    expect((await switchedOnSites(fake)).sites).toEqual([]);
    expect((await pageAccess('https://www.johnlewis.com/', fake)).kind).toBe('offer');
  });

  it('"every shop" is one request for all https sites', async () => {
    await switchOn(EVERY_SHOP, fake);
    expect(fake.requests).toEqual([['https://*/*']]);
    expect(await switchedOnSites(fake)).toEqual({ everyShop: true, sites: [] });
    await switchOff(EVERY_SHOP, fake);
    expect(fake.removals).toEqual([['https://*/*']]);
    expect((await switchedOnSites(fake)).everyShop).toBe(false);
  });

  it('the dashboard lists the sites switched on, sorted, without the built-in shops', async () => {
    await switchOn('https://www.johnlewis.com/*', fake);
    await switchOn('https://www.argos.co.uk/*', fake);
    fake.granted.add('http://insecure.example/*');
    const listed = await switchedOnSites(fake);
    expect(listed).toEqual({
      everyShop: false,
      sites: [
        { host: 'www.argos.co.uk', pattern: 'https://www.argos.co.uk/*' },
        { host: 'www.johnlewis.com', pattern: 'https://www.johnlewis.com/*' },
      ],
    });
    expect(fake.granted.has('https://*.amazon.de/*')).toBe(true);
  });

  it('removing a site withdraws just that site', async () => {
    await switchOn('https://www.johnlewis.com/*', fake);
    await switchOn('https://www.argos.co.uk/*', fake);
    await switchOff('https://www.johnlewis.com/*', fake);
    expect(fake.removals).toEqual([['https://www.johnlewis.com/*']]);
    expect((await switchedOnSites(fake)).sites.map((s) => s.host)).toEqual(['www.argos.co.uk']);
    expect((await pageAccess('https://www.johnlewis.com/p/1', fake)).kind).toBe('offer');
  });

  it('names the built-in families and tells whether the browser still grants them', async () => {
    const families = builtInFamilies(fake.manifest);
    expect(families).toEqual(expect.arrayContaining(['amazon', 'ebay', 'etsy', 'zalando', 'ikea', 'otto', 'jd']));
    expect(families).not.toContain('www');
    expect(await builtInGranted(fake)).toBe(true);
    expect(await builtInGranted(new FakeBrowser({ builtInGranted: false }))).toBe(false);
  });

  it('a one-off look runs the manifest content script file in that tab, relative even when Firefox reports a full URL', async () => {
    await lookOnce(7, fake);
    fake.manifest = manifestWith(BUILT_IN, 'moz-extension://0123-4567/content-scripts/shop.js');
    await lookOnce(8, fake);
    expect(fake.executed).toEqual([
      { tabId: 7, files: ['content-scripts/shop.js'] },
      { tabId: 8, files: ['/content-scripts/shop.js'] },
    ]);
    expect(fake.granted.has('https://www.johnlewis.com/*')).toBe(false);
  });
});

describe('the background registration', () => {
  it('registers nothing while no site is switched on', async () => {
    expect(await syncSiteScripts(fake.background)).toEqual([]);
    expect(fake.registered.size).toBe(0);
  });

  it('registers the content script on the granted sites, kept across restarts, never on a built-in shop', async () => {
    fake.granted.add('https://www.johnlewis.com/*');
    await syncSiteScripts(fake.background);
    const script = fake.registered.get(SITE_SCRIPT_ID);
    expect(script).toMatchObject({
      js: ['content-scripts/shop.js'],
      matches: ['https://www.johnlewis.com/*'],
      runAt: 'document_start',
      persistAcrossSessions: true,
    });
    expect(script?.excludeMatches).toEqual(BUILT_IN);
  });

  it('follows each change: a second site is added, a removed one dropped, the last one unregisters', async () => {
    fake.granted.add('https://www.johnlewis.com/*');
    await syncSiteScripts(fake.background);
    fake.granted.add('https://www.argos.co.uk/*');
    await syncSiteScripts(fake.background);
    expect(fake.registered.get(SITE_SCRIPT_ID)?.matches).toEqual([
      'https://www.argos.co.uk/*',
      'https://www.johnlewis.com/*',
    ]);
    fake.granted.delete('https://www.johnlewis.com/*');
    await syncSiteScripts(fake.background);
    expect(fake.registered.get(SITE_SCRIPT_ID)?.matches).toEqual(['https://www.argos.co.uk/*']);
    fake.granted.delete('https://www.argos.co.uk/*');
    await syncSiteScripts(fake.background);
    expect(fake.registered.has(SITE_SCRIPT_ID)).toBe(false);
  });

  it('runs calls one after another, so two quick changes cannot both register', async () => {
    fake.granted.add('https://www.johnlewis.com/*');
    await Promise.all([syncSiteScripts(fake.background), syncSiteScripts(fake.background)]);
    expect(fake.registered.size).toBe(1);
  });

  it('shows the badge at once in open tabs of a newly granted site, not in built-in shops or other sites', async () => {
    fake.tabs = [
      { id: 1, url: 'https://www.johnlewis.com/p/1' },
      { id: 2, url: 'https://www.argos.co.uk/p/2' },
      { id: 3, url: 'https://www.amazon.de/dp/B1' },
      { id: 4, url: 'https://www.johnlewis.com/basket' },
    ];
    expect(await injectIntoOpenTabs(fake.background, ['https://www.johnlewis.com/*'])).toBe(2);
    expect(fake.executed.map((e) => e.tabId)).toEqual([1, 4]);
    fake.executed = [];
    await injectIntoOpenTabs(fake.background, [EVERY_SHOP]);
    expect(fake.executed.map((e) => e.tabId)).toEqual([1, 2, 4]);
  });
});

describe('the background, wired to the browser', () => {
  /** permissions.onAdded / onRemoved as the browser fires them (fake-browser does not implement them). */
  function permissionEvents() {
    const added: ((p: { origins?: string[] }) => void)[] = [];
    const removed: ((p: { origins?: string[] }) => void)[] = [];
    Object.assign(fakeBrowser.permissions, {
      onAdded: { addListener: (fn: (typeof added)[number]) => added.push(fn) },
      onRemoved: { addListener: (fn: (typeof removed)[number]) => removed.push(fn) },
    });
    return {
      add: (origins: string[]) => {
        for (const fn of added) fn({ origins });
      },
      remove: (origins: string[]) => {
        for (const fn of removed) fn({ origins });
      },
    };
  }

  it('registers and shows the badge when the shopper grants a site, and unregisters when it is removed', async () => {
    const events = permissionEvents();
    fake.tabs = [{ id: 5, url: 'https://www.johnlewis.com/p/1' }];
    watchSitePermissions(fake.background);
    // The prompt's answer: the browser adds the permission, then tells every extension context.
    fake.granted.add('https://www.johnlewis.com/*');
    events.add(['https://www.johnlewis.com/*']);
    await vi.waitFor(() => expect(fake.executed).toEqual([{ tabId: 5, files: ['content-scripts/shop.js'] }]));
    expect(fake.registered.get(SITE_SCRIPT_ID)?.matches).toEqual(['https://www.johnlewis.com/*']);
    fake.granted.delete('https://www.johnlewis.com/*');
    events.remove(['https://www.johnlewis.com/*']);
    await vi.waitFor(() => expect(fake.registered.has(SITE_SCRIPT_ID)).toBe(false));
  });

  it('at start, registers what was granted while it was not running', async () => {
    permissionEvents();
    fake.granted.add('https://www.argos.co.uk/*');
    watchSitePermissions(fake.background);
    await vi.waitFor(() => expect(fake.registered.get(SITE_SCRIPT_ID)?.matches).toEqual(['https://www.argos.co.uk/*']));
    // Nothing is injected at start: open tabs either have it already or were never switched on.
    expect(fake.executed).toEqual([]);
  });
});
