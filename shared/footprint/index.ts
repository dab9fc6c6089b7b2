// Footprint estimation: what the background and the CLI import. Pure and deterministic.
export { ACTIONS, type LowCarbonAction } from './actions.ts';
export { type Alternative, greenerAlternatives } from './alternatives.ts';
export { type Classification, classifyProduct } from './classify.ts';
export type { DeliveryMode } from './delivery.ts';
export {
  type EstimateOptions,
  estimateFootprint,
  type FootprintEstimate,
  FootprintEstimator,
  type Tier,
} from './estimate.ts';
export { parseQuantity, parseScreenInches } from './parse.ts';
export { SOURCES, type Source } from './sources.ts';
export { CATEGORIES, type Category } from './taxonomy.ts';
