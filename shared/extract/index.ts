// Extraction entry point: pure functions of a Document and its URL, shared by the content
// script and the `carbon-ledger extract` command.
//
// Two views of the same reading:
// - `extractPageWithAnchors(doc, url)` → `{ page, items: [{ product, anchor, sponsored, placeholder }] }`
//   for the overlay. `anchor` is the element a badge should sit beside: on a product page the
//   shown price (or the main heading when no price is shown), on a listing the item's title (or
//   its tile). `sponsored` marks advertised listing items; `placeholder` marks hidden template
//   items a shop leaves in its markup (eBay's "Shop on eBay"); both are kept, in reading order,
//   so the overlay decides what to badge.
// - `extractPage(doc, url)` (shared/read.ts) → `{ page, products }`, the JSON-serialisable view (no elements):
//   what the CLI prints and what the content script sends to the background. Listing products
//   carry `sponsored`/`placeholder` as fields.
//
// Neither throws: a page we cannot read is `{ page: 'other', products: [] }`. Listing items a
// page publishes only in JSON-LD get the page's first link to them as anchor, or null.
//
// How a page is read: an index finds the elements extraction looks at, on demand (page-index.ts:
// one walk over a parsed page in Node, native selector queries in the browser); the shop's
// adapter (shared/sites/<shop>.ts, passed in by shared/read.ts, which callers use) reads what its
// shop shows in its own way; the generic reader (generic.ts) fills every other field from JSON-LD, microdata/RDFa, Open Graph, specification rows
// and, last, the page itself (main heading, the price printed nearest to it, breadcrumbs).
// Prices are parsed by price.ts; a range gives its lower bound with `isRangeLowerBound`.

import type { PageKind, Product } from '../product.ts';
import type { FoundListingItem, ShopAdapter } from './adapter.ts';
import { countryOfPage } from './country.ts';
import { sameName } from './embedded.ts';
import type { ProductFields } from './fields.ts';
import { dataListing, genericListing, jsonLdListing, looksLikeListing, readGeneric } from './generic.ts';
import { domListing } from './listing.ts';
import { classWords, hasAncestor, type IndexStrategy, indexPage, type PageIndex } from './page-index.ts';

export interface AnchoredItem {
  product: Product;
  /** The element a badge should anchor to, or null when there is none to point at. */
  anchor: Element | null;
  sponsored: boolean;
  placeholder: boolean;
}

export interface AnchoredExtraction {
  page: PageKind;
  items: AnchoredItem[];
}

const NOTHING: AnchoredExtraction = { page: 'other', items: [] };

export interface ReadOptions {
  /**
   * How the page's elements are found (page-index.ts): `walk` (default) suits a parsed document
   * in Node; `query` suits a live browser page, where native selector queries are cheap.
   */
  strategy?: IndexStrategy;
  /**
   * The shop adapters to try, in order (shared/sites/index.ts's SHOP_ADAPTERS; shared/read.ts
   * passes them). Without them every page is read generically.
   */
  adapters?: readonly ShopAdapter[];
}

/** Reads the page's product (product page) or items (listing), with the elements to anchor badges to. */
export function extractPageWithAnchors(doc: Document, url: string, options: ReadOptions = {}): AnchoredExtraction {
  if (!doc || typeof doc.querySelector !== 'function') return NOTHING;
  return extractIndexed(indexPage(doc, options.strategy ?? 'walk'), url, options.adapters);
}

/** `extractPageWithAnchors` over an index made beforehand (tests look at what reading it needed). */
export function extractIndexed(
  index: PageIndex,
  url: string,
  adapters: readonly ShopAdapter[] = [],
): AnchoredExtraction {
  try {
    return readPage(index, url, adapters);
  } catch {
    // Never let an odd page break extraction: it is simply a page we cannot read.
    return NOTHING;
  }
}

