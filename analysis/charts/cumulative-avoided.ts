// Cumulative kg CO2e avoided per arm over the weeks of the study; the steps into and out of a week
// the study observed in part are dashed.

import * as Plot from '@observablehq/plot';
import type { ColumnTable } from 'arquero';
import { armWeekLines, type ChartOptions, type WeekPoint, weekAxis, weekPoints } from './options.ts';

/** `table`: `weeklyByArm` rows (arm, week, avoidedKg; optional partial). */
export function cumulativeAvoidedPlot(table: ColumnTable, { document, width = 720, height = 320 }: ChartOptions) {
  const totals = new Map<string, number>();
  const data: WeekPoint[] = weekPoints(table)
    .sort((a, b) => a.week.getTime() - b.week.getTime())
    .map((point) => {
      const cumulative = (totals.get(point.arm) ?? 0) + Number(point.avoidedKg);
      totals.set(point.arm, cumulative);
      return { ...point, cumulative };
    });
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    x: weekAxis(data),
    y: { grid: true, label: 'kg CO2e avoided, cumulative', zero: true },
    color: { type: 'categorical', legend: true, label: 'Arm' },
    marks: [...armWeekLines(data, 'cumulative'), Plot.ruleY([0])],
  });
}
