// Weekly footprint per arm: the mean kg CO2e bought per active participant each week, thin, with
// its bootstrap interval as a band and its rolling mean drawn over it. Weeks the study observed in
// part are hollow dots on dashed segments, left out of the rolling mean.

import * as Plot from '@observablehq/plot';
import type { ColumnTable } from 'arquero';
import { type ChartOptions, partialSegments, partialWeekMarks, weekAxis, weekPoints } from './options.ts';

/** `table`: `weeklyByArm` rows (arm, week, footprintKg; optional partial, low, high). `k`: weeks in the rolling mean. */
export function weeklyFootprintPlot(
  table: ColumnTable,
  { document, width = 720, height = 320, k = 4 }: ChartOptions & { k?: number },
) {
  const data = weekPoints(table);
  const complete = data.filter((d) => !d.partial);
  const banded = data.filter((d) => Number.isFinite(d.low) && Number.isFinite(d.high));
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    x: weekAxis(data),
    y: { grid: true, label: 'kg CO2e bought per active participant', zero: true },
    color: { type: 'categorical', legend: true, label: 'Arm' },
    marks: [
      Plot.areaY(banded, { x: 'week', y1: 'low', y2: 'high', fill: 'arm', z: 'arm', fillOpacity: 0.12 }),
      Plot.lineY(complete, {
        x: 'week',
        y: 'footprintKg',
        stroke: 'arm',
        z: 'arm',
        strokeOpacity: 0.5,
        strokeWidth: 1,
      }),
      Plot.lineY(partialSegments(data), {
        x: 'week',
        y: 'footprintKg',
        stroke: 'arm',
        z: 'segment',
        strokeOpacity: 0.5,
        strokeDasharray: '4,3',
      }),
      Plot.lineY(
        complete,
        Plot.windowY(
          { k, anchor: 'end', reduce: 'mean' },
          { x: 'week', y: 'footprintKg', stroke: 'arm', z: 'arm', strokeWidth: 2.5 },
        ),
      ),
      ...partialWeekMarks(data, 'footprintKg'),
      Plot.ruleY([0]),
    ],
  });
}
