// Weekly footprint per arm: the mean kg CO2e bought per active participant each week, thin, with
// its rolling mean drawn over it.

import * as Plot from '@observablehq/plot';
import type { ColumnTable } from 'arquero';
import { type ChartOptions, rows, weekDate } from './options.ts';

/** `table`: `weeklyByArm` rows (arm, week, footprintKg). `k`: weeks in the rolling mean. */
export function weeklyFootprintPlot(
  table: ColumnTable,
  { document, width = 720, height = 320, k = 4 }: ChartOptions & { k?: number },
) {
  const data = rows(table).map((row) => ({ ...row, week: weekDate(row.week as string) }));
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    x: { type: 'utc', label: 'Week' },
    y: { grid: true, label: 'kg CO2e bought per active participant', zero: true },
    color: { type: 'categorical', legend: true, label: 'Arm' },
    marks: [
      Plot.lineY(data, { x: 'week', y: 'footprintKg', stroke: 'arm', z: 'arm', strokeOpacity: 0.35, strokeWidth: 1 }),
      Plot.lineY(
        data,
        Plot.windowY(
          { k, anchor: 'end', reduce: 'mean' },
          { x: 'week', y: 'footprintKg', stroke: 'arm', z: 'arm', strokeWidth: 2.5 },
        ),
      ),
      Plot.ruleY([0]),
    ],
  });
}
