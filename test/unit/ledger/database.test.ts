// The ledger database against a real IndexedDB implementation (fake-indexeddb): upgrades from
// the first release, privacy settings, quota errors, retention, and concurrent writers.

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type LedgerDb,
  openLedger,
  readSettings,
  V1_STORES,
  writeSettings,
} from '../../../extension/ledger/db.ts';
import { applyRetention, deleteEverything, logEvent } from '../../../extension/ledger/record.ts';
import { requestPersistentStorage } from '../../../extension/ledger/storage.ts';
import { type LedgerEvent, localIsoTimestamp, newEvent } from '../../../shared/events.ts';
import { kettle, oneOfEach, sampleEvent } from './samples.ts';

let counter = 0;
const opened: Dexie[] = [];
const freshLedger = (name = `ledger-test-${++counter}`): LedgerDb => {
  const db = openLedger(name);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('upgrading a version-1 database', () => {
  it('keeps every event, converts it to the current schema and fills the products table', async () => {
    const name = `ledger-v1-${++counter}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const views = Array.from({ length: 25 }, (_, i) => ({
      id: crypto.randomUUID(),
      type: 'product-viewed',
      at: localIsoTimestamp(new Date(Date.UTC(2026, 10, 1 + (i % 5), 10, i))),
      timeZone: 'Europe/Berlin',
      schemaVersion: 1,
      shopHost: 'www.ikea.com',
      data: {
        product: {
          title: `Table ${i % 5}`,
          url: `https://www.ikea.com/p/table-${i % 5}`,
          price: { amount: 100 + i, currency: 'EUR' },
          brand: 'IKEA',
          category: ['Furniture'],
          gtin: null,
        },
        estimate: i % 7 === 0 ? null : { kgCO2e: 30, low: 12, high: 75, category: 'furniture', method: 'spend-based' },
      },
    }));
    await v1.table('events').bulkAdd(views);
    v1.close();

    const db = freshLedger(name);
    const events = await db.events.toArray();
    expect(events.map((e) => e.id).sort()).toEqual(views.map((v) => v.id).sort());
    const first = events.find((e) => e.id === views[1]?.id);
    expect(first?.data).toEqual({
      product: {
        title: 'Table 1',
        url: 'https://www.ikea.com/p/table-1',
        price: { amount: 101, currency: 'EUR' },
        brand: 'IKEA',
        category: 'furniture',
        kgCO2e: 30,
        low: 12,
        high: 75,
        method: 'spend-based',
      },
    });
    expect((await db.products.toArray()).map((p) => [p.url, p.views])).toEqual(
      [0, 1, 2, 3, 4].map((n) => [`https://www.ikea.com/p/table-${n}`, 5]),
    );
    expect(db.verno).toBe(3);
  });
});

