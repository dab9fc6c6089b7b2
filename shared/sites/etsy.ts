// Etsy. Its JSON-LD AggregateOffer gives the cheapest variant and its Open Graph price may be in
// another currency, so the price the shopper sees is read from the buy box.

import { type FoundProduct, hostIs, type ShopAdapter } from '../extract/adapter.ts';
import { textOf } from '../extract/dom.ts';
import { moneyOf } from '../extract/price.ts';

const SELECTORS = {
  // 2022+ buy box, then the 2019–21 one.
  price: ['[data-buy-box-region="price"] p', '[data-buy-box-region="price"]', '[data-selector="price-only"]'],
};

/** The sites this adapter runs on, each with its subdomains ("etsy.com" runs on www.etsy.com); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = ['etsy.com'];

export const etsy: ShopAdapter = {
  id: 'etsy',
  matches: (url) => hostIs(url, ['etsy']),
  detect: (_index, url) => (/\/listing\/\d+/.test(url.pathname) ? 'product' : null),
  extractProduct(index): FoundProduct | null {
    for (const selector of SELECTORS.price) {
      const el = index.doc.querySelector(selector);
      const price = moneyOf(textOf(el, 80));
      if (el && price) return { fields: { price }, anchor: el };
    }
    return null;
  },
  extractListing: () => null,
};
