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
  const data = rows(table).map((row) => ({ ...row, name: `${row.arm} − ${row.reference}` }));
  return Plot.plot({
    document,
    width,
    height: 60 + 40 * Math.max(1, data.length),
    marginLeft: 150,
    x: { grid: true, nice: true, label },
    y: { label: null },
    marks: [
      Plot.ruleX([0], { stroke: '#888' }),
      Plot.ruleY(data, { y: 'name', x1: 'low', x2: 'high', strokeWidth: 3, stroke: 'steelblue' }),
      Plot.dot(data, { y: 'name', x: 'difference', r: 5, fill: 'steelblue' }),
    ],
  });
}
