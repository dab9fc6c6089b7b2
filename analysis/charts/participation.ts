// Participation (active participants per calendar week) and retention (share of an arm still
// active n weeks after they started, among those the study could still observe).

import * as Plot from '@observablehq/plot';
import type { ColumnTable } from 'arquero';
import { armWeekLines, type ChartOptions, rows, weekAxis, weekPoints } from './options.ts';

/** `table`: `weeklyByArm` rows (arm, week, participants; optional partial). */
export function participationPlot(table: ColumnTable, { document, width = 720, height = 280 }: ChartOptions) {
  const data = weekPoints(table);
  return Plot.plot({
    document,
    width,
    height,
    x: weekAxis(data),
    y: { grid: true, label: 'Active participants', zero: true },
    color: { type: 'categorical', legend: true, label: 'Arm' },
    marks: [...armWeekLines(data, 'participants'), Plot.ruleY([0])],
  });
}

/** `table`: `retention` rows (arm, weekSinceStart, share; `observed` participants behind each share). */
export function retentionPlot(table: ColumnTable, { document, width = 720, height = 280 }: ChartOptions) {
  return Plot.plot({
    document,
    width,
    height,
    x: { label: 'Weeks since a participant started', interval: 1, tickFormat: 'd' },
    y: { domain: [0, 100], percent: true, grid: true, label: 'Still active, of those still observed (%)' },
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
