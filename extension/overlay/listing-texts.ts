// What a listing badge says, and what the product badge says after a choice, worked out in the
// background: a listing page shows dozens of badges,
// and every message lookup and number formatting done there would be main-thread time on the
// shop's page. The background speaks the same browser language.

import { i18n } from '#i18n';
import type { Alternative } from '../../shared/footprint/alternatives.ts';
import type { LowestMark } from '../../shared/footprint/compare.ts';
import { categoryName } from '../../shared/i18n/names.ts';
import type { CarComparison, ListingEstimate, ListingTexts, ProductTexts } from '../../shared/messages.ts';
import { kgText, numberText, uiLang } from '../format.ts';

/**
 * The badge's text, its range (shown on hover) and the label a screen reader reads. `noPrice`: the
 * item shows no price, so its estimate rests on its title alone, and a listing badge says so.
 */
export function listingTexts(
  estimate: Pick<ListingEstimate, 'kgCO2e' | 'low' | 'high'>,
  noPrice = false,
): ListingTexts {
  const [kg, low, high] = [kgText(estimate.kgCO2e), kgText(estimate.low), kgText(estimate.high)];
  const badge = i18n.t('overlay.estimate', [kg]);
  const range = i18n.t('overlay.range', [low, high]);
  const label = i18n.t('overlay.listingLabel', [kg, low, high]);
  return noPrice
    ? {
        badge: `${badge} · ${i18n.t('overlay.noPriceShort')}`,
        range: `${range} · ${i18n.t('overlay.noPrice')}`,
        label: `${label}. ${i18n.t('overlay.noPriceMeaning')}`,
      }
    : { badge, range, label };
}

/** The product badge's figures as text: its estimate and range as a listing badge's, the car, the savings. */
export function productTexts(
  estimate: Pick<ListingEstimate, 'kgCO2e' | 'low' | 'high'>,
  car: CarComparison | null,
  alternatives: readonly Pick<Alternative, 'avoidedKgCO2e'>[],
): ProductTexts {
  return {
    ...listingTexts(estimate),
    car: car && i18n.t('overlay.carKm', [numberText(car.km, car.km < 10 ? 1 : 0)]),
    carSource:
      car && i18n.t('overlay.carSource', [numberText(car.kgPerKm, 3), `${car.source.publisher}, ${car.source.title}`]),
    saves: alternatives.map((alternative) => i18n.t('overlay.saves', [kgText(alternative.avoidedKgCO2e)])),
  };
}

/** The mark on the lowest-footprint items (what they were compared with, the listing says). */
export const lowestMarkText = (): string => `· ${i18n.t('overlay.lowest')}`;

/** What an item marked lowest was compared with: how many items of its category, on what basis. */
export const lowestAmongText = (mark: LowestMark, category: string): string =>
  i18n.t(
    mark.basis === 'kg' ? 'compare.lowestPerKg' : mark.basis === 'unit' ? 'compare.lowestPerUnit' : 'compare.lowest',
    [String(mark.among), categoryName(category, uiLang())],
  );

/** What the overlay says once a choice is recorded: credited, already credited, pledged, or not recorded. */
export function choiceTexts(
  answer: { logged: boolean; avoidedKgCO2e: number },
  greener: boolean,
  actionable: boolean,
): string {
  if (!answer.logged) return i18n.t('overlay.notRecorded');
  if (!greener) return i18n.t('overlay.recordedKept');
  if (!actionable) return i18n.t('overlay.recordedPledge');
  return answer.avoidedKgCO2e > 0
    ? i18n.t('overlay.recordedGreener', [kgText(answer.avoidedKgCO2e)])
    : i18n.t('overlay.recordedAlready');
}
