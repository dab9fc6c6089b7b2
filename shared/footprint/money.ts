// Converts a shop price into 2022 US dollars, the price basis of the EPA supply-chain factors:
// exchange at the latest complete year's average rate, then deflate with US CPI-U.

import type { Money } from '../product.ts';
import { FX_UNITS_PER_USD, US_CPI_U } from './data/money.ts';

const latestYear = (byYear: Record<string, number>): string | undefined => Object.keys(byYear).sort().at(-1);

/** The year whose prices we assume a shop price is in: the latest year with a full CPI. */
export const PRICE_YEAR = latestYear(US_CPI_U) ?? '2024';

// Per currency, the exchange rate and the CPI step used: they depend only on the tables.
const RATES = new Map<string, { unitsPerUsd: number; cpiThen: number; cpi2022: number } | null>();

function ratesFor(currency: string): { unitsPerUsd: number; cpiThen: number; cpi2022: number } | null {
  let found = RATES.get(currency);
  if (found !== undefined) return found;
  found = null;
  const rates = Object.hasOwn(FX_UNITS_PER_USD, currency) ? FX_UNITS_PER_USD[currency] : undefined;
  if (rates) {
    const fxYear = rates[PRICE_YEAR] !== undefined ? PRICE_YEAR : latestYear(rates);
    const unitsPerUsd = fxYear ? rates[fxYear] : undefined;
    const cpiThen = US_CPI_U[PRICE_YEAR];
    const cpi2022 = US_CPI_U['2022'];
    if (unitsPerUsd && cpiThen && cpi2022) found = { unitsPerUsd, cpiThen, cpi2022 };
  }
  if (RATES.size < 512) RATES.set(currency, found);
  return found;
}

/** The price in 2022 US dollars, or null when its currency is not in our tables. */
export function toUsd2022(price: Money): number | null {
  const rates = ratesFor(price.currency);
  if (!rates) return null;
  return (price.amount / rates.unitsPerUsd) * (rates.cpi2022 / rates.cpiThen);
}