function readPage(index: PageIndex, url: string, adapters: readonly ShopAdapter[]): AnchoredExtraction {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  const country = countryOfPage(index.doc, parsed);
  const adapter = parsed ? adapters.find((a) => a.matches(parsed)) : undefined;
  const declared = adapter && parsed ? adapter.detect(index, parsed) : null;
  if (declared === 'other') return NOTHING;
  if (declared === 'listing' && adapter && parsed) {
    const items = adapter.extractListing(index, parsed) ?? genericListing(index, url, { country });
    return listingOf(items, url, country);
  }
  const shop = declared === 'product' && adapter && parsed ? adapter.extractProduct(index, parsed) : null;
  if (declared !== 'product' && looksLikeListing(index)) {
    const items = domListing(index, url, { country });
    if (items.length >= 3) return listingOf(fuller(index, items, url, country), url, country);
    const published = jsonLdListing(index, url);
    if (published.length >= 3) return listingOf(published, url, country);
    const kept = dataListing(index, url, country);
    if (kept.length >= 3) return listingOf(kept, url, country);
  }
  const found = readGeneric(index, url, country, shop);
  const structured = !!found && (declared === 'product' || found.structured);
  if (!structured && declared !== 'product') {
    const items = domListing(index, url, { country });
    // A price printed under the heading but outside every tile is a product page with a row of
    // other products (a carousel the markup does not name); a price inside a tile is item one's.
    const priceAnchor = found?.fields.price ? found.anchor : null;
    const productShown =
      !!priceAnchor && isProductPrice(index, priceAnchor) && !items.some((item) => item.tile?.contains(priceAnchor));
    if (items.length >= 4 && !productShown) return listingOf(fuller(index, items, url, country), url, country);
    // Listings rendered from script data show few or no tiles in the markup.
    if (!productShown) {
      const kept = dataListing(index, url, country);
      if (kept.length >= 4) return listingOf(kept, url, country);
    }
  }
  if (!found?.fields.title) return NOTHING;
  // A heading without any price or product data is an article, not a product page.
  if (!structured && !found.fields.price) return NOTHING;
  return {
    page: 'product',
    items: [
      { product: toProduct(found.fields, url, country), anchor: found.anchor, sponsored: false, placeholder: false },
    ],
  };
}

/**
 * A listing that renders only its first tiles keeps the rest in script data: the data's list when
 * it is much longer and holds most of the tiles shown (so it is this listing, not a row of
 * recommendations). Looked for only when few tiles are shown.
 */
function fuller(index: PageIndex, items: FoundListingItem[], url: string, country: string | null): FoundListingItem[] {
  if (items.length >= 12) return items;
  const kept = dataListing(index, url, country);
  if (kept.length < items.length * 1.5 + 3) return items;
  const shown = items.filter((item) => kept.some((k) => sameName(k.fields.title ?? '', item.fields.title ?? '')));
  return shown.length >= items.length * 0.6 ? kept : items;
}

/** A price just below the main heading and not in a filter form (a listing's "€10 – €50" facet). */
function isProductPrice(index: PageIndex, price: Element): boolean {
  const heading = index.headings[0];
  const headingAt = heading ? (index.order.get(heading) ?? -1) : -1;
  const priceAt = index.order.get(price) ?? -1;
  if (headingAt < 0 || priceAt < headingAt || priceAt - headingAt > 150) return false;
  return !hasAncestor(
    price,
    (node) => node.tagName === 'FORM' || classWords(node).some((word) => FILTER_WORDS.has(word)),
  );
}

const FILTER_WORDS = new Set(['filter', 'filters', 'facet', 'facets', 'refinement', 'refinements', 'sidebar']);

function listingOf(items: FoundListingItem[], url: string, country: string | null): AnchoredExtraction {
  if (items.length === 0) return NOTHING;
  return {
    page: 'listing',
    items: items.map((item) => ({
      product: { ...toProduct(item.fields, url, country), sponsored: item.sponsored, placeholder: item.placeholder },
      anchor: item.anchor,
      sponsored: item.sponsored,
      placeholder: item.placeholder,
    })),
  };
}

/** Our product model from merged fields: required fields always present, optional ones only when read. */
function toProduct(fields: ProductFields, url: string, country: string | null): Product {
  const product: Product = {
    title: fields.title ?? '',
    price: fields.price ?? null,
    brand: fields.brand ?? null,
    category: fields.category ?? [],
    gtin: fields.gtin ?? null,
    url: fields.url ?? url,
  };
  const optional = [
    'sku',
    'availability',
    'image',
    'materials',
    'weightKg',
    'dimensionsCm',
    'energyClass',
    'condition',
  ] as const;
  for (const key of optional) {
    const value = fields[key];
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      (product as unknown as Record<string, unknown>)[key] = value;
    }
  }
  const shopCountry = fields.country ?? country;
  if (shopCountry) product.country = shopCountry;
  return product;
}
