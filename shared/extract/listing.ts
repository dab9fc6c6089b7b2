// Finds the items of a search-result or category page without knowing the shop: the largest
// group of sibling-like elements that share a class and each hold a link and a price.

import type { Money } from '../product.ts';
import type { FoundListingItem } from './adapter.ts';
import { absoluteUrl, all, clean, first, visibleTextOf } from './dom.ts';
import { inChrome } from './heuristics.ts';
import { hasAncestor, type PageIndex } from './page-index.ts';
import { currencyOfCountry, moneyOf, parsePrice } from './price.ts';

export interface ListingOptions {
  country: string | null;
  /** Selectors for the item title inside a tile, tried first. */
  titleSelectors?: readonly string[];
  /**
   * The element inside the title that holds just its text, when the rest of the title is labels
   * hidden from sight ("Opens in a new window"): read directly instead of walking the title.
   */
  titleTextSelector?: string;
  /** Selectors for the item price inside a tile, tried first. */
  priceSelectors?: readonly string[];
  /** False for shops whose ad labels cannot be read (eBay scrambles them); 'marks' for shops that mark ads in their markup. */
  detectSponsored?: boolean | 'marks';
  /** The page carries analytics name/price attributes (data-name, data-price) on its tiles. */
  readAnalytics?: boolean;
}

const TITLE_IN_TILE = [
  '[itemprop="name"]',
  'h2',
  'h3',
  'h4',
  '[class*="title"]',
  '[class*="Title"]',
  '[class*="name"]',
  'a[title]',
  'a',
];
const PRICE_IN_TILE = [
  '[itemprop="price"]',
  '[class*="price"]:not([class*="old"]):not([class*="was"])',
  '[class*="Price"]',
  '[data-price]',
];

/** Reads one listing tile; null when it has no title. */
export function readTile(tile: Element, url: string, options: ListingOptions): FoundListingItem | null {
  // A listing has dozens of tiles: the shop's own selectors first, then the general ones, without
  // building a list per tile.
  let titleEl = (options.titleSelectors && first(tile, options.titleSelectors)) || first(tile, TITLE_IN_TILE);
  // A title block often holds a description too; its link names just the product.
  const titleLink = titleEl && titleEl.tagName !== 'A' ? titleEl.querySelector('a') : null;
  if (titleLink && visibleTextOf(titleLink, 300).length >= 8) titleEl = titleLink;
  const titleText = titleEl && options.titleTextSelector ? titleEl.querySelector(options.titleTextSelector) : null;
  let title = titleEl
    ? clean(
        titleEl.tagName === 'A' && titleEl.getAttribute('title') && !visibleTextOf(titleEl, 10)
          ? titleEl.getAttribute('title')
          : visibleTextOf(titleText ?? titleEl, 300),
      )
    : null;
  if (!title) return null;
  let price =
    (options.priceSelectors ? tilePrice(tile, options.priceSelectors, options) : null) ??
    tilePrice(tile, PRICE_IN_TILE, options);
  // Shops often carry the exact name and price for their analytics on the tile's link.
  const tagged = options.readAnalytics ? tile.querySelector('[data-name][data-price]') : null;
  if (tagged) {
    const amount = Number(tagged.getAttribute('data-price'));
    const currency =
      price?.currency ??
      parsePrice(visibleTextOf(tile, 600), { country: options.country }).currency ??
      currencyOfCountry(options.country);
    if (Number.isFinite(amount) && amount > 0 && currency) price = { amount, currency };
    title = clean(tagged.getAttribute('data-name')) ?? title;
  }
  const titleLinked = titleEl?.closest('a[href]') ?? titleEl?.querySelector('a[href]');
  const links = titleLinked ? [] : all(tile, 'a[href]').slice(0, 10);
  const link = titleLinked ?? links.find((a) => !NOT_ITEM_LINK.test(a.getAttribute('href') ?? '')) ?? links[0];
  return {
    fields: { title, price, url: absoluteUrl(link?.getAttribute('href'), url) ?? url },
    anchor: titleEl ?? tile,
    tile,
    sponsored: options.detectSponsored === false ? false : isSponsored(tile, options.detectSponsored !== 'marks'),
    placeholder: false,
  };
}

/** The first price shown in the tile by one of the selectors (up to three elements each), not struck through. */
function tilePrice(tile: Element, selectors: readonly string[], options: ListingOptions): Money | null {
  for (const selector of selectors) {
    // The first match is nearly always the price: one native lookup that stops there, and the
    // others only when it is not (a former price struck through, a label).
    const head = first(tile, [selector]);
    if (!head) continue;
    const price = priceIn(head, options);
    if (price) return price;
    const more = all(tile, selector);
    for (let i = 1; i < 3 && i < more.length; i++) {
      const next = priceIn(more[i]!, options);
      if (next) return next;
    }
  }
  return null;
}

function priceIn(el: Element, options: ListingOptions): Money | null {
  if (isStruck(el)) return null;
  const content = el.getAttribute('content');
  return moneyOf(content && /^\d/.test(content) ? `${content} ${visibleTextOf(el, 60)}` : visibleTextOf(el, 60), {
    country: options.country,
  });
}

