// The one message protocol between content scripts, the background and extension pages.
// Messages from content scripts come from someone else's page, so the background validates
// every field before it acts on one.

import { CHOICES, type Choice } from './events.ts';
import type { Alternative } from './footprint/alternatives.ts';
import type { ComparableItem } from './footprint/compare.ts';
import type { FootprintEstimate } from './footprint/estimate.ts';
import type { Product } from './product.ts';

/** An alternative as a content script reports it; the background recomputes what it saves. */
export interface OfferedAlternative {
  kind: string;
  title: string;
  url?: string | null;
  /** For an item on the same page: the product, so its footprint can be estimated. */
  product?: Product | null;
  /** For an everyday action offered around the purchase: its catalogue id. */
  actionId?: string | null;
}

/** Everyday comparison for an estimate: the same emissions as driving this far in an average car. */
export interface CarComparison {
  km: number;
  kgPerKm: number;
  source: { title: string; publisher: string; year: number; url: string };
}

/** What the overlay needs for a product page. `hidden` when the shopper switched the overlay off here. */
export interface ProductFootprint {
  estimate: FootprintEstimate | null;
  alternatives: Alternative[];
  car: CarComparison | null;
  hidden: boolean;
  /** What the estimate counts, in the shopper's language (made in the background, like listing texts). */
  counts?: CountsTexts | null;
  /** The badge's figures as text, numbers formatted (null without an estimate). */
  texts?: ProductTexts | null;
}

/**
 * The product badge's texts that hold a figure, made in the background in the browser's language,
 * so the content script carries no number formatting.
 */
export interface ProductTexts extends ListingTexts {
  /** "like driving 24 km" (null without a car comparison). */
  car: string | null;
  /** Where the car comparison's factor comes from, with the factor (null without one). */
  carSource: string | null;
  /** What each alternative saves, in the order of `alternatives`. */
  saves: string[];
}

/** "refurbished · making and using", and making and using apart (null when use is not counted). */
export interface CountsTexts {
  label: string;
  split: string | null;
  /** Where the product sits among its kind ("lower than typical for kettles"), or null when that cannot be said. */
  kind?: string | null;
}

/**
 * A listing item's estimate: the figures only, for a small badge, and what the badge says. What the
 * "lowest" comparison needs (category, pack size: ComparableItem) the content script keeps and sends
 * back with the listing's next items, so the background compares every badge on the page.
 */
export interface ListingEstimate extends ComparableItem {
  low: number;
  high: number;
  texts: ListingTexts;
}

/** A listing badge's texts in the browser's language, numbers formatted (saying so where the item shows no price). */
export interface ListingTexts {
  /** "≈ 4.2 kg CO₂e" */
  badge: string;
  /** The range, shown on hover. */
  range: string;
  /** The whole statement, for screen readers. */
  label: string;
}

/** What the background says after a logging request. */
export interface Logged {
  logged: boolean;
}

export interface ProtocolMap {
  /** A content script read a product: estimate it and record the view. */
  'product-viewed': { request: { product: Product }; response: ProductFootprint };
  /**
   * A content script read a product while its page was still loading: estimate it, record nothing.
   * The view is recorded by the 'product-viewed' the script sends once the page is complete.
   */
  'product-estimate': { request: { product: Product }; response: ProductFootprint };
  /** A content script read a listing: estimate every item (not logged: a listing is not a product viewed). */
  'listing-viewed': {
    /**
     * The items in page order; one that is not a product reaches the handler as null and gets no
     * estimate. `earlier`: the estimates of the items already badged on the page, to compare with
     * (one that is not well-formed reaches the handler as null and is compared with nothing).
     */
    request: { items: (Product | null)[]; earlier?: (ComparableItem | null)[] };
    response: {
      estimates: (ListingEstimate | null)[];
      hidden: boolean;
      /**
       * The mark on the lowest-footprint items (absent when hidden), and for each of `earlier` then
       * each of `items` what it is marked lowest among ('' for no mark), said on hover.
       */
      lowest?: { mark: string; among: string[] };
    };
  };
  /** Sent as a shop page starts loading, so the background is awake and ready when the product is read. */
  'warm-up': { request: object; response: { ready: boolean } };
  /** The shopper switched the overlay off on this shop (the sender's site, never one named in the message). */
  'hide-on-site': { request: object; response: { hidden: boolean } };
  /**
   * The shopper opened the badge and saw its greener alternatives. Which ones the background knows
   * (it chose them), so the page names none; logged once per product view.
   */
  'alternatives-shown': { request: { product: Product }; response: Logged };
  /** The shopper opened one of them. */
  'alternative-opened': { request: { product: Product; alternative: OfferedAlternative }; response: Logged };
  /** The shopper chose: took the greener option, kept this one, or said it is not relevant. */
  'choice-made': {
    request: { product: Product; choice: Choice; alternative: OfferedAlternative | null };
    /** `said`: what the overlay tells the shopper, in their language (worked out in the background). */
    response: Logged & { avoidedKgCO2e: number; said: string };
  };
  /**
   * The shopper clicked one of our own sources in the overlay: the background opens the
   * extension's methods page in a new tab (a shop page may not open an extension page itself).
   */
  'open-methods': { request: object; response: { opened: boolean } };
  /** The shopper marked the product as bought. */
  'purchase-marked': { request: { product: Product }; response: Logged };
  /** Extension pages and tests: how many events the ledger holds. */
  'ledger-count': { request: object; response: { events: number } };
}

