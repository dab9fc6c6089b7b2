// What a shop page's product and the alternatives it names are worth by our own reckoning: the
// page names them, the background estimates them, so a page cannot claim more than we would offer.
// Shared: the extension's background builds its events' product and alternative data with these,
// and `carbon-ledger simulate` builds a synthetic cohort's with the same functions.

import type { AlternativeSummary, ProductSummary } from '../events.ts';
import { adviceTitles } from '../footprint/alternatives.ts';
import { type Alternative, type FootprintEstimate, greenerAlternatives } from '../footprint/index.ts';
import type { Lang } from '../i18n/format.ts';
import type { OfferedAlternative } from '../messages.ts';
import type { Product } from '../product.ts';

export function productSummary(product: Product, estimate: FootprintEstimate | null): ProductSummary {
  return {
    title: product.title,
    url: product.url,
    price: product.price && { amount: product.price.amount, currency: product.price.currency },
    brand: product.brand,
    category: estimate?.category ?? null,
    kgCO2e: estimate?.kgCO2e ?? null,
    low: estimate?.low ?? null,
    high: estimate?.high ?? null,
    method: estimate?.method ?? null,
  };
}

/**
 * Our own alternative for each one a page names, or undefined: our alternatives for the product
 * are worked out once and each named one is looked up, so a page cannot claim more than we would
 * have offered. An item on the page is estimated here from what the page says about it.
 */
export function ourAlternatives(
  product: Product,
  estimate: FootprintEstimate | null,
  named: readonly OfferedAlternative[],
): (Alternative | undefined)[] {
  const others = named.flatMap((alternative) => (alternative.product ? [alternative.product] : []));
  const ours = estimate ? greenerAlternatives(product, estimate, others) : [];
  return named.map((alternative) =>
    ours.find(
      (offered) =>
        offered.kind === alternative.kind &&
        (alternative.kind === 'on-page'
          ? offered.url === alternative.product?.url
          : alternative.actionId
            ? offered.actionId === alternative.actionId
            : adviceTitles(offered, estimate?.category ?? '').includes(alternative.title)),
    ),
  );
}

/**
 * The alternatives a page reports, each with what it saves by our own reckoning (an unknown one
 * saves 0). This is what an alternative is worth, shown; what a choice is credited with is
 * decided in choices.ts.
 */
export function creditedAlternatives(
  product: Product,
  estimate: FootprintEstimate | null,
  named: readonly OfferedAlternative[],
): AlternativeSummary[] {
  const ours = ourAlternatives(product, estimate, named);
  return named.map((alternative, i) => alternativeSummary(alternative, ours[i]?.avoidedKgCO2e ?? 0));
}

export const alternativeSummary = (alternative: OfferedAlternative, avoidedKgCO2e: number): AlternativeSummary => ({
  kind: alternative.kind,
  title: alternative.title,
  url: alternative.url ?? null,
  avoidedKgCO2e: Math.max(0, Math.round(avoidedKgCO2e * 1000) / 1000),
});

/** The alternatives the product badge shows (a study arm may show none), worded in `lang`. */
export const alternativesShown = (
  product: Product,
  estimate: FootprintEstimate | null,
  full: boolean,
  lang: Lang = 'en',
): Alternative[] => (estimate && full ? greenerAlternatives(product, estimate, [], {}, lang).slice(0, 5) : []);
