// The shape of a shop adapter (shared/sites/<shop>.ts: one shop family, one file; its hosts are in shared/sites/hosts.ts)
// and the helpers adapters read with. An adapter only reads what its shop shows in its own way;
// the generic reader (generic.ts: structured data, then page heuristics) fills the rest.
// Extraction is given the adapters (shared/read.ts) and never imports shared/sites itself.

import type { Money, PageKind } from '../product.ts';
import { clean, first, textOf, visibleTextOf } from './dom.ts';
import type { ProductFields } from './fields.ts';
import { readTile } from './listing.ts';
import type { PageIndex } from './page-index.ts';
import { moneyOf } from './price.ts';

/** A product read from a page, with the element its badge should sit beside. */
export interface FoundProduct {
  fields: ProductFields;
  anchor: Element | null;
  /** The shop shows no price for this item (e.g. unavailable): do not look for one elsewhere on the page. */
  priceAbsent?: boolean;
}

/** One item on a search-result or category page. */
export interface FoundListingItem {
  fields: ProductFields;
  anchor: Element | null;
  /** The item's whole tile, when known. */
  tile?: Element;
  sponsored: boolean;
  placeholder: boolean;
}

export interface ShopAdapter {
  /** Short name of the shop family, e.g. "amazon". */
  id: string;
  /** Whether a URL belongs to this shop family (every country site). */
  matches(url: URL): boolean;
  /** The kind of page, when the shop's markup tells; null to let the generic reader decide. */
  detect(page: PageIndex, url: URL): PageKind | null;
  /** Fields this shop shows in its own way; null when it shows none. */
  extractProduct(page: PageIndex, url: URL): FoundProduct | null;
  /** Every item of a listing in reading order; null when the page is not a listing this adapter knows. */
  extractListing(page: PageIndex, url: URL): FoundListingItem[] | null;
  /**
   * Reading a product page before it has finished loading (reviews, recommendations and footer
   * often take a long time after the product part): the shop's product addresses, and the ids of
   * elements its product pages place after every part a product is read from. Once one of them is
   * parsed, the page reads as it will when complete (checked on every saved page of the shop:
   * test/unit/extract/early.test.ts).
   */
  earlyProduct?: { address: RegExp; after: readonly string[] };
}

/** Matches a host and its subdomains against a family's domain names ("amazon" matches amazon.de). */
export function hostIs(url: URL, names: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  return names.some((name) => hostPattern(name).test(host));
}

const hostPatterns = new Map<string, RegExp>();
function hostPattern(name: string): RegExp {
  let pattern = hostPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\.)${name.replace(/\./g, '\\.')}\\.(?:[a-z]{2,3})(?:\\.[a-z]{2})?$`);
    hostPatterns.set(name, pattern);
  }
  return pattern;
}

/** The shown price from the first selector whose text reads as one, with the element to anchor to. */
export function shownPrice(
  doc: Document,
  selectors: readonly string[],
  country: string | null,
): { price: Money; element: Element } | null {
  for (const selector of selectors) {
    const el = first(doc, [selector]);
    if (!el) continue;
    const price = moneyOf(visibleTextOf(el, 80) || textOf(el, 80), { country });
    if (price) return { price, element: el };
  }
  return null;
}

/** Text of the first matching element, whitespace collapsed; null when none has text. */
export function shownText(doc: Document, selectors: readonly string[]): { text: string; element: Element } | null {
  for (const selector of selectors) {
    const el = first(doc, [selector]);
    const text = el ? clean(visibleTextOf(el, 400)) : null;
    if (el && text) return { text, element: el };
  }
  return null;
}

/** The selectors a shop's title and shown price are read through. */
export interface ShownSelectors {
  title: readonly string[];
  price: readonly string[];
}

/**
 * A product page's title and shown price (prices read as a `country` shop's), with `extra` fields
 * the shop shows; the badge goes beside the price, else beside the title.
 */
export function shownProduct(
  doc: Document,
  selectors: ShownSelectors,
  country: string | null,
  extra?: ProductFields,
): FoundProduct {
  const title = shownText(doc, selectors.title);
  const shown = shownPrice(doc, selectors.price, country);
  return {
    fields: { title: title?.text ?? null, price: shown?.price ?? null, ...(country && { country }), ...extra },
    anchor: shown?.element ?? title?.element ?? null,
  };
}

/** The selectors a shop's listing tiles, and their titles and prices, are read through. */
export interface TileSelectors {
  tile: readonly string[];
  tileTitle: readonly string[];
  tilePrice: readonly string[];
}

/**
 * The items of a listing from the first tile selector that yields any, in page order; `complete`
 * may fill in what the shop prints its own way. Null when no selector yields an item.
 */
export function shownTiles(
  doc: Document,
  url: URL,
  selectors: TileSelectors,
  country: string | null,
  complete?: (item: FoundListingItem, tile: Element) => void,
): FoundListingItem[] | null {
  const options = { country, titleSelectors: selectors.tileTitle, priceSelectors: selectors.tilePrice };
  for (const selector of selectors.tile) {
    const items: FoundListingItem[] = [];
    for (const tile of Array.from(doc.querySelectorAll(selector))) {
      const item = readTile(tile, url.href, options);
      if (item) {
        complete?.(item, tile);
        items.push(item);
      }
    }
    if (items.length) return items;
  }
  return null;
}
