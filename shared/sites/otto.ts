// OTTO (Germany). Product microdata gives title, GTIN and brand; the price block and energy
// label are read from the page, newest layout first.

import { type FoundProduct, hostIs, type ShopAdapter, shownPrice } from '../extract/adapter.ts';
import { first, textOf } from '../extract/dom.ts';
import { energyClassFrom } from '../extract/specs.ts';

const SELECTORS = {
  price: ['.pdp_price__price', '#normalPriceAmount', '#reducedPriceAmount', '.js_pdp_price__retail-price__value_'],
  energyLabel: ['.pdp_eek__label', '[class*="eek"] [class*="label"]', '[class*="energyEfficiency"]'],
};

/** The sites this adapter runs on, each with its subdomains ("otto.de" runs on www.otto.de); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = ['otto.de'];

export const otto: ShopAdapter = {
  id: 'otto',
  matches: (url) => hostIs(url, ['otto']),
  detect: (_index, url) => (/^\/p\//.test(url.pathname) ? 'product' : null),
  extractProduct(index): FoundProduct | null {
    const shown = shownPrice(index.doc, SELECTORS.price, 'DE');
    // The label's text is often only in its screen-reader copy ("A<sup>++</sup>").
    const label = textOf(first(index.doc, SELECTORS.energyLabel), 40);
    return {
      fields: { price: shown?.price ?? null, energyClass: energyClassFrom(label), country: 'DE' },
      anchor: shown?.element ?? null,
    };
  },
  extractListing: () => null,
};
