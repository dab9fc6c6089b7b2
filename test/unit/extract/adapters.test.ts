// Conventions the shop adapters keep (their layout: conventions.test.ts): every family the content script
// runs on has an adapter that recognises its hosts, and no adapter claims another shop's pages.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../shared/read.ts';
import { SHOP_MATCH_PATTERNS } from '../../../shared/sites/hosts.ts';
import { SHOP_ADAPTERS } from '../../../shared/sites/index.ts';

const hostOf = (pattern: string): string =>
  pattern
    .replace(/^https:\/\//, '')
    .replace(/^\*\./, 'www.')
    .replace(/\/\*$/, '');

describe('shop adapters', () => {
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

describe('eBay search results', () => {
  const card = (id: string, title: string, price: string) =>
    `<li class="s-item" data-listingid="${id}"><a href="https://www.ebay.com/itm/${id}"><div class="s-item__title">${title}</div></a><span class="s-item__price">${price}</span></li>`;
  const { document } = parseHTML(
    `<!doctype html><html lang="en-US"><body><ul class="srp-results">${[
      card('123456', 'Shop on eBay', '$20.00'),
      card('201', 'New Listing  Canon EOS R6 body', '$999.00'),
      card('202', 'neues angebot Sony WH-1000XM4', '$180.50'),
      card('203', 'NVIDIA GeForce RTX 3080', '$1,299.99'),
    ].join('')}</ul></body></html>`,
  );
  const { products } = extractPage(document as unknown as Document, 'https://www.ebay.com/sch/i.html?_nkw=x', {
    strategy: 'query',
  });

  it('drops the "New listing" label in any of its languages, and only that', () => {
    expect(products.map((p) => p.title)).toEqual([
      'Shop on eBay',
      'Canon EOS R6 body',
      'Sony WH-1000XM4',
      'NVIDIA GeForce RTX 3080',
    ]);
    expect(products.map((p) => p.price?.amount)).toEqual([20, 999, 180.5, 1299.99]);
  });

  it("marks eBay's template card as a placeholder", () => {
    expect(products.map((p) => p.placeholder)).toEqual([true, false, false, false]);
  });
});
