// Amazon, every country site. Amazon publishes no product JSON-LD, so everything comes from its
// page layout, which it keeps by element id across countries (labels are translated, ids are not).

import { type FoundListingItem, type FoundProduct, hostIs, type ShopAdapter } from '../extract/adapter.ts';
import { all, clean, textOf, visibleTextOf } from '../extract/dom.ts';
import { cleanBrand } from '../extract/heuristics.ts';
import { readTile } from '../extract/listing.ts';
import type { PageIndex } from '../extract/page-index.ts';
import { moneyOf } from '../extract/price.ts';
import type { Money } from '../product.ts';

// [container id, selector inside it or null for the container's own text], newest layout first.
const PRICE: readonly (readonly [string, string | null])[] = [
  ['corePriceDisplay_desktop_feature_div', '.priceToPay .a-offscreen'], // 2023+ desktop
  ['corePrice_feature_div', '.a-price .a-offscreen'], // 2022+ apex price block
  ['apex_desktop', '.apex-pricetopay-value .a-offscreen'], // 2024+ apex
  ['corePrice_desktop', '.a-price:not(.a-text-price) .a-offscreen'], // 2021–22 table layout
  ['priceblock_dealprice', null], // ≤ 2021 deal
  ['priceblock_ourprice', null], // ≤ 2021
  ['priceblock_saleprice', null],
  ['price_inside_buybox', null],
  ['newBuyBoxPrice', null],
  ['kindle-price', null], // e-books
  ['price', null],
  ['buyNewSection', '.offer-price'], // books, new
  ['usedBuySection', '.offer-price'], // books, used only
  ['olp_feature_div', '.a-color-price'], // no buy box: "New and used from"
  ['olp-upd-new-used', '.a-color-price'],
];

const SELECTORS = {
  title: ['productTitle', 'ebooksProductTitle', 'title'],
  brand: ['bylineInfo', 'brand'],
  breadcrumbs: 'wayfinding-breadcrumbs_feature_div',
  availability: 'availability',
  // Search results (2019+) and best-seller grids (2021+).
  searchResult: '[data-asin][data-component-type="s-search-result"]',
  bestSeller: ['#gridItemRoot', '.zg-grid-general-faceout', '.zg-item-immersion'],
  listingTitle: ['h2', '[data-cy="title-recipe"]', '[class*="line-clamp"]', 'img[alt]'],
  listingPrice: [
    '.a-price:not(.a-text-price) .a-offscreen',
    '.p13n-sc-price',
    '[class*="p13n-sc-price"]',
    '.a-color-price',
  ],
};

const byId = (index: PageIndex, id: string): Element | null => index.byId(id);
const searchResults = (index: PageIndex): Element[] => all(index.doc, SELECTORS.searchResult);

function shownPrice(index: PageIndex, country: string | null): { price: Money; element: Element } | null {
  for (const [id, inner] of PRICE) {
    const container = byId(index, id);
    if (!container) continue;
    const element = inner ? container.querySelector(inner) : container;
    if (!element) continue;
    const price = moneyOf(textOf(element, 80), { country });
    if (price) return { price, element: inner ? (element.closest('.a-price') ?? element) : element };
  }
  return null;
}

function countryOf(url: URL): string {
  const tld = url.hostname.replace(/^.*\.amazon\./, '');
  const code = tld.split('.').at(-1)?.toUpperCase() ?? 'US';
  return code === 'COM' ? 'US' : code === 'UK' ? 'GB' : code;
}

/** The sites this adapter runs on, each with its subdomains ("amazon.com" runs on www.amazon.com); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = [
  'amazon.com',
  'amazon.co.uk',
  'amazon.de',
  'amazon.fr',
  'amazon.it',
  'amazon.es',
  'amazon.nl',
  'amazon.se',
  'amazon.pl',
  'amazon.com.be',
  'amazon.ca',
  'amazon.com.mx',
  'amazon.com.br',
  'amazon.co.jp',
  'amazon.com.au',
  'amazon.in',
  'amazon.sg',
  'amazon.ae',
  'amazon.sa',
  'amazon.com.tr',
  'amazon.eg',
];

export const amazon: ShopAdapter = {
  id: 'amazon',
  matches: (url) => hostIs(url, ['amazon']),
  // Title, price, brand, breadcrumbs, bullets and the details table all come before the reviews
  // and the questions.
  earlyProduct: {
    address: /\/(?:dp|gp\/product|gp\/aw\/d)\/[A-Z0-9]{10}(?:[/?#]|$)/,
    after: ['ask-btf_feature_div', 'customer-reviews_feature_div', 'reviewsMedley'],
  },
  detect(index) {
    if (SELECTORS.title.some((id) => byId(index, id)) && byId(index, 'dp')) return 'product';
    if (byId(index, 'productTitle')) return 'product';
    if (searchResults(index).length) return 'listing';
    if (byId(index, 'gridItemRoot') || byId(index, 'zg')) return 'listing';
    return null;
  },
  extractProduct(index, url): FoundProduct | null {
    const country = countryOf(url);
    const titleEl = SELECTORS.title.map((id) => byId(index, id)).find((el) => el && textOf(el));
    const shown = shownPrice(index, country);
    const byline = SELECTORS.brand.map((id) => byId(index, id)).find(Boolean);
    const crumbs = byId(index, SELECTORS.breadcrumbs);
    const trail = crumbs
      ? Array.from(crumbs.querySelectorAll('li a'))
          .map((a) => clean(textOf(a)))
          .filter((name): name is string => !!name)
      : [];
    const availability = clean(visibleTextOf(byId(index, SELECTORS.availability), 120));
    return {
      fields: {
        title: titleEl ? textOf(titleEl, 400) : null,
        price: shown?.price ?? null,
        brand:
          byline && !/\((?:author|autor|auteur|autore)\)/i.test(textOf(byline))
            ? cleanBrand(textOf(byline, 120))
            : null,
        category: trail,
        sku: /\/(?:dp|gp\/product)\/([A-Z0-9]{10})/.exec(url.pathname)?.[1] ?? null,
        availability,
        country,
      },
      anchor: shown?.element ?? titleEl ?? null,
      // Amazon shows no price for an unavailable item; any other price on the page belongs to something else.
      priceAbsent: !shown,
    };
  },
  extractListing(index, url): FoundListingItem[] | null {
    const country = countryOf(url);
    let tiles = searchResults(index);
    for (const selector of SELECTORS.bestSeller) {
      if (tiles.length) break;
      tiles = Array.from(index.doc.querySelectorAll(selector));
    }
    const items = tiles
      .map((tile) =>
        readTile(tile, url.href, {
          country,
          titleSelectors: SELECTORS.listingTitle,
          priceSelectors: SELECTORS.listingPrice,
          // Amazon marks ads in its markup (puis-sponsored-label, sp-sponsored-result).
          detectSponsored: 'marks',
        }),
      )
      .filter((item): item is FoundListingItem => item !== null);
    return items.length ? items : null;
  },
};
