// Footprint estimation. The first method is spend-based: the price in 2022 US dollars times
// the EPA supply-chain factor of the product's commodity.

import type { Product } from '../product.ts';
import { classifyProduct } from './classify.ts';
import { EEIO_KG_PER_USD2022 } from './data/eeio.ts';
import { toUsd2022 } from './money.ts';
import { SOURCES, type Source, type SourceId } from './sources.ts';

export interface FootprintEstimate {
  /** Central estimate, kg CO2e per item, cradle to point of sale. */
  kgCO2e: number;
  low: number;
  high: number;
  /** What `low`–`high` means, in words. */
  rangeMeaning: string;
  category: string;
  categoryLabel: string;
  confidence: number;
  method: string;
  steps: string[];
  sources: Source[];
}

// Spend-based factors average a whole industry; published per-product footprints of a
// commodity spread roughly ×2.5 either side of it. Until calibration lands, the range says so.
const SPEND_RANGE_FACTOR = 2.5;
const UNKNOWN_RANGE_FACTOR = 4;

/** Estimates a product's footprint, or null when nothing we know applies (no usable price). */
export function estimateFootprint(product: Product): FootprintEstimate | null {
  if (!product.price || !(product.price.amount > 0)) return null;
  const usd2022 = toUsd2022(product.price);
  if (usd2022 === null) return null;
  const { category, confidence } = classifyProduct(product);
  const factor = EEIO_KG_PER_USD2022[category.naics];
  if (!factor) return null;
  const kgCO2e = usd2022 * factor.kgPerUsd2022;
  const spread = category.id === 'unknown' ? UNKNOWN_RANGE_FACTOR : SPEND_RANGE_FACTOR;
  const sourceIds: SourceId[] = ['epa-supply-chain-v1.3', 'ecb-fx', 'bls-cpi-u'];
  return {
    kgCO2e,
    low: kgCO2e / spread,
    high: kgCO2e * spread,
    rangeMeaning: `rough range: ×${spread} either side of the spend-based estimate (not yet calibrated)`,
    category: category.id,
    categoryLabel: category.label,
    confidence,
    method: 'spend-based (US EPA supply-chain factors)',
    steps: [
      `Price ${product.price.amount} ${product.price.currency} ≈ ${usd2022.toFixed(2)} USD at 2022 prices`,
      `Category "${category.label}" → NAICS ${category.naics} ${factor.title}: ${factor.kgPerUsd2022} kg CO2e per USD`,
      `${usd2022.toFixed(2)} USD × ${factor.kgPerUsd2022} = ${kgCO2e.toFixed(1)} kg CO2e`,
    ],
    sources: sourceIds.map((id) => SOURCES[id]),
  };
}
