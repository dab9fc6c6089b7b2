// Every chart of the toolkit: functions from a table to an element.

export { armComparisonPlot } from './arm-comparison.ts';
export { cumulativeAvoidedPlot } from './cumulative-avoided.ts';
export { greenerRateByCategoryPlot } from './greener-rate.ts';
export type { ChartOptions } from './options.ts';
export { participationPlot, retentionPlot } from './participation.ts';
export { weeklyFootprintPlot } from './weekly-footprint.ts';