export type MessageType = keyof ProtocolMap;
export type MessageOf<T extends MessageType> = { type: T } & ProtocolMap[T]['request'];
/** Any message: a union discriminated by `type`. */
export type Message = { [T in MessageType]: MessageOf<T> }[MessageType];
export type Response<T extends MessageType> = ProtocolMap[T]['response'];

const MAX_TEXT = 1000;
/** More items than any listing page shows at once; the overlay sends new items in batches. */
export const MAX_LISTING_ITEMS = 200;
/** More badges than a listing page shows however far it is scrolled: what the "lowest" mark compares. */
const MAX_COMPARED = 5000;

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
    ...optionalFields(value),
  };
}

const CONDITIONS: readonly NonNullable<Product['condition']>[] = ['new', 'used', 'refurbished'];

/** The optional product fields the estimator uses, each kept only when well-formed. */
function optionalFields(value: Record<string, unknown>): Partial<Product> {
  const fields: Partial<Product> = {};
  if (Array.isArray(value.materials)) {
    fields.materials = value.materials
      .map((m) => cleanText(m, 100))
      .filter((m): m is string => m !== null)
      .slice(0, 10);
  }
  const { weightKg, energyClass, condition, country } = value;
  if (typeof weightKg === 'number' && Number.isFinite(weightKg) && weightKg > 0 && weightKg < 100_000) {
    fields.weightKg = weightKg;
  }
  if (typeof energyClass === 'string' && /^[A-G]\+{0,3}$/.test(energyClass)) fields.energyClass = energyClass;
  const knownCondition = CONDITIONS.find((c) => c === condition);
  if (knownCondition) fields.condition = knownCondition;
  if (typeof country === 'string' && /^[A-Z]{2}$/.test(country)) fields.country = country;
  return fields;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** An item to compare as a content script sends it back (what the background gave it), or null. */
function validateCompared(value: unknown): ComparableItem | null {
  if (!isRecord(value)) return null;
  const { category, kgCO2e, netKg, count } = value;
  if (typeof category !== 'string' || !/^[a-z0-9-]{1,80}$/.test(category)) return null;
  if (!finite(kgCO2e) || kgCO2e < 0 || !finite(count) || count < 1) return null;
  if (netKg !== null && (!finite(netKg) || netKg <= 0)) return null;
  return { category, kgCO2e, netKg, count };
}

function validateAlternative(value: unknown): OfferedAlternative | null {
  if (!isRecord(value)) return null;
  const kind = cleanText(value.kind, 50);
  const title = cleanText(value.title);
  const url = value.url === null || value.url === undefined ? null : cleanText(value.url, 4000);
  if (!kind || !/^[a-z-]+$/.test(kind) || !title) return null;
  if (url !== null && (!/^https?:\/\//.test(url) || !URL.canParse(url))) return null;
  const product = value.product === null || value.product === undefined ? null : validateProduct(value.product);
  if (value.product && !product) return null;
  const actionId =
    typeof value.actionId === 'string' && /^[a-z0-9-]{1,60}$/.test(value.actionId) ? value.actionId : null;
  return { kind, title, url, product, actionId };
}

/** Checks a message from an untrusted sender; returns it typed, or null to ignore it. */
export function validateMessage(value: unknown): Message | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'product-viewed':
    case 'product-estimate': {
      const product = validateProduct(value.product);
      return product ? { type: value.type, product } : null;
    }
    case 'listing-viewed': {
      if (!Array.isArray(value.items) || value.items.length > MAX_LISTING_ITEMS) return null;
      // One malformed item must not cost the page every other badge: it alone gets none.
      const earlier = value.earlier ?? [];
      if (!Array.isArray(earlier) || earlier.length > MAX_COMPARED) return null;
      return {
        type: 'listing-viewed',
        items: value.items.map(validateProduct),
        earlier: earlier.map(validateCompared),
      };
    }
    case 'hide-on-site':
      return { type: 'hide-on-site' };
    case 'warm-up':
      return { type: 'warm-up' };
    case 'open-methods':
      return { type: 'open-methods' };
    case 'alternatives-shown': {
      const product = validateProduct(value.product);
      return product ? { type: 'alternatives-shown', product } : null;
    }
    case 'alternative-opened': {
      const product = validateProduct(value.product);
      const alternative = validateAlternative(value.alternative);
      return product && alternative ? { type: 'alternative-opened', product, alternative } : null;
    }
    case 'choice-made': {
      const product = validateProduct(value.product);
      const choice = CHOICES.find((c) => c === value.choice);
      const alternative =
        value.alternative === null || value.alternative === undefined ? null : validateAlternative(value.alternative);
      if (!product || !choice || (value.alternative && !alternative)) return null;
      return { type: 'choice-made', product, choice, alternative };
    }
    case 'purchase-marked': {
      const product = validateProduct(value.product);
      return product ? { type: 'purchase-marked', product } : null;
    }
    case 'ledger-count':
      return { type: 'ledger-count' };
    default:
      return null;
  }
}
