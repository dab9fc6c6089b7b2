// Used and refurbished offers: their making already happened and is counted once, for the first
// owner. What buying one adds is what refurbishing adds (a documented share of a new one's making),
// then use and delivery as for a new one.

import type { Condition, Product } from '../product.ts';
import { SOURCES, type Source } from './sources.ts';

/**
 * Share of a new product's making that a refurbished one adds (parts, testing, transport). ADEME
 * (2022) found a refurbished smartphone's climate impact per year of use 87 % below a new one's.
 */
export const REFURBISHED_MAKING_SHARE = 0.13;
/** A used item sold as it is adds no making: it was made for its first owner. */
export const USED_MAKING_SHARE = 0;

// Title words that mark an offer as second-hand. "Used" alone is too common in titles ("can be used
// for…"), so it counts only where shops put a condition: first, in brackets, or after a dash at the end.
const REFURBISHED_WORDS =
  /\b(?:refurbished|renewed|generalüberholt|reconditioned|wiederaufbereitet|reconditionné|reacondicionado|ricondizionato)\b|翻新|官翻/i;
const USED_WORDS =
  /^(?:used|pre-owned|gebraucht)\b|[([](?:used|pre-owned|gebraucht)[^)\]]*[)\]]|[-–|]\s*(?:used|gebraucht)\s*$|\bpre-owned\b|\bsecond[- ]hand\b|二手|闲置/i;

/** The condition a title names ("(Renewed)", "generalüberholt", "二手"), or null. */
export function conditionInTitle(title: string): Condition | null {
  if (REFURBISHED_WORDS.test(title)) return 'refurbished';
  if (USED_WORDS.test(title)) return 'used';
  return null;
}

/** The offer's condition: as the page marks it, else as its title names it, else new. */
export const conditionOf = (product: Pick<Product, 'title' | 'condition'>): Condition =>
  product.condition ?? conditionInTitle(product.title ?? '') ?? 'new';

/** The share of a new product's making that buying one in this condition counts. */
export const makingShareOf = (condition: Condition): number =>
  condition === 'refurbished' ? REFURBISHED_MAKING_SHARE : condition === 'used' ? USED_MAKING_SHARE : 1;

/** The step that explains the condition's effect, for an estimate's steps. */
export function conditionStep(condition: Condition, newMakingKg: number, countedKg: number): string {
  const kg = (value: number) => (value >= 10 ? value.toFixed(0) : value.toPrecision(2));
  return condition === 'refurbished'
    ? `Refurbished: its making (${kg(newMakingKg)} kg new) was counted for its first owner; refurbishing adds about ${Math.round(REFURBISHED_MAKING_SHARE * 100)} % of it (ADEME 2022) = ${kg(countedKg)} kg`
    : `Used: its making (${kg(newMakingKg)} kg new) was counted for its first owner; none is counted again`;
}

/** Sources behind the condition step. */
export const conditionSources = (condition: Condition): Source[] =>
  condition === 'refurbished'
    ? [SOURCES['ademe-refurbished-2022']]
    : condition === 'used'
      ? [SOURCES['carbon-ledger-assumption']]
      : [];
