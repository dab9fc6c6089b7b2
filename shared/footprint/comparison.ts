// Everyday comparisons that make a footprint easier to picture. Each carries its source.

import type { CarComparison } from '../messages.ts';
import { PARCEL_KG_CO2E } from './data/delivery.ts';
import { SOURCES } from './sources.ts';

/**
 * Average car, kg CO2e per km: ADEME Impact CO2 prices a 30 km round trip to a shop by car as
 * the difference between its "shop, by car" and "shop, on foot" parcels (1 kg).
 */
export const CAR_KG_PER_KM = (PARCEL_KG_CO2E.magasin!['1']! - PARCEL_KG_CO2E['magasin-walk']!['1']!) / 30;

/** The distance an average car drives for the same emissions. */
export function carComparison(kgCO2e: number): CarComparison | null {
  if (!(kgCO2e > 0) || !(CAR_KG_PER_KM > 0)) return null;
  const { title, publisher, year, url } = SOURCES['ademe-impactco2-delivery'];
  return { km: kgCO2e / CAR_KG_PER_KM, kgPerKm: CAR_KG_PER_KM, source: { title, publisher, year, url } };
}
