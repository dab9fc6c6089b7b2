// AliExpress (every language site). Product pages render the title and price into the page
// after load; these are the places they land, newest layout first.

import { hostIs, type ShopAdapter, shownProduct, shownTiles } from '../extract/adapter.ts';

const SELECTORS = {
  title: ['h1[data-pl="product-title"]', '.product-title-text', 'h1'],
  // 2023+ "price--current" block, then the 2020–22 product-price layout.
  price: ['[class*="price--current"]', '.product-price-current', '.uniform-banner-box-price', '.product-price-value'],
  tile: ['.search-item-card-wrapper-gallery', 'a.search-card-item', '[class*="multi--container"]'],
  tileTitle: ['h3', '[class*="multi--titleText"]', '[class*="title"]'],
  tilePrice: ['[class*="multi--price-sale"]', '[class*="price-sale"]', '[class*="price"]'],
};

/** The sites this adapter runs on, each with its subdomains ("aliexpress.com" runs on www.aliexpress.com); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = ['aliexpress.com', 'aliexpress.us'];

export const aliexpress: ShopAdapter = {
  id: 'aliexpress',
  matches: (url) => hostIs(url, ['aliexpress']),
  detect: (_index, url) =>
    /\/item\/\d+\.html/.test(url.pathname)
      ? 'product'
      : /\/(?:w\/wholesale|category|af)\b/.test(url.pathname)
        ? 'listing'
        : null,
  extractProduct: (index) => shownProduct(index.doc, SELECTORS, null),
  extractListing: (index, url) => shownTiles(index.doc, url, SELECTORS, null),
};
