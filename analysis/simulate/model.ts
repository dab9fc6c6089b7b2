// The behaviour model behind `carbon-ledger simulate`: who the synthetic shoppers are, where and
// when they shop, what they look at, and how each study arm moves their choices. Numbers are
// plausible orders of magnitude, chosen so analyses have realistic shapes to find; they are not
// measurements of anyone.

import type { OverlayMode } from '../../shared/study/study.ts';

/**
 * What shoppers browse: a category of the product taxonomy (shared/footprint/taxonomy.ts) with how
 * often, typical prices and the nouns of product titles. Footprints are not set here: every
 * product is estimated by the extension's own estimator from its title, price and shop country, so
 * its category, central estimate, range and method are what the extension would record.
 */
export interface SimCategory {
  /** A category id of the taxonomy; the test holds every one to it. */
  id: string;
  /** How often shoppers browse it, relative to the others. */
  weight: number;
  /** Price of a typical product, US dollars (prices spread log-normally around it). */
  medianPriceUsd: number;
  /** Title nouns, in words the taxonomy names this category by. */
  nouns: readonly string[];
}

export const SIM_CATEGORIES: readonly SimCategory[] = [
  { id: 't-shirts', weight: 7, medianPriceUsd: 20, nouns: ['T-shirt', 'crew neck T-shirt'] },
  { id: 'jeans', weight: 4, medianPriceUsd: 60, nouns: ['jeans', 'slim fit jeans'] },
  { id: 'hoodies', weight: 4, medianPriceUsd: 45, nouns: ['hoodie', 'sweatshirt'] },
  { id: 'jackets', weight: 3, medianPriceUsd: 90, nouns: ['rain jacket', 'jacket'] },
  { id: 'sneakers', weight: 6, medianPriceUsd: 80, nouns: ['sneakers', 'running trainers'] },
  { id: 'books', weight: 7, medianPriceUsd: 15, nouns: ['paperback book', 'hardcover book'] },
  { id: 'hair-care', weight: 5, medianPriceUsd: 8, nouns: ['shampoo', 'conditioner'] },
  { id: 'oral-care', weight: 3, medianPriceUsd: 5, nouns: ['toothpaste', 'bamboo toothbrush'] },
  { id: 'snacks', weight: 3, medianPriceUsd: 4, nouns: ['crisps', 'pretzels'] },
  { id: 'chocolate', weight: 2, medianPriceUsd: 5, nouns: ['dark chocolate', 'chocolate bar'] },
  { id: 'kettles', weight: 3, medianPriceUsd: 40, nouns: ['electric kettle'] },
  { id: 'kitchen-appliances', weight: 3, medianPriceUsd: 60, nouns: ['toaster', 'blender'] },
  { id: 'headphones', weight: 4, medianPriceUsd: 80, nouns: ['headphones', 'wireless earbuds'] },
  { id: 'speakers', weight: 2, medianPriceUsd: 120, nouns: ['bluetooth speaker', 'soundbar'] },
  { id: 'televisions', weight: 1, medianPriceUsd: 450, nouns: ['55 inch smart TV', '43 inch TV'] },
  { id: 'smartphones', weight: 3, medianPriceUsd: 450, nouns: ['smartphone 128 GB', 'smartphone 256 GB'] },
  { id: 'laptops', weight: 2, medianPriceUsd: 900, nouns: ['laptop 14 inch', 'laptop 16 inch'] },
  { id: 'washing-machines', weight: 1, medianPriceUsd: 600, nouns: ['washing machine 8 kg'] },
  { id: 'refrigerators', weight: 1, medianPriceUsd: 700, nouns: ['fridge freezer'] },
  { id: 'storage-furniture', weight: 2, medianPriceUsd: 150, nouns: ['bookcase', 'cabinet'] },
  { id: 'office-chairs', weight: 1, medianPriceUsd: 200, nouns: ['office chair'] },
  { id: 'mattresses', weight: 1, medianPriceUsd: 350, nouns: ['foam mattress', 'pocket spring mattress'] },
  { id: 'bedding', weight: 3, medianPriceUsd: 40, nouns: ['duvet cover', 'bedding set'] },
  { id: 'towels', weight: 2, medianPriceUsd: 25, nouns: ['bath towel', 'hand towel set'] },
  { id: 'cookware', weight: 3, medianPriceUsd: 35, nouns: ['frying pan', 'saucepan'] },
  { id: 'building-toys', weight: 3, medianPriceUsd: 40, nouns: ['building blocks set'] },
  { id: 'board-games', weight: 3, medianPriceUsd: 25, nouns: ['board game', 'jigsaw puzzle'] },
  { id: 'fitness', weight: 2, medianPriceUsd: 50, nouns: ['dumbbells', 'kettlebell'] },
  { id: 'camping', weight: 2, medianPriceUsd: 90, nouns: ['tent', 'sleeping bag'] },
  { id: 'lighting', weight: 2, medianPriceUsd: 35, nouns: ['desk lamp', 'floor lamp'] },
  { id: 'backpacks-luggage', weight: 2, medianPriceUsd: 50, nouns: ['backpack'] },
  { id: 'handbags', weight: 2, medianPriceUsd: 60, nouns: ['handbag', 'leather wallet'] },
];

