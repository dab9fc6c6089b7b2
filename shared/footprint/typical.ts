// Where a product sits among its kind: its estimate against the estimate of a typical product of
// its category (the category's typical item or weight, as the estimator takes it when a page says
// nothing else). Said only when the category is known with reasonable confidence and the typical
// figure lies outside the product's own range (or inside a narrow one); otherwise nothing.

import type { Product } from '../product.ts';
import { classifyProduct } from './classify.ts';
import type { Tier } from './data/calibration.ts';
import { estimateFootprint } from './estimate.ts';
import type { FootprintEstimate } from './result.ts';
import { CATEGORY_BY_ID } from './taxonomy.ts';

/** Where the product sits: below, about at, or above the typical product of its category. */
export type Position = 'lower' | 'same' | 'higher';

export interface AmongKind {
  position: Position;
  /** The category's id. */
  category: string;
  /** The typical product's estimate, kg CO2e. */
  typicalKgCO2e: number;
}

/** Below this classification confidence (title words alone, a brand hint) the category may be wrong. */
export const SURE_ENOUGH = 0.7;
/** "About the same" only from a range this narrow (high / low): a wider one says little either way. */
const NARROW = 2.5;
/** Methods that rest on the category alone: an estimate made of them only is the typical figure itself. */
const CATEGORY_ONLY: ReadonlySet<Tier> = new Set<Tier>([
  'typical-item',
  'per-kg-typical-weight',
  'device-regression',
  'device-other',
  'per-kg-electric',
  'spend-unknown',
]);

const TYPICAL = new Map<string, number | null>();

/**
 * The estimate of a typical product of a category: its name alone, no price, weight or brand (so
 * the typical item, or a per-kg factor × the typical weight, or a device model at the typical
 * weight). Null when the name does not classify back into the category or nothing applies.
 */
export function typicalKgOf(categoryId: string): number | null {
  if (TYPICAL.has(categoryId)) return TYPICAL.get(categoryId)!;
  const category = CATEGORY_BY_ID.get(categoryId);
  let kg: number | null = null;
  if (category && category.id !== 'unknown') {
    const name = category.words[0] ?? category.label;
    const typical: Product = {
      title: name,
      url: 'https://example.com/typical',
      price: null,
      brand: null,
      category: [category.label],
      gtin: null,
    };
    const estimate = estimateFootprint(typical);
    if (estimate && estimate.category === categoryId) kg = estimate.kgCO2e;
  }
  TYPICAL.set(categoryId, kg);
  return kg;
}

/** Where `product`, estimated as `estimate`, sits among its kind; null when that cannot be said honestly. */
export function amongKind(product: Product, estimate: FootprintEstimate): AmongKind | null {
  if (estimate.category === 'unknown') return null;
  // An estimate from the category alone is the typical figure: comparing it says nothing.
  if (estimate.weightAssumed && estimate.methods.every((tier) => CATEGORY_ONLY.has(tier))) return null;
  if (classifyProduct(product).confidence < SURE_ENOUGH) return null;
  const typical = typicalKgOf(estimate.category);
  if (typical === null || !(typical > 0)) return null;
  // Delivery is not part of the typical product: compare the product alone.
  const delivery = estimate.breakdown.deliveryKgCO2e ?? 0;
  const low = estimate.low - delivery;
  const high = estimate.high - delivery;
  const position: Position | null =
    typical > high ? 'lower' : typical < low ? 'higher' : high <= low * NARROW ? 'same' : null;
  return position && { position, category: estimate.category, typicalKgCO2e: typical };
}
