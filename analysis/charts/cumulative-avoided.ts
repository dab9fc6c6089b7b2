// Cumulative kg CO2e avoided per arm over the weeks of the study.

import * as Plot from '@observablehq/plot';
import type { ColumnTable } from 'arquero';
import { type ChartOptions, rows, weekDate } from './options.ts';

/** `table`: `weeklyByArm` rows (arm, week, avoidedKg). */
export function cumulativeAvoidedPlot(table: ColumnTable, { document, width = 720, height = 320 }: ChartOptions) {
  const data = rows(table).map((row) => ({ ...row, week: weekDate(row.week as string) }));
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    x: { type: 'utc', label: 'Week' },
    y: { grid: true, label: 'kg CO2e avoided, cumulative', zero: true },
    color: { type: 'categorical', legend: true, label: 'Arm' },
    marks: [
      Plot.areaY(
        data,
        Plot.mapY('cumsum', {
          x: 'week',
          y: 'avoidedKg',
          fill: 'arm',
          z: 'arm',
          fillOpacity: 0.12,
          curve: 'step-after',
        }),
      ),
      Plot.lineY(
        data,
        Plot.mapY('cumsum', {
          x: 'week',
          y: 'avoidedKg',
          stroke: 'arm',
          z: 'arm',
          strokeWidth: 2,
          curve: 'step-after',
        }),
      ),
      Plot.ruleY([0]),
    ],
  });
}
