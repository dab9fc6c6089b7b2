// Used and refurbished offers: their making already happened and is counted once, for the first
// owner. What buying one adds is what refurbishing adds (a documented share of a new one's making),
// then use and delivery as for a new one.

import type { Condition, Product } from '../product.ts';
import { fmt } from './candidates.ts';
import { MATERIAL_KG_PER_KG } from './data/materials.ts';
import { SOURCES, type Source } from './sources.ts';
import type { Category } from './taxonomy.ts';

/**
 * Share of a new product's making that a refurbished one adds (parts, testing, transport). ADEME
 * (2022) found a refurbished smartphone's climate impact per year of use 87 % below a new one's.
 */
export const REFURBISHED_MAKING_SHARE = 0.13;

/** Re-use (collection, sorting, resale) against primary production, as DESNZ counts it per material. */
const reuseShare = (material: string): number | null => {
  const row = Object.hasOwn(MATERIAL_KG_PER_KG, material) ? MATERIAL_KG_PER_KG[material] : undefined;
  return row?.reusedKgPerKg != null && row.kgPerKg > 0 ? row.reusedKgPerKg / row.kgPerKg : null;
};
/**
 * A used item sold as it is adds only its re-use: DESNZ's re-use factor of its material where there
 * is one (clothing 0.7 %, wood 14 %), else the clothing figure (our assumption: the handling of a
 * second-hand sale, without the making).
 */
export const USED_DEFAULT_SHARE = reuseShare('Clothing') ?? 0.01;

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

export interface ConditionShare {
  condition: Condition;
  /** Share of a new product's making that buying one in this condition counts. */
  share: number;
  /** Why, in words, for the steps. */
  how: string;
  sources: Source[];
}

const NEW: ConditionShare = { condition: 'new', share: 1, how: '', sources: [] };

/** How much of a new one's making an offer in this condition counts, for a product of this category. */
export function conditionShare(condition: Condition, category: Pick<Category, 'perKg'> | null): ConditionShare {
  if (condition === 'refurbished')
    return {
      condition,
      share: REFURBISHED_MAKING_SHARE,
      how: `refurbishing adds about ${Math.round(REFURBISHED_MAKING_SHARE * 100)} % of it (ADEME 2022)`,
      sources: [SOURCES['ademe-refurbished-2022']],
    };
  if (condition === 'used') {
    const material = category?.perKg?.table === 'desnz' ? category.perKg.key : null;
    const own = material ? reuseShare(material) : null;
    return own !== null
      ? {
          condition,
          share: own,
          how: `re-use adds ${percent(own)} of it (DESNZ re-use vs primary ${material!.toLowerCase()})`,
          sources: [SOURCES['desnz-2025']],
        }
      : {
          condition,
          share: USED_DEFAULT_SHARE,
          how: `re-use adds about ${percent(USED_DEFAULT_SHARE)} of it (DESNZ re-use of clothing; our assumption for other goods)`,
          sources: [SOURCES['desnz-2025'], SOURCES['carbon-ledger-assumption']],
        };
  }
  return NEW;
}

const percent = (share: number): string => `${share < 0.1 ? (share * 100).toFixed(1) : Math.round(share * 100)} %`;

/** The step that explains the condition's effect, for an estimate's steps. */
export function conditionStep(share: ConditionShare, newMakingKg: number): string {
  const name = share.condition === 'refurbished' ? 'Refurbished' : 'Used';
  return `${name}: its making (${fmt(newMakingKg)} kg new) was counted for its first owner; ${share.how} = ${fmt(newMakingKg * share.share)} kg`;
}
