// Arm comparison: each arm's difference from the reference arm with its bootstrap interval; an
// interval crossing zero says the data cannot tell the arms apart.

import * as Plot from '@observablehq/plot';
import type { ColumnTable } from 'arquero';
import { type ChartOptions, rows } from './options.ts';

/** `table`: `armDifferences` rows (arm, reference, difference, low, high). */
export function armComparisonPlot(
  table: ColumnTable,
  { document, width = 720, label = 'Difference from the reference arm' }: ChartOptions & { label?: string },
) {
  // A difference that could not be computed (null) is not drawn: the report says so in words.
  const data = rows(table)
    .filter((row) => Number.isFinite(row.difference))
    .map((row) => ({ ...row, name: `${row.arm} − ${row.reference}` }) as Record<string, unknown>);
  const intervals = data.filter((row) => Number.isFinite(row.low) && Number.isFinite(row.high));
  return Plot.plot({
    document,
    width,
    height: 60 + 40 * Math.max(1, data.length),
    marginLeft: 150,
    // Zero always shows (the line an interval is read against), and a single value gets a span.
    x: { grid: true, nice: true, label, domain: domainOf(data) },
    y: { label: null },
    marks: [
      Plot.ruleX([0], { stroke: '#888' }),
      Plot.ruleY(intervals, { y: 'name', x1: 'low', x2: 'high', strokeWidth: 3, stroke: 'steelblue' }),
      Plot.dot(data, { y: 'name', x: 'difference', r: 5, fill: 'steelblue' }),
    ],
  });
}

function domainOf(data: readonly Record<string, unknown>[]): [number, number] {
  const values = data.flatMap((row) => [row.difference, row.low, row.high]).filter(Number.isFinite) as number[];
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const pad = high > low ? 0 : 1;
  return [low - pad, high + pad];
}
