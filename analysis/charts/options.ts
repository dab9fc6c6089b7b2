// What every chart takes besides its table: the document to draw into (jsdom in Node, the page in
// a notebook) and an optional size.

import * as Plot from '@observablehq/plot';
import type { ColumnTable } from 'arquero';

export interface ChartOptions {
  document: Document;
  width?: number;
  height?: number;
}

/** Week strings (YYYY-MM-DD) as UTC dates, so Plot's time scale reads them the same in every zone. */
export const weekDate = (week: string): Date => new Date(`${week}T00:00:00Z`);

/** Plot takes arrays of objects; Arquero tables become them here. */
export const rows = (table: ColumnTable): Record<string, unknown>[] => table.objects() as Record<string, unknown>[];

/**
 * The time axis of a weekly chart: ticks on Mondays, where the points are (Plot's own weekly
 * ticks fall on Sundays), as long as they fit; months beyond a quarter's worth of weeks.
 */
export function weekAxis(points: readonly { week: Date }[]) {
  const weeks = new Set(points.map((p) => p.week.getTime())).size;
  return { type: 'utc' as const, label: 'Week', ...(weeks <= 13 ? { ticks: 'monday' } : {}) };
}

/** A weekly row as the charts draw it: the week as a date, and whether the week was observed in part. */
export interface WeekPoint extends Record<string, unknown> {
  arm: string;
  week: Date;
  partial: boolean;
}

/** Weekly rows as points; `partial` is false where the table has no such column (a notebook's own table). */
export const weekPoints = (table: ColumnTable): WeekPoint[] =>
  rows(table).map((row) => ({
    ...row,
    arm: String(row.arm),
    week: weekDate(row.week as string),
    partial: row.partial === true,
  }));

/**
 * The two-point segments joining each partial week to its neighbour in the same arm, drawn dashed,
 * so the first and last weeks of a study (observed for fewer than seven days) do not read as a rise
 * or a fall. `segment` keeps each pair apart.
 */
export function partialSegments(points: readonly WeekPoint[]): (WeekPoint & { segment: string })[] {
  const byArm = new Map<string, WeekPoint[]>();
  for (const point of points) byArm.set(point.arm, [...(byArm.get(point.arm) ?? []), point]);
  const segments: (WeekPoint & { segment: string })[] = [];
  for (const [arm, list] of byArm) {
    list.sort((a, b) => a.week.getTime() - b.week.getTime());
    for (let i = 0; i < list.length; i++) {
      if (!list[i]!.partial) continue;
      const neighbour = i === 0 ? list[1] : list[i - 1];
      if (!neighbour) continue;
      const segment = `${arm}|${i}`;
      segments.push({ ...neighbour, segment }, { ...list[i]!, segment });
    }
  }
  return segments;
}

/** Caption text for charts with partial weeks. */
export const PARTIAL_NOTE =
  'Hollow dots on dashed lines: a week the study observed on fewer than seven days (its first or last), not comparable with full weeks.';

/**
 * Dots on every week, hollow where the week was observed in part, and one "partial week" label
 * per such week along the top of the chart (inside it: toward the middle from either end).
 */
export function partialWeekMarks(data: readonly WeekPoint[], y: string) {
  const partial = data.filter((d) => d.partial);
  const times = [...new Set(partial.map((d) => d.week.getTime()))];
  const last = Math.max(...data.map((d) => d.week.getTime()));
  const labels = times.map((time) => ({ week: new Date(time), anchor: time === last ? 'end' : 'start' }));
  return [
    Plot.dot(
      data.filter((d) => !d.partial),
      { x: 'week', y, fill: 'arm', r: 2.5 },
    ),
    Plot.dot(partial, { x: 'week', y, stroke: 'arm', fill: 'white', r: 3 }),
    ...(['start', 'end'] as const).map((anchor) =>
      Plot.text(
        labels.filter((label) => label.anchor === anchor),
        {
          x: 'week',
          frameAnchor: 'top',
          text: () => 'partial week',
          textAnchor: anchor,
          dy: 4,
          fontSize: 10,
          fill: '#555',
        },
      ),
    ),
  ];
}

/**
 * One line per arm through `y`: solid over the weeks the study saw whole, dashed into and out of
 * the partial ones, which are labelled (cumulative avoided kg, participation).
 */
export function armWeekLines(data: readonly WeekPoint[], y: string) {
  return [
    Plot.lineY(
      data.filter((d) => !d.partial),
      { x: 'week', y, stroke: 'arm', z: 'arm', strokeWidth: 2 },
    ),
    Plot.lineY(partialSegments(data), {
      x: 'week',
      y,
      stroke: 'arm',
      z: 'segment',
      strokeWidth: 2,
      strokeDasharray: '4,3',
    }),
    ...partialWeekMarks(data, y),
  ];
}