describe('logEvent', () => {
  it('writes each event type and keeps products and actions in step', async () => {
    const db = freshLedger();
    for (const event of oneOfEach()) expect((await logEvent(db, event)).logged).toBe(true);
    expect(await db.events.count()).toBe(6);
    expect(await db.products.get(kettle.url)).toMatchObject({ views: 1, kgCO2e: 12, shopHost: 'www.amazon.de' });
    expect(await db.actions.toArray()).toEqual([
      expect.objectContaining({ actionId: 'decline-single-use-extras', photoId: null }),
    ]);
  });

  it('logs nothing while paused or on a shop the shopper switched off', async () => {
    const db = freshLedger();
    await writeSettings(db, { paused: true });
    expect(await logEvent(db, sampleEvent('product-viewed'))).toEqual({ logged: false, reason: 'paused' });
    await writeSettings(db, { paused: false, disabledShops: ['www.amazon.de'] });
    expect(await logEvent(db, sampleEvent('product-viewed'))).toEqual({ logged: false, reason: 'shop-disabled' });
    expect((await logEvent(db, sampleEvent('action-logged'))).logged).toBe(true);
    expect(await db.events.count()).toBe(1);
  });

  it('refuses an invalid event and says why', async () => {
    const db = freshLedger();
    const bad = { ...sampleEvent('choice-made'), at: 'yesterday' } as LedgerEvent;
    expect(await logEvent(db, bad)).toMatchObject({
      logged: false,
      reason: 'invalid',
      error: expect.stringMatching(/^at:/),
    });
    expect(await db.events.count()).toBe(0);
  });

  it('reports a full disk and keeps what was there', async () => {
    const db = freshLedger();
    const kept = sampleEvent('product-viewed');
    await logEvent(db, kept);
    // The browser refuses the next write the way a full profile does.
    db.products.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    db.products.hook('updating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const refused = await logEvent(db, { ...sampleEvent('product-viewed'), id: crypto.randomUUID() });
    expect(refused).toMatchObject({ logged: false, reason: 'quota' });
    expect(await db.events.toArray()).toEqual([kept]);
  });

  it('loses nothing when ten tabs log a thousand events each at once', async () => {
    const name = `ledger-tabs-${++counter}`;
    const tabs = Array.from({ length: 10 }, () => freshLedger(name));
    await Promise.all(
      tabs.map(async (tab, t) => {
        const settings = await readSettings(tab);
        // Each tab logs one event after another, as a shopper's tab does; the tabs run at once.
        const results = [];
        for (let i = 0; i < 1000; i++) {
          const product = { ...kettle, url: `https://www.amazon.de/dp/T${t}P${i}` };
          results.push(
            await logEvent(tab, newEvent('product-viewed', { product }, { shopHost: 'www.amazon.de' }), settings),
          );
        }
        expect(results.every((r) => r.logged)).toBe(true);
      }),
    );
    expect(await tabs[0]!.events.count()).toBe(10_000);
    expect(await tabs[0]!.products.count()).toBe(10_000);
  }, 120_000);
});

describe('privacy', () => {
  it('deletes events older than the retention period, with their actions and photos', async () => {
    const db = freshLedger();
    const old = sampleEvent('action-logged', '2026-01-10');
    const oldWithPhoto = { ...old, data: { ...old.data, photoId: 'photo-1' } };
    await logEvent(db, oldWithPhoto);
    await db.photos.add({ id: 'photo-1', blob: new Blob(['jpeg'], { type: 'image/jpeg' }), createdAt: old.at });
    const recent = sampleEvent('product-viewed', '2026-11-20');
    await logEvent(db, recent);
    const settings = await writeSettings(db, { retentionDays: 90 });
    expect(await applyRetention(db, settings, new Date('2026-11-23T12:00:00Z'))).toBe(1);
    expect((await db.events.toArray()).map((e) => e.id)).toEqual([recent.id]);
    expect(await db.actions.count()).toBe(0);
    expect(await db.photos.count()).toBe(0);
  });

  it('deletes browsing history from the products table too', async () => {
    const db = freshLedger();
    const product = (n: number) => ({ ...kettle, url: `https://www.amazon.de/dp/B00000000${n}`, title: `Kettle ${n}` });
    const viewOf = (n: number, day: string) => {
      const event = sampleEvent('product-viewed', day);
      return { ...event, data: { product: product(n) } } as LedgerEvent;
    };
    await logEvent(db, viewOf(1, '2026-01-10')); // only seen long ago
    await logEvent(db, viewOf(2, '2026-01-11')); // seen long ago and lately
    await logEvent(db, viewOf(2, '2026-11-20'));
    await logEvent(db, viewOf(2, '2026-11-21'));
    await logEvent(db, viewOf(3, '2026-11-22')); // only lately
    const photo = (id: string, day: string) => ({
      id,
      blob: new Blob(['x'], { type: 'image/jpeg' }),
      createdAt: `${day}T12:00:00.000+01:00`,
    });
    await db.photos.bulkAdd([photo('old-loose-photo', '2026-01-12'), photo('recent-photo', '2026-11-21')]);
    const settings = await writeSettings(db, { retentionDays: 90 });
    expect(await applyRetention(db, settings, new Date('2026-11-23T12:00:00Z'))).toBe(2);
    const products = await db.products.orderBy('url').toArray();
    expect(products.map((p) => p.url)).toEqual([product(2).url, product(3).url]);
    // Nothing older than the cutoff is left, not even as a first-seen date or a view count.
    expect(products[0]).toMatchObject({ views: 2, firstSeenAt: expect.stringMatching(/^2026-11-20/) });
    for (const row of products) expect(Date.parse(row.firstSeenAt)).toBeGreaterThan(Date.parse('2026-08-24T12:00:00Z'));
    expect(await db.photos.toCollection().primaryKeys()).toEqual(['recent-photo']);
  });

  it('deletes everything: every table and every setting, switched-off shops and the study included', async () => {
    const db = freshLedger();
    for (const event of oneOfEach()) await logEvent(db, event);
    await db.badges.add({ id: 'first-action', earnedAt: '2026-11-02T12:00:00.000+00:00' });
    await db.photos.add({ id: 'p', blob: new Blob(['x'], { type: 'image/png' }), createdAt: '' });
    await writeSettings(db, { retentionDays: 30, paused: true, disabledShops: ['www.amazon.de'] });
    await writeSettings(db, { studySeeds: { 'some-study': '0'.repeat(32) } });
    await deleteEverything(db);
    for (const table of [db.events, db.products, db.actions, db.badges, db.photos, db.settings]) {
      expect(await table.count()).toBe(0);
    }
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('persistent storage', () => {
  it('asks the browser to keep the ledger and records the answer', async () => {
    const db = freshLedger();
    let asked = 0;
    const persist = async () => {
      asked++;
      return true;
    };
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
    try {
      expect(await requestPersistentStorage(db)).toBe(true);
      expect(asked).toBe(1);
      expect((await readSettings(db)).persisted).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
