// Points, badges, streaks and weekly series from the event log.

import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../../shared/events.ts';
import { ledgerProgress, suggestedActions, weekOf } from '../../../shared/ledger/progress.ts';
import { kettle, sampleEvent } from './samples.ts';

const greener = (day: string, kg: number, category = 'small-appliances'): LedgerEvent => {
  const event = sampleEvent('choice-made', day);
  return { ...event, data: { ...event.data, avoidedKgCO2e: kg, product: { ...kettle, category } } };
};
const action = (day: string, grams = 52.7): LedgerEvent => {
  const event = sampleEvent('action-logged', day);
  return { ...event, data: { ...event.data, avoidedGramsCO2e: grams } };
};

describe('weekOf', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // a Monday
    ['2026-11-29', '2026-11-23'], // the Sunday after
    ['2026-01-01', '2025-12-29'], // across a year
  ])('puts %s in the week of %s', (day, monday) => expect(weekOf(day)).toBe(monday));
});

describe('ledgerProgress', () => {
  it('counts points from avoided grams only, one per 10 g', () => {
    const events = [sampleEvent('product-viewed'), greener('2026-11-02', 1.234), action('2026-11-02', 52.7)];
    const progress = ledgerProgress(events, '2026-11-02');
    expect(progress.avoidedKgCO2e).toBeCloseTo(1.2867, 4);
    expect(progress.points).toBe(128);
    expect(progress.choices).toEqual({ greener: 1, kept: 0, dismissed: 0 });
  });

  it('awards badges at the event that earned them', () => {
    const events = [action('2026-11-01'), greener('2026-11-02', 0.5), greener('2026-11-03', 0.6, 'clothing')];
    const { badges } = ledgerProgress(events, '2026-11-03');
    expect(badges).toEqual([
      { id: 'first-action', earnedAt: events[0]!.at },
      { id: 'first-greener-choice', earnedAt: events[1]!.at },
      { id: 'avoided-1kg', earnedAt: events[2]!.at },
    ]);
  });

  it('counts a streak of days with a greener act, up to today or yesterday', () => {
    const days = ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15', '2026-11-16'];
    const events = [...days.map((d) => action(d)), action('2026-11-20'), action('2026-11-21')];
    const progress = ledgerProgress(events, '2026-11-22');
    expect(progress.longestStreakDays).toBe(7);
    expect(progress.currentStreakDays).toBe(2);
    expect(progress.badges.map((b) => b.id)).toContain('streak-7');
    expect(ledgerProgress(events, '2026-11-23').currentStreakDays).toBe(0);
  });

  it('sums each week once per product viewed, in week order', () => {
    const view = (day: string, url: string) => {
      const event = sampleEvent('product-viewed', day);
      return { ...event, data: { product: { ...kettle, url } } };
    };
    const events = [
      view('2026-11-17', 'https://www.amazon.de/dp/A'),
      view('2026-11-18', 'https://www.amazon.de/dp/A'),
      view('2026-11-10', 'https://www.amazon.de/dp/B'),
      greener('2026-11-19', 2),
    ];
    expect(ledgerProgress(events, '2026-11-23').weeks).toEqual([
      { week: '2026-11-09', viewedKgCO2e: 12, avoidedKgCO2e: 0, greenerChoices: 0, choices: 0, actions: 0 },
      { week: '2026-11-16', viewedKgCO2e: 12, avoidedKgCO2e: 2, greenerChoices: 1, choices: 1, actions: 0 },
    ]);
  });
});

describe('suggestedActions', () => {
  const catalogue = Array.from({ length: 12 }, (_, i) => ({ id: `action-${i}` }));

  it('gives the same suggestions all day and different ones on other days', () => {
    const monday = suggestedActions(catalogue, [], '2026-11-23');
    expect(suggestedActions(catalogue, [], '2026-11-23')).toEqual(monday);
    expect(monday).toHaveLength(3);
    const week = ['2026-11-24', '2026-11-25', '2026-11-26'].map((d) => suggestedActions(catalogue, [], d));
    expect(week.some((s) => JSON.stringify(s) !== JSON.stringify(monday))).toBe(true);
  });

  it('prefers actions not logged in the last week', () => {
    const today = '2026-11-23';
    const first = suggestedActions(catalogue, [], today);
    const logged = first.map((a) => {
      const event = sampleEvent('action-logged', '2026-11-22');
      return { ...event, data: { ...event.data, actionId: a.id } };
    });
    const next = suggestedActions(catalogue, logged, today);
    expect(next.some((a) => first.includes(a))).toBe(false);
  });
});
