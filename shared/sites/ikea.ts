// IKEA (every country site). Product JSON-LD carries name, price and SKU; the visible header
// splits the name over several elements and the energy label sits beside the price.

import { type FoundProduct, hostIs, type ShopAdapter, shownPrice } from '../extract/adapter.ts';
import { first, textOf } from '../extract/dom.ts';
import { energyClassFrom } from '../extract/specs.ts';

const SELECTORS = {
  // 2022+ "pip" layout, then the 2020–21 "range-revamp" layout.
  price: [
    '.pip-temp-price__integer',
    '.pip-price__integer',
    '.range-revamp-pip-price-package__main-price',
    '.range-revamp-price',
  ],
  energyLabel: ['[class*="energy-label"] .sr-only', '[class*="energy-label"]', '[class*="energyLabel"]'],
};

/** The sites this adapter runs on, each with its subdomains ("ikea.com" runs on www.ikea.com); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = ['ikea.com', 'ikea.cn'];

export const ikea: ShopAdapter = {
  id: 'ikea',
  matches: (url) => hostIs(url, ['ikea']),
  detect: (_index, url) => (/\/p\/[^/]+/.test(url.pathname) ? 'product' : null),
  extractProduct(index, url): FoundProduct | null {
    const country = /^\/([a-z]{2})\//.exec(url.pathname)?.[1]?.toUpperCase() ?? null;
    const shown = shownPrice(index.doc, SELECTORS.price, country);
    // The label's text is often only in its screen-reader copy ("A<sup>++</sup>").
    const label = textOf(first(index.doc, SELECTORS.energyLabel), 40);
    return { fields: { energyClass: energyClassFrom(label), country }, anchor: shown?.element ?? null };
  },
  extractListing: () => null,
};
