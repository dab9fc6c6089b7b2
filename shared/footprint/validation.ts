// Cross-validation over products with published footprints (manufacturer reports via Boavizta,
// CDP reports via The Carbon Catalogue), described as a shop page would describe them. Each fold's
// products are removed from every lookup table and fit before they are estimated. Used by the
// validation test and to calibrate the ranges (`npm run factors`); not part of the extension.

import type { Product } from '../product.ts';
import { CALIBRATION, type Spread } from './data/calibration.ts';
import { DEVICES, type DeviceRow } from './data/devices.ts';
import { PUBLISHED, type PublishedRow } from './data/published.ts';
import { FootprintEstimator, type Tier } from './estimate.ts';

export type ValidationGroup = 'electronics' | 'other';

export interface Sample {
  group: ValidationGroup;
  /** What kind of product, for reporting ("laptop", "Furniture"). */
  kind: string;
  product: Product;
  publishedKgCO2e: number;
  device?: DeviceRow;
  publishedRow?: PublishedRow;
}

export interface Scored extends Sample {
  kgCO2e: number;
  low: number;
  high: number;
  tier: Tier;
  /**
   * How many times its tier's calibrated spread the estimate's range is (1 unless the estimate
   * widened it, e.g. for brand siblings that disagree): residuals are calibrated in these units.
   */
  scale: number;
}

const TRAILS: Record<string, string[]> = {
  laptop: ['Electronics', 'Computers', 'Laptops'],
  monitor: ['Electronics', 'Computers', 'Monitors'],
  desktop: ['Electronics', 'Computers', 'Desktop Computers'],
  phone: ['Electronics', 'Mobile Phones', 'Smartphones'],
  tablet: ['Electronics', 'Computers', 'Tablets'],
  printer: ['Electronics', 'Office Electronics', 'Printers'],
  'smart-home': ['Electronics', 'Smart Home'],
  streaming: ['Electronics', 'TV & Video', 'Streaming Media Players'],
  router: ['Electronics', 'Networking', 'Routers'],
  console: ['Electronics', 'Video Games', 'Consoles'],
};

/** Device types whose published footprints the electronics target is about. */
export const ELECTRONICS_TYPES = new Set(['laptop', 'monitor', 'desktop', 'phone', 'tablet', 'printer']);

