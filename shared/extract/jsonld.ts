// Reads schema.org Product data from JSON-LD blocks, tolerating what real shops publish:
// @graph containers, arrays, wrongly cased types, AggregateOffer and lists of offers.

import type { Money, Product } from '../product.ts';
import { validGtin } from './gtin.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function hasType(node: Json, type: string): boolean {
  const declared = node['@type'];
  const types = Array.isArray(declared) ? declared : [declared];
  const wanted = type.toLowerCase();
  return types.some((t) => typeof t === 'string' && t.replace(/^.*[/:]/, '').toLowerCase() === wanted);
}

/** Every JSON object in the page's JSON-LD scripts, flattened out of arrays and @graph. */
export function jsonLdNodes(doc: Document): Json[] {
  const nodes: Json[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (isObject(value)) {
      nodes.push(value);
      if (value['@graph']) visit(value['@graph'], depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A broken block is common on real shops; the others may still be fine.
    }
  }
  return nodes;
}

const text = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value.name ?? value['@value']);
  return null;
};

function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/[^\d.,-]/g, '');
  // JSON-LD prices should use a dot; accept a lone decimal comma too.
  const normalised = /^\d+,\d{1,2}$/.test(cleaned) ? cleaned.replace(',', '.') : cleaned.replace(/,/g, '');
  const amount = Number.parseFloat(normalised);
  return Number.isFinite(amount) ? amount : null;
}

function offerPrice(offers: unknown): Money | null {
  const list = (Array.isArray(offers) ? offers : [offers]).filter(isObject);
  let best: Money | null = null;
  for (const offer of list) {
    const nested = offer.priceSpecification;
    const spec = isObject(nested) ? nested : Array.isArray(nested) && isObject(nested[0]) ? nested[0] : null;
    const currency = text(offer.priceCurrency) ?? text(spec?.priceCurrency);
    const isAggregate = hasType(offer, 'AggregateOffer');
    const amount = parseAmount(offer.price ?? offer.lowPrice ?? spec?.price);
    if (amount === null || amount <= 0 || !currency) {
      if (offer.offers) best ??= offerPrice(offer.offers);
      continue;
    }
    const money: Money = { amount, currency: currency.toUpperCase() };
    if (isAggregate && offer.price === undefined) money.isRangeLowerBound = true;
    if (!best || amount < best.amount) best = money;
  }
  return best;
}

function brandOf(node: Json): string | null {
  return text(node.brand) ?? text(node.manufacturer);
}

/** The first schema.org Product in the page's JSON-LD, as our product model. */
export function productFromJsonLd(doc: Document, url: string): Product | null {
  const node = jsonLdNodes(doc).find((n) => hasType(n, 'Product') || hasType(n, 'ProductGroup'));
  if (!node) return null;
  const title = text(node.name);
  if (!title) return null;
  const category = text(node.category);
  const gtin = [node.gtin13, node.gtin, node.gtin12, node.gtin14, node.gtin8].map(validGtin).find(Boolean);
  return {
    title,
    price: offerPrice(node.offers),
    brand: brandOf(node),
    category: category ? category.split(/\s*[>/|]\s*/).filter(Boolean) : [],
    gtin: gtin ?? null,
    sku: text(node.sku),
    url,
    image: text(node.image),
  };
}
