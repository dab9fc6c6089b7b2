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
