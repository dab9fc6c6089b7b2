// Participation (active participants per calendar week) and retention (share of an arm still
// active n weeks after they started).

import * as Plot from '@observablehq/plot';
import type { ColumnTable } from 'arquero';
import { type ChartOptions, rows, weekDate } from './options.ts';

/** `table`: `weeklyByArm` rows (arm, week, participants). */
export function participationPlot(table: ColumnTable, { document, width = 720, height = 280 }: ChartOptions) {
  const data = rows(table).map((row) => ({ ...row, week: weekDate(row.week as string) }));
  return Plot.plot({
    document,
    width,
    height,
    x: { type: 'utc', label: 'Week' },
    y: { grid: true, label: 'Active participants', zero: true },
    color: { type: 'categorical', legend: true, label: 'Arm' },
    marks: [
      Plot.lineY(data, { x: 'week', y: 'participants', stroke: 'arm', z: 'arm', strokeWidth: 2, marker: 'dot' }),
      Plot.ruleY([0]),
    ],
  });
}

/** `table`: `retention` rows (arm, weekSinceStart, share). */
export function retentionPlot(table: ColumnTable, { document, width = 720, height = 280 }: ChartOptions) {
  return Plot.plot({
    document,
    width,
    height,
    x: { label: 'Weeks since a participant started', tickFormat: 'd' },
    y: { domain: [0, 100], percent: true, grid: true, label: 'Still active (%)' },
    color: { type: 'categorical', legend: true, label: 'Arm' },
    marks: [
      Plot.lineY(rows(table), {
        x: 'weekSinceStart',
        y: 'share',
        stroke: 'arm',
        z: 'arm',
        strokeWidth: 2,
        marker: 'dot',
      }),
      Plot.ruleY([0]),
    ],
  });
}
