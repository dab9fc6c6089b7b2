// Method 6: delivery of the parcel, from ADEME's per-parcel figures by purchase mode and weight.

import { PARCEL_KG_CO2E } from './data/delivery.ts';

export type DeliveryMode = 'home' | 'pickup-point' | 'pickup-point-walk' | 'store-car' | 'store-walk' | 'click-collect';

const MODE_KEY: Record<DeliveryMode, string> = {
  home: 'livraisondomicile',
  'pickup-point': 'pointrelais',
  'pickup-point-walk': 'pointrelais-walk',
  'store-car': 'magasin',
  'store-walk': 'magasin-walk',
  'click-collect': 'clickcollect',
};

/** kg CO2e to get a parcel of `parcelKg` to the shopper, interpolated between ADEME's weights. */
export function deliveryKgCO2e(mode: DeliveryMode, parcelKg: number): number {
  const table = PARCEL_KG_CO2E[MODE_KEY[mode]]!;
  const points = Object.entries(table)
    .map(([kg, value]) => [Number(kg), value] as const)
    .sort((a, b) => a[0] - b[0]);
  const kg = Math.max(points[0]![0], Math.min(parcelKg, points.at(-1)![0]));
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (kg <= x1) return y0 + ((y1 - y0) * (kg - x0)) / (x1 - x0);
  }
  return points.at(-1)![1];
}
