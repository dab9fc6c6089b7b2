// How extraction and the shop adapters are laid out, checked both ways:
// - every file in shared/sites (besides the registry index.ts and hosts.ts) is one adapter,
//   registered in SHOP_ADAPTERS under its file name, and every registered adapter has its file;
// - each adapter declares the hosts it runs on, in its own file (HOSTS), and recognises them;
// - each adapter has saved pages of its shop in ../shared/fixtures (skipped when absent);
// - shared/extract never imports shared/sites (extraction is given its adapters: shared/read.ts),
//   and shared/sites uses extraction's building blocks but never its entry point.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ShopAdapter } from '../../../shared/extract/adapter.ts';
import { SHOP_HOSTS, SHOP_MATCH_PATTERNS } from '../../../shared/sites/hosts.ts';
import { SHOP_ADAPTERS } from '../../../shared/sites/index.ts';
import { importsOf as graphImports, repoPath } from '../../import-graph.ts';
import { fixturePages, fixtureUrl, HAS_SHARED, newFixturePages, REPO_ROOT, SHARED_DIR } from '../../shared-fixtures.ts';

const SITES = `${REPO_ROOT}/shared/sites`;
const EXTRACT = `${REPO_ROOT}/shared/extract`;
const NOT_ADAPTERS = new Set(['index.ts', 'hosts.ts']);
const adapterFiles = readdirSync(SITES).filter((f) => f.endsWith('.ts') && !NOT_ADAPTERS.has(f));

/**
 * Adapters written before the team had saved pages of their shop. The list may only shrink: the
 * test fails when one of them gains pages (take it off) or another adapter has none.
 */
const WITHOUT_SAVED_PAGES = new Set(['aliexpress', 'taobao', 'jd']);

/** The repository files a file imports (types too), repository-relative. */
const importsOf = (file: string): string[] => graphImports(file).flatMap((i) => (i.file ? [repoPath(i.file)] : []));

describe('shop adapters', () => {
  it('are the files of shared/sites, each registered under its file name, and each registered one has its file', async () => {
    expect(adapterFiles.length).toBeGreaterThan(0);
    for (const file of adapterFiles) {
      const module = (await import(`${SITES}/${file}`)) as Record<string, unknown>;
      const exported = Object.values(module).filter((value): value is ShopAdapter =>
        SHOP_ADAPTERS.includes(value as ShopAdapter),
      );
      expect(
        exported.map((a) => a.id),
        `${file} exports one registered adapter`,
      ).toEqual([file.replace(/\.ts$/, '')]);
      // Its hosts are declared in its own file and are what the manifest is built from.
      expect(module.HOSTS, `${file} exports HOSTS`).toBeInstanceOf(Array);
      expect(SHOP_HOSTS[file.replace(/\.ts$/, '')], `${file}'s HOSTS are in SHOP_HOSTS`).toBe(module.HOSTS);
    }
    expect(SHOP_ADAPTERS.map((a) => `${a.id}.ts`).sort()).toEqual([...adapterFiles].sort());
  });

  it('declare their hosts, recognise them, and the content script runs on exactly those and the demo shop', () => {
    expect(Object.keys(SHOP_HOSTS).sort()).toEqual(SHOP_ADAPTERS.map((a) => a.id).sort());
    for (const adapter of SHOP_ADAPTERS) {
      const hosts = SHOP_HOSTS[adapter.id] ?? [];
      expect(hosts.length, adapter.id).toBeGreaterThan(0);
      for (const host of hosts) {
        expect(host, adapter.id).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
        expect(adapter.matches(new URL(`https://www.${host}/`)), `${adapter.id} recognises ${host}`).toBe(true);
      }
    }
    const declared = SHOP_ADAPTERS.flatMap((a) => (SHOP_HOSTS[a.id] ?? []).map((host) => `https://*.${host}/*`));
    expect(SHOP_MATCH_PATTERNS.filter((p) => !p.includes('.example/'))).toEqual(declared);
    expect(new Set(declared).size).toBe(declared.length);
  });

  describe.skipIf(!HAS_SHARED)('saved pages', () => {
    it(`every adapter has saved pages of its shop in ${SHARED_DIR}/fixtures`, () => {
      const pages = [...fixturePages(), ...newFixturePages()];
      const withPages = new Set<string>();
      for (const page of pages) {
        const url = fixtureUrl(page);
        for (const adapter of SHOP_ADAPTERS)
          if ((url && adapter.matches(new URL(url))) || page.site.split('-')[0] === adapter.id)
            withPages.add(adapter.id);
      }
      const missing = SHOP_ADAPTERS.map((a) => a.id).filter((id) => !withPages.has(id));
      expect(missing.sort()).toEqual([...WITHOUT_SAVED_PAGES].sort());
    });
  });
  if (!HAS_SHARED) it.skip(`saved pages: ${SHARED_DIR} not found, so adapters' saved pages are not checked`);
});

describe('shared/extract and shared/sites', () => {
  it('extraction never imports the adapters; adapters never import extraction’s entry point', () => {
    for (const file of readdirSync(EXTRACT).filter((f) => f.endsWith('.ts')))
      for (const from of importsOf(`${EXTRACT}/${file}`))
        expect(from, `shared/extract/${file}`).not.toMatch(/^shared\/sites\//);
    for (const file of readdirSync(SITES).filter((f) => f.endsWith('.ts')))
      for (const from of importsOf(`${SITES}/${file}`))
        expect(from, `shared/sites/${file}`).not.toMatch(/^shared\/(?:extract\/(?:index|generic)|read)\.ts$/);
  });
});