export function validationSamples(
  devices: readonly DeviceRow[] = DEVICES,
  published: readonly PublishedRow[] = PUBLISHED,
): Sample[] {
  const samples: Sample[] = [];
  for (const row of devices) {
    const [brand, name, type, kg, screen, weight] = row;
    // A shop title names the brand and, for screens, the size.
    const hasSize = /\d\s*(?:-|\s)?(?:inch|in\b|"|”)/i.test(name);
    const title = `${name.toLowerCase().startsWith(brand.toLowerCase()) ? '' : `${brand} `}${name}${screen && !hasSize ? ` ${screen}"` : ''}`;
    samples.push({
      group: ELECTRONICS_TYPES.has(type) ? 'electronics' : 'other',
      kind: type,
      product: {
        title,
        price: null,
        brand,
        category: TRAILS[type] ?? ['Electronics'],
        gtin: null,
        url: row[10],
        weightKg: weight,
      },
      publishedKgCO2e: kg,
      device: row,
    });
  }
  for (const row of published) {
    samples.push({
      group: 'other',
      kind: row[3].split('>')[0]!.trim(),
      product: {
        title: row[1],
        price: null,
        brand: row[2],
        category: row[3].split('>').map((part) => part.trim()),
        gtin: null,
        url: '',
        weightKg: row[4],
      },
      publishedKgCO2e: row[5],
      publishedRow: row,
    });
  }
  return samples;
}

/** k-fold cross-validation: fold f holds out every k-th sample, from both tables. */
export function crossValidate(
  samples: Sample[] = validationSamples(),
  k = 10,
  calibration?: Record<Tier, Spread>,
): Scored[] {
  const scored: Scored[] = [];
  for (let fold = 0; fold < k; fold++) {
    const heldOut = samples.filter((_, i) => i % k === fold);
    const heldDevices = new Set(heldOut.map((s) => s.device).filter(Boolean));
    const heldPublished = new Set(heldOut.map((s) => s.publishedRow).filter(Boolean));
    const estimator = new FootprintEstimator({
      devices: samples.flatMap((s) => (s.device && !heldDevices.has(s.device) ? [s.device] : [])),
      published: samples.flatMap((s) => (s.publishedRow && !heldPublished.has(s.publishedRow) ? [s.publishedRow] : [])),
      calibration,
    });
    for (const sample of heldOut) {
      const estimate = estimator.estimate(sample.product);
      if (!estimate) continue;
      const tier = estimate.methods[0]!;
      const spread = (calibration ?? CALIBRATION)[tier];
      const ratio = Math.log(estimate.high / estimate.low) / (spread.q90 - spread.q10);
      const scale = Math.abs(ratio - 1) < 1e-9 ? 1 : ratio;
      scored.push({
        ...sample,
        kgCO2e: estimate.kgCO2e,
        low: estimate.low,
        high: estimate.high,
        tier,
        scale,
      });
    }
  }
  return scored;
}

export interface GroupFigures {
  group: string;
  n: number;
  /** Median of max(estimate/published, published/estimate). */
  medianRatioError: number;
  /** Share of published values inside low–high. */
  shareInside: number;
  /** Median of high/low. */
  medianRangeWidth: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function summarize(group: string, scored: Scored[]): GroupFigures {
  return {
    group,
    n: scored.length,
    medianRatioError: median(scored.map((s) => Math.exp(Math.abs(Math.log(s.kgCO2e / s.publishedKgCO2e))))),
    shareInside: scored.filter((s) => s.publishedKgCO2e >= s.low && s.publishedKgCO2e <= s.high).length / scored.length,
    medianRangeWidth: median(scored.map((s) => s.high / s.low)),
  };
}

// Calibration: the 80 % interval of log(published / estimated) per method tier, from k-fold
// cross-validation. Several passes, because the tiers' spreads also weight the combination of methods.

/**
 * Our assumed spreads (q10, q90 of log(published / estimated)) for each tier: used as they are for
 * tiers the published sample cannot calibrate (no prices in it, too few products), and as the prior
 * the calibrated quantiles are shrunk towards. Wide on purpose (EEIO sector averages vs product
 * footprints differ by ×3 either way). For `published-brand-weighed` the units are the estimate's
 * own scale (siblings that disagree widen it).
 */
export const ASSUMED_SPREADS: Record<Tier, [number, number]> = {
  'device-near': [-0.35, 0.35],
  'device-blend': [-0.4, 0.4],
  'device-regression': [-0.5, 0.5],
  'device-other': [-0.7, 0.7],
  'device-other-near': [-0.5, 0.5],
  'published-brand': [-0.6, 0.6],
  'published-brand-weighed': [-0.6, 0.6],
  'per-kg': [-0.9, 0.9],
  'per-kg-food': [-0.7, 0.7],
  'per-kg-typical-weight': [-1.2, 1.2],
  'typical-item': [-1, 1],
  spend: [-1.1, 1.1],
  'spend-unknown': [-1.6, 1.6],
};

/**
 * Tiers with fewer held-out products than this, or from fewer makers than MIN_CALIBRATION_BRANDS,
 * keep the assumed spread: six office printers of one maker say nothing about the typical-weight
 * method for food or clothing.
 */
export const MIN_CALIBRATION_SAMPLES = 5;
export const MIN_CALIBRATION_BRANDS = 3;
/**
 * The assumed spread counts as this many products: a tier's quantiles are
 * (n · measured + 5 · assumed) / (n + 5), so a tier of 9 products moves most of the way to what it
 * measured without one outlier setting its range, and a tier of 400 is what it measured.
 */
export const CALIBRATION_PRIOR_WEIGHT = 5;

const round3 = (value: number) => Number(value.toPrecision(3));

/** Spreads per tier from cross-validated residuals (in each estimate's own scale). */
export function fitSpreads(scored: Scored[]): Record<Tier, Spread> {
  const residuals = new Map<Tier, number[]>();
  const brands = new Map<Tier, Set<string>>();
  for (const s of scored) {
    const list = residuals.get(s.tier) ?? [];
    list.push(Math.log(s.publishedKgCO2e / s.kgCO2e) / s.scale);
    residuals.set(s.tier, list);
    const makers = brands.get(s.tier) ?? new Set<string>();
    makers.add((s.product.brand ?? '').toLowerCase());
    brands.set(s.tier, makers);
  }
  const spreads = {} as Record<Tier, Spread>;
  for (const tier of Object.keys(ASSUMED_SPREADS) as Tier[]) {
    const [assumed10, assumed90] = ASSUMED_SPREADS[tier];
    const values = (residuals.get(tier) ?? []).sort((a, b) => a - b);
    const n = values.length;
    if (n < MIN_CALIBRATION_SAMPLES || (brands.get(tier)?.size ?? 0) < MIN_CALIBRATION_BRANDS) {
      spreads[tier] = {
        q10: assumed10,
        q90: assumed90,
        n,
        note: 'our assumed spread for this method (too few published footprints to calibrate it)',
        assumed: true,
      };
      continue;
    }
    // Quantiles at position p (n + 1) (the Weibull estimator), which does not understate the tails of
    // small samples as the plain (n − 1) p position does.
    const at = (p: number) => {
      const position = Math.min(n, Math.max(1, p * (n + 1))) - 1;
      const lo = Math.floor(position);
      const hi = Math.min(lo + 1, n - 1);
      return values[lo]! + (values[hi]! - values[lo]!) * (position - lo);
    };
    const w = CALIBRATION_PRIOR_WEIGHT;
    spreads[tier] = {
      q10: round3((n * at(0.1) + w * assumed10) / (n + w)),
      q90: round3((n * at(0.9) + w * assumed90) / (n + w)),
      n,
      note:
        `80 % of ${n} held-out products with published footprints fell inside a range this wide around our estimate` +
        (tier === 'published-brand-weighed' ? ", widened where the brand's published products disagree" : '') +
        ` (10-fold cross-validation${n < 50 ? ', shrunk towards our assumed spread' : ''})`,
    };
  }
  return spreads;
}

/** Calibrated spreads from k-fold cross-validation over these samples, starting from the assumed ones. */
export function calibrate(samples: Sample[] = validationSamples(), k = 10, passes = 4): Record<Tier, Spread> {
  let spreads = Object.fromEntries(
    Object.entries(ASSUMED_SPREADS).map(([tier, [q10, q90]]) => [tier, { q10, q90, n: 0, note: 'prior' }]),
  ) as Record<Tier, Spread>;
  for (let pass = 1; pass <= passes; pass++) spreads = fitSpreads(crossValidate(samples, k, spreads));
  return spreads;
}

/**
 * Cross-validation with the calibration inside the folds: each fold's products are estimated with
 * spreads calibrated (by an inner cross-validation) on the other folds only, so not even a product's
 * own residual sets its range. Slower than `crossValidate` with the committed spreads, and stricter.
 */
export function nestedCrossValidate(samples: Sample[] = validationSamples(), k = 10, passes = 4): Scored[] {
  const scored: Scored[] = [];
  for (let fold = 0; fold < k; fold++) {
    const training = samples.filter((_, i) => i % k !== fold);
    const heldOut = samples.filter((_, i) => i % k === fold);
    const calibration = calibrate(training, k, passes);
    const estimator = new FootprintEstimator({
      devices: training.flatMap((s) => (s.device ? [s.device] : [])),
      published: training.flatMap((s) => (s.publishedRow ? [s.publishedRow] : [])),
      calibration,
    });
    for (const sample of heldOut) {
      const estimate = estimator.estimate(sample.product);
      if (!estimate) continue;
      const tier = estimate.methods[0]!;
      const spread = calibration[tier];
      const ratio = Math.log(estimate.high / estimate.low) / (spread.q90 - spread.q10);
      scored.push({
        ...sample,
        kgCO2e: estimate.kgCO2e,
        low: estimate.low,
        high: estimate.high,
        tier,
        scale: Math.abs(ratio - 1) < 1e-9 ? 1 : ratio,
      });
    }
  }
  return scored;
}
