// The estimator's methods ("tiers"), each in a few plain English words, most precise first. Their
// German and Chinese names are in shared/i18n/footprint-texts.ts; the dashboard lists these.

import type { Tier } from './data/calibration.ts';

export const TIER_LABEL: Record<Tier, string> = {
  'published-same': "the maker's published footprint of this product",
  'device-near': 'published footprint of a near product',
  'device-blend': 'near products and regression over published footprints',
  'device-regression': 'regression over published footprints of the category',
  'device-other': 'near products with published footprints',
  'device-other-near': 'published footprint of a near product',
  'published-brand': 'published footprints of the same brand',
  'published-brand-weighed': 'published footprints of the same brand, scaled by weight',
  'per-kg': 'per-kg factor × weight',
  'per-kg-electric': 'published electronics footprints by weight',
  'per-kg-food': 'food per-kg factor × weight',
  'per-kg-typical-weight': 'per-kg factor × typical weight (assumed)',
  'typical-item': 'typical item (ADEME)',
  spend: 'spend-based (US EPA supply-chain factors)',
  'spend-unknown': 'spend-based, category unknown',
};
