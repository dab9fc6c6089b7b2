// Cross-validation over products with published footprints (manufacturer reports via Boavizta,
// CDP reports via The Carbon Catalogue), described as a shop page would describe them. Each fold's
// products are removed from every lookup table and fit before they are estimated. Used by the
// validation test and to calibrate the ranges (`npm run factors`); not part of the extension.

import type { Product } from '../product.ts';
import type { Spread } from './data/calibration.ts';
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
      scored.push({
        ...sample,
        kgCO2e: estimate.kgCO2e,
        low: estimate.low,
        high: estimate.high,
        tier: estimate.methods[0]!,
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
