// What IndexedDB itself costs in Chromium, without Dexie or the ledger: the floor under the
// dashboard's import. The ledger's events (the import's own synthetic ledger) are written in one
// readwrite transaction into a fresh database in the extension's origin, one record per event with
// the ledger's indexes (`at`, `[type+at]`), one record per event without indexes, and 1,000 events
// per record. If one record per event already costs more than the import's target, the target
// needs fewer records, not a faster import path.
// Standalone: `node bench/indexeddb.ts [--quick] [--size N]`.

import { buildExtension, EXTENSION_DIR } from '../test/e2e/harness/build.ts';
import { launchWithExtension } from '../test/e2e/harness/chromium.ts';
import { startShopServer } from '../test/e2e/harness/shop-server.ts';
import type { BenchFigure, Benchmark } from './figures.ts';
import { syntheticLedger } from './ledger.ts';

const LAYOUTS = {
  'one record per event, with the ledger indexes': { indexes: true, perRecord: 1 },
  'one record per event, no index': { indexes: false, perRecord: 1 },
  '1,000 events per record': { indexes: false, perRecord: 1000 },
} as const;

export const indexedDbBenchmark: Benchmark = async ({ quick, size: given }) => {
  buildExtension({ onlyIfMissing: true });
  const size = given ?? (quick ? 2_000 : 100_000);
  const server = await startShopServer();
  const browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, shopPort: server.port });
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
    await page.evaluate((events) => {
      (globalThis as { benchEvents?: unknown[] }).benchEvents = events;
    }, syntheticLedger(size));
    const figures: BenchFigure[] = [];
    const count = size.toLocaleString('en');
    for (const [layout, { indexes, perRecord }] of Object.entries(LAYOUTS)) {
      const ms = await page.evaluate(
        async ({ indexes, perRecord }) => {
          const events = (globalThis as { benchEvents?: { id: string }[] }).benchEvents!;
          const name = `carbon-ledger-bench-${Math.random()}`;
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name, 1);
            request.onupgradeneeded = () => {
              const store = request.result.createObjectStore('events', { keyPath: 'id' });
              if (indexes) {
                store.createIndex('at', 'at');
                store.createIndex('[type+at]', ['type', 'at']);
              }
            };
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const started = performance.now();
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction('events', 'readwrite');
            const store = tx.objectStore('events');
            if (perRecord === 1) for (const event of events) store.add(event);
            else
              for (let i = 0; i < events.length; i += perRecord)
                store.add({ id: events[i]!.id, events: events.slice(i, i + perRecord) });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
          const elapsed = performance.now() - started;
          db.close();
          indexedDB.deleteDatabase(name);
          return elapsed;
        },
        { indexes, perRecord },
      );
      figures.push({ name: `IndexedDB (Chromium): write ${count} events, ${layout}`, value: ms, unit: 'ms', runs: 1 });
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
};

if (import.meta.main) {
  const sizeAt = process.argv.indexOf('--size');
  const size = sizeAt > 0 ? Number(process.argv[sizeAt + 1]) : undefined;
  for (const figure of await indexedDbBenchmark({ quick: process.argv.includes('--quick'), size })) {
    console.log(`${figure.name}: ${figure.value.toFixed(0)} ${figure.unit}`);
  }
}
