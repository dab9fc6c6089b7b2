// Footprint estimation: what the background and the CLI import.
export { classifyProduct } from './classify.ts';
export { estimateFootprint, type FootprintEstimate } from './estimate.ts';
export { SOURCES, type Source } from './sources.ts';
