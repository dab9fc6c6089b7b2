// Target (US). Pages render without structured data the shopper can rely on; everything is
// marked with data-test attributes, which Target keeps stable across redesigns.

import { hostIs, type ShopAdapter, shownProduct, shownText, shownTiles } from '../extract/adapter.ts';
import { cleanBrand } from '../extract/heuristics.ts';

const SELECTORS = {
  title: ['h1[data-test="product-title"]', 'h1'],
  price: ['[data-test="product-price"]', '[data-test="product-price-sale"]'],
  brand: ['a[data-test="shopAllBrandLink"]', '[data-test="@web/ProductDetailBrandLink"]'],
  tile: ['[data-test="@web/site-top-of-funnel/ProductCardWrapper"]', '[data-test="product-grid"] section > div'],
  tileTitle: ['[data-test="product-title"]', 'a[aria-label]'],
  tilePrice: ['[data-test="current-price"]'],
};

/** The sites this adapter runs on, each with its subdomains ("target.com" runs on www.target.com); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = ['target.com'];

export const target: ShopAdapter = {
  id: 'target',
  matches: (url) => hostIs(url, ['target']),
  detect: (_index, url) =>
    /^\/p\//.test(url.pathname) ? 'product' : /^\/(?:s|c)\b/.test(url.pathname) ? 'listing' : null,
  extractProduct: (index) =>
    shownProduct(index.doc, SELECTORS, 'US', { brand: cleanBrand(shownText(index.doc, SELECTORS.brand)?.text) }),
  extractListing: (index, url) => shownTiles(index.doc, url, SELECTORS, 'US'),
};
