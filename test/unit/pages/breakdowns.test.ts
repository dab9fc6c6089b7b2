// Choices by category and by shop, avoided emissions adding up, the latest choices and history search.

import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../../shared/events.ts';
import {
  choicesByCategory,
  choicesByShop,
  cumulativeAvoided,
  historyEntry,
  recentChoices,
  searchHistory,
  weekSummary,
} from '../../../shared/ledger/breakdowns.ts';
import { ledgerProgress } from '../../../shared/ledger/progress.ts';
import { ledgerStamp, summariseLedger } from '../../../shared/ledger/summary.ts';
import { kettle, sampleEvent } from '../ledger/samples.ts';

const choice = (
  day: string,
  picked: 'greener' | 'kept' | 'dismissed',
  options: { category?: string | null; shopHost?: string | null; kg?: number; title?: string } = {},
): LedgerEvent => {
  const event = sampleEvent('choice-made', day);
  return {
    ...event,
    shopHost: options.shopHost === undefined ? event.shopHost : options.shopHost,
    data: {
      ...event.data,
      choice: picked,
      avoidedKgCO2e: picked === 'greener' ? (options.kg ?? 1) : 0,
      product: {
        ...kettle,
        title: options.title ?? kettle.title,
        category: options.category === undefined ? kettle.category : options.category,
      },
    },
  };
};

describe('choicesByCategory and choicesByShop', () => {
  const events = [
    choice('2026-11-02', 'greener', { category: 'clothing', kg: 2.5 }),
    choice('2026-11-03', 'kept', { category: 'clothing' }),
    choice('2026-11-03', 'dismissed', { category: 'clothing', shopHost: 'www.otto.de' }),
    choice('2026-11-04', 'greener', { category: null, kg: 1, shopHost: 'www.otto.de' }),
    choice('2026-11-05', 'greener', { category: 'books', kg: 0.5 }),
    sampleEvent('product-viewed'),
    sampleEvent('action-logged'),
  ];

  it('counts each choice once under its category, most choices first, unknown for none', () => {
    expect(choicesByCategory(events)).toEqual([
      { key: 'clothing', greener: 1, kept: 1, dismissed: 1, avoidedKgCO2e: 2.5 },
      { key: 'books', greener: 1, kept: 0, dismissed: 0, avoidedKgCO2e: 0.5 },
      { key: 'unknown', greener: 1, kept: 0, dismissed: 0, avoidedKgCO2e: 1 },
    ]);
  });

  it('groups by the shop the choice was made on', () => {
    expect(choicesByShop(events)).toEqual([
      { key: 'www.amazon.de', greener: 2, kept: 1, dismissed: 0, avoidedKgCO2e: 3 },
      { key: 'www.otto.de', greener: 1, kept: 0, dismissed: 1, avoidedKgCO2e: 1 },
    ]);
  });
});

describe('cumulativeAvoided and weekSummary', () => {
  const events = [
    choice('2026-11-02', 'greener', { kg: 2 }),
    choice('2026-11-10', 'greener', { kg: 3 }),
    sampleEvent('action-logged', '2026-11-17'),
  ];
  const { weeks } = ledgerProgress(events, '2026-11-20');

  it('adds avoided emissions up week by week', () => {
    const points = cumulativeAvoided(weeks);
    expect(points.map((p) => p.week)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(points.map((p) => Math.round(p.totalKgCO2e * 10_000) / 10_000)).toEqual([2, 5, 5.0527]);
  });

  it('returns an empty week when nothing happened in it', () => {
    expect(weekSummary(weeks, '2026-11-09').avoidedKgCO2e).toBe(3);
    expect(weekSummary(weeks, '2026-11-23')).toEqual({
      week: '2026-11-23',
      viewedKgCO2e: 0,
      avoidedKgCO2e: 0,
      greenerChoices: 0,
      choices: 0,
      actions: 0,
    });
  });
});

describe('recentChoices', () => {
  it('keeps only choices, newest first', () => {
    const events = [
      choice('2026-11-01', 'kept'),
      sampleEvent('product-viewed', '2026-11-09'),
      choice('2026-11-03', 'greener'),
      choice('2026-11-02', 'dismissed'),
    ];
    expect(recentChoices(events, 2).map((e) => e.data.choice)).toEqual(['greener', 'dismissed']);
  });
});

describe('searchHistory', () => {
  const events = [
    choice('2026-11-01', 'greener', { title: 'Oak dining table', category: 'furniture' }),
    { ...sampleEvent('product-viewed', '2026-11-02'), shopHost: 'www.ikea.com' },
    sampleEvent('product-viewed', '2026-11-03'),
    sampleEvent('action-logged', '2026-11-04'),
  ];
  const titles: Record<string, string> = { 'decline-single-use-extras': 'Decline single-use extras' };
  const entries = events.map((e) => historyEntry(e, (id) => titles[id] ?? id));

  it('describes actions by their catalogue title and avoided kg', () => {
    expect(entries[3]).toMatchObject({
      title: 'Decline single-use extras',
      avoidedKgCO2e: expect.closeTo(0.0527, 6),
      url: null,
    });
  });

  it('needs every word to match title, shop, category or kind, in any case', () => {
    expect(searchHistory(entries, { text: 'KETTLE amazon' }).total).toBe(1);
    expect(searchHistory(entries, { text: 'kettle' }).total).toBe(2);
    expect(searchHistory(entries, { text: 'furniture oak' }).entries.map((e) => e.type)).toEqual(['choice-made']);
    expect(searchHistory(entries, { text: 'single-use' }).total).toBe(1);
    expect(searchHistory(entries, { text: 'nothing like this' }).total).toBe(0);
  });

  it('finds a category by its name in German or Chinese, as the shopper reads it', () => {
    expect(searchHistory(entries, { text: 'möbel' }).entries.map((e) => e.type)).toEqual(['choice-made']);
    expect(searchHistory(entries, { text: '家具' }).total).toBe(1);
    expect(searchHistory(entries, { text: 'tische' }).total).toBe(0);
  });

  it('filters by kind, lists newest first and counts beyond the limit', () => {
    const found = searchHistory(entries, { type: 'product-viewed', limit: 1 });
    expect(found.total).toBe(2);
    expect(found.entries.map((e) => e.at.slice(0, 10))).toEqual(['2026-11-03']);
    expect(searchHistory(entries).entries.map((e) => e.at.slice(0, 10))).toEqual([
      '2026-11-04',
      '2026-11-03',
      '2026-11-02',
      '2026-11-01',
    ]);
  });
});

describe('summariseLedger and ledgerStamp', () => {
  it('keeps what the pages show, as plain JSON', () => {
    const events = [
      choice('2026-11-02', 'greener', { kg: 2 }),
      choice('2026-11-03', 'kept'),
      sampleEvent('product-viewed'),
    ];
    const summary = summariseLedger(events, '2026-11-03');
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(summary.progress.avoidedKgCO2e).toBe(2);
    expect(summary.byCategory).toEqual(choicesByCategory(events));
    expect(summary.recentChoices.map((e) => e.data.choice)).toEqual(['kept', 'greener']);
  });

  it('changes with the count and with the latest event', () => {
    const [a, b] = [sampleEvent('product-viewed', '2026-11-02'), sampleEvent('product-viewed', '2026-11-03')];
    expect(ledgerStamp(1, a)).not.toBe(ledgerStamp(2, a));
    expect(ledgerStamp(2, a)).not.toBe(ledgerStamp(2, b));
    expect(ledgerStamp(0, undefined)).toBe('0||');
  });
});
