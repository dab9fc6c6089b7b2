// The daily summaries: from them the same figures as from the whole log, and kept right in the
// database through every way events are written or removed (logging, replacing a choice, import,
// restore, automatic deletion, delete everything) and by the upgrade from version 2.

import 'fake-indexeddb/auto';
import './worker-globals.ts';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type LedgerDb,
  openLedger,
  type SeenProduct,
  V1_STORES,
  V2_STORES,
  withView,
} from '../../../extension/ledger/db.ts';
import { applyRetention, deleteEverything, logEvent } from '../../../extension/ledger/record.ts';
import { backupLedger, importResearch, restoreBackup } from '../../../extension/ledger/transfer.ts';
import type { Choice, LedgerEvent, ProductSummary } from '../../../shared/events.ts';
import { newEvent } from '../../../shared/events.ts';
import { researchExport } from '../../../shared/export/research.ts';
import { summariseDays, summaryFromDays } from '../../../shared/ledger/days.ts';
import { type LedgerSummary, summariseLedger } from '../../../shared/ledger/summary.ts';

let counter = 0;
const opened: Dexie[] = [];
const freshLedger = (name = `days-test-${++counter}`): LedgerDb => {
  const db = openLedger(name);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const CATEGORIES = [
  'kettles',
  'laptops',
  'sofas',
  'jeans',
  'skincare',
  'toys',
  'books',
  'bikes',
  'tea',
  'desks',
  'lamps',
];
const OFFSETS = ['+01:00', '-05:00', '+09:00', 'Z'];

/** A deterministic, varied log: several time zones, unknown estimates, photos, every badge's threshold. */
function variedLog(count: number, seed: number, startDay = Date.UTC(2026, 8, 1)): LedgerEvent[] {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const events: LedgerEvent[] = [];
  for (let i = 0; i < count; i++) {
    // About 60 days, with gaps (streaks break) and several events a day.
    const time = new Date(startDay + Math.floor(random() * 60) * 86_400_000 + Math.floor(random() * 86_400) * 1000);
    const offset = pick(OFFSETS);
    const at = `${time.toISOString().slice(0, 19)}.000${offset === 'Z' ? '+00:00' : offset}`;
    const n = Math.floor(random() * 40);
    const product: ProductSummary = {
      title: `Product ${n}`,
      url: `https://shop-${n % 3}.example/p/${n}`,
      price: null,
      brand: null,
      category: random() < 0.1 ? null : CATEGORIES[n % CATEGORIES.length]!,
      kgCO2e: random() < 0.2 ? null : 1 + n * 1.37,
      low: null,
      high: null,
      method: null,
    };
    const options = { at, timeZone: 'Europe/Berlin', shopHost: random() < 0.1 ? null : `shop-${n % 3}.example` };
    const kind = random();
    if (kind < 0.5) events.push(newEvent('product-viewed', { product }, options));
    else if (kind < 0.75) {
      const choice = pick<Choice>(['greener', 'greener', 'kept', 'dismissed']);
      const avoidedKgCO2e = choice === 'greener' && random() < 0.8 ? Math.round(random() * 9000) / 1000 : 0;
      events.push(newEvent('choice-made', { product, choice, alternative: null, avoidedKgCO2e }, options));
    } else if (kind < 0.9) {
      const photoId = random() < 0.05 ? crypto.randomUUID() : null;
      events.push(
        newEvent(
          'action-logged',
          { actionId: 'cycle-short-trip', avoidedGramsCO2e: 600, photoId },
          { ...options, shopHost: null },
        ),
      );
    } else events.push(newEvent('purchase-marked', { product }, options));
  }
  return events;
}

/** A summary with sums rounded to the gram (sums of the same numbers added in another order may differ in the last bit). */
function rounded(summary: LedgerSummary): unknown {
  return JSON.parse(JSON.stringify(summary), (key, value) =>
    typeof value === 'number' && /kgCO2e$/i.test(key) ? Math.round(value * 1000) / 1000 : value,
  );
}

const byBadge = (summary: LedgerSummary) => ({
  ...summary,
  progress: { ...summary.progress, badges: [...summary.progress.badges].sort((a, b) => (a.id < b.id ? -1 : 1)) },
});

const expectSameSummary = (actual: LedgerSummary, expected: LedgerSummary) =>
  expect(rounded(byBadge(actual))).toEqual(rounded(byBadge(expected)));

/** The kept rows equal the rows made from the events the ledger holds, and give the same summary. */
async function expectDaysRight(db: LedgerDb, today = '2026-11-05'): Promise<void> {
  const events = await db.events.toArray();
  const kept = await db.days.orderBy('day').toArray();
  const rebuilt = summariseDays(events, true);
  expect(rounded(kept as never)).toEqual(rounded(rebuilt.days as never));
  expect(await db.weekViews.orderBy('key').toArray()).toEqual(
    [...rebuilt.views].sort((a, b) => (a.key < b.key ? -1 : 1)),
  );
  expectSameSummary(summaryFromDays(kept, today, await db.products.count()), summariseLedger(events, today));
}

describe('summaryFromDays', () => {
  it('gives what summariseLedger gives from the whole log', () => {
    for (const seed of [1, 7, 42]) {
      const events = variedLog(1500, seed);
      for (const today of ['2026-09-20', '2026-10-30', '2026-10-31', '2027-01-01']) {
        const expected = summariseLedger(events, today);
        const products = new Set(events.flatMap((e) => (e.type === 'product-viewed' ? [e.data.product.url] : [])));
        expectSameSummary(summaryFromDays(summariseDays(events), today, products.size), expected);
      }
    }
  });

  it('earns every badge on the same event as the whole log does', () => {
    const events = variedLog(3000, 3);
    const badges = summariseLedger(events, '2026-11-01').progress.badges;
    // The log is built to reach them all, so the comparison covers every rule.
    expect(badges.map((b) => b.id).sort()).toEqual(
      [
        'actions-30',
        'avoided-100kg',
        'avoided-10kg',
        'avoided-1kg',
        'categories-10',
        'categories-3',
        'first-action',
        'first-greener-choice',
        'photo-proof',
        'streak-7',
      ].sort(),
    );
    expect(summaryFromDays(summariseDays(events), '2026-11-01', 0).progress.badges).toEqual(
      [...badges].sort((a, b) => (a.earnedAt < b.earnedAt ? -1 : a.earnedAt > b.earnedAt ? 1 : 0)),
    );
  });

  it('is empty for an empty ledger', () => {
    expect(summaryFromDays([], '2026-11-05', 0)).toEqual(summariseLedger([], '2026-11-05'));
  });
});

describe('daily summaries in the database', () => {
  it('stay right through logging, replacing, import, restore, automatic deletion and delete everything', async () => {
    const db = freshLedger();
    const log = variedLog(600, 11);
    const settings = { paused: false, disabledShops: [], retentionDays: null, persisted: null };
    for (const event of log.slice(0, 150)) expect((await logEvent(db, event, settings)).logged).toBe(true);
    await expectDaysRight(db);

    // A choice replaced by one with the same id, on another day (its first day loses it).
    const choice = log.find((e) => e.type === 'choice-made')!;
    const moved = { ...choice, at: `2026-10-29T09:00:00.000+01:00` } as LedgerEvent;
    await logEvent(db, moved, settings);
    await expectDaysRight(db);

    // An import that brings new events into days that already have some, and repeats old ones.
    const file = JSON.stringify(researchExport([...log.slice(100, 400)], { exportedAt: '2026-11-05T10:00:00Z' }));
    const imported = await importResearch(db, file);
    expect(imported).toMatchObject({ ok: true, value: { events: 300 } });
    await expectDaysRight(db);
    expect(await importResearch(db, file)).toMatchObject({ ok: true, value: { added: 0 } });
    await expectDaysRight(db);

    // Automatic deletion cuts through the middle of the log (and of a day).
    const removed = await applyRetention(db, { ...settings, retentionDays: 40 }, new Date('2026-11-10T13:30:00Z'));
    expect(removed).toBeGreaterThan(0);
    expect(await db.days.count()).toBeGreaterThan(0);
    await expectDaysRight(db);

    // A backup of another ledger restored over this one.
    const other = freshLedger();
    await importResearch(other, JSON.stringify(researchExport(log.slice(400), { exportedAt: '2026-11-05T10:00:00Z' })));
    await expectDaysRight(other);
    const backup = await backupLedger(other);
    expect(JSON.parse(await backup.text()).data.data.map((t: { tableName: string }) => t.tableName)).not.toContain(
      'days',
    );
    expect(await restoreBackup(db, backup)).toMatchObject({ ok: true, value: { events: 200 } });
    await expectDaysRight(db);
    expect(await db.days.count()).toBe(summariseDays(log.slice(400)).length);

    await deleteEverything(db);
    expect(await db.days.count()).toBe(0);
    await expectDaysRight(db);
  });

  it('are built by the upgrade from version 2 (and from version 1 through it)', async () => {
    const name = `days-v2-${++counter}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    const log = variedLog(800, 5);
    await v2.table('events').bulkAdd(log);
    // The products table as version 2 kept it.
    const products = new Map<string, SeenProduct>();
    for (const e of log) {
      if (e.type === 'product-viewed')
        products.set(e.data.product.url, withView(products.get(e.data.product.url), e.data.product, e.at, e.shopHost));
    }
    await v2.table('products').bulkAdd([...products.values()]);
    v2.close();

    const db = freshLedger(name);
    expect(db.verno).toBe(3);
    expect(await db.days.count()).toBe(new Set(log.map((e) => e.at.slice(0, 10))).size);
    await expectDaysRight(db);
  });
});
