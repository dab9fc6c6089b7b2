// The behaviour model behind `carbon-ledger simulate`: who the synthetic shoppers are, where and
// when they shop, what they look at, and how each study arm moves their choices. Numbers are
// plausible orders of magnitude, chosen so analyses have realistic shapes to find; they are not
// measurements of anyone.

import type { OverlayMode } from '../../shared/study/study.ts';

/** A product category: an id of our taxonomy, typical products and their footprint in kg CO2e. */
export interface SimCategory {
  id: string;
  /** How often shoppers browse it, relative to the others. */
  weight: number;
  /** Range of central estimates of single products, kg CO2e (spread log-uniformly). */
  kgRange: [number, number];
  /** Price of a product of median footprint, US dollars. */
  medianPriceUsd: number;
  nouns: readonly string[];
}

// Footprint ranges follow published product footprints of each kind (e.g. a T-shirt ~5-10 kg, a
// laptop ~200-400 kg, a fridge ~300-700 kg over its making); see docs/research.md.
export const CATEGORIES: readonly SimCategory[] = [
  {
    id: 'apparel',
    weight: 18,
    kgRange: [4, 45],
    medianPriceUsd: 35,
    nouns: ['T-shirt', 'jeans', 'hoodie', 'jacket', 'dress', 'sweater'],
  },
  {
    id: 'footwear',
    weight: 6,
    kgRange: [7, 30],
    medianPriceUsd: 80,
    nouns: ['trainers', 'boots', 'sandals', 'running shoes'],
  },
  {
    id: 'books',
    weight: 7,
    kgRange: [0.8, 3.5],
    medianPriceUsd: 15,
    nouns: ['paperback novel', 'cookbook', 'hardcover atlas', 'notebook'],
  },
  {
    id: 'toiletries',
    weight: 8,
    kgRange: [0.2, 3],
    medianPriceUsd: 8,
    nouns: ['shampoo', 'shower gel', 'toothpaste', 'sun cream'],
  },
  {
    id: 'snacks',
    weight: 5,
    kgRange: [0.2, 2.5],
    medianPriceUsd: 6,
    nouns: ['mixed nuts', 'dark chocolate', 'crisps', 'granola bars'],
  },
  {
    id: 'small-appliances',
    weight: 6,
    kgRange: [8, 90],
    medianPriceUsd: 60,
    nouns: ['electric kettle', 'toaster', 'blender', 'coffee maker', 'hair dryer'],
  },
  {
    id: 'audio-video',
    weight: 5,
    kgRange: [15, 600],
    medianPriceUsd: 150,
    nouns: ['headphones', 'bluetooth speaker', '43" TV', 'soundbar'],
  },
  {
    id: 'phones',
    weight: 3,
    kgRange: [35, 95],
    medianPriceUsd: 450,
    nouns: ['smartphone', 'phone 128 GB', 'phone 256 GB'],
  },
  {
    id: 'laptops-computers',
    weight: 2,
    kgRange: [150, 450],
    medianPriceUsd: 900,
    nouns: ['laptop 14"', 'laptop 16"', 'desktop PC', 'tablet'],
  },
  {
    id: 'major-appliances',
    weight: 1,
    kgRange: [250, 900],
    medianPriceUsd: 650,
    nouns: ['fridge-freezer', 'washing machine', 'dishwasher'],
  },
  {
    id: 'furniture',
    weight: 3,
    kgRange: [25, 300],
    medianPriceUsd: 200,
    nouns: ['bookcase', 'office chair', 'dining table', 'wardrobe'],
  },
  { id: 'mattresses', weight: 1, kgRange: [50, 160], medianPriceUsd: 350, nouns: ['foam mattress', 'spring mattress'] },
  { id: 'linen', weight: 4, kgRange: [4, 28], medianPriceUsd: 40, nouns: ['duvet cover', 'bath towels', 'bed sheet'] },
  {
    id: 'cookware',
    weight: 4,
    kgRange: [3, 30],
    medianPriceUsd: 35,
    nouns: ['frying pan', 'saucepan set', 'baking tray'],
  },
  {
    id: 'toys',
    weight: 6,
    kgRange: [1.5, 22],
    medianPriceUsd: 25,
    nouns: ['building blocks', 'board game', 'plush toy', 'puzzle'],
  },
  {
    id: 'sporting-goods',
    weight: 5,
    kgRange: [3, 90],
    medianPriceUsd: 60,
    nouns: ['yoga mat', 'dumbbells', 'tent', 'bike helmet'],
  },
  {
    id: 'lighting',
    weight: 3,
    kgRange: [1.5, 25],
    medianPriceUsd: 30,
    nouns: ['LED bulb pack', 'desk lamp', 'floor lamp'],
  },
  {
    id: 'bags-accessories',
    weight: 4,
    kgRange: [2, 25],
    medianPriceUsd: 45,
    nouns: ['backpack', 'handbag', 'wallet', 'belt'],
  },
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

/** A shop: its host and how its URLs name a product (so product ids look like the real ones). */
export interface SimShop {
  host: string;
  productId: (n: number) => string;
}

const padded = (n: number, width: number) => String(n).padStart(width, '0');
const asin = (n: number) => `B0${n.toString(36).toUpperCase().padStart(8, '0')}`;

/** Where shoppers live: a time zone, a currency and the shops they use (weights: relative use). */
export interface SimRegion {
  id: string;
  weight: number;
  timeZones: readonly string[];
  currency: string;
  /** Local currency per US dollar. */
  perUsd: number;
  shops: readonly { shop: SimShop; weight: number }[];
}

export const REGIONS: readonly SimRegion[] = [
  {
    id: 'de',
    weight: 3,
    timeZones: ['Europe/Berlin'],
    currency: 'EUR',
    perUsd: 0.92,
    shops: [
      { shop: { host: 'www.amazon.de', productId: asin }, weight: 6 },
      { shop: { host: 'www.otto.de', productId: (n) => `S0${padded(n, 7)}` }, weight: 2 },
      { shop: { host: 'www.zalando.de', productId: (n) => `ZA${padded(n, 7)}-A11` }, weight: 2 },
      { shop: { host: 'www.ebay.de', productId: (n) => padded(n + 1e11, 12) }, weight: 2 },
      { shop: { host: 'www.ikea.com', productId: (n) => padded(n, 8) }, weight: 1 },
    ],
  },
  {
    id: 'uk',
    weight: 2,
    timeZones: ['Europe/London'],
    currency: 'GBP',
    perUsd: 0.79,
    shops: [
      { shop: { host: 'www.amazon.co.uk', productId: asin }, weight: 6 },
      { shop: { host: 'www.ebay.co.uk', productId: (n) => padded(n + 2e11, 12) }, weight: 2 },
      { shop: { host: 'www.etsy.com', productId: (n) => padded(n + 1e9, 10) }, weight: 1 },
      { shop: { host: 'www.ikea.com', productId: (n) => padded(n, 8) }, weight: 1 },
    ],
  },
  {
    id: 'us',
    weight: 4,
    timeZones: ['America/New_York', 'America/Chicago', 'America/Los_Angeles'],
    currency: 'USD',
    perUsd: 1,
    shops: [
      { shop: { host: 'www.amazon.com', productId: asin }, weight: 7 },
      { shop: { host: 'www.walmart.com', productId: (n) => padded(n + 1e8, 9) }, weight: 3 },
      { shop: { host: 'www.target.com', productId: (n) => `A-${padded(n + 5e7, 8)}` }, weight: 2 },
      { shop: { host: 'www.bestbuy.com', productId: (n) => padded(n + 6e6, 7) }, weight: 1 },
      { shop: { host: 'www.etsy.com', productId: (n) => padded(n + 1e9, 10) }, weight: 1 },
      { shop: { host: 'www.ebay.com', productId: (n) => padded(n + 3e11, 12) }, weight: 2 },
    ],
  },
  {
    id: 'cn',
    weight: 2,
    timeZones: ['Asia/Shanghai'],
    currency: 'CNY',
    perUsd: 7.2,
    shops: [
      { shop: { host: 'item.jd.com', productId: (n) => padded(n + 1e11, 12) }, weight: 4 },
      { shop: { host: 'detail.tmall.com', productId: (n) => padded(n + 6e11, 12) }, weight: 3 },
      { shop: { host: 'item.taobao.com', productId: (n) => padded(n + 7e11, 12) }, weight: 3 },
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

/** Everyday low-carbon actions shoppers log by hand, with the grams the catalogue credits. */
export const ACTIONS: readonly { id: string; grams: number; weight: number }[] = [
  { id: 'decline-single-use-extras', grams: 52.7, weight: 5 },
  { id: 'recycled-shipping-box', grams: 37, weight: 3 },
  { id: 'consolidated-delivery', grams: 180, weight: 2 },
  { id: 'reusable-shopping-bag', grams: 25, weight: 3 },
  { id: 'slower-delivery', grams: 120, weight: 1 },
];

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
