// Reads the extension's ledger from its background service worker, with the raw IndexedDB API
// (the bundled Dexie instance is not reachable from outside), so tests check what was stored.

import type { Page, Worker } from 'playwright-core';

export interface StoredEvent {
  id: string;
  type: string;
  at: string;
  shopHost: string;
  data: Record<string, unknown>;
}

/**
 * Every stored event, read with IndexedDB itself in whatever extension context evaluates it (the
 * background worker, or one of our pages): self-contained, as the browser runs it from its source.
 */
export const storedEvents = (): Promise<StoredEvent[]> =>
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
  });

export async function readLedgerEvents(background: Worker): Promise<StoredEvent[]> {
  return background.evaluate(storedEvents);
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

/**
 * Every object store of the ledger's database, each as its rows sorted by key, photos' blobs as
 * their type and bytes (base64): what a backup must bring back and "delete everything" must empty.
 */
export async function readAllTables(target: Worker | Page): Promise<Record<string, unknown[]>> {
  return (target as Page).evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('carbon-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tables: Record<string, unknown[]> = {};
          const read = (name: string) =>
            new Promise<unknown[]>((done, fail) => {
              const all = db.transaction(name).objectStore(name).getAll();
              all.onsuccess = () => done(all.result);
              all.onerror = () => fail(all.error);
            });
          const plain = async (value: unknown): Promise<unknown> => {
            if (value instanceof Blob) {
              const bytes = new Uint8Array(await value.arrayBuffer());
              return { blobType: value.type, base64: btoa(String.fromCharCode(...bytes)) };
            }
            if (Array.isArray(value)) return Promise.all(value.map(plain));
            if (value && typeof value === 'object')
              return Object.fromEntries(
                await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await plain(v)] as const)),
              );
            return value;
          };
          try {
            for (const name of names) tables[name] = (await plain(await read(name))) as unknown[];
            db.close();
            resolve(tables);
          } catch (error) {
            db.close();
            reject(error);
          }
        };
      }),
  );
}

/** A 1×1 PNG, the smallest photo proof. */
const PHOTO_PROOF = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Logs the everyday action `actionId` on the open dashboard, with a photo proof, as the shopper does. */
export async function logActionWithPhoto(page: Page, actionId = 'decline-single-use'): Promise<void> {
  const row = page.locator(`[data-action-id="${actionId}"]`);
  await row
    .locator('input[type=file]')
    .setInputFiles({ name: 'proof.png', mimeType: 'image/png', buffer: PHOTO_PROOF });
  await row.locator('button[type=submit]').click();
}
