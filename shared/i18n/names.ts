// Names in the shopper's language: categories, methods, countries.

import type { Tier } from '../footprint/data/calibration.ts';
import { CATEGORY_BY_ID, UNKNOWN } from '../footprint/taxonomy.ts';
import { TIER_LABEL } from '../footprint/tiers.ts';
import { CATEGORY_NAMES } from './categories.ts';
import { FOOTPRINT_TEXTS } from './footprint-texts.ts';
import type { Lang } from './format.ts';

export { countryName } from './footprint-texts.ts';

/** A category's name ("Tables", "Tische", "桌子"); the id itself for one we do not know. */
export function categoryName(id: string, lang: Lang): string {
  const english = (CATEGORY_BY_ID.get(id) ?? (id === UNKNOWN.id ? UNKNOWN : null))?.label;
  if (lang === 'en') return english ?? id;
  const names = CATEGORY_NAMES[id];
  return names ? names[lang === 'de' ? 0 : 1] : (english ?? id);
}

/** A method in a few plain words. */
export const tierName = (tier: Tier, lang: Lang): string =>
  lang === 'en' ? TIER_LABEL[tier] : FOOTPRINT_TEXTS[lang].tier[tier];

/** The methods of an estimate, most precise first, as one phrase. */
export const methodName = (tiers: readonly Tier[], lang: Lang): string =>
  tiers.map((tier) => tierName(tier, lang)).join(' + ');
