// What one source (JSON-LD, microdata, Open Graph, a shop adapter, page heuristics) read about
// a product. Sources are merged field by field, the most trusted first.

import type { Product } from '../product.ts';

export type ProductFields = { [K in keyof Product]?: Product[K] | null };

/** Whether a field holds a value: null, empty text and empty lists do not count. */
export const hasValue = (value: unknown): boolean =>
  value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Fills each field from the first source that has it; empty lists and nulls do not count. */
export function mergeFields(...sources: (ProductFields | null | undefined)[]): ProductFields {
  const merged: ProductFields = {};
  for (const source of sources) {
    if (!source) continue;
    for (const key of Object.keys(source) as (keyof Product)[]) {
      const value = source[key];
      if (hasValue(value) && (merged[key] === undefined || merged[key] === null)) {
        (merged as Record<string, unknown>)[key] = value;
      }
    }
  }
  return merged;
}
