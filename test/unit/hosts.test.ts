// Where the content script runs: the shop families' https sites and the demo shop, nowhere else.

import { describe, expect, it } from 'vitest';
import { contentScriptRunsAt } from '../../shared/sites/hosts.ts';

describe('contentScriptRunsAt', () => {
  it.each([
    'https://www.amazon.de/dp/B000000001',
    'https://www.amazon.co.jp/dp/B000000001',
    'https://www.ebay.com/sch/i.html?_nkw=x',
    'https://www.ikea.com/gb/en/p/x',
    'https://shop.carbon-ledger.example/p/oak-dining-table',
  ])('runs at %s', (url) => expect(contentScriptRunsAt(url)).toBe(true));

  it.each([
    'http://www.amazon.de/dp/B000000001',
    'https://www.alibaba.com/product-detail/x',
    'https://amazon.de.evil.example/dp/1',
    'https://notamazon.de/',
    'not a url',
  ])('does not run at %s', (url) => expect(contentScriptRunsAt(url)).toBe(false));
});
