// Conventions the shop adapters keep: one file per shop family, every family the content script
// runs on has an adapter that recognises its hosts, and no adapter claims another shop's pages.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHOP_MATCH_PATTERNS } from '../../../shared/sites/hosts.ts';
import { SHOP_ADAPTERS } from '../../../shared/sites/index.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';

const hostOf = (pattern: string): string =>
  pattern
    .replace(/^https:\/\//, '')
    .replace(/^\*\./, 'www.')
    .replace(/\/\*$/, '');

describe('shop adapters', () => {
  it('are one file each in shared/sites, named by their id', () => {
    const files = readdirSync(`${REPO_ROOT}/shared/sites`);
    for (const adapter of SHOP_ADAPTERS) expect(files).toContain(`${adapter.id}.ts`);
    expect(new Set(SHOP_ADAPTERS.map((a) => a.id)).size).toBe(SHOP_ADAPTERS.length);
  });

  it('cover every shop host the content script runs on (the demo shop is read generically)', () => {
    for (const pattern of SHOP_MATCH_PATTERNS) {
      const url = new URL(`https://${hostOf(pattern)}/`);
      if (url.hostname.endsWith('.example')) continue;
      const claimed = SHOP_ADAPTERS.filter((a) => a.matches(url)).map((a) => a.id);
      expect(claimed, url.hostname).toHaveLength(1);
    }
  });

  it('leave other shops to the generic reader', () => {
    for (const host of [
      'www.johnlewis.com',
      'www.otto-office.com.example',
      'shop.example',
      'www.amazonia.org',
      'www.notebay.com',
    ]) {
      expect(
        SHOP_ADAPTERS.filter((a) => a.matches(new URL(`https://${host}/`))).map((a) => a.id),
        host,
      ).toEqual([]);
    }
  });
});
