// The product model: what we read from a shop page, independent of the shop it came from.

export interface Money {
  /** The amount as shown to the shopper, in major units (euros, dollars, yuan). */
  amount: number;
  /** ISO 4217 code. */
  currency: string;
  /** True when the page showed a range and `amount` is its lower bound. */
  isRangeLowerBound?: boolean;
}

export type Condition = 'new' | 'used' | 'refurbished';

export interface Product {
  title: string;
  price: Money | null;
  brand: string | null;
  /** Category trail from the widest to the narrowest, as the shop shows it. */
  category: string[];
  /** A checksum-valid GTIN-8/12/13/14, or null. */
  gtin: string | null;
  sku?: string | null;
  url: string;
  availability?: string | null;
  image?: string | null;
  materials?: string[];
  weightKg?: number | null;
  /** Dimensions as the page lists them (e.g. length × width × height), converted to centimetres. */
  dimensionsCm?: number[] | null;
  /** EU energy-efficiency class as shown, e.g. "A+++" or "B". */
  energyClass?: string | null;
  condition?: Condition | null;
  /** ISO 3166-1 alpha-2 country of the shop site, when known. */
  country?: string | null;
  /** On a listing: the shop marks this item as an advertisement. */
  sponsored?: boolean;
  /** On a listing: a hidden template or placeholder item, not a real offer. */
  placeholder?: boolean;
}

export type PageKind = 'product' | 'listing' | 'other';

export interface PageExtraction {
  page: PageKind;
  products: Product[];
}

// --- What leaves a reading -------------------------------------------------------------------
// Every reader (the generic one and each shop's adapter) ends here, so a shop page cannot pass
// markup, control characters, links that run code or numbers that are not numbers to the overlay,
// the ledger or `carbon-ledger extract`, whichever reader it fooled. Most texts need nothing: one
// test each, and a product is copied only when something in it is rewritten.

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const ODD = /[<\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: tags and control characters are what this removes
const STRIP = /<\/?[a-z!?][^<>]*>?|[\u0000-\u001f\u007f]+/gi;
const WEB = /^https?:\/\/[^\s<>"]+$/i;

/** The text without markup or control characters, at most `max` characters; itself when it has none. */
function cleanText(text: string, max: number): string {
  const plain = ODD.test(text) ? text.replace(STRIP, ' ').replace(/\s+/g, ' ').trim() : text;
  return plain.length > max ? plain.slice(0, max).trimEnd() : plain;
}
/** An address resolved against the page (`//cdn…/a.jpg`, `/p/1`), when it is an http(s) one. */
function webAddress(address: string, base: string): string | null {
  try {
    const { href, protocol } = new URL(address, base);
    return (protocol === 'https:' || protocol === 'http:') && WEB.test(href) ? href : null;
  } catch {
    return null;
  }
}
const cleanList = (texts: string[], max: number) =>
  texts.every((t) => t.length <= max && !ODD.test(t)) ? texts : texts.map((t) => cleanText(t, max));
const measure = (value: number | null | undefined) =>
  value == null || (Number.isFinite(value) && value >= 0) ? value : null;

const TEXTS = [
  ['title', 500],
  ['brand', 200],
  ['sku', 200],
  ['availability', 200],
  ['energyClass', 20],
] as const;

/**
 * The product as it may leave a reading, or null when nothing of it is left to show (no title).
 * Texts lose markup and control characters and are bounded; a link is resolved against the page,
 * and one that is then not http(s) becomes the page's address (the product's) or nothing (its image); a price or size that is not a finite
 * number ≥ 0 is dropped. Returns the product itself when it needs none of this.
 */
export function cleanProduct(product: Product, pageUrl: string): Product | null {
  let copy: Record<string, unknown> | null = null;
  const set = (key: keyof Product, value: unknown) => {
    if (product[key] === value) return;
    copy ??= { ...product };
    copy[key] = value;
  };
  for (const [key, max] of TEXTS) {
    const text = product[key];
    if (typeof text === 'string') set(key, cleanText(text, max) || (key === 'title' ? '' : null));
  }
  if (!(copy ?? product).title) return null;
  set('category', cleanList(product.category.length > 20 ? product.category.slice(0, 20) : product.category, 200));
  if (product.materials) set('materials', cleanList(product.materials, 200));
  if (product.price && !(Number.isFinite(product.price.amount) && product.price.amount > 0)) set('price', null);
  if (!WEB.test(product.url)) set('url', webAddress(product.url, pageUrl) ?? (WEB.test(pageUrl) ? pageUrl : ''));
  if (product.image != null && !WEB.test(product.image)) set('image', webAddress(product.image, pageUrl));
  if (product.weightKg != null) set('weightKg', measure(product.weightKg));
  if (product.dimensionsCm?.some((d) => measure(d) === null)) set('dimensionsCm', null);
  return (copy as Product | null) ?? product;
}
