// Greener alternatives to a product: lower-footprint items of the same category on the same page,
// second-hand or refurbished, a more efficient or lower-carbon-material variant, and low-carbon
// actions around the purchase. Ranked by kg CO2e avoided; every figure carries its sources.

import { FOOTPRINT_TEXTS, stepKg } from '../i18n/footprint-texts.ts';
import { formatKg, type Lang } from '../i18n/format.ts';
import type { Product } from '../product.ts';
import {
  ACTIONS,
  CLOTHING_REUSE_AVOIDED_SHARE,
  type LowCarbonAction,
  REFURBISHED_AVOIDED_SHARE,
  WOOD_REUSE_AVOIDED_SHARE,
} from './actions.ts';
import { POORE_NEMECEK_KG_PER_KG } from './data/food.ts';
import { TYPICAL_ITEMS } from './data/items.ts';
import { type EstimateOptions, estimateFootprint, type FootprintEstimate } from './estimate.ts';
import { SOURCES, type Source, type SourceId } from './sources.ts';
import { CATEGORY_BY_ID } from './taxonomy.ts';

export type AlternativeKind = 'on-page' | 'second-hand' | 'refurbished' | 'efficient' | 'material' | 'action';

export interface Alternative {
  kind: AlternativeKind;
  /** What to do or buy, in words. */
  title: string;
  avoidedKgCO2e: number;
  /** One line on why it saves what it saves. */
  reason: string;
  sources: Source[];
  /** For items on the page. */
  url?: string;
  /** For catalogue actions: the action id the ledger logs. */
  actionId?: string;
  /**
   * Whether the shopper can act on it from this page: an item on the page they can open (a
   * lower-footprint one, or a second-hand offer the shop lists). Only these are credited with kg
   * avoided when taken; the rest is advice ("buy it second-hand", "choose slow shipping") that the
   * shopper may pledge, or log by hand once done, but a click on it avoids nothing by itself.
   */
  actionable: boolean;
}

const src = (ids: readonly SourceId[]): Source[] => ids.map((id) => SOURCES[id]);
const kg = (value: number): string => formatKg(value, 'en');

/**
 * A more efficient model (two energy classes better) uses about a third less electricity. Our
 * assumption, from the spacing of EU energy-label classes; applied to the estimate's use phase.
 */
export const EFFICIENT_USE_SAVING_SHARE = 0.3;

/** On-page items must save at least this share of the product's estimate to be offered. */
export const MIN_ON_PAGE_SAVING_SHARE = 0.1;

// ADEME items where a lower-carbon material of the same garment or piece is published.
const MATERIAL_SWAPS: Record<string, { from: string; to: string; label: string }> = {
  sweaters: { from: 'pullenlaine', to: 'pullencotonrecycle', label: 'a recycled-cotton sweater instead of wool' },
  'dresses-skirts': { from: 'robeenpolyester', to: 'robeenviscose', label: 'a viscose dress instead of polyester' },
  jackets: {
    from: 'vesteimpermeable',
    to: 'vestesimilicuir',
    label: 'a faux-leather jacket instead of a waterproof shell',
  },
  'shirts-blouses': { from: 'chemiseencoton', to: 'chemiseenviscose', label: 'a viscose shirt instead of cotton' },
};

// Lower-carbon foods of the same use, per kg (Poore & Nemecek).
const FOOD_SWAPS: Record<string, { from: string; to: string; label: string }> = {
  beef: { from: 'Beef (beef herd)', to: 'Poultry Meat', label: 'chicken instead of beef' },
  pork: { from: 'Pig Meat', to: 'Tofu', label: 'tofu instead of pork' },
  poultry: { from: 'Poultry Meat', to: 'Tofu', label: 'tofu instead of chicken' },
  milk: { from: 'Milk', to: 'Soy milk', label: 'soy drink instead of cow’s milk' },
  cheese: { from: 'Cheese', to: 'Tofu', label: 'a plant-based alternative instead of cheese' },
};

const PURCHASE_ACTIONS = [
  'decline-single-use',
  'recycled-carton',
  'pickup-point-walk',
  'consolidate-delivery',
  'slow-shipping-not-air',
];

