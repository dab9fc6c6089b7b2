// Reads schema.org Product data from JSON-LD blocks, tolerating what real shops publish:
// @graph containers, arrays, wrongly cased types, AggregateOffer, lists of offers, products
// nested in a WebPage's mainEntity, and HTML entities left inside strings.

import type { Condition, Money } from '../product.ts';
import { collapseSpaces, decodeEntities } from './dom.ts';
import type { ProductFields } from './fields.ts';
import { validGtin } from './gtin.ts';
import { parsePrice } from './price.ts';
import { conditionFrom, weightKgFrom } from './specs.ts';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Does the node declare this schema.org type, in any casing or with a full schema URL? */
export function hasType(node: Json, type: string): boolean {
  const declared = node['@type'];
  const types = Array.isArray(declared) ? declared : [declared];
  const wanted = type.toLowerCase();
  return types.some((t) => typeof t === 'string' && t.replace(/^.*[/:#]/, '').toLowerCase() === wanted);
}

const MAX_NODES = 3000;

/** Every JSON object in the page's JSON-LD scripts, flattened out of arrays, @graph and nesting. */
export function jsonLdNodes(scripts: readonly Element[]): Json[] {
  const nodes: Json[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || nodes.length >= MAX_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 500)) visit(item, depth + 1);
    } else if (isObject(value)) {
      if (value['@type'] !== undefined || value['@graph'] !== undefined) nodes.push(value);
      for (const key of [
        '@graph',
        'mainEntity',
        'mainEntityOfPage',
        'itemListElement',
        'item',
        'hasVariant',
        'about',
      ]) {
        if (value[key] !== undefined) visit(value[key], depth + 1);
      }
    }
  };
  for (const script of scripts.slice(0, 50)) {
    const source = script.textContent ?? '';
    if (source.length > 2_000_000) continue;
    try {
      visit(JSON.parse(source), 0);
    } catch {
      // Some shops leave raw newlines or a trailing comma; try once more after tidying.
      try {
        visit(JSON.parse(source.replace(/[\n\r\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1')), 0);
      } catch {
        // A broken block is common on real shops; the others may still be fine.
      }
    }
  }
  return nodes;
}

/** A string from a JSON-LD value: plain, first of a list, or an object's name/@value. */
export const text = (value: unknown, depth = 0): string | null => {
  if (depth > 4) return null;
  if (typeof value === 'string') return collapseSpaces(decodeEntities(value)) || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return text(value[0], depth + 1);
  if (isObject(value)) return text(value.name ?? value['@value'] ?? value.value, depth + 1);
  return null;
};

/** A JSON-LD price: plain numbers use a dot as schema.org asks; printed prices are parsed. */
export function jsonAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return parsePrice(trimmed).amount;
}

const LIST_PRICE = /ListPrice|StrikethroughPrice|MSRP|SRP/i;

interface OfferReading {
  price: Money | null;
  availability: string | null;
  condition: Condition | null;
}

function readOffers(offers: unknown, depth = 0): OfferReading {
  const reading: OfferReading = { price: null, availability: null, condition: null };
  if (depth > 3) return reading;
  const list = (Array.isArray(offers) ? offers : [offers]).filter(isObject).slice(0, 200);
  const amounts: number[] = [];
  for (const offer of list) {
    reading.availability ??= schemaTerm(offer.availability);
    reading.condition ??= conditionFrom(schemaTerm(offer.itemCondition));
    const specs = (Array.isArray(offer.priceSpecification) ? offer.priceSpecification : [offer.priceSpecification])
      .filter(isObject)
      .filter((spec) => !LIST_PRICE.test(String(spec.priceType ?? '')));
    const spec = specs[0];
    const currency = text(offer.priceCurrency) ?? text(spec?.priceCurrency);
    const amount =
      jsonAmount(offer.price) ?? jsonAmount(offer.lowPrice) ?? jsonAmount(spec?.price) ?? jsonAmount(spec?.minPrice);
    if (amount === null || amount <= 0 || !currency) {
      if (offer.offers && !reading.price) {
        const nested = readOffers(offer.offers, depth + 1);
        reading.price = nested.price;
        reading.availability ??= nested.availability;
      }
      continue;
    }
    amounts.push(amount);
    const isLowPrice = offer.price === undefined && offer.lowPrice !== undefined;
    const highPrice = jsonAmount(offer.highPrice);
    if (!reading.price || amount < reading.price.amount) {
      reading.price = { amount, currency: normaliseCode(currency) };
      if (isLowPrice && highPrice !== null && highPrice > amount) reading.price.isRangeLowerBound = true;
    }
  }
  if (reading.price && amounts.some((a) => a !== reading.price?.amount)) reading.price.isRangeLowerBound = true;
  return reading;
}

export const normaliseCode = (code: string): string => {
  const upper = code.trim().toUpperCase();
  return upper === 'RUR' ? 'RUB' : upper === 'RMB' ? 'CNY' : upper;
};

/** "https://schema.org/InStock" → "InStock". */
export const schemaTerm = (value: unknown): string | null => {
  const term = text(value);
  return term ? term.replace(/^.*[/:#]/, '') || null : null;
};

const GTIN_KEYS = ['gtin13', 'gtin', 'gtin12', 'gtin14', 'gtin8', 'isbn', 'ean', 'upc'];

function gtinOf(node: Json): string | null {
  for (const key of GTIN_KEYS) {
    const valid = validGtin(text(node[key]) ?? undefined);
    if (valid) return valid;
  }
  return null;
}

/** Splits a JSON-LD category ("A > B", "A/B/C") into a trail. */
export function splitCategory(value: string | null): string[] {
  if (!value || /^https?:/.test(value)) return [];
  return value
    .split(/\s*(?:>|\/|\||»|›)\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
    .slice(0, 12);
}

/** What the page itself says its product is, to tell the main product from related ones. */
export interface MainProductHint {
  /** The page's address. */
  url?: string;
  /** The main heading's text. */
  heading?: string | null;
}

const pathOf = (url: string | null | undefined, base: string): string | null => {
  if (!url) return null;
  try {
    return new URL(url, base).pathname.replace(/\/$/, '');
  } catch {
    return null;
  }
};

function scoreProduct(node: Json, hint: MainProductHint): number {
  let score = (node.offers ? 4 : 0) + (node.name ? 2 : 0) + (node.brand ? 1 : 0) + (node.image ? 1 : 0);
  const base = hint.url ?? 'https://page.invalid/';
  const own = pathOf(text(node.url), base);
  if (own && own === pathOf(base, base)) score += 3;
  const name = text(node.name)?.toLowerCase();
  if (name && hint.heading?.toLowerCase().includes(name.slice(0, 40))) score += 3;
  return score;
}

/** The page's main schema.org Product in JSON-LD, as product fields. */
export function productFromJsonLd(nodes: Json[], hint: MainProductHint = {}): ProductFields | null {
  let best: Json | undefined;
  let bestScore = -1;
  for (const node of nodes) {
    if (!hasType(node, 'Product') && !hasType(node, 'ProductGroup') && !hasType(node, 'IndividualProduct')) continue;
    const score = scoreProduct(node, hint);
    // The first complete product wins: later ones are usually related items or variants.
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  if (!best) return null;
  const offers = readOffers(best.offers);
  const variants = Array.isArray(best.hasVariant) ? best.hasVariant.filter(isObject) : [];
  const variantOffers = !offers.price && variants.length ? readOffers(variants.map((v) => v.offers)) : null;
  const weight = isObject(best.weight) ? best.weight : null;
  const material = text(best.material);
  return {
    title: text(best.name),
    price: offers.price ?? variantOffers?.price ?? null,
    brand: text(best.brand) ?? text(best.manufacturer),
    category: splitCategory(text(best.category)),
    gtin: gtinOf(best) ?? variants.map(gtinOf).find(Boolean) ?? null,
    sku: text(best.sku) ?? text(best.productID) ?? text(best.mpn),
    availability: offers.availability ?? variantOffers?.availability ?? null,
    image: text(isObject(best.image) ? (best.image.url ?? best.image.contentUrl) : best.image),
    condition: offers.condition ?? conditionFrom(schemaTerm(best.itemCondition)),
    materials: material ? material.split(/\s*[,;/]\s*/).filter(Boolean) : undefined,
    weightKg: weight
      ? weightKgFrom(`${text(weight.value) ?? ''} ${text(weight.unitText) ?? text(weight.unitCode) ?? ''}`)
      : null,
  };
}

/** The longest schema.org BreadcrumbList in JSON-LD, as names from the widest to the narrowest. */
export function breadcrumbsFromJsonLd(nodes: Json[]): string[] {
  let best: string[] = [];
  for (const node of nodes) {
    if (!hasType(node, 'BreadcrumbList')) continue;
    const items = (Array.isArray(node.itemListElement) ? node.itemListElement : [node.itemListElement])
      .filter(isObject)
      .map((item, index) => ({
        position: Number(item.position ?? index + 1),
        name: text(item.name) ?? (isObject(item.item) ? text(item.item.name) : null),
      }))
      .sort((a, b) => a.position - b.position)
      .map((item) => item.name)
      .filter((name): name is string => !!name);
    if (items.length > best.length) best = items;
  }
  return best.slice(0, 12);
}

/**
 * Products a listing page publishes in JSON-LD (an ItemList, or several distinct Products), in
 * the order given. Used when the page's tiles cannot be told apart from its markup.
 */
export function listedProducts(nodes: Json[]): ProductFields[] {
  const products = nodes.filter((node) => hasType(node, 'Product') && text(node.name));
  const names = new Set(products.map((node) => text(node.name)));
  if (names.size < 3) return linkedEntries(nodes);
  return products.slice(0, 200).map((node) => ({
    title: text(node.name),
    price: readOffers(node.offers).price,
    brand: text(node.brand),
    url: text(node.url),
    gtin: gtinOf(node),
    image: text(node.image),
  }));
}

const address = (value: unknown): string | null =>
  typeof value === 'string' ? value : isObject(value) ? address(value.url ?? value['@id']) : null;

/** An ItemList of links to items (name and address, no Product): the page's tiles give the rest. */
function linkedEntries(nodes: Json[]): ProductFields[] {
  for (const node of nodes) {
    if (!hasType(node, 'ItemList') || !Array.isArray(node.itemListElement)) continue;
    const entries = node.itemListElement
      .filter(isObject)
      .map((entry) => ({
        title: text(entry.name) ?? (isObject(entry.item) ? text(entry.item.name) : null),
        url: address(entry.url ?? entry.item),
      }))
      .filter((entry) => entry.url);
    if (new Set(entries.map((entry) => entry.url)).size >= 3) return entries;
  }
  return [];
}