export const ADJECTIVES = [
  'Classic',
  'Organic cotton',
  'Recycled',
  'Compact',
  'Premium',
  'Essential',
  'Eco',
  'Basic',
  'Pro',
  'Lightweight',
];
export const BRANDS = ['Northwind', 'Fabrikam', 'Contoso', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Wingtip'];

/**
 * A shop: its host and the address of its n-th product page, written as the shop writes them, so
 * the participant bundle's own code (shared/study/bundle.ts) cuts them to shop and product id.
 */
export interface SimShop {
  host: string;
  productUrl: (n: number) => string;
}

const padded = (n: number, width: number) => String(n).padStart(width, '0');
const asin = (n: number) => `B0${n.toString(36).toUpperCase().padStart(8, '0')}`;

/** Where shoppers live: a time zone, a currency and the shops they use (weights: relative use). */
export interface SimRegion {
  id: string;
  weight: number;
  /** ISO 3166 country of the region's shop sites (the estimate's use-phase grid). */
  country: string;
  timeZones: readonly string[];
  currency: string;
  /** Local currency per US dollar. */
  perUsd: number;
  shops: readonly { shop: SimShop; weight: number }[];
}

export const REGIONS: readonly SimRegion[] = [
  {
    id: 'de',
    country: 'DE',
    weight: 3,
    timeZones: ['Europe/Berlin'],
    currency: 'EUR',
    perUsd: 0.92,
    shops: [
      { shop: { host: 'www.amazon.de', productUrl: (n) => `https://www.amazon.de/dp/${asin(n)}` }, weight: 6 },
      {
        shop: { host: 'www.otto.de', productUrl: (n) => `https://www.otto.de/p/artikel-S0${padded(n, 7)}/` },
        weight: 2,
      },
      {
        shop: {
          host: 'www.zalando.de',
          productUrl: (n) => `https://www.zalando.de/artikel-ZA${padded(n, 7)}-A11.html`,
        },
        weight: 2,
      },
      {
        shop: { host: 'www.ebay.de', productUrl: (n) => `https://www.ebay.de/itm/${padded(n + 1e11, 12)}` },
        weight: 2,
      },
      {
        shop: {
          host: 'www.ikea.com',
          productUrl: (n) => `https://www.ikea.com/de/de/p/artikel-${padded(n + 1e7, 8)}/`,
        },
        weight: 1,
      },
    ],
  },
  {
    id: 'uk',
    country: 'GB',
    weight: 2,
    timeZones: ['Europe/London'],
    currency: 'GBP',
    perUsd: 0.79,
    shops: [
      { shop: { host: 'www.amazon.co.uk', productUrl: (n) => `https://www.amazon.co.uk/dp/${asin(n)}` }, weight: 6 },
      {
        shop: { host: 'www.ebay.co.uk', productUrl: (n) => `https://www.ebay.co.uk/itm/${padded(n + 2e11, 12)}` },
        weight: 2,
      },
      {
        shop: { host: 'www.etsy.com', productUrl: (n) => `https://www.etsy.com/listing/${padded(n + 1e9, 10)}` },
        weight: 1,
      },
      {
        shop: { host: 'www.ikea.com', productUrl: (n) => `https://www.ikea.com/gb/en/p/item-${padded(n + 1e7, 8)}/` },
        weight: 1,
      },
    ],
  },
  {
    id: 'us',
    country: 'US',
    weight: 4,
    timeZones: ['America/New_York', 'America/Chicago', 'America/Los_Angeles'],
    currency: 'USD',
    perUsd: 1,
    shops: [
      { shop: { host: 'www.amazon.com', productUrl: (n) => `https://www.amazon.com/dp/${asin(n)}` }, weight: 7 },
      {
        shop: { host: 'www.walmart.com', productUrl: (n) => `https://www.walmart.com/ip/${padded(n + 1e8, 9)}` },
        weight: 3,
      },
      {
        shop: { host: 'www.target.com', productUrl: (n) => `https://www.target.com/p/item/-/A-${padded(n + 5e7, 8)}` },
        weight: 2,
      },
      {
        shop: {
          host: 'www.bestbuy.com',
          productUrl: (n) => `https://www.bestbuy.com/site/item/${padded(n + 6e6, 7)}.p`,
        },
        weight: 1,
      },
      {
        shop: { host: 'www.etsy.com', productUrl: (n) => `https://www.etsy.com/listing/${padded(n + 1e9, 10)}` },
        weight: 1,
      },
      {
        shop: { host: 'www.ebay.com', productUrl: (n) => `https://www.ebay.com/itm/${padded(n + 3e11, 12)}` },
        weight: 2,
      },
    ],
  },
  {
    id: 'cn',
    country: 'CN',
    weight: 2,
    timeZones: ['Asia/Shanghai'],
    currency: 'CNY',
    perUsd: 7.2,
    shops: [
      {
        shop: { host: 'item.jd.com', productUrl: (n) => `https://item.jd.com/${padded(n + 1e11, 12)}.html` },
        weight: 4,
      },
      {
        shop: {
          host: 'detail.tmall.com',
          productUrl: (n) => `https://detail.tmall.com/item.htm?id=${padded(n + 6e11, 12)}`,
        },
        weight: 3,
      },
      {
        shop: {
          host: 'item.taobao.com',
          productUrl: (n) => `https://item.taobao.com/item.htm?id=${padded(n + 7e11, 12)}`,
        },
        weight: 3,
      },
    ],
  },
];

/** Relative shopping activity by day of the week, Monday first: weekends are busiest. */
export const WEEKDAY_ACTIVITY = [0.85, 0.85, 0.9, 0.95, 1.0, 1.4, 1.3] as const;

/** Hour-of-day weights for a session's start (0-23): lunch and evening peaks. */
export const HOUR_WEIGHTS = [
  0.2, 0.1, 0.05, 0.03, 0.03, 0.05, 0.2, 0.5, 0.8, 0.9, 1.0, 1.1, 1.6, 1.5, 1.0, 0.9, 0.9, 1.1, 1.4, 1.9, 2.3, 2.4, 1.8,
  0.9,
] as const;

/**
 * Everyday low-carbon actions shoppers log by hand: ids of the action catalogue
 * (shared/footprint/actions.ts), which also gives the grams each is credited with, and how often
 * each is logged relative to the others.
 */
export const ACTION_WEIGHTS: Readonly<Record<string, number>> = {
  'decline-single-use': 5,
  'recycled-carton': 3,
  'own-shopping-bag': 3,
  'reuse-shipping-box': 2,
  'consolidate-delivery': 2,
  'pickup-point-walk': 2,
  'slow-shipping-not-air': 1,
};

/**
 * How an arm's overlay moves behaviour, on the log-odds of a greener purchase. Labels alone help
 * a little; labels with a concrete greener alternative help more. Effects fade from `initial` to
 * `lasting` over the first weeks (novelty wears off).
 */
export interface ArmEffect {
  initial: number;
  lasting: number;
}

export const DEFAULT_EFFECTS: Record<OverlayMode, ArmEffect> = {
  none: { initial: 0, lasting: 0 },
  'no-alternatives': { initial: 0.5, lasting: 0.25 },
  full: { initial: 1.1, lasting: 0.6 },
};

/** Per-person and per-session rates of the model; `simulate --help` names the ones you can set. */
export const RATES = {
  /** Median chance of a shopping session on an ordinary weekday. */
  sessionChance: 0.6,
  /** Spread (sd of the log) of shoppers' activity around it. */
  activitySpread: 0.6,
  /** Products viewed per session: 1 + geometric(p). */
  viewContinue: 0.72,
  /** Chance a session ends in a purchase. */
  purchaseChance: 0.3,
  /** Base log-odds of choosing the greener option when buying, and its spread across people. */
  greenerLogOdds: -1.4,
  greenerSpread: 0.7,
  /** Chance a viewed product comes with greener alternatives to show. */
  hasAlternatives: 0.75,
  /** Chance a shown alternative is opened. */
  openAlternative: 0.2,
  /** Chance of dismissing the overlay on a product not bought (full arm). */
  dismiss: 0.08,
  /** Everyday actions logged per active day (Poisson-ish mean). */
  actionsPerDay: 0.12,
  /** Daily drop-out hazard, median across people; three times higher in the first week. */
  dropoutHazard: 0.0025,
} as const;
