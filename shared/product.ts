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
// the ledger or `carbon-ledger extract`, whichever reader it fooled. Most texts need nothing:
// one test each, and only an odd one is rewritten.

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const ODD = /[<\u0000-\u001f\u007f]/;
const TAG = /<\/?[a-z!?][^<>]*>?/gi;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const CONTROL = /[\u0000-\u001f\u007f]+/g;

function cleanText(text: string, maxChars: number): string {
  const plain = ODD.test(text) ? text.replace(TAG, ' ').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim() : text;
  return plain.length > maxChars ? plain.slice(0, maxChars).trimEnd() : plain;
}
const cleanOptional = (text: string | null | undefined, maxChars: number) =>
  typeof text === 'string' ? cleanText(text, maxChars) || null : text;
const webAddress = (address: string | null | undefined): boolean =>
  typeof address === 'string' && /^https?:\/\/[^\s<>"]+$/i.test(address);
const finiteOrNull = (value: number | null | undefined) =>
  typeof value === 'number' && !(Number.isFinite(value) && value >= 0) ? null : value;

const fine = (text: string | null | undefined, maxChars: number) =>
  text == null || (text.length <= maxChars && !ODD.test(text));
const fineNumber = (value: number | null | undefined) => value == null || (Number.isFinite(value) && value >= 0);

/** True for nearly every product: nothing to rewrite, so the reading allocates nothing more. */
function isClean(p: Product): boolean {
  return (
    fine(p.title, 500) &&
    p.title.trim() !== '' &&
    fine(p.brand, 200) &&
    p.category.length <= 20 &&
    p.category.every((c) => fine(c, 200)) &&
    webAddress(p.url) &&
    (p.image == null || webAddress(p.image)) &&
    (p.price === null || (Number.isFinite(p.price.amount) && p.price.amount > 0)) &&
    (p.materials ?? []).every((m) => fine(m, 200)) &&
    fine(p.sku, 200) &&
    fine(p.availability, 200) &&
    fine(p.energyClass, 20) &&
    fineNumber(p.weightKg) &&
    (p.dimensionsCm ?? []).every(fineNumber)
  );
}

/**
 * The product as it may leave a reading, or null when nothing of it is left to show (no title).
 * Texts lose markup and control characters and are bounded; a link that is not http(s) becomes the
 * page's address (the product's) or nothing (its image); a price or size that is not a finite
 * number ≥ 0 is dropped.
 */
export function cleanProduct(product: Product, pageUrl: string): Product | null {
  if (isClean(product)) return product;
  const title = cleanText(product.title, 500);
  if (!title) return null;
  const price =
    product.price && Number.isFinite(product.price.amount) && product.price.amount > 0 ? product.price : null;
  const clean: Product = {
    ...product,
    title,
    price,
    brand: cleanOptional(product.brand, 200) ?? null,
    category: product.category.slice(0, 20).map((c) => cleanText(c, 200)),
    url: webAddress(product.url) ? product.url : webAddress(pageUrl) ? pageUrl : '',
  };
  if (product.image !== undefined) clean.image = webAddress(product.image) ? product.image : null;
  if (product.materials) clean.materials = product.materials.map((m) => cleanText(m, 200));
  if (product.sku !== undefined) clean.sku = cleanOptional(product.sku, 200);
  if (product.availability !== undefined) clean.availability = cleanOptional(product.availability, 200);
  if (product.energyClass !== undefined) clean.energyClass = cleanOptional(product.energyClass, 20);
  if (product.weightKg !== undefined) clean.weightKg = finiteOrNull(product.weightKg);
  if (product.dimensionsCm)
    clean.dimensionsCm = product.dimensionsCm.every((d) => Number.isFinite(d) && d >= 0) ? product.dimensionsCm : null;
  return clean;
}
