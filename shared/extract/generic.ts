// The reader for every shop: schema.org JSON-LD first, then microdata/RDFa, Open Graph and the
// page's specification rows, and last what the page shows (heading, nearest price, breadcrumbs).
// Shop adapters run before it and only add what their shop shows in its own way.

import type { FoundListingItem, FoundProduct } from './adapter.ts';
import { absoluteUrl, clean, schemaTypeOf, visibleTextOf } from './dom.ts';
import { brandInTitle, type DataProduct, dataProductNamed, scriptListing, words } from './embedded.ts';
import { hasValue, mergeFields, type ProductFields } from './fields.ts';
import {
  brandOnPage,
  breadcrumbsOnPage,
  cleanBrand,
  headingText,
  mainHeading,
  priceNearHeading,
  TITLE_PREFIX,
} from './heuristics.ts';
import { breadcrumbsFromJsonLd, hasType, jsonLdNodes, listedProducts, productFromJsonLd } from './jsonld.ts';
import { genericListing } from './listing.ts';
import { isOpenGraphProduct, productFromMicrodata, productFromOpenGraph } from './microdata.ts';
import type { PageIndex } from './page-index.ts';
import { conditionFrom, productFromSpecs } from './specs.ts';

/** Reads a page with no knowledge of the shop. `shop` holds what a shop adapter already found. */
export function readGeneric(
  index: PageIndex,
  url: string,
  country: string | null,
  shop: FoundProduct | null,
): (FoundProduct & { structured: boolean }) | null {
  const nodes = jsonLdNodes(index.jsonLdScripts);
  const heading = mainHeading(index);
  const jsonLd = productFromJsonLd(nodes, { url, heading: heading ? headingText(heading) : null });
  const microdata = productFromMicrodata(index, url);
  const openGraph = productFromOpenGraph(index);
  const structuredPrice = jsonLd?.price ?? microdata?.price ?? null;
  const hasProductSignal = !!shop || !!jsonLd || !!microdata?.title || isOpenGraphProduct(index) || !!openGraph?.price;
  // Only look for a printed price when nothing structured gives one: it is the costly part.
  const printed =
    !shop?.fields.price && !structuredPrice && !openGraph?.price && (heading || hasProductSignal)
      ? priceNearHeading(index, heading, country)
      : null;
  // A page that shows no price may keep its product in script data (named like its heading).
  const data =
    !shop?.fields.price && !structuredPrice && !openGraph?.price && !printed && heading
      ? dataProductNamed(index, headingText(heading), country)
      : null;
  // Old shop templates have no heading: the name is only in the document's title and the price
  // on a "Price:" line.
  const specs =
    hasProductSignal || printed || data?.price || !heading ? productFromSpecs(index.specCells, country) : null;
  if (!hasProductSignal && !printed && !data?.price && !(specs?.price && !heading)) return null;
  const crumbs = breadcrumbsFromJsonLd(nodes);
  // The trail printed on the page is looked for only when the shop adapter has none: finding it
  // means looking through the whole page.
  const page: ProductFields = {
    title: heading ? headingText(heading) : null,
    price: printed?.price ?? null,
    category: hasValue(shop?.fields.category) ? [] : crumbs.length ? crumbs : breadcrumbsOnPage(index),
  };
  const fields = mergeFields(
    shop?.fields,
    { title: chooseTitle(jsonLd?.title ?? microdata?.title, page.title), category: page.category },
    jsonLd,
    microdata,
    { title: page.title },
    openGraph,
    { ...specs, price: null, brand: cleanBrand(specs?.brand) },
    page,
    { price: data?.price ?? specs?.price, brand: data?.brand, title: heading ? null : documentTitle(index.doc, url) },
  );
  // The page's brand line ranks last: read only when no other source named the brand; then the
  // title's first words, when the page names them as a brand elsewhere.
  if (!hasValue(fields.brand)) fields.brand = brandOnPage(index, heading);
  if (!hasValue(fields.brand) && fields.title) fields.brand = brandInTitle(index, fields.title, fields.category ?? []);
  if (shop?.priceAbsent) fields.price = null;
  if (fields.title) fields.title = fields.title.replace(TITLE_PREFIX, '');
  // Shops name second-hand offers in the title when they mark them up nowhere else.
  if (!fields.condition && fields.title && SECOND_HAND_TITLE.test(fields.title))
    fields.condition = conditionFrom(fields.title);
  if (!fields.title) return null;
  const anchor = shop?.anchor ?? printed?.element ?? heading;
  return {
    fields,
    anchor,
    structured: !!jsonLd || !!microdata?.title || isOpenGraphProduct(index) || !!openGraph?.price,
  };
}

