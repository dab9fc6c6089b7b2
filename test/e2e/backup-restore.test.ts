// Backup and restore in real Chromium, through the dashboard as the shopper uses it: a backup of
// every table (photos and settings included) survives "delete everything" and comes back row for
// row; "delete everything" leaves no table row, no setting and no cached copy; hostile backups are
// refused in one line and change nothing; events logged while a restore runs are kept; automatic
// deletion applies when chosen; the CSV export is safe for spreadsheets and reads back unchanged.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readExport } from '../../analysis/load/read.ts';
import { parseCsvRows } from '../../shared/csv.ts';
import { type LedgerEvent, newEvent, type ProductSummary } from '../../shared/events.ts';
import { researchExport } from '../../shared/export/research.ts';
import { expect, type Shop, test } from './harness/fixture.ts';
import { logActionWithPhoto, readAllTables } from './harness/ledger.ts';

// The page's chrome.runtime, typed here: the functions below run inside an extension page.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<Record<string, unknown> | undefined> };
};

const TITLES = ['Backup kettle 1.7 l', 'Backup oak table', 'Backup linen shirt'];

function product(title: string, i: number): ProductSummary {
  return {
    title,
    url: `https://www.otto.de/p/backup-${i}`,
    price: { amount: 30 + i, currency: 'EUR' },
    brand: null,
    category: 'small-appliances',
    kgCO2e: 10 + i,
    low: 5,
    high: 100_000,
    method: 'spend-based',
  };
}

/** A small ledger: views of three products, one greener choice. */
function seedEvents(): LedgerEvent[] {
  const now = Date.now();
  const events: LedgerEvent[] = TITLES.map((title, i) =>
    newEvent(
      'product-viewed',
      { product: product(title, i) },
      { shopHost: 'www.otto.de', now: new Date(now - i * 3_600_000) },
    ),
  );
  events.push(
    newEvent(
      'choice-made',
      {
        product: product(TITLES[0]!, 0),
        choice: 'greener',
        alternative: { kind: 'second-hand', title: 'Refurbished kettle', url: null, avoidedKgCO2e: 3 },
        avoidedKgCO2e: 3,
      },
      { shopHost: 'www.otto.de', now: new Date(now - 60_000) },
    ),
  );
  return events;
}

async function dashboard(shop: Shop): Promise<Page> {
  const page = await shop.context.newPage();
  page.on('pageerror', (error) => shop.extensionErrors.push(error.message));
  await page.goto(`chrome-extension://${shop.extensionId}/options.html`);
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 15_000 });
  return page;
}

/** Rows of each table in a stable order, so two readings compare equal when they hold the same. */
const sorted = (tables: Record<string, unknown[]>) =>
  Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [name, rows.map((row) => JSON.stringify(row)).sort()]),
  );

const outcome = (page: Page) => page.locator('#data-outcome').textContent();