const actionAlternative = (action: LowCarbonAction, lang: Lang): Alternative => ({
  kind: 'action',
  title: action.label[lang],
  avoidedKgCO2e: action.gramsCO2e / 1000,
  reason: lang === 'en' ? action.basis : (FOOTPRINT_TEXTS[lang].actionBasis[action.id] ?? action.basis),
  sources: src(action.sources),
  actionId: action.id,
  // The page does not tell whether the shop offers this option for this order (no cutlery, a
  // recycled carton, slow shipping), so the shopper logs it by hand once done.
  actionable: false,
});

/**
 * Greener alternatives, most kg CO2e avoided first. `others` are the other items on the page.
 * Titles and reasons are in `lang` (English by default; the ledger records the English ones).
 */
export function greenerAlternatives(
  product: Product,
  estimate: FootprintEstimate,
  others: readonly Product[] = [],
  options: EstimateOptions = {},
  lang: Lang = 'en',
): Alternative[] {
  const alternatives: Alternative[] = [];
  const t = lang === 'en' ? null : FOOTPRINT_TEXTS[lang];
  const n = (value: number) => (lang === 'en' ? kg(value) : stepKg(value, lang));
  const pc = (share: number) => `${Math.round(share * 100)} %`;
  const category = CATEGORY_BY_ID.get(estimate.category);

  // 1. Lower-footprint items of the same category on the page (per kg for food, so pack sizes compare).
  if (estimate.category !== 'unknown') {
    for (const other of others) {
      if (other === product || (other.url && other.url === product.url)) continue;
      const otherEstimate = estimateFootprint(other, options);
      if (!otherEstimate || otherEstimate.category !== estimate.category) continue;
      const perKg = category?.group === 'food-drink' && estimate.weightKg && otherEstimate.weightKg;
      const avoided = perKg
        ? (estimate.kgCO2e / estimate.weightKg! - otherEstimate.kgCO2e / otherEstimate.weightKg!) * estimate.weightKg!
        : estimate.kgCO2e - otherEstimate.kgCO2e;
      // A difference of a few per cent is noise next to our ranges, not a greener choice.
      if (!(avoided >= MIN_ON_PAGE_SAVING_SHARE * estimate.kgCO2e)) continue;
      alternatives.push({
        kind: 'on-page',
        title: other.title,
        avoidedKgCO2e: avoided,
        reason: t
          ? t.onPageReason(n(otherEstimate.kgCO2e), n(estimate.kgCO2e), Boolean(perKg))
          : `Same category, estimated ${kg(otherEstimate.kgCO2e)} kg CO2e vs ${kg(estimate.kgCO2e)} kg${perKg ? ' (compared per kg)' : ''}`,
        sources: otherEstimate.sources,
        url: other.url,
        actionable: true,
      });
    }
  }

  const group = category?.group;
  // The estimate's condition also covers offers whose title names it ("(Renewed)", "二手").
  const used =
    estimate.condition === 'used' ||
    estimate.condition === 'refurbished' ||
    product.condition === 'used' ||
    product.condition === 'refurbished';
  const productionKg = estimate.breakdown.productKgCO2e - (estimate.breakdown.useKgCO2e ?? 0);
  // 2. Second-hand or refurbished.
  if (!used && (group === 'clothing' || group === 'shoes' || group === 'accessories')) {
    alternatives.push({
      kind: 'second-hand',
      title: t ? t.secondHand : 'Buy it second-hand instead of new',
      avoidedKgCO2e: productionKg * CLOTHING_REUSE_AVOIDED_SHARE,
      reason: t
        ? t.secondHandClothingReason(pc(CLOTHING_REUSE_AVOIDED_SHARE))
        : `Re-use avoids ${Math.round(CLOTHING_REUSE_AVOIDED_SHARE * 100)} % of making a new one (DESNZ re-use vs primary production)`,
      sources: src(['desnz-2025']),
      actionable: false,
    });
  } else if (!used && group === 'furniture') {
    alternatives.push({
      kind: 'second-hand',
      title: t ? t.secondHand : 'Buy it second-hand instead of new',
      avoidedKgCO2e: productionKg * WOOD_REUSE_AVOIDED_SHARE,
      reason: t
        ? t.secondHandFurnitureReason(pc(WOOD_REUSE_AVOIDED_SHARE))
        : `Re-used furniture avoids ${Math.round(WOOD_REUSE_AVOIDED_SHARE * 100)} % of making new (DESNZ wood re-use vs primary production)`,
      sources: src(['desnz-2025']),
      actionable: false,
    });
  } else if (!used && category?.electric) {
    alternatives.push({
      kind: 'refurbished',
      title: t ? t.refurbished : 'Buy it refurbished instead of new',
      avoidedKgCO2e: productionKg * REFURBISHED_AVOIDED_SHARE,
      reason: t
        ? t.refurbishedReason(pc(REFURBISHED_AVOIDED_SHARE))
        : `Refurbishing avoids about ${Math.round(REFURBISHED_AVOIDED_SHARE * 100)} % of making a new device (ADEME 2022; the use phase stays)`,
      sources: src(['ademe-refurbished-2022']),
      actionable: false,
    });
  }

  // 3. A more efficient class, for products whose use phase we estimated.
  const useKg = estimate.breakdown.useKgCO2e;
  if (useKg && useKg > 0 && category?.electric) {
    alternatives.push({
      kind: 'efficient',
      title: t ? t.efficient : 'Choose a model two energy classes more efficient',
      avoidedKgCO2e: useKg * EFFICIENT_USE_SAVING_SHARE,
      reason: t
        ? t.efficientReason(pc(EFFICIENT_USE_SAVING_SHARE), n(useKg))
        : `About ${Math.round(EFFICIENT_USE_SAVING_SHARE * 100)} % less electricity over its life (our assumption) of ${kg(useKg)} kg CO2e use phase`,
      sources: src(['ember-2025', 'carbon-ledger-assumption']),
      actionable: false,
    });
  }

  // 4. A lower-carbon material or food.
  const swap = MATERIAL_SWAPS[estimate.category];
  if (swap) {
    const from = TYPICAL_ITEMS[swap.from]!;
    const to = TYPICAL_ITEMS[swap.to]!;
    const share = 1 - to.kgMaking / from.kgMaking;
    if (share > 0)
      alternatives.push({
        kind: 'material',
        title: t ? (t.material[estimate.category] ?? `Choose ${swap.label}`) : `Choose ${swap.label}`,
        avoidedKgCO2e: productionKg * share,
        reason: t
          ? t.materialReason(pc(share), n(to.kgMaking), n(from.kgMaking))
          : `ADEME: making it emits ${Math.round(share * 100)} % less (${kg(to.kgMaking)} vs ${kg(from.kgMaking)} kg CO2e)`,
        sources: src(['ademe-impactco2']),
        actionable: false,
      });
  }
  const food = FOOD_SWAPS[estimate.category];
  if (food && estimate.weightKg) {
    const from = POORE_NEMECEK_KG_PER_KG[food.from]!.kgPerKg;
    const to = POORE_NEMECEK_KG_PER_KG[food.to]!.kgPerKg;
    alternatives.push({
      kind: 'material',
      title: t ? (t.food[estimate.category] ?? `Choose ${food.label}`) : `Choose ${food.label}`,
      avoidedKgCO2e: (from - to) * estimate.weightKg,
      reason: t
        ? t.foodReason(n(from), n(to), n(estimate.weightKg))
        : `Poore & Nemecek: ${from} vs ${to} kg CO2e per kg, for ${kg(estimate.weightKg)} kg`,
      sources: src(['poore-nemecek-2018']),
      actionable: false,
    });
  }

  // 5. Low-carbon actions around the purchase.
  for (const id of PURCHASE_ACTIONS) {
    const action = ACTIONS.find((a) => a.id === id);
    if (action) alternatives.push(actionAlternative(action, lang));
  }

  return alternatives.filter((alt) => alt.avoidedKgCO2e > 0).sort((x, y) => y.avoidedKgCO2e - x.avoidedKgCO2e);
}

/**
 * The titles an advice alternative (second-hand, refurbished, efficient, material) has in every
 * language, so the one a page reports back can be recognised whichever language it was shown in.
 */
export function adviceTitles(alternative: Alternative, category: string): string[] {
  const titles = [alternative.title];
  for (const t of Object.values(FOOTPRINT_TEXTS)) {
    const title =
      alternative.kind === 'second-hand'
        ? t.secondHand
        : alternative.kind === 'refurbished'
          ? t.refurbished
          : alternative.kind === 'efficient'
            ? t.efficient
            : alternative.kind === 'material'
              ? (t.material[category] ?? t.food[category])
              : undefined;
    if (title) titles.push(title);
  }
  return titles;
}
