// The dashboard's charts, each a function of its data returning an element (SVG or figure), drawn
// with Observable Plot from aggregates computed in shared/ledger. `document` is a parameter so the
// same functions render in the extension page and, for snapshot tests, under linkedom in Node.
// They read well from one week to years of data: a sparse chart shows its points large and
// labelled, a long one plain lines; every axis says what it counts and in which unit; names are
// the ones people know (categories by name, shops without "www."), never cut; and they are drawn
// at the width they are given, down to a phone's.

import * as Plot from '@observablehq/plot';
import type { ChoiceBreakdown, CumulativeAvoided } from '../../shared/ledger/breakdowns.ts';
import type { WeekSummary } from '../../shared/ledger/progress.ts';

export interface ChartOptions {
  document: Document;
  width?: number;
  height?: number;
  /** Axis labels in the shopper's language. */
  labels?: Partial<
    Record<'viewed' | 'avoided' | 'total' | 'greener' | 'kept' | 'dismissed' | 'week' | 'choices', string>
  >;
  /** Formats kg CO2e for the labels on a sparse chart's points (in the shopper's language). */
  formatKg?: (kg: number) => string;
  /**
   * The shopper's locale (BCP 47): dates on the time axis ("12. Okt.", "10月") and numbers on the
   * value axis ("1.000") written its way. Without it, Plot's own English formats.
   */
  locale?: string;
}

// Weeks are Mondays as YYYY-MM-DD; UTC midnight keeps them on the right day in every time zone.
const mondayDate = (week: string): Date => new Date(`${week}T00:00:00Z`);
const DAY_MS = 86_400_000;

// Colours readable on light and dark backgrounds.
const VIEWED = '#8a8f98';
const AVOIDED = '#2f9e44';
const CHOICE_COLORS = { greener: '#2f9e44', kept: '#8a8f98', dismissed: '#d9a441' } as const;

/** Up to this many weeks a chart is sparse: its points drawn large and labelled with their values. */
const SPARSE_WEEKS = 4;
/** Up to this many weeks each point gets a marker; beyond, the line alone reads better. */
const MARKED_WEEKS = 26;

const common = (options: ChartOptions) => ({
  document: options.document,
  width: options.width ?? 640,
  height: options.height ?? 240,
  style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
});

/**
 * Room left of the plot for the y axis's tick labels up to `max` ("35,000" needs more than "80"):
 * about 7 px a character at 12 px, for the longest label the axis can get after rounding up.
 */
const marginFor = (max: number): number =>
  14 + 7 * new Intl.NumberFormat('en').format(10 ** Math.ceil(Math.log10(Math.max(1, max)))).length;

/**
 * The time axis for `weeks` Mondays: padded by half a week either side (a single week sits in the
 * middle, not on an edge), ticks on weeks while there are few, on months beyond.
 */
function weekAxis(dates: readonly Date[], options: ChartOptions) {
  const first = Math.min(...dates.map(Number));
  const last = Math.max(...dates.map(Number));
  const narrow = (options.width ?? 640) < 480;
  const weeks = Math.round((last - first) / (7 * DAY_MS)) + 1;
  const ticks =
    weeks <= (narrow ? 4 : 8) ? 'monday' : weeks <= (narrow ? 16 : 30) ? 'month' : narrow ? '3 months' : 'month';
  return {
    type: 'utc' as const,
    label: options.labels?.week ?? 'Week',
    labelAnchor: 'right' as const,
    domain: [new Date(first - 3.5 * DAY_MS), new Date(last + 3.5 * DAY_MS)],
    ticks,
    ...(options.locale ? { tickFormat: dateTicks(options.locale, ticks === 'monday') } : {}),
  };
}

/**
 * Tick labels for a time axis in `locale`: the day and month on weekly ticks ("12. Okt."), else the
 * month, with the year under the first tick and under each January ("Okt." / "2026").
 */
function dateTicks(locale: string, days: boolean): (date: Date, i: number) => string {
  const label = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'short',
    ...(days ? { day: 'numeric' as const } : {}),
  });
  const year = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric' });
  return (date, i) =>
    i === 0 || (!days && date.getUTCMonth() === 0) ? `${label.format(date)}\n${year.format(date)}` : label.format(date);
}

/** Value-axis tick labels in the shopper's locale ("1.000" in German), or Plot's own without one. */
const numberTicks = (options: ChartOptions) =>
  options.locale ? { tickFormat: (n: number) => new Intl.NumberFormat(options.locale).format(n) } : {};

