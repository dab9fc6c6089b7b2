// What a greener choice on a shop page is credited with in the ledger: the saving the background
// worked out itself, only for an alternative the shopper can act on from the page, once per
// product, and within a cap per choice and per day. Pure, so the rules are tested on their own.

import { type ChoiceMadeEvent, localDay, MAX_AVOIDED_KG_PER_CHOICE } from '../events.ts';

// The cap per choice lives with the event format, so every way into the ledger (a click, an import,
// a restore, `validate`) holds it.
export { MAX_AVOIDED_KG_PER_CHOICE };

/**
 * The most a local day's choices are credited with together, kg CO2e: two of the largest choices
 * above. An average European's consumption of goods is a few tonnes of CO2e a year; avoiding more
 * than a tonne in one day by choices on shop pages is not credible, and a cap keeps a run of clicks
 * on a page built to inflate the ledger from reaching the large badges in a day.
 */
export const MAX_AVOIDED_KG_PER_DAY = 1000;

/** kg rounded to grams, the ledger's resolution. */
const grams = (kg: number): number => Math.round(kg * 1000) / 1000;

export interface CreditContext {
  /** What the background says the alternative saves (0 when unknown or not actionable), kg. */
  savingKgCO2e: number;
  /** Already credited for the same product by choices in earlier views, kg. */
  creditedForProductKgCO2e: number;
  /** Already credited by other choices on the same local day, kg. */
  creditedTodayKgCO2e: number;
}

/**
 * kg CO2e to credit: the saving (capped per choice), less what the product was already credited
 * (taking the same alternative again adds nothing; a better one adds the difference), within what
 * is left of the day's cap.
 */
export function creditedKg({ savingKgCO2e, creditedForProductKgCO2e, creditedTodayKgCO2e }: CreditContext): number {
  if (!(savingKgCO2e > 0)) return 0;
  const capped = Math.min(savingKgCO2e, MAX_AVOIDED_KG_PER_CHOICE);
  const fresh = capped - Math.max(0, creditedForProductKgCO2e);
  const roomToday = MAX_AVOIDED_KG_PER_DAY - Math.max(0, creditedTodayKgCO2e);
  return Math.max(0, grams(Math.min(fresh, roomToday)));
}

/**
 * The context of a new choice on `productUrl` at local day `today`, from the choices in the
 * ledger. `replacing` is the choice this one replaces (the same product view), left out of both sums.
 */
export function creditContext(
  choices: readonly ChoiceMadeEvent[],
  productUrl: string,
  today: string,
  savingKgCO2e: number,
  replacing: string | null,
): CreditContext {
  let creditedForProductKgCO2e = 0;
  let creditedTodayKgCO2e = 0;
  for (const choice of choices) {
    if (choice.id === replacing) continue;
    const kg = choice.data.avoidedKgCO2e;
    if (choice.data.product.url === productUrl) creditedForProductKgCO2e += kg;
    if (localDay(choice.at) === today) creditedTodayKgCO2e += kg;
  }
  return { savingKgCO2e, creditedForProductKgCO2e, creditedTodayKgCO2e };
}

/**
 * A pledge: a greener choice of advice the shopper could not act on from the page (anything but an
 * item on the page), recorded and credited nothing.
 */
export const isPledge = (choice: ChoiceMadeEvent): boolean =>
  choice.data.choice === 'greener' && choice.data.alternative?.kind !== 'on-page';
