// Reads the extension's ledger from its background service worker, with the raw IndexedDB API
// (the bundled Dexie instance is not reachable from outside), so tests check what was stored.

import type { Worker } from 'playwright-core';

export interface StoredEvent {
  id: string;
  type: string;
  at: string;
  shopHost: string;
  data: Record<string, unknown>;
}

export async function readLedgerEvents(background: Worker): Promise<StoredEvent[]> {
  return background.evaluate(
    () =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const open = indexedDB.open('carbon-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as StoredEvent[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** The ledger's settings rows as stored, key → value (an empty object before any was written). */
export async function readLedgerSettings(background: Worker): Promise<Record<string, unknown>> {
  return background.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('carbon-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('settings')) {
            db.close();
            resolve({});
            return;
          }
          const all = db.transaction('settings').objectStore('settings').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(Object.fromEntries((all.result as { key: string; value: unknown }[]).map((r) => [r.key, r.value])));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}