async function restore(page: Page, name: string, content: string): Promise<void> {
  await page.setInputFiles('#restore-file', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

test('a backup survives "delete everything" and restores every table; hostile backups change nothing', {
  timeout: 180_000,
}, async ({ shop }) => {
  const page = await dashboard(shop);
  const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-backup-'));
  const seed = join(dir, 'seed.json');
  const events = seedEvents();
  writeFileSync(seed, JSON.stringify(researchExport(events, { exportedAt: new Date().toISOString() })));
  await page.setInputFiles('#import-file', seed);
  await expect.poll(() => outcome(page)).toContain(`Imported ${events.length} events`);

  // An everyday action with a photo, and settings (switched-off shop, automatic deletion) written
  // as the privacy settings write them: one row per key.
  await logActionWithPhoto(page);
  await expect.poll(async () => (await readAllTables(page)).photos?.length).toBe(1);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('carbon-ledger');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'disabledShops', value: ['www.ikea.com'] });
          tx.objectStore('settings').put({ key: 'retentionDays', value: 3650 });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const before = await readAllTables(page);
  for (const table of ['events', 'products', 'actions', 'photos', 'settings'])
    expect(before[table]?.length, table).toBeGreaterThan(0);

  // Back up everything, photos included.
  await page.locator('#include-photos').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#backup')]);
  const backupText = readFileSync((await download.path())!, 'utf8');

  // Delete everything: every table empty, no setting, no cached summary naming a product.
  await page.locator('#delete-everything').click();
  await page.locator('#delete-confirm').click();
  await expect.poll(() => outcome(page)).toContain('Your ledger is empty');
  const emptied = await readAllTables(page);
  expect(Object.keys(emptied).sort()).toEqual(Object.keys(before).sort());
  for (const [table, rows] of Object.entries(emptied)) expect(rows, table).toEqual([]);
  const cached = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  for (const title of TITLES) expect(cached).not.toContain(title);
  // No other store of the extension's origin holds anything: one database, no extension storage.
  const elsewhere = await shop.background.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    storage: typeof (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage,
  }));
  expect(elsewhere.databases.filter((name) => name !== 'carbon-ledger' && name !== '__dbnames')).toEqual([]);
  expect(elsewhere.storage).toBe('undefined');

  // Restore: every table as it was, row for row, photo bytes included.
  await restore(page, 'backup.json', backupText);
  await expect.poll(() => outcome(page)).toContain('Restored from the backup');
  expect(await outcome(page)).toContain('Photos restored: 1');
  expect(sorted(await readAllTables(page))).toEqual(sorted(before));

  // Hostile backups: each refused in one line naming what is wrong, and nothing changes.
  const edited = (edit: (json: { data: { data: { tableName: string; rows: unknown }[] } }) => void): string => {
    const json = JSON.parse(backupText);
    edit(json);
    return JSON.stringify(json);
  };
  const table = (json: { data: { data: { tableName: string; rows: unknown }[] } }, name: string) =>
    json.data.data.find((t) => t.tableName === name)!;
  const hostile: [string, string, string][] = [
    ['rows-not-list.json', edited((j) => (table(j, 'products').rows = 'all of them')), 'products: rows must be a list'],
    [
      'huge-title.json',
      edited((j) => ((table(j, 'products').rows as { title: string }[])[0]!.title = 'x'.repeat(2_000_000))),
      'products[0].title: must be a non-empty text of at most 1000 characters',
    ],
    [
      'unknown-table.json',
      edited((j) => j.data.data.push({ tableName: 'cookies', rows: [] })),
      'unknown table "cookies" in backup',
    ],
    [
      'proto-table.json',
      edited((j) => j.data.data.push({ tableName: '__proto__', rows: [] })),
      'unknown table "__proto__" in backup',
    ],
    [
      'proto-setting.json',
      edited((j) => (table(j, 'settings').rows as unknown[]).push({ key: '__proto__', value: { paused: true } })),
      'settings.key: "__proto__" is not a setting of this version',
    ],
    [
      'proto-seed.json',
      // JSON.parse makes "__proto__" an own key, as a hand-made file would carry it.
      edited((j) =>
        (table(j, 'settings').rows as unknown[]).push(JSON.parse('{"key":"studySeeds","value":{"__proto__":"x"}}')),
      ),
      'settings.studySeeds: must map study ids to 32 hex digits',
    ],
    [
      'event-wrong-type.json',
      edited((j) => ((table(j, 'events').rows as { at: unknown }[])[0]!.at = 12)),
      'events[0] at: must be a non-empty string',
    ],
    [
      'action-wrong-type.json',
      edited((j) => ((table(j, 'actions').rows as { at: unknown }[])[0]!.at = ['2026'])),
      'actions[0].at: must be a non-empty text',
    ],
    [
      'photo-bad-data.json',
      edited((j) => ((table(j, 'photos').rows as { blob: { data: string } }[])[0]!.blob.data = 'A')),
      'photos[0].blob.data: must be base64 data',
    ],
    [
      'paused-no.json',
      edited((j) => (table(j, 'settings').rows as unknown[]).push({ key: 'paused', value: 'no' })),
      'settings.paused: must be true or false',
    ],
  ];
  const restored = sorted(await readAllTables(page));
  for (const [name, content, message] of hostile) {
    await restore(page, name, content);
    await expect.poll(() => outcome(page), { message: name }).toContain(`${name} was not imported, nothing changed`);
    expect(await outcome(page)).toContain(message);
    expect(sorted(await readAllTables(page)), name).toEqual(restored);
  }
  expect(shop.extensionErrors).toEqual([]);
});

