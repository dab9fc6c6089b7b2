// Zalando (every country site). Product JSON-LD lists one offer per size, read by the generic
// reader; this adapter knows where the shown price sits, for the badge and for pages whose
// JSON-LD is missing.

import { type FoundProduct, hostIs, type ShopAdapter, shownPrice } from '../extract/adapter.ts';

const SELECTORS = {
  // 2023+ price container, then the 2020–22 one.
  price: [
    '[data-testid="pdp-price-container"] p',
    '[data-testid="pdp-price-container"]',
    'h1 ~ div p span',
    'x-wrapper-re-1-4 h1 ~ div span',
  ],
};

/** The sites this adapter runs on, each with its subdomains ("zalando.de" runs on www.zalando.de); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = [
  'zalando.de',
  'zalando.co.uk',
  'zalando.fr',
  'zalando.it',
  'zalando.es',
  'zalando.nl',
  'zalando.ie',
  'zalando.fi',
  'zalando.at',
  'zalando.ch',
  'zalando.pl',
  'zalando.se',
  'zalando.dk',
  'zalando.be',
  'zalando.no',
  'zalando.cz',
];

export const zalando: ShopAdapter = {
  id: 'zalando',
  matches: (url) => hostIs(url, ['zalando']),
  detect: (index, url) => (/\.html$/.test(url.pathname) && index.headings.length ? 'product' : null),
  extractProduct(index): FoundProduct | null {
    const hasStructuredPrice = index.jsonLdScripts.length > 0;
    const shown = shownPrice(index.doc, SELECTORS.price, null);
    // The JSON-LD offer is the better price; the shown one anchors the badge and fills gaps.
    return { fields: { price: hasStructuredPrice ? null : (shown?.price ?? null) }, anchor: shown?.element ?? null };
  },
  extractListing: () => null,
};
