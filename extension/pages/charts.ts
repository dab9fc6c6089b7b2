// The dashboard's charts, each a function of its data returning an element (SVG or figure), drawn
// with Observable Plot from aggregates computed in shared/ledger. `document` is a parameter so the
// same functions render in the extension page and, for snapshot tests, under linkedom in Node.

import * as Plot from '@observablehq/plot';
import type { ChoiceBreakdown, CumulativeAvoided } from '../../shared/ledger/breakdowns.ts';
import type { WeekSummary } from '../../shared/ledger/progress.ts';

export interface ChartOptions {
  document: Document;
  width?: number;
  height?: number;
  /** Axis labels in the shopper's language. */
  labels?: Partial<Record<'viewed' | 'avoided' | 'total' | 'greener' | 'kept' | 'dismissed' | 'week', string>>;
}

// Weeks are Mondays as YYYY-MM-DD; UTC midnight keeps them on the right day in every time zone.
const mondayDate = (week: string): Date => new Date(`${week}T00:00:00Z`);

// Colours readable on light and dark backgrounds.
const VIEWED = '#8a8f98';
const AVOIDED = '#2f9e44';
const CHOICE_COLORS = { greener: '#2f9e44', kept: '#8a8f98', dismissed: '#d9a441' } as const;

const common = (options: ChartOptions) => ({
  document: options.document,
  width: options.width ?? 640,
  height: options.height ?? 240,
  style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
});

/** Footprint of the products viewed and emissions avoided, per week, side by side. */
export function weeklyFootprintPlot(weeks: readonly WeekSummary[], options: ChartOptions): Element {
  const labels = options.labels ?? {};
  const viewed = labels.viewed ?? 'Viewed products';
  const avoided = labels.avoided ?? 'Avoided';
  const rows = weeks.flatMap((w) => [
    { week: mondayDate(w.week), series: viewed, kgCO2e: w.viewedKgCO2e },
    { week: mondayDate(w.week), series: avoided, kgCO2e: w.avoidedKgCO2e },
  ]);
  return Plot.plot({
    ...common(options),
    marginLeft: 56,
    x: { type: 'utc', label: null },
    y: { label: 'kg CO2e', grid: true, zero: true },
    color: { domain: [viewed, avoided], range: [VIEWED, AVOIDED], legend: true },
    marks: [
      Plot.lineY(rows, { x: 'week', y: 'kgCO2e', stroke: 'series', marker: 'circle', tip: true }),
      Plot.ruleY([0]),
    ],
  });
}

/** Everything avoided so far, adding up week by week. */
export function cumulativeAvoidedPlot(points: readonly CumulativeAvoided[], options: ChartOptions): Element {
  const rows = points.map((p) => ({ week: mondayDate(p.week), total: p.totalKgCO2e }));
  return Plot.plot({
    ...common(options),
    marginLeft: 56,
    x: { type: 'utc', label: null },
    y: { label: `${options.labels?.total ?? 'Avoided in all'} (kg CO2e)`, grid: true, zero: true },
    marks: [
      Plot.areaY(rows, { x: 'week', y: 'total', fill: AVOIDED, fillOpacity: 0.25 }),
      Plot.lineY(rows, { x: 'week', y: 'total', stroke: AVOIDED, marker: 'circle', tip: true }),
      Plot.ruleY([0]),
    ],
  });
}

/** Choices per category or per shop, stacked by what was chosen; the busiest `limit` groups. */
export function choicesPlot(groups: readonly ChoiceBreakdown[], options: ChartOptions & { limit?: number }): Element {
  const labels = options.labels ?? {};
  const names = {
    greener: labels.greener ?? 'Greener',
    kept: labels.kept ?? 'Kept',
    dismissed: labels.dismissed ?? 'Not relevant',
  };
  const shown = groups.slice(0, options.limit ?? 10);
  const rows = shown.flatMap((g) =>
    (['greener', 'kept', 'dismissed'] as const).map((choice) => ({ key: g.key, choice: names[choice], n: g[choice] })),
  );
  return Plot.plot({
    ...common(options),
    height: options.height ?? 40 + 28 * Math.max(1, shown.length),
    marginLeft: 150,
    x: { label: null, grid: true },
    y: { label: null, domain: shown.map((g) => g.key) },
    color: {
      domain: [names.greener, names.kept, names.dismissed],
      range: [CHOICE_COLORS.greener, CHOICE_COLORS.kept, CHOICE_COLORS.dismissed],
      legend: true,
    },
    marks: [Plot.barX(rows, { y: 'key', x: 'n', fill: 'choice', tip: true }), Plot.ruleX([0])],
  });
}
