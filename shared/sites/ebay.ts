// eBay, every country site. Item pages carry microdata (read by the generic reader); this adapter
// knows the search-result cards and eBay's hidden "Shop on eBay" template card.

import { type FoundListingItem, type FoundProduct, hostIs, type ShopAdapter } from '../extract/adapter.ts';
import { all, clean, first, visibleTextOf } from '../extract/dom.ts';
import { TITLE_PREFIX } from '../extract/heuristics.ts';
import { readTile } from '../extract/listing.ts';
import type { PageIndex } from '../extract/page-index.ts';

const SELECTORS = {
  // Item page: 2021+ "x-" layout first, then the older #itemTitle / #prcIsum layout.
  title: ['h1.x-item-title__mainTitle', '#itemTitle', 'h1[itemprop="name"]'],
  price: ['.x-price-primary', '#prcIsum', '#mm-saleDscPrc', '#prcIsum_bidPrice'],
  // Search results: 2025+ s-card layout first, then the s-item layout.
  cardTitle: ['.s-card__title', '.s-item__title'],
  // In the s-card layout the title is one styled span beside a hidden "Opens in a new window".
  cardTitleText: '.su-styled-text.primary',
  cardPrice: ['.s-card__price', '.s-item__price'],
};

/** eBay renders a template card linking to the fake item 123456; it is not a real offer. */
const PLACEHOLDER_TITLE = 'shop on ebay';
const isPlaceholder = (title: string, url: string | null | undefined): boolean =>
  // Cheap looks first: a pattern costs its compilation the first time a page meets it.
  (title.length === PLACEHOLDER_TITLE.length && title.toLowerCase() === PLACEHOLDER_TITLE) ||
  (!!url?.includes('/itm/123456') && /\/itm\/123456(?:[?#]|$)/.test(url));

const NEW_LISTING = /^(?:new listing|neues angebot|nouvelle annonce|nuovo annuncio|nuevo anuncio)\s*/i;
// The pattern only for titles that can start with the label: compiling it costs a page ~0.1 ms.
const withoutNewListing = (title: string): string =>
  title[0] === 'n' || title[0] === 'N' ? title.replace(NEW_LISTING, '') : title;

/** The result cards, found once per reading (telling the page kind needs them too). */
const cardsRead = new WeakMap<PageIndex, Element[]>();
function cards(index: PageIndex): Element[] {
  let found = cardsRead.get(index);
  if (!found) {
    // The cards are the children of the results list that carry a listing id: one native query
    // (measured on a 3 MB results page: a fifth of the time of getElementsByClassName for the list).
    const listed = all(index.doc, '.srp-results > [data-listingid]');
    found = listed.length ? listed : all(index.doc, 'li.s-item');
    cardsRead.set(index, found);
  }
  return found;
}

/** The sites this adapter runs on, each with its subdomains ("ebay.com" runs on www.ebay.com); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = [
  'ebay.com',
  'ebay.co.uk',
  'ebay.de',
  'ebay.fr',
  'ebay.it',
  'ebay.es',
  'ebay.ie',
  'ebay.at',
  'ebay.ch',
  'ebay.nl',
  'ebay.be',
  'ebay.pl',
  'ebay.ca',
  'ebay.com.au',
];

export const ebay: ShopAdapter = {
  id: 'ebay',
  matches: (url) => hostIs(url, ['ebay']),
  // The item specifics (brand, material) come before the description frame and the shipping tab.
  earlyProduct: { address: /\/itm\//, after: ['desc_ifr', 'vi-ship-maincntr'] },
  detect(index, url) {
    if (/\/itm\//.test(url.pathname)) return 'product';
    if (/\/(?:sch|b)\//.test(url.pathname) || cards(index).length >= 3) return 'listing';
    return null;
  },
  extractProduct(index): FoundProduct | null {
    let titleEl: Element | null = null;
    for (const selector of SELECTORS.title) {
      titleEl = index.headings.find((h) => h.matches(selector)) ?? null;
      if (titleEl) break;
    }
    const title = titleEl ? clean(visibleTextOf(titleEl, 400).replace(TITLE_PREFIX, '')) : null;
    const priceEl = first(index.doc, SELECTORS.price);
    return { fields: { title }, anchor: priceEl ?? titleEl };
  },
  extractListing(index, url): FoundListingItem[] | null {
    const items: FoundListingItem[] = [];
    // eBay scrambles its ad label and leaves the fragments in every card, so a label cannot be trusted.
    const options = {
      country: null,
      titleSelectors: SELECTORS.cardTitle,
      titleTextSelector: SELECTORS.cardTitleText,
      priceSelectors: SELECTORS.cardPrice,
      detectSponsored: false,
    };
    for (const tile of cards(index)) {
      const item = readTile(tile, url.href, options);
      if (!item) continue;
      item.fields.title = item.fields.title ? withoutNewListing(item.fields.title) : null;
      item.placeholder = isPlaceholder(item.fields.title ?? '', item.fields.url);
      items.push(item);
    }
    return items.length ? items : null;
  },
};
