// Snapshots of the dashboard's charts, drawn from seeded data under linkedom, through the one chart
// snapshot harness (test/unit/snapshot.ts): a mismatch writes <name>-changed.svg beside the
// snapshot; `UPDATE_SNAPSHOTS=1` accepts a deliberate change or writes a new chart's snapshot.

import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
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

  it('writes dates and numbers on the axes in the shopper language', () => {
    const ticks = (locale?: string) =>
      [...weeklyFootprintPlot(weeks, { document: doc, ...(locale ? { locale } : {}) }).querySelectorAll('text')]
        .map((t) => t.textContent)
        .join(' | ');
    // Six weeks: a tick on each Monday, the first with its year.
    expect(ticks('de')).toMatch(/5\. Okt\.\s*2026/);
    expect(ticks('de')).toContain('12. Okt.');
    expect(ticks('zh-CN')).toMatch(/10月5日\s*2026年/);
    expect(ticks('zh-CN')).toContain('10月12日');
    expect(ticks('en')).toContain('Oct 12');
    // Without a locale, Plot's own (English) formats, as the report's charts have them.
    expect(ticks()).not.toMatch(/Okt|月/);
    const long = Array.from({ length: 20 }, (_, i) => ({
      ...weeks[0]!,
      week: new Date(Date.UTC(2026, 8, 7 + 7 * i)).toISOString().slice(0, 10),
      viewedKgCO2e: 1500 + i,
    }));
    const months = [...weeklyFootprintPlot(long, { document: doc, locale: 'de' }).querySelectorAll('text')]
      .map((t) => t.textContent)
      .join(' | ');
    expect(months).toMatch(/Okt\s*2026 \| Nov \| Dez \| Jan\s*2027/);
    expect(months).toContain('1.200');
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

describe('dashboard charts read well from one week to two years', () => {
  const week = (i: number, start = Date.UTC(2024, 11, 2)): string =>
    new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10);
  // A new ledger: one week, one product viewed and one choice.
  const oneWeek: WeekSummary[] = [
    { week: week(0), viewedKgCO2e: 87, avoidedKgCO2e: 0, greenerChoices: 0, choices: 1, actions: 0 },
  ];
  const oneChoice: ChoiceBreakdown[] = [
    { key: 'shop.carbon-ledger.example', greener: 0, kept: 1, dismissed: 0, avoidedKgCO2e: 0 },
  ];
  // Two years of a busy ledger (about 100,000 events): 104 weeks, 40 categories.
  const twoYears: WeekSummary[] = Array.from({ length: 104 }, (_, i) => ({
    week: week(i),
    viewedKgCO2e: 5000 + ((i * 7919) % 3000),
    avoidedKgCO2e: 100 + ((i * 104_729) % 400),
    greenerChoices: 40 + (i % 30),
    choices: 300 + (i % 50),
    actions: 100,
  }));
  const manyGroups: ChoiceBreakdown[] = Array.from({ length: 40 }, (_, i) => ({
    key: `category-${i}`,
    greener: 400 - i * 9,
    kept: 800 - i * 15,
    dismissed: 100 + i,
    avoidedKgCO2e: 50,
  }));

  const draw = (make: () => Element): { svg: string; warnings: unknown[] } => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      return { svg: make().outerHTML, warnings: warn.mock.calls.map((call) => call[0]) };
    } finally {
      warn.mockRestore();
    }
  };
  const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1] ?? '');

  for (const [name, weeks, groups] of [
    ['one week and two events', oneWeek, oneChoice],
    ['two years and 100,000 events', twoYears, manyGroups],
  ] as const) {
    it(`${name}: no Plot warning, axes say what they count, at 360 px and 640 px`, () => {
      for (const width of [360, 640]) {
        const weekly = draw(() => weeklyFootprintPlot(weeks, { document: doc, width }));
        const cumulative = draw(() => cumulativeAvoidedPlot(cumulativeAvoided(weeks), { document: doc, width }));
        const choices = draw(() => choicesPlot(groups, { document: doc, width, nameOf: (key) => `Name of ${key}` }));
        for (const chart of [weekly, cumulative, choices]) {
          expect(chart.warnings).toEqual([]);
          expect(chart.svg).not.toContain('⚠');
          expect(chart.svg).toContain(`width="${width}"`);
        }
        expect(texts(weekly.svg)).toEqual(expect.arrayContaining(['↑ kg CO₂e', 'Week →']));
        expect(texts(cumulative.svg)).toContain('↑ Avoided in all (kg CO₂e)');
        expect(texts(choices.svg)).toContain('Choices →');
        // Every shown group by its full name, none cut; counts as whole numbers only.
        for (const group of groups.slice(0, 10)) expect(texts(choices.svg)).toContain(`Name of ${group.key}`);
        expect(texts(choices.svg).filter((t) => /^\d+\.\d+$/.test(t))).toEqual([]);
      }
    });
  }

  it('draws a single week large and labelled with its value, in the middle of its axis', () => {
    const { svg } = draw(() => weeklyFootprintPlot(oneWeek, { document: doc, formatKg: (kg) => `${kg} kg` }));
    expect(texts(svg)).toContain('87 kg');
    expect(svg).toMatch(/<circle[^>]* r="5"/);
    const cx = Number(
      /<circle[^>]* cx="([\d.]+)"/.exec(svg)?.[1] ?? /<circle[^>]*transform="translate\(([\d.]+)/.exec(svg)?.[1],
    );
    expect(cx).toBeGreaterThan(200);
    expect(cx).toBeLessThan(440);
  });
});