test('events logged while a restore runs are kept', { timeout: 180_000 }, async ({ shop }) => {
  const page = await dashboard(shop);
  // A backup large enough that the restore takes a while: its own events, and none of ours.
  const now = Date.now();
  const rows = Array.from({ length: 20_000 }, (_, i) =>
    newEvent(
      'product-viewed',
      { product: product(`Restored item ${i}`, i) },
      {
        shopHost: 'www.otto.de',
        now: new Date(now - i * 60_000),
      },
    ),
  );
  const backup = {
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'carbon-ledger',
      databaseVersion: 2,
      tables: [],
      data: [{ tableName: 'events', inbound: true, rows }],
    },
  };
  const sender = await shop.context.newPage();
  await sender.goto(`chrome-extension://${shop.extensionId}/manifest.json`);

  await restore(page, 'large-backup.json', JSON.stringify(backup));
  // The restore has begun (the section is busy): from now on, views are logged by the background.
  await page.locator('#data[aria-busy="true"]').waitFor({ timeout: 15_000 });
  const logged = await sender.evaluate(async () => {
    const titles: string[] = [];
    for (let i = 0; i < 40; i++) {
      const title = `Viewed during restore ${i}`;
      const answer = await chrome.runtime.sendMessage({
        type: 'product-viewed',
        product: {
          title,
          url: `https://www.amazon.de/dp/DURING${i}`,
          price: { amount: 20 + i, currency: 'EUR' },
          brand: null,
          category: ['Home', 'Kitchen'],
          gtin: null,
        },
      });
      if (answer && ('logged' in answer ? answer.logged : 'estimate' in answer)) titles.push(title);
    }
    return titles;
  });
  await expect.poll(() => outcome(page), { timeout: 60_000 }).toContain('Restored from the backup: 20,000 events');
  expect(logged.length).toBe(40);
  const events = (await readAllTables(page)).events as { data: { product?: { title: string } } }[];
  const titles = new Set(events.map((event) => event.data.product?.title));
  expect(logged.filter((title) => !titles.has(title))).toEqual([]);
  expect(events).toHaveLength(20_000 + logged.length);
  console.log(`restore: ${await outcome(page)}`);
  expect(shop.extensionErrors).toEqual([]);
});

test('choosing automatic deletion deletes old browsing at once: events and the products table', {
  timeout: 120_000,
}, async ({ shop }) => {
  const page = await dashboard(shop);
  const day = 86_400_000;
  const now = Date.now();
  const view = (i: number, daysAgo: number) =>
    newEvent(
      'product-viewed',
      { product: product(TITLES[i]!, i) },
      {
        shopHost: 'www.otto.de',
        now: new Date(now - daysAgo * day),
      },
    );
  // The kettle only long ago; the table long ago and last week; the shirt only last week.
  const events = [view(0, 400), view(0, 380), view(1, 400), view(1, 7), view(2, 3)];
  const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-retention-'));
  const file = join(dir, 'history.json');
  writeFileSync(file, JSON.stringify(researchExport(events, { exportedAt: new Date().toISOString() })));
  await page.setInputFiles('#import-file', file);
  await expect.poll(() => outcome(page)).toContain(`Imported ${events.length} events`);
  expect((await readAllTables(page)).products).toHaveLength(3);

  await page.selectOption('#retention', '30');
  await expect.poll(async () => (await readAllTables(page)).events?.length, { timeout: 10_000 }).toBe(2);
  const tables = await readAllTables(page);
  const products = tables.products as { title: string; firstSeenAt: string; views: number }[];
  expect(products.map((p) => p.title).sort()).toEqual([TITLES[1], TITLES[2]].sort());
  const table = products.find((p) => p.title === TITLES[1])!;
  // What remains of the table's history is last week's view only.
  expect(table.views).toBe(1);
  expect(Date.parse(table.firstSeenAt)).toBeGreaterThan(now - 30 * day);
  expect(JSON.stringify(tables)).not.toContain(TITLES[0]);
  expect(shop.extensionErrors).toEqual([]);
});

test('the dashboard CSV export neutralises hostile titles and reads back as they were', {
  timeout: 120_000,
}, async ({ shop }) => {
  const page = await dashboard(shop);
  const hostile = ['=HYPERLINK("https://evil.example","x")', '+cmd|calc', '-1+2', '@SUM(1)', '\t=1', 'Kettle\r\n=2'];
  const now = Date.now();
  const events = hostile.map((title, i) =>
    newEvent(
      'product-viewed',
      { product: { ...product(title, i), brand: `=${i}` } },
      {
        shopHost: 'www.otto.de',
        now: new Date(now - i * 60_000),
      },
    ),
  );
  const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-csv-'));
  const file = join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify(researchExport(events, { exportedAt: new Date().toISOString() })));
  await page.setInputFiles('#import-file', file);
  await expect.poll(() => outcome(page)).toContain(`Imported ${events.length} events`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csvPath = (await download.path())!;
  const rows = parseCsvRows(readFileSync(csvPath, 'utf8')).slice(2);
  expect(rows).toHaveLength(hostile.length);
  for (const row of rows) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false);
  const copy = join(dir, 'export.csv');
  writeFileSync(copy, readFileSync(csvPath));
  const titles: string[] = [];
  await readExport(copy, (event) => titles.push(event.productTitle ?? ''));
  expect(titles.sort()).toEqual([...hostile].sort());
  expect(shop.extensionErrors).toEqual([]);
});
