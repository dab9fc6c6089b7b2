// Snapshots of the dashboard's charts, drawn from seeded data under linkedom. On a mismatch Vitest
// shows the difference; `npx vitest run -u` accepts a deliberate change.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { choicesPlot, cumulativeAvoidedPlot, weeklyFootprintPlot } from '../../../extension/pages/charts.ts';
import { type ChoiceBreakdown, cumulativeAvoided } from '../../../shared/ledger/breakdowns.ts';
import type { WeekSummary } from '../../../shared/ledger/progress.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const doc = document as unknown as Document;

/** Rounds numbers and renumbers Plot's generated class names and ids, so snapshots are stable. */
function normalise(element: Element): string {
  const ids = new Map<string, string>();
  return element.outerHTML
    .replace(/plot-[0-9a-f]{6}/g, (id) => {
      if (!ids.has(id)) ids.set(id, `plot-${ids.size}`);
      return ids.get(id)!;
    })
    .replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></g, '>\n<');
}

// Seeded: the same six weeks every run.
const weeks: WeekSummary[] = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09'].map(
  (week, i) => ({
    week,
    viewedKgCO2e: 40 + ((i * 37) % 90),
    avoidedKgCO2e: (i * 3.7) % 11,
    greenerChoices: i % 3,
    choices: 2 + (i % 4),
    actions: i,
  }),
);
const groups: ChoiceBreakdown[] = [
  { key: 'clothing', greener: 4, kept: 2, dismissed: 1, avoidedKgCO2e: 9 },
  { key: 'laptops', greener: 1, kept: 3, dismissed: 0, avoidedKgCO2e: 40 },
  { key: 'unknown', greener: 0, kept: 1, dismissed: 2, avoidedKgCO2e: 0 },
];

describe('dashboard charts', () => {
  it('weekly footprint and avoided kg', async () => {
    const chart = weeklyFootprintPlot(weeks, { document: doc });
    expect(chart.querySelectorAll('path').length).toBeGreaterThan(1);
    await expect(normalise(chart)).toMatchFileSnapshot('__snapshots__/weekly-footprint.svg');
  });

  it('cumulative avoided kg', async () => {
    const chart = cumulativeAvoidedPlot(cumulativeAvoided(weeks), { document: doc });
    await expect(normalise(chart)).toMatchFileSnapshot('__snapshots__/cumulative-avoided.svg');
  });

  it('choices by category, stacked by what was chosen', async () => {
    const chart = choicesPlot(groups, { document: doc });
    // One bar per group and choice.
    expect(chart.querySelectorAll('rect').length).toBeGreaterThanOrEqual(groups.length * 3);
    await expect(normalise(chart)).toMatchFileSnapshot('__snapshots__/choices-by-category.svg');
  });
});
