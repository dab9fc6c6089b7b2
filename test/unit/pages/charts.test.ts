// Snapshots of the dashboard's charts, drawn from seeded data under linkedom, through the one chart
// snapshot harness (test/unit/snapshot.ts): a mismatch writes <name>-changed.svg beside the
// snapshot; `UPDATE_SNAPSHOTS=1` accepts a deliberate change or writes a new chart's snapshot.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { choicesPlot, cumulativeAvoidedPlot, weeklyFootprintPlot } from '../../../extension/pages/charts.ts';
import { type ChoiceBreakdown, cumulativeAvoided } from '../../../shared/ledger/breakdowns.ts';
import type { WeekSummary } from '../../../shared/ledger/progress.ts';
import { compareSnapshot, DATA_MARKS } from '../snapshot.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const doc = document as unknown as Document;

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
  it('weekly footprint and avoided kg', () => {
    const chart = weeklyFootprintPlot(weeks, { document: doc });
    // Two lines (footprint and avoided), one point per week on each.
    expect(chart.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(chart.querySelectorAll(DATA_MARKS).length).toBeGreaterThanOrEqual(2);
    expect(compareSnapshot(import.meta.dirname, 'weekly-footprint', chart)).toBeNull();
  });

  it('cumulative avoided kg', () => {
    const chart = cumulativeAvoidedPlot(cumulativeAvoided(weeks), { document: doc });
    expect(chart.querySelectorAll(DATA_MARKS).length).toBeGreaterThan(0);
    expect(compareSnapshot(import.meta.dirname, 'cumulative-avoided', chart)).toBeNull();
  });

  it('choices by category, stacked by what was chosen', () => {
    const chart = choicesPlot(groups, { document: doc });
    // One bar per group and choice.
    expect(chart.querySelectorAll('rect').length).toBeGreaterThanOrEqual(groups.length * 3);
    expect(compareSnapshot(import.meta.dirname, 'choices-by-category', chart)).toBeNull();
  });
});