/** Footprint of the products viewed and emissions avoided, per week, side by side. */
export function weeklyFootprintPlot(weeks: readonly WeekSummary[], options: ChartOptions): Element {
  const labels = options.labels ?? {};
  const viewed = labels.viewed ?? 'Viewed products';
  const avoided = labels.avoided ?? 'Avoided';
  const rows = weeks.flatMap((w) => [
    { week: mondayDate(w.week), series: viewed, kgCO2e: w.viewedKgCO2e },
    { week: mondayDate(w.week), series: avoided, kgCO2e: w.avoidedKgCO2e },
  ]);
  const sparse = weeks.length <= SPARSE_WEEKS;
  const format = options.formatKg ?? ((kg: number) => String(Math.round(kg * 10) / 10));
  return Plot.plot({
    ...common(options),
    marginLeft: marginFor(Math.max(...rows.map((r) => r.kgCO2e))),
    marginRight: 16,
    x: weekAxis(
      rows.map((r) => r.week),
      options,
    ),
    // At least 0–1 kg: a ledger with nothing avoided yet gets a readable axis, not 0–0.
    y: {
      label: 'kg CO₂e',
      grid: true,
      nice: true,
      domain: [0, Math.max(1, ...rows.map((r) => r.kgCO2e))],
      ...numberTicks(options),
    },
    color: { domain: [viewed, avoided], range: [VIEWED, AVOIDED], legend: true },
    marks: [
      Plot.ruleY([0]),
      // z: one line per series (Plot would otherwise guess it from the colour, and warn).
      Plot.lineY(rows, { x: 'week', y: 'kgCO2e', stroke: 'series', z: 'series', strokeWidth: 2 }),
      weeks.length <= MARKED_WEEKS
        ? Plot.dot(rows, { x: 'week', y: 'kgCO2e', fill: 'series', r: sparse ? 5 : 3, tip: true })
        : null,
      sparse
        ? Plot.text(rows, {
            x: 'week',
            y: 'kgCO2e',
            text: (row: { kgCO2e: number }) => format(row.kgCO2e),
            dy: -12,
            fill: 'currentColor',
          })
        : null,
      weeks.length > MARKED_WEEKS ? Plot.tip(rows, Plot.pointerX({ x: 'week', y: 'kgCO2e', stroke: 'series' })) : null,
    ],
  });
}

/** Everything avoided so far, adding up week by week. */
export function cumulativeAvoidedPlot(points: readonly CumulativeAvoided[], options: ChartOptions): Element {
  const rows = points.map((p) => ({ week: mondayDate(p.week), total: p.totalKgCO2e }));
  const sparse = points.length <= SPARSE_WEEKS;
  const format = options.formatKg ?? ((kg: number) => String(Math.round(kg * 10) / 10));
  return Plot.plot({
    ...common(options),
    marginLeft: marginFor(Math.max(...rows.map((r) => r.total))),
    marginRight: 16,
    x: weekAxis(
      rows.map((r) => r.week),
      options,
    ),
    y: {
      label: `${options.labels?.total ?? 'Avoided in all'} (kg CO₂e)`,
      grid: true,
      nice: true,
      domain: [0, Math.max(1, ...rows.map((r) => r.total))],
      ...numberTicks(options),
    },
    marks: [
      Plot.areaY(rows, { x: 'week', y: 'total', fill: AVOIDED, fillOpacity: 0.25 }),
      Plot.ruleY([0]),
      Plot.lineY(rows, { x: 'week', y: 'total', stroke: AVOIDED, strokeWidth: 2 }),
      points.length <= MARKED_WEEKS
        ? Plot.dot(rows, { x: 'week', y: 'total', fill: AVOIDED, r: sparse ? 5 : 3, tip: true })
        : null,
      sparse
        ? Plot.text(rows, {
            x: 'week',
            y: 'total',
            text: (row: { total: number }) => format(row.total),
            dy: -12,
            fill: 'currentColor',
          })
        : null,
      points.length > MARKED_WEEKS ? Plot.tip(rows, Plot.pointerX({ x: 'week', y: 'total' })) : null,
    ],
  });
}

/**
 * Choices per category or per shop, stacked by what was chosen; the busiest `limit` groups. Each
 * group's name stands on its own line above its bar, so long names are never cut and narrow
 * screens keep the bars' width. `nameOf` turns a key into the name people know.
 */
export function choicesPlot(
  groups: readonly ChoiceBreakdown[],
  options: ChartOptions & { limit?: number; nameOf?: (key: string) => string },
): Element {
  const labels = options.labels ?? {};
  const names = {
    greener: labels.greener ?? 'Greener',
    kept: labels.kept ?? 'Kept',
    dismissed: labels.dismissed ?? 'Not relevant',
  };
  const nameOf = options.nameOf ?? ((key: string) => key);
  const shown = groups.slice(0, options.limit ?? 10);
  const rows = shown.flatMap((g) =>
    (['greener', 'kept', 'dismissed'] as const).map((choice) => ({ key: g.key, choice: names[choice], n: g[choice] })),
  );
  const most = Math.max(1, ...shown.map((g) => g.greener + g.kept + g.dismissed));
  return Plot.plot({
    ...common(options),
    height: options.height ?? 56 + 40 * Math.max(1, shown.length),
    marginLeft: 8,
    marginRight: 16,
    marginTop: 8,
    // Whole choices only: a count has no 0.5 (a few choices would otherwise get ticks 0, 0.2, …).
    x: {
      label: `${labels.choices ?? 'Choices'} →`,
      grid: true,
      domain: [0, most],
      ticks: most <= 10 ? Array.from({ length: most + 1 }, (_, i) => i) : 5,
      tickFormat: 'd',
    },
    y: { axis: null, domain: shown.map((g) => g.key), padding: 0.1 },
    color: {
      domain: [names.greener, names.kept, names.dismissed],
      range: [CHOICE_COLORS.greener, CHOICE_COLORS.kept, CHOICE_COLORS.dismissed],
      legend: true,
    },
    marks: [
      Plot.barX(rows, { y: 'key', x: 'n', fill: 'choice', insetTop: 17, tip: true }),
      Plot.text(shown, {
        y: 'key',
        text: (g: ChoiceBreakdown) => nameOf(g.key),
        frameAnchor: 'left',
        textAnchor: 'start',
        dx: 4,
        lineAnchor: 'top',
        dy: -17,
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  });
}
