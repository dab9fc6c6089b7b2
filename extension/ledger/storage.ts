// Keeping the ledger's storage: ask the browser not to evict it, and apply the shopper's
// automatic deletion. Called when the background wakes and when an extension page opens.

import { type LedgerDb, readSettings, writeSettings } from './db.ts';
import { applyRetention } from './record.ts';

/**
 * Asks for persistent storage (navigator.storage.persist) and records the answer. `persist()`
 * exists in pages only; in the service worker the current state is read with `persisted()`.
 */
export async function requestPersistentStorage(db: LedgerDb): Promise<boolean | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage) return null;
  let persisted: boolean | null = null;
  try {
    persisted = typeof storage.persist === 'function' ? await storage.persist() : await storage.persisted();
  } catch {
    return null;
  }
  await writeSettings(db, { persisted });
  return persisted;
}

/** Runs the chores that keep the ledger as the shopper set it up. Returns events deleted. */
export async function ledgerHousekeeping(db: LedgerDb, now = new Date()): Promise<number> {
  await requestPersistentStorage(db);
  return applyRetention(db, await readSettings(db), now);
}