/** A price inside <del>, <s> or <strike> (itself or up to five levels up) is a former price. */
function isStruck(el: Element): boolean {
  // One native lookup; the walk up only when there is such an ancestor at all.
  if (!el.closest('del, s, strike')) return false;
  return hasAncestor(el, (node) => STRUCK.has(node.tagName), 6);
}

const SPONSORED_WORDS = /^(?:sponsored|gesponsert|sponsorisé|patrocinado|sponsorizzato|anzeige|ad|广告)$/i;

/** Does the tile carry an advertisement label? Looks at short labels only, not the whole text. */
export function isSponsored(tile: Element, labels = true): boolean {
  const marked =
    '[class*="sponsored"], [class*="Sponsored"], [data-component-type="sp-sponsored-result"], [data-testid*="sponsored"]';
  if (all(tile, marked).length > 0 || tile.closest('[data-testid*="sponsored"], [class*="sponsored"]')) return true;
  if (!labels) return false;
  // A short leaf text that is exactly an ad label, looked for in the tile's first few hundred elements.
  let seen = 0;
  const stack: Element[] = [tile];
  while (stack.length > 0 && seen++ < 400) {
    const el = stack.pop()!;
    if (el.childElementCount === 0) {
      const value = (el.textContent ?? '').trim();
      if (value && value.length < 20 && SPONSORED_WORDS.test(value)) return true;
      continue;
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  return false;
}

/** The page's product tiles in reading order, or [] when the page has no repeated priced tiles. */
export function genericListing(index: PageIndex, url: string, options: ListingOptions): FoundListingItem[] {
  const groups = new Map<string, Element[]>();
  const add = (key: string, el: Element): void => {
    const group = groups.get(key);
    if (group) group.push(el);
    else groups.set(key, [el]);
  };
  for (const el of index.tiles) add(`data:${el.tagName}`, el);
  for (const { el, cls } of index.classed) {
    if (TILE_TAGS.has(el.tagName)) add(`${el.tagName}.${cls}`, el);
  }
  const readAnalytics = index.priced.some((el) => el.hasAttribute('data-price') && el.hasAttribute('data-name'));
  const tileOptions = { ...options, readAnalytics };
  let best: FoundListingItem[] = [];
  let bestPriced = 0;
  const ranked = [...groups.values()]
    .filter((g) => g.length >= 3 && g.length <= 400)
    .sort((a, b) => b.length - a.length)
    .slice(0, 40);
  for (const group of ranked) {
    // Groups are sorted by size: one no larger than the best count of priced tiles cannot beat it.
    if (group.length <= bestPriced) break;
    // A tile is a small part of the page; a group of big sections is layout, not items.
    if (group.slice(0, 3).some((el) => subtreeSize(index, el) > MAX_TILE_ELEMENTS)) continue;
    // A quick look at the first tiles rules out most groups before reading them all.
    const sample = group.slice(0, 4).map((tile) => readTile(tile, url, tileOptions));
    if (sample.filter((item) => item?.fields.price).length < 2) continue;
    // Nested matches of the same signature are parts of one tile, not tiles.
    const members = new Set(group);
    const tiles = group
      .filter((el) => !hasAncestor(el.parentElement ?? el, (node) => members.has(node), 12))
      .slice(0, 200);
    if (tiles.length < 3 || tiles.some((tile) => inChrome(tile))) continue;
    const items = tiles
      .map((tile) => readTile(tile, url, tileOptions))
      .filter((item): item is FoundListingItem => item !== null);
    const priced = items.filter((item) => item.fields.price).length;
    if (priced >= 3 && priced >= items.length / 2 && priced > bestPriced) {
      best = items;
      bestPriced = priced;
    }
  }
  return best;
}

const MAX_TILE_ELEMENTS = 400;
const STRUCK = new Set(['DEL', 'S', 'STRIKE']);

/** How many elements an element spans, from document positions (its next sibling's or an ancestor's). */
function subtreeSize(index: PageIndex, el: Element): number {
  const start = index.order.get(el) ?? 0;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const next = node.nextElementSibling;
    if (next) return (index.order.get(next) ?? index.elements.length) - start;
  }
  return index.elements.length - start;
}

const TILE_TAGS = new Set(['LI', 'ARTICLE', 'DIV', 'SECTION', 'TR']);

/** Links that are not an item's own page: account, cart, wish list, script and in-page links. */
const NOT_ITEM_LINK = /sign-?in|log-?in|wishlist|favou?rite|account|cart|compare|javascript:|^#/i;

/** The pages a tile links to (by links with text or an image: a brand link is short), and its longest link: the item's. */
function itemLinks(tile: Element, url: string): { urls: Set<string>; named: Element | null; item?: string } {
  const urls = new Set<string>();
  let named: Element | null = null;
  let item: string | undefined;
  let longest = 7;
  for (const a of tile.tagName === 'A' ? [tile] : all(tile, 'a[href]').slice(0, 12)) {
    const href = a.getAttribute('href') ?? '';
    const text = (a.textContent ?? '').trim().length;
    const abs = absoluteUrl(href, url)?.replace(/#.*$/, '');
    if (!abs || NOT_ITEM_LINK.test(href) || (text <= 7 && !a.querySelector('img'))) continue;
    urls.add(abs);
    item ??= abs;
    if (text > longest) [named, longest, item] = [a, text, abs];
    // A third page: a row or a section, not a tile (a tile may link to its offers or reviews too).
    if (urls.size > 2) break;
  }
  return { urls, named, item };
}

/**
 * Tiles found from their printed prices, for shops whose classes say nothing (utility or hashed
 * class names, a tile that is one link): the largest set of same-tag siblings that each hold a
 * price and link to one item page of their own. A row of tiles links to several and is not one.
 */
export function cardListing(index: PageIndex, url: string, options: ListingOptions): FoundListingItem[] {
  const leaves: Element[] = [];
  for (const el of index.elements) {
    if (leaves.length >= 600) break;
    // Small elements only (a leaf, or up to three leaves): reading a large one's text is the costly part.
    const child = el.firstElementChild;
    if (
      child?.firstElementChild ||
      child?.nextElementSibling?.nextElementSibling?.nextElementSibling ||
      STRUCK.has(el.tagName)
    )
      continue;
    const text = el.textContent ?? '';
    // Digits beside something that may name a currency; the parse tells.
    if (text.length > 30 || !/\d/.test(text) || !/[^\d\s.,:/%()+-]/.test(text)) continue;
    const parsed = parsePrice(text, { country: options.country });
    if (!parsed.amount || !parsed.currency) continue;
    // A price printed in parts ("<span>€</span><span>12</span>"): the smallest element that reads whole.
    if (leaves.at(-1)?.contains(el)) leaves[leaves.length - 1] = el;
    else leaves.push(el);
  }
  // Same-tag children of one parent that hold a price, found by walking up from each price, and
  // the same across parents that look alike (a grid laid out in rows).
  const groups = new Map<unknown, Set<Element>>();
  const firstPrice = new Map<Element, Element>();
  const add = (key: unknown, el: Element): void => {
    const members = groups.get(key);
    if (members) members.add(el);
    else groups.set(key, new Set([el]));
  };
  for (const leaf of leaves) {
    let node: Element = leaf;
    for (let depth = 0; depth < 8 && node.parentElement && node.parentElement !== index.doc.body; depth++) {
      const parent = node.parentElement;
      add(`${parent.tagName}.${parent.className}>${node.tagName}.${node.className}`, node);
      add(parent, node);
      if (!firstPrice.has(node) && !isStruck(leaf)) firstPrice.set(node, leaf);
      node = parent;
    }
  }
  // Outer groups first among equal ones (groups were met from the prices outwards): as many parts
  // of tiles as tiles are found, and the tiles are what is wanted.
  const ranked = [...groups.values()]
    .reverse()
    .filter((members) => members.size >= 3)
    .sort((a, b) => b.size - a.size)
    .slice(0, 30);
  for (const members of ranked) {
    const tiles = [...members];
    // The first tiles rule out most groups before all are read (a section of the page links to many items).
    const small = (tile: Element): boolean => itemLinks(tile, url).urls.size < 3;
    if (tiles.slice(0, 3).filter(small).length < 2 || inChrome(tiles[0]!)) continue;
    const links = tiles.map((tile) => itemLinks(tile, url));
    const own = links.filter((link) => link.urls.size < 3).map((link) => link.item);
    if (new Set(own).size < Math.max(3, tiles.length * 0.7)) continue;
    const items: FoundListingItem[] = [];
    tiles.forEach((tile, i) => {
      const { urls, named, item: itemPage } = links[i]!;
      const price = firstPrice.get(tile);
      if (urls.size > 2 || !itemPage || !price) return;
      // The item's longest link names it ("<a>Oak side table</a>") unless a title element says more:
      // the first one found is often a badge or an offers link ("-13%", "(5+ offers)").
      const item = readTile(tile, url, options);
      const linkText = (!named?.contains(price) && clean(visibleTextOf(named, 300))) || '';
      const title = linkText.length > (item?.fields.title?.length ?? 0) ? linkText : item?.fields.title;
      // A title that holds the price is a menu's offer ("Sodas $169 up"), not an item.
      if (!title || title.includes(visibleTextOf(price, 30))) return;
      items.push({
        fields: { title, price: item?.fields.price ?? priceIn(price, options), url: itemPage },
        anchor: (title === linkText ? named : item?.anchor) ?? tile,
        tile,
        sponsored: !!item?.sponsored,
        placeholder: false,
      });
    });
    if (items.length >= 3) return items;
  }
  return [];
}

/** The page's tiles: by shared class first, by printed prices when that finds few. */
export function domListing(index: PageIndex, url: string, options: ListingOptions): FoundListingItem[] {
  const classed = genericListing(index, url, options);
  if (classed.length >= 8) return classed;
  const cards = cardListing(index, url, options);
  return cards.length > classed.length ? cards : classed;
}
