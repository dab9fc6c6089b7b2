// Where a product sits among its kind, as the badge says it: "lower than typical for kettles".
// Made in the background (the estimator and its tables stay out of the content script), in the
// shopper's language; null when it cannot be said honestly (shared/footprint/typical.ts).

import { i18n } from '#i18n';
import type { FootprintEstimate } from '../../../shared/footprint/estimate.ts';
import { amongKind } from '../../../shared/footprint/typical.ts';
import type { Lang } from '../../../shared/i18n/format.ts';
import { categoryName } from '../../../shared/i18n/names.ts';
import type { Product } from '../../../shared/product.ts';

/**
 * A category's name inside an English sentence: "kettles", but "TVs" and "VR headsets" as written.
 * German nouns keep their capital; Chinese has none.
 */
const nameInSentence = (name: string, lang: Lang): string =>
  lang === 'en' && /^[A-Z][a-z]/.test(name) ? `${name[0]!.toLowerCase()}${name.slice(1)}` : name;

/** "lower than typical for kettles", "etwa üblich für Wasserkocher", "低于电水壶的典型水平", or null. */
export function amongKindText(product: Product, estimate: FootprintEstimate, lang: Lang): string | null {
  const among = amongKind(product, estimate);
  if (!among) return null;
  const name = nameInSentence(categoryName(among.category, lang), lang);
  if (among.position === 'lower') return i18n.t('kind.lower', [name]);
  if (among.position === 'higher') return i18n.t('kind.higher', [name]);
  return i18n.t('kind.same', [name]);
}
