// Ledger figures: how long logging one event takes, and how long the totals, streak and weekly
// series take over a large log. Logging runs in Node against fake-indexeddb (an in-memory
// IndexedDB); in Chromium it is measured once the extension pages exist to host it.

import 'fake-indexeddb/auto';
import { openLedger } from '../extension/ledger/db.ts';
import { logEvent } from '../extension/ledger/record.ts';
import { type EventType, type LedgerEvent, newEvent, type ProductSummary } from '../shared/events.ts';
import { ledgerProgress } from '../shared/ledger/progress.ts';
import { type Benchmark, median } from './figures.ts';

const CATEGORIES = ['laptops', 'clothing', 'furniture', 'food', 'small-appliances', 'toys', 'books', 'beauty'];

/** A year of varied events, deterministic: views, choices, actions, purchases. */
export function syntheticLedger(count: number): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  const start = Date.UTC(2025, 10, 23);
  for (let i = 0; i < count; i++) {
    const now = new Date(start + Math.floor((i / count) * 365 * 86_400_000));
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const product: ProductSummary = {
      title: `Product ${i % 5000}`,
      url: `https://www.amazon.de/dp/P${i % 5000}`,
      price: { amount: 10 + (i % 300), currency: 'EUR' },
      brand: null,
      category,
      kgCO2e: 5 + (i % 97),
      low: 2,
      high: 300,
      method: 'spend-based',
    };
    const type: EventType = (
      ['product-viewed', 'product-viewed', 'product-viewed', 'choice-made', 'action-logged'] as const
    )[i % 5]!;
    const options = { shopHost: type === 'action-logged' ? null : 'www.amazon.de', now };
    if (type === 'product-viewed') events.push(newEvent(type, { product }, options));
    else if (type === 'choice-made') {
      const greener = i % 3 === 0;
      events.push(
        newEvent(
          type,
          { product, choice: greener ? 'greener' : 'kept', alternative: null, avoidedKgCO2e: greener ? 1.5 : 0 },
          options,
        ),
      );
    } else events.push(newEvent(type, { actionId: 'cycle-short-trip', avoidedGramsCO2e: 600, photoId: null }, options));
  }
  return events;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export const ledgerBenchmark: Benchmark = async ({ quick }) => {
  const db = openLedger(`bench-${Date.now()}`);
  const settings = { paused: false, disabledShops: [], retentionDays: null, persisted: null };
  const toLog = syntheticLedger(quick ? 200 : 2000);
  const latencies: number[] = [];
  for (const event of toLog) {
    const started = performance.now();
    await logEvent(db, event, settings);
    latencies.push(performance.now() - started);
  }
  await db.delete();

  const size = quick ? 10_000 : 100_000;
  const log = syntheticLedger(size);
  const today = log.at(-1)!.at.slice(0, 10);
  const runs = quick ? 3 : 7;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    ledgerProgress(log, today);
    times.push(performance.now() - started);
  }
  return [
    {
      name: 'ledger: log one event, p50 (Node, fake-indexeddb)',
      value: percentile(latencies, 50),
      unit: 'ms',
      runs: latencies.length,
    },
    {
      name: 'ledger: log one event, p95 (Node, fake-indexeddb)',
      value: percentile(latencies, 95),
      unit: 'ms',
      runs: latencies.length,
      target: { max: 5 },
    },
    {
      name: `ledger: totals, streak and weekly series over ${size.toLocaleString('en')} events`,
      value: median(times),
      unit: 'ms',
      runs,
      ...(quick ? {} : { target: { max: 300 } }),
    },
  ];
};

if (import.meta.main) {
  for (const figure of await ledgerBenchmark({ quick: process.argv.includes('--quick') })) {
    console.log(`${figure.name}: ${figure.value.toFixed(2)} ${figure.unit} (${figure.runs} runs)`);
  }
}