/** The document's title without the shop's name before or after it ("retrosixty - Infraphil lamp"). */
function documentTitle(doc: Document, url: string): string | null {
  const site = url.toLowerCase().replace(/[^a-z0-9]/g, '');
  const parts = (doc.title ?? '').split(/\s+[-|–—:]\s+/).filter(Boolean);
  const named = (part?: string): boolean =>
    !!part && site.includes(part.toLowerCase().replace(/[^a-z0-9]/g, '') || '-');
  if (named(parts[0])) parts.shift();
  if (named(parts.at(-1))) parts.pop();
  return parts.join(' - ').trim() || null;
}

const SECOND_HAND_TITLE =
  /\((?:renewed|refurbished|generalüberholt|reconditionné|reacondicionado|ricondizionato)\)|^(?:refurbished|renewed|used|pre-owned)\b/i;

/**
 * The title as the shopper sees it. Structured names often add the colour or the shop's own
 * suffix ("… - Buy Cheese Slicer … on Alibaba.com") or drop the brand; when the main heading
 * names the same thing, the heading is the shown title.
 */
export function chooseTitle(structured: string | null | undefined, heading: string | null | undefined): string | null {
  if (!structured) return heading ?? null;
  if (!heading) return structured;
  const a = new Set(words(structured));
  const b = words(heading);
  if (b.length === 0) return structured;
  const shared = b.filter((word) => a.has(word)).length;
  return shared / Math.min(a.size, b.length) >= 0.6 ? heading : structured;
}

/** Whether the page lists several products rather than showing one. */
export function looksLikeListing(index: PageIndex): boolean {
  const nodes = jsonLdNodes(index.jsonLdScripts);
  return (
    nodes.some((n) => hasType(n, 'ItemList') || hasType(n, 'SearchResultsPage') || hasType(n, 'CollectionPage')) ||
    listedProducts(nodes).length > 0 ||
    markedTiles(index).length >= 3
  );
}

/**
 * Microdata Products that are a listing's tiles: three or more, none inside another, and none
 * holding the main heading (a product page's own Product holds its heading; tiles do not).
 */
function markedTiles(index: PageIndex): Element[] {
  const scopes = index.scopes.filter((el) => /Product$/i.test(schemaTypeOf(el)));
  const tiles = scopes.filter((el) => !scopes.some((other) => other !== el && other.contains(el)));
  const heading = index.headings[0];
  return tiles.length >= 3 && !tiles.some((el) => heading && el.contains(heading)) ? tiles : [];
}

/** Listing items from the page's JSON-LD, for listings whose tiles the markup does not reveal. */
export function jsonLdListing(index: PageIndex, url: string): FoundListingItem[] {
  const products = listedProducts(jsonLdNodes(index.jsonLdScripts));
  return products.length ? linked(index, url, products) : [];
}

/** An address as items are matched by: no fragment, query or closing slash. */
const itemKey = (href: string | null): string => (href ?? '').replace(/[?#].*$/, '').replace(/\/$/, '');

/**
 * Listing items for products read from data, each anchored on the page's first link to it (by
 * address, then by address without its query); an item the data does not name takes the link's text.
 */
function linked(index: PageIndex, url: string, products: (ProductFields | DataProduct)[]): FoundListingItem[] {
  const links = new Map<string, Element>();
  for (const a of Array.from(index.doc.querySelectorAll('a[href]')).slice(0, 5000)) {
    const href = absoluteUrl(a.getAttribute('href'), url);
    if (!href) continue;
    if (!links.has(href)) links.set(href, a);
    if (!links.has(itemKey(href))) links.set(itemKey(href), a);
  }
  const items: FoundListingItem[] = [];
  for (const fields of products) {
    const itemUrl = absoluteUrl(fields.url, url) ?? url;
    const anchor = links.get(itemUrl) ?? links.get(itemKey(itemUrl)) ?? null;
    const title = fields.title || clean(anchor && visibleTextOf(anchor, 300));
    if (title)
      items.push({
        fields: { ...(fields as ProductFields), title, url: itemUrl },
        anchor,
        sponsored: false,
        placeholder: false,
      });
  }
  return items;
}

/** Listing items kept in the page's script data; each badge goes on the page's first link to the item. */
export function dataListing(index: PageIndex, url: string, country: string | null): FoundListingItem[] {
  const items = scriptListing(index, url, country);
  return items.length ? linked(index, url, items) : [];
}

export { genericListing };
