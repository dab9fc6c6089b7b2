// Greener-choice rate by category (or shop): one bar per group with its bootstrap interval, labelled
// with the number of choices behind it so a rate over three choices is not read like one over
// three thousand.

import * as Plot from '@observablehq/plot';
import type { ColumnTable } from 'arquero';
import { type ChartOptions, rows } from './options.ts';

/** `table`: `greenerChoiceRate` rows (rate, choices; optional low, high); `by` names the group column (default `category`). */
export function greenerRateByCategoryPlot(
  table: ColumnTable,
  { document, width = 720, by = 'category', label = 'Category' }: ChartOptions & { by?: string; label?: string },
) {
  const data = rows(table).filter((row) => Number.isFinite(row.rate));
  const withInterval = data.filter((row) => Number.isFinite(row.low) && Number.isFinite(row.high));
  return Plot.plot({
    document,
    width,
    height: 40 + 28 * Math.max(1, data.length),
    marginLeft: 130,
    marginRight: 90,
    x: { domain: [0, 100], percent: true, grid: true, label: 'Greener choices (%)' },
    y: { label: label },
    marks: [
      Plot.barX(data, { y: by, x: 'rate', fill: 'steelblue', fillOpacity: 0.8, sort: { y: '-x' } }),
      Plot.ruleY(withInterval, { y: by, x1: 'low', x2: 'high', stroke: '#222', strokeWidth: 1.5 }),
      Plot.text(data, {
        y: by,
        x: (d: { rate: number; high?: number }) => (Number.isFinite(d.high) ? d.high! : d.rate),
        text: (d: { rate: number; choices: number }) => `${Math.round(d.rate * 100)} % of ${d.choices}`,
        textAnchor: 'start',
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  });
}
