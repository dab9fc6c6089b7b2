// The one message protocol between content scripts, the background and extension pages.
// Messages from content scripts come from someone else's page, so the background validates
// every field before it acts on one.

import type { FootprintEstimate } from './footprint/estimate.ts';
import type { Product } from './product.ts';

export interface ProtocolMap {
  /** A content script read a product: estimate it and record the view. */
  'product-viewed': { request: { product: Product }; response: { estimate: FootprintEstimate | null } };
  /** Extension pages and tests: how many events the ledger holds. */
  'ledger-count': { request: object; response: { events: number } };
}

export type MessageType = keyof ProtocolMap;
export type MessageOf<T extends MessageType> = { type: T } & ProtocolMap[T]['request'];
/** Any message: a union discriminated by `type`. */
export type Message = { [T in MessageType]: MessageOf<T> }[MessageType];
export type Response<T extends MessageType> = ProtocolMap[T]['response'];

const MAX_TEXT = 1000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const cleanText = (value: unknown, max = MAX_TEXT): string | null =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;

/** A product as sent by a content script, checked field by field; null when it is not one. */
export function validateProduct(value: unknown): Product | null {
  if (!isRecord(value)) return null;
  const title = cleanText(value.title);
  const url = cleanText(value.url, 4000);
  if (!title || !url || !/^https?:\/\//.test(url) || !URL.canParse(url)) return null;
  let price: Product['price'] = null;
  if (isRecord(value.price)) {
    const { amount, currency } = value.price;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > 1e8) return null;
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return null;
    price = { amount, currency, ...(value.price.isRangeLowerBound === true ? { isRangeLowerBound: true } : {}) };
  } else if (value.price !== null && value.price !== undefined) return null;
  const category = Array.isArray(value.category)
    ? value.category
        .map((c) => cleanText(c, 200))
        .filter((c): c is string => c !== null)
        .slice(0, 12)
    : [];
  const gtin = cleanText(value.gtin, 14);
  return {
    title,
    url,
    price,
    brand: cleanText(value.brand, 200),
    category,
    gtin: gtin && /^\d{8,14}$/.test(gtin) ? gtin : null,
  };
}

/** Checks a message from an untrusted sender; returns it typed, or null to ignore it. */
export function validateMessage(value: unknown): Message | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'product-viewed': {
      const product = validateProduct(value.product);
      return product ? { type: 'product-viewed', product } : null;
    }
    case 'ledger-count':
      return { type: 'ledger-count' };
    default:
      return null;
  }
}
